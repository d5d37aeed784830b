# One task runner for people and CI.  `make demo` and `make test` are the README's two commands.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: install demo test lint typecheck bench clean

# setup.py and the C source: the optional compiled helpers are rebuilt when they change
$(BIN)/newsprism: pyproject.toml setup.py src/newsprism/_speedups.c
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,web]'
	@touch $@

install: $(BIN)/newsprism

demo: install
	$(BIN)/newsprism --db $(VENV)/demo.db demo

test: install
	$(BIN)/python -m pytest tests; rc=$$?; if [ $$rc -eq 5 ]; then exit 0; fi; exit $$rc

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/cluster_bench.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
