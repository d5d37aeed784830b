"""``newsprism serve``, the token's life cycle, and the core staying free of the web stack."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism import MissingDependency, Settings
from newsprism.cli.main import cli
from newsprism.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[2]
BRIDGE = "The old bridge over the river reopened on Friday after two years of repairs, the city said."


def test_core_and_cli_import_without_the_web_stack() -> None:
    code = (
        "import sys, newsprism, newsprism.cli.main, newsprism.web; "
        "print(sorted(m for m in ('fastapi', 'uvicorn', 'jinja2', 'starlette') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_missing_web_extra_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsprism.web as web

    monkeypatch.setattr(web, "find_spec", lambda name: None if name == "uvicorn" else object())
    with pytest.raises(MissingDependency) as caught:
        web.create_app()
    assert "pip install 'newsprism[web]'" in str(caught.value)
    result = CliRunner().invoke(cli, ["--db", ":memory:", "serve"])
    assert result.exit_code == 1 and "pip install 'newsprism[web]'" in result.output


def test_token_is_generated_once_and_stored_hashed(tmp_path: Path) -> None:
    pytest.importorskip("fastapi", reason="the web extra is not installed")
    from newsprism.api.auth import TOKEN_META_KEY, ensure_token

    store = SQLiteStore(tmp_path / "t.db")
    settings = Settings.load({"db": str(tmp_path / "t.db")}, env={})
    first = ensure_token(store, settings)
    assert first.source == "generated" and first.new_token and len(first.new_token) >= 40
    stored = store.get_meta(TOKEN_META_KEY)
    assert stored == hashlib.sha256(first.new_token.encode()).hexdigest() != first.new_token
    again = ensure_token(store, settings)
    assert again.source == "stored" and again.new_token is None and again.digest == first.digest
    rotated = ensure_token(store, settings, rotate=True)
    assert rotated.new_token not in (None, first.new_token) and store.get_meta(TOKEN_META_KEY) == rotated.digest
    given = ensure_token(store, Settings.load({"token": "from-the-environment"}, env={}))
    assert given.source == "setting" and store.get_meta(TOKEN_META_KEY) == rotated.digest  # never stored
    assert "from-the-environment" not in repr(Settings.load({"token": "from-the-environment"}, env={}))
    store.close()


def test_docs_mention_serve_and_its_routes() -> None:
    text = "".join((ROOT / name).read_text(encoding="utf-8") for name in ("README.md", "docs/web.md"))
    needles = ("newsprism serve", "--private-reads", "/api/v1/openapi.json", "NEWSPRISM_TOKEN", "max_request_bytes")
    for needle in needles:
        assert needle in text, needle


@pytest.mark.parametrize("where", ["busy-port", "foreign-host"])
def test_serve_fails_on_an_address_it_cannot_bind_before_announcing_anything(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("uvicorn", reason="the web extra is not installed")
    for name in [k for k in os.environ if k.startswith("NEWSPRISM_")]:
        monkeypatch.delenv(name)
    db = tmp_path / "new.db"
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        # 203.0.113.7 (TEST-NET-3) is no address of this machine
        host = "127.0.0.1" if where == "busy-port" else "203.0.113.7"
        result = CliRunner().invoke(cli, ["--db", str(db), "serve", "--host", host, "--port", str(port)])
    assert result.exit_code not in (0, None), result.output
    [line] = result.stderr.splitlines()
    expected = "address already in use" if where == "busy-port" else "cannot assign requested address"
    assert line.startswith(f"error: cannot listen on {host}:{port}: ") and expected in line
    assert "serving" not in result.output and "API token" not in result.output
    if db.exists():  # no token was made for a server that never started
        store = SQLiteStore(db)
        assert store.get_meta("web.token_sha256") is None
        store.close()


def test_serve_command_starts_shows_the_token_once_and_answers(tmp_path: Path) -> None:
    pytest.importorskip("uvicorn", reason="the web extra is not installed")
    httpx = pytest.importorskip("httpx")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    db = tmp_path / "serve.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSPRISM_")}
    args = ["--db", str(db), "serve", "--port", str(port), "--no-access-log"]
    proc = subprocess.Popen(
        [sys.executable, "-c", "from newsprism.cli.main import main; main()", *args],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stderr is not None
        lines: list[str] = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            lines.append(line)
            if "Uvicorn running" in line or proc.poll() is not None:
                break
        output = "".join(lines)
        match = re.search(r"API token \(shown once; only its hash is stored\): (\S+)", output)
        assert match, output
        token = match.group(1)
        base = f"http://127.0.0.1:{port}"
        assert httpx.get(base + "/api/v1/health").json()["status"] == "ok"
        posted = httpx.post(
            base + "/api/v1/articles",
            json={"articles": [{"title": "Bridge reopens", "text": BRIDGE}]},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert posted.status_code == 200 and posted.json()["ingested"] == 1
        assert "Bridge reopens" in httpx.get(base + "/").text
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=15)
    assert proc.returncode == 0
    again = subprocess.run(
        [sys.executable, "-c", "from newsprism.cli.main import main; main()", "--db", str(db), "serve", "--help"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert "--private-reads" in again.stdout and "--new-token" in again.stdout
