"""Expand command-line inputs (files, folders, globs, ``-``) into the bytes of each input.

:func:`iter_inputs` yields one :class:`InputItem` per input file (JSONL files larger than the size
limit are cut into several items at line boundaries) or a :class:`~newsprism.model.Rejection` for a
spec that names nothing usable.  It never raises for one bad input: the rest goes on.
"""

from __future__ import annotations

import codecs
import errno
import glob
import logging
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from ..model import Rejection
from .parsers import wide_encoding

__all__ = ["KINDS", "SUPPORTED_EXTENSIONS", "InputItem", "iter_inputs", "kind_for_path", "sniff_kind"]

logger = logging.getLogger(__name__)

SUPPORTED_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
KINDS = ("text", "html", "json", "jsonl", "feed")
STDIN = "-"
_GLOB_CHARS = frozenset("*?[")
# the first element of a saved feed, after an XML declaration, comments and doctype (an atomic
# group: a run of comments is read one way, never retried in every split of it)
_FEED_ROOT = re.compile(
    rb"^(?>\s*(?:<\?xml[^>]*>|<!--.*?-->|<!DOCTYPE[^>]*>))*\s*<(?:rss|feed|rdf:RDF|channel)[\s>]", re.S
)
_SNIFF_BYTES = 65_536
_READ_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class InputItem:
    """The bytes of one input and how to parse them.

    ``origin`` is the path as given or expanded (``-`` for stdin); ``kind`` is ``text``, ``html``,
    ``json`` or ``jsonl``.  ``first_line`` is the line number of the first line of ``data`` in the
    file: 1, except for the later pieces of a JSONL file that was cut at the size limit.
    """

    origin: str
    kind: str
    data: bytes
    first_line: int = 1


def kind_for_path(path: str) -> str | None:
    """The input kind for a file name's extension, ``None`` when it is not supported."""
    return SUPPORTED_EXTENSIONS.get(os.path.splitext(path)[1].lower())


