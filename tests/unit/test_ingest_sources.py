"""Expanding command-line inputs: files, folders, globs, stdin; rejections for bad inputs."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from newsprism.ingest.sources import InputItem, iter_inputs, sniff_kind
from newsprism.model import Rejection

LIMIT = 10_000


def collect(specs: list[str], **kwargs: object) -> tuple[list[InputItem], list[Rejection]]:
    items: list[InputItem] = []
    rejections: list[Rejection] = []
    kwargs.setdefault("max_bytes", LIMIT)
    for result in iter_inputs(specs, **kwargs):  # type: ignore[arg-type]
        (rejections if isinstance(result, Rejection) else items).append(result)  # type: ignore[arg-type]
    return items, rejections


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A folder with supported, unsupported, hidden and nested files."""
    (tmp_path / "b.txt").write_text("B title\nbody")
    (tmp_path / "a.md").write_text("# A title\nbody")
    (tmp_path / "c.html").write_text("<html><body><p>c</p></body></html>")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".hidden.txt").write_text("secret")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("git internals")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.jsonl").write_text('{"text": "d"}\n')
    (tmp_path / "sub" / "e.json").write_text('{"text": "e"}')
    return tmp_path


def test_folder_is_walked_recursively_in_sorted_order_skipping_hidden_and_unsupported(tree: Path) -> None:
    items, rejections = collect([str(tree)])
    assert rejections == []
    assert [Path(i.origin).relative_to(tree).as_posix() for i in items] == [
        "a.md",
        "b.txt",
        "c.html",
        "sub/d.jsonl",
        "sub/e.json",
    ]
    assert [i.kind for i in items] == ["text", "text", "html", "jsonl", "json"]
    assert items[1].data == b"B title\nbody"
    assert items[0].origin == os.path.join(str(tree), "a.md")  # the path as expanded, not resolved


def test_glob_patterns_expand_sorted_and_recursively(tree: Path) -> None:
    items, rejections = collect([str(tree / "*.txt")])
    assert rejections == []
    assert [Path(i.origin).name for i in items] == ["b.txt"]  # glob skips hidden files too

    items, _ = collect([str(tree / "**" / "*.json*")])
    assert [Path(i.origin).relative_to(tree).as_posix() for i in items] == ["sub/d.jsonl", "sub/e.json"]

    items, _ = collect([str(tree / "[ab].*")])
    assert [Path(i.origin).name for i in items] == ["a.md", "b.txt"]


def test_missing_path_and_empty_glob_are_not_found(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Title\ntext")
    items, rejections = collect([str(tmp_path / "missing.txt"), str(tmp_path / "*.nothing"), str(tmp_path / "ok.txt")])
    assert [r.reason for r in rejections] == ["not-found", "not-found"]
    assert rejections[0].origin == str(tmp_path / "missing.txt")
    assert rejections[1].origin == str(tmp_path / "*.nothing")
    assert [Path(i.origin).name for i in items] == ["ok.txt"]  # the rest goes on


def test_glob_matching_only_unsupported_files_is_not_found(tree: Path) -> None:
    _, rejections = collect([str(tree / "*.png")])
    assert [r.reason for r in rejections] == ["not-found"]
    assert "none of a supported type" in rejections[0].message


def test_empty_folder_is_not_found(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    _, rejections = collect([str(tmp_path / "empty")])
    assert [r.reason for r in rejections] == ["not-found"]


def test_a_folder_of_other_files_says_what_it_holds(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.csv").write_text("x,y")
    (folder / "b.bin").write_bytes(b"\x00")
    _, rejections = collect([str(folder)])
    assert [r.reason for r in rejections] == ["not-found"]
    assert rejections[0].message == "folder holds no supported file (it holds 2 files of other types: .bin, .csv)"
    (folder / "c.txt").write_text("Title\nSome text of the article, long enough to keep.")
    with caplog.at_level("WARNING", logger="newsprism.ingest.sources"):  # shown without -v
        items, rejections = collect([str(folder)])
    assert [Path(i.origin).name for i in items] == ["c.txt"] and rejections == []
    assert "left out 2 files of types newsprism does not read (1 .bin, 1 .csv)" in caplog.text


def test_a_recursive_glob_reads_each_file_once_through_a_link_loop(tmp_path: Path) -> None:
    """ "**" follows a link to a parent folder: every file again under ever longer paths, until "too
    many levels of symbolic links"."""
    deep = tmp_path / "t" / "a" / "b" / "c"
    deep.mkdir(parents=True)
    (tmp_path / "t" / "a" / "x.txt").write_text("Title\nSome text of the article, long enough to keep.")
    os.symlink("../..", deep / "loop")
    items, rejections = collect([str(tmp_path / "t" / "**" / "*.txt")])
    assert rejections == []
    assert [Path(i.origin).relative_to(tmp_path).as_posix() for i in items] == ["t/a/x.txt"]


def test_named_file_with_unsupported_extension_is_rejected(tree: Path) -> None:
    items, rejections = collect([str(tree / "image.png")])
    assert items == []
    assert [(r.origin, r.reason) for r in rejections] == [(str(tree / "image.png"), "unsupported-type")]


def test_named_file_without_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "README").write_text("Plain title\nPlain text body.")
    (tmp_path / "page").write_text("<!doctype html><html><body>x</body></html>")
    items, rejections = collect([str(tmp_path / "README"), str(tmp_path / "page")])
    assert rejections == []
    assert [i.kind for i in items] == ["text", "html"]


def test_file_over_the_limit_is_too_large_and_not_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("x" * 101)
    small = tmp_path / "small.txt"
    small.write_text("x" * 100)
    items, rejections = collect([str(big), str(small)], max_bytes=100)
    assert [(Path(r.origin).name, r.reason) for r in rejections] == [("big.txt", "too-large")]
    assert [Path(i.origin).name for i in items] == ["small.txt"]


def test_zero_limit_means_no_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("x" * 50_000)
    items, rejections = collect([str(big)], max_bytes=0)
    assert rejections == []
    assert len(items[0].data) == 50_000


def test_large_jsonl_is_cut_at_line_boundaries_and_overlong_lines_rejected(tmp_path: Path) -> None:
    lines = [f'{{"text": "{"x" * 30}", "n": {i}}}' for i in range(10)]  # ~45 bytes each
    lines[4] = '{"text": "' + "y" * 200 + '"}'  # over the limit on its own
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n")
    items, rejections = collect([str(path)], max_bytes=100)
    assert [(r.origin, r.reason) for r in rejections] == [(f"{path}:5", "too-large")]
    assert all(len(i.data) <= 101 for i in items)
    assert [i.kind for i in items] == ["jsonl"] * len(items)
    # Every other line is in exactly one piece, and first_line numbers it.
    seen: dict[int, bytes] = {}
    for item in items:
        for offset, line in enumerate(item.data.split(b"\n")[:-1]):
            seen[item.first_line + offset] = line
    assert sorted(seen) == [1, 2, 3, 4, 6, 7, 8, 9, 10]
    assert seen[6] == lines[5].encode()


def test_unreadable_file_is_rejected(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads everything")
    path = tmp_path / "locked.txt"
    path.write_text("Title\nsecret")
    path.chmod(0)
    try:
        _, rejections = collect([str(path)])
    finally:
        path.chmod(0o644)
    assert [r.reason for r in rejections] == ["unreadable"]


def test_unreadable_file_is_rejected_when_open_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Title\nsecret")
    ok = tmp_path / "ok.txt"
    ok.write_text("Title\nfine")
    real_open = open

    def fake_open(file: str, *args: object, **kwargs: object) -> object:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", fake_open)
    items, rejections = collect([str(path), str(ok)])
    assert [(r.origin, r.reason, r.message) for r in rejections] == [(str(path), "unreadable", "Permission denied")]
    assert [Path(i.origin).name for i in items] == ["ok.txt"]


def test_same_file_reached_twice_is_read_once(tree: Path) -> None:
    (tree / "link.txt").symlink_to(tree / "b.txt")
    items, _ = collect([str(tree / "b.txt"), str(tree), str(tree / "*.txt"), str(tree / "link.txt")])
    origins = [Path(i.origin).name for i in items]
    assert origins.count("b.txt") == 1
    assert "link.txt" not in origins
    assert origins == ["b.txt", "a.md", "c.html", "d.jsonl", "e.json"]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b'{"text": "one"}', "json"),
        (b'[{"text": "one"}, {"text": "two"}]', "json"),
        (b'{"text": "one"}\n{"text": "two"}\n', "jsonl"),
        (b'{"text": "one"}\n\n{"text": "two"}', "jsonl"),
        (b'{\n  "text": "pretty"\n}\n', "json"),
        (b"\xef\xbb\xbf  <html><body>page</body></html>", "html"),
        (b"<!DOCTYPE html>", "html"),
        (b"Title line\nBody text", "text"),
        (b"# Markdown title\n\nBody", "text"),
        (b"", "text"),
        (b'<?xml version="1.0"?>\n<!-- saved -->\n<rss version="2.0"><channel></channel></rss>', "feed"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
        (b"<html><body><p>the rss of it</p></body></html>", "html"),
    ],
)
def test_sniff_kind(data: bytes, kind: str) -> None:
    assert sniff_kind(data) == kind


def test_stdin_is_read_once_and_sniffed() -> None:
    stdin = io.BytesIO(b'{"text": "one"}\n{"text": "two"}\n')
    items, rejections = collect(["-", "-"], stdin=stdin)
    assert rejections == []
    assert [(i.origin, i.kind) for i in items] == [("-", "jsonl")]
    assert items[0].data == b'{"text": "one"}\n{"text": "two"}\n'


def test_stdin_over_the_limit_is_too_large() -> None:
    items, rejections = collect(["-"], stdin=io.BytesIO(b"x" * 101), max_bytes=100)
    assert items == []
    assert [(r.origin, r.reason) for r in rejections] == [("-", "too-large")]


def test_stdin_text() -> None:
    items, _ = collect(["-"], stdin=io.BytesIO(b"Headline\nSome body text."))
    assert [(i.origin, i.kind, i.data) for i in items] == [("-", "text", b"Headline\nSome body text.")]


@pytest.mark.parametrize("max_bytes", [0, 400])
def test_utf16_json_lines_cut_at_the_size_limit_keep_every_record(tmp_path: Path, max_bytes: int) -> None:
    """A JSONL file over the input limit is cut at newlines: in UTF-16 a newline byte is half a
    character, and every piece after the first had been "binary" or "undecodable"."""
    import json

    from newsprism.ingest.parsers import JsonlParser

    records = [{"title": f"Title {i}", "text": f"Body number {i}. It is a test article with words."} for i in range(6)]
    path = tmp_path / "u16.jsonl"
    path.write_bytes(("\r\n".join(json.dumps(r) for r in records) + "\r\n").encode("utf-16"))
    drafts = []
    for item in iter_inputs([str(path)], max_bytes=max_bytes):
        assert not isinstance(item, Rejection), item
        drafts += list(JsonlParser(first_line=item.first_line).parse(item.data, origin=item.origin))
    assert [d.title for d in drafts] == [r["title"] for r in records]
    assert [d.origin for d in drafts] == [f"{path}:{n}" for n in range(1, 7)]