def sniff_kind(data: bytes) -> str:
    """Guess the kind of extension-less content: JSON/JSONL by ``{``/``[``, HTML by ``<``, else text."""
    stripped = data[:_SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf").lstrip()
    if stripped[:1] in (b"{", b"["):
        lines = [line.strip() for line in data.splitlines() if line.strip()]
        if len(lines) > 1 and all(line.startswith(b"{") for line in lines):
            return "jsonl"
        return "json"
    if stripped[:1] == b"<":
        return "feed" if _FEED_ROOT.search(stripped[:4096]) else "html"
    return "text"


def iter_inputs(
    specs: Sequence[str], *, stdin: BinaryIO | None = None, max_bytes: int
) -> Iterator[InputItem | Rejection]:
    """Expand ``specs`` in order and read each input.

    A spec is a file, a folder (walked recursively in sorted order; only supported extensions,
    hidden entries skipped), a glob (``*``, ``?``, ``[``, ``**``) or ``-`` for ``stdin`` (kind
    sniffed).  Rejection reasons: ``not-found`` (missing path, glob or folder without a supported
    file), ``unsupported-type`` (a named file with another extension), ``too-large`` (over
    ``max_bytes``; ``0`` means no limit), ``unreadable``.  A file reached twice is read once.
    JSONL inputs are limited per line: a larger file is cut into items of at most ``max_bytes``.
    """
    seen: set[tuple[int, int]] = set()
    stdin_done = False
    for spec in specs:
        if spec == STDIN:
            if stdin_done:
                continue
            stdin_done = True
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stream(stream, STDIN, None, max_bytes)
        elif any(ch in _GLOB_CHARS for ch in spec) and not os.path.exists(spec):
            yield from _expand_glob(spec, seen, max_bytes)
        elif os.path.isdir(spec):
            yield from _expand_folder(spec, seen, max_bytes)
        elif os.path.lexists(spec):
            kind = kind_for_path(spec)
            if kind is None and os.path.splitext(spec)[1]:
                yield Rejection(spec, "unsupported-type", f"unsupported file type {os.path.splitext(spec)[1]!r}")
                continue
            yield from _read_file(spec, kind, seen, max_bytes)
        else:
            yield Rejection(spec, "not-found", "no such file or folder")


def _expand_glob(pattern: str, seen: set[tuple[int, int]], max_bytes: int) -> Iterator[InputItem | Rejection]:
    # shallow paths first, each real file once: "**" follows links to folders, a link to a parent
    # folder gives every file again under ever longer paths (until "too many levels of links")
    matches = sorted(glob.glob(pattern, recursive=True), key=lambda m: (m.count(os.sep), m))
    real: set[str] = set()
    found = False
    for match in matches:
        try:
            os.stat(match)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                continue
        resolved = os.path.realpath(match)
        if resolved in real:
            continue
        real.add(resolved)
        if os.path.isdir(match):
            for item in _expand_folder(match, seen, max_bytes, quiet=True):
                found = True
                yield item
            continue
        kind = kind_for_path(match)
        if kind is None:
            logger.debug("skipping %s: unsupported type", match)
            continue
        found = True
        yield from _read_file(match, kind, seen, max_bytes)
    if not found:
        detail = f"{len(matches)} matches, none of a supported type" if matches else "no match"
        yield Rejection(pattern, "not-found", f"pattern matches no input file ({detail})")


def _expand_folder(
    folder: str, seen: set[tuple[int, int]], max_bytes: int, *, quiet: bool = False
) -> Iterator[InputItem | Rejection]:
    found = False
    other: dict[str, int] = {}  # files of other types, by extension
    for root, dirs, files in os.walk(folder, onerror=lambda err: logger.warning("cannot list %s", err)):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            kind = kind_for_path(name)
            if kind is None:
                extension = os.path.splitext(name)[1].lower() or "(none)"
                other[extension] = other.get(extension, 0) + 1
                continue
            found = True
            yield from _read_file(os.path.join(root, name), kind, seen, max_bytes)
    if other:  # said once a folder, not once a file
        kinds = ", ".join(f"{n} {ext}" for ext, n in sorted(other.items()))
        logger.warning(
            "%s: left out %d files of types newsprism does not read (%s)", folder, sum(other.values()), kinds
        )
    if not found and not quiet:
        extra = f" (it holds {sum(other.values())} files of other types: {', '.join(sorted(other))})" if other else ""
        yield Rejection(folder, "not-found", f"folder holds no supported file{extra}")


def _read_file(
    path: str, kind: str | None, seen: set[tuple[int, int]], max_bytes: int
) -> Iterator[InputItem | Rejection]:
    """Stat, check the limit, read.  ``kind`` ``None``: sniff it from the content."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        yield Rejection(path, "not-found", "no such file (broken link?)")
        return
    except OSError as exc:
        yield Rejection(path, "unreadable", exc.strerror or str(exc))
        return
    key = (info.st_dev, info.st_ino)
    if key in seen:
        logger.debug("skipping %s: already read", path)
        return
    seen.add(key)
    if stat.S_ISDIR(info.st_mode):
        yield Rejection(path, "unsupported-type", "is a folder")
        return
    regular = stat.S_ISREG(info.st_mode)
    if regular and kind not in ("jsonl", None) and 0 < max_bytes < info.st_size:
        yield Rejection(path, "too-large", f"{info.st_size} bytes, over the limit of {max_bytes}")
        return
    try:
        with open(path, "rb") as stream:
            yield from _read_stream(stream, path, kind, max_bytes)
    except OSError as exc:
        yield Rejection(path, "unreadable", exc.strerror or str(exc))


def _read_stream(stream: BinaryIO, origin: str, kind: str | None, max_bytes: int) -> Iterator[InputItem | Rejection]:
    if kind is None:
        head = stream.read(_SNIFF_BYTES)
        # Sniff on whole lines only: the last line of the prefix may be cut.
        complete = head if len(head) < _SNIFF_BYTES else head[: head.rfind(b"\n") + 1] or head
        kind = sniff_kind(complete)
    else:
        head = b""
    if kind == "jsonl" and max_bytes > 0:
        if len(head) < 4:
            head += stream.read(4 - len(head))
        wide = wide_encoding(head)
        if wide is not None:  # cut at b"\n" only once read as UTF-8: in UTF-16 it is half a character
            stream, head = _Transcoded(stream, head, wide), b""
        yield from _jsonl_pieces(stream, origin, head, max_bytes)
        return
    if max_bytes > 0:
        remaining = max(max_bytes + 1 - len(head), 0)
        data = head + (stream.read(remaining) if remaining else b"")
    else:
        data = head + stream.read()
    if 0 < max_bytes < len(data):
        yield Rejection(origin, "too-large", f"over the limit of {max_bytes} bytes")
        return
    yield InputItem(origin, kind, data)


class _Transcoded:
    """A UTF-16 or UTF-32 stream (with its byte-order mark) read as UTF-8 bytes, a chunk at a time."""

    def __init__(self, stream: BinaryIO, head: bytes, encoding: str) -> None:
        self._stream, self._pending = stream, head
        self._decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self._buffer = b""
        self._done = False

    def read(self, size: int = -1) -> bytes:
        while not self._done and (size < 0 or len(self._buffer) < size):
            chunk, self._pending = self._pending or self._stream.read(1 << 16), b""
            self._buffer += self._decoder.decode(chunk, final=not chunk).encode("utf-8")
            self._done = not chunk
        if size < 0:
            out, self._buffer = self._buffer, b""
        else:
            out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out


def _jsonl_pieces(stream: BinaryIO, origin: str, head: bytes, max_bytes: int) -> Iterator[InputItem | Rejection]:
    """Cut a JSONL stream into items of at most ``max_bytes``; a longer line is rejected."""
    reader = _LineReader(stream, head)
    piece: list[bytes] = []
    size = first = line_no = 0
    while True:
        line, overlong = reader.readline(max_bytes)
        if line is None:
            break
        line_no += 1
        if piece and (overlong or size + len(line) > max_bytes):
            yield InputItem(origin, "jsonl", b"".join(piece), first)
            piece, size = [], 0
        if overlong:
            yield Rejection(f"{origin}:{line_no}", "too-large", f"line over the limit of {max_bytes} bytes")
            continue
        if not piece:
            first = line_no
        piece.append(line)
        size += len(line)
    if piece:
        yield InputItem(origin, "jsonl", b"".join(piece), first)
    elif line_no == 0:
        yield InputItem(origin, "jsonl", b"", 1)  # an empty file: the parser rejects it as empty


class _LineReader:
    """Reads lines of at most ``limit`` bytes from a stream, skipping over longer ones."""

    def __init__(self, stream: BinaryIO, head: bytes) -> None:
        self._stream = stream
        self._buffer = head
        self._eof = False

    def _fill(self) -> bool:
        if self._eof:
            return False
        chunk = self._stream.read(_READ_CHUNK)
        if not chunk:
            self._eof = True
            return False
        self._buffer += chunk
        return True

    def readline(self, limit: int) -> tuple[bytes | None, bool]:
        """``(line, overlong)``; ``(None, False)`` at the end.  An overlong line is consumed."""
        while True:
            end = self._buffer.find(b"\n")
            if end >= 0:
                line, self._buffer = self._buffer[: end + 1], self._buffer[end + 1 :]
                return (b"", True) if len(line.rstrip(b"\r\n")) > limit else (line, False)
            if len(self._buffer) > limit:
                self._skip_rest()
                return b"", True
            if not self._fill():
                if not self._buffer:
                    return None, False
                line, self._buffer = self._buffer, b""
                return line, False

    def _skip_rest(self) -> None:
        self._buffer = b""
        while self._fill():
            end = self._buffer.find(b"\n")
            if end >= 0:
                self._buffer = self._buffer[end + 1 :]
                return
            self._buffer = b""
