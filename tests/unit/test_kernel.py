"""The compiled loops (``newsprism._speedups``) against their Python twins.

Both must give bit-identical results (the clusterer's decisions must not depend on whether the
extension was built), raise the same exceptions on bad input, and leave the same state behind."""

from __future__ import annotations

import random
import shutil
import sysconfig
from array import array
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from newsprism.cluster import kernel
from newsprism.cluster.decision import FEATURES, DecisionModel, default_model
from newsprism.cluster.idf import DocFreq, snapshot_boundary
from newsprism.cluster.online import OnlineClusterer, _Story
from newsprism.represent import lexical
from newsprism.represent.base import ArticleFeatures

NAMES = (
    "dot",
    "dot2",
    "weigh",
    "term_ids",
    "accumulate",
    "top_candidates",
    "index_add",
    "unindex",
    "story_norm",
    "cosines",
    "score_stories",
)


def compiled() -> ModuleType:
    """The compiled module, wrapped like ``kernel`` wraps it; skips where it was not built."""
    try:
        from newsprism import _speedups  # type: ignore[attr-defined]
    except ImportError:
        pytest.skip("the C extension newsprism._speedups is not built here")
    module: ModuleType = _speedups
    return module


def test_the_extension_is_built_where_a_compiler_and_headers_exist() -> None:
    """An install that could build the extension must not fall back to the Python loops silently."""
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    if not (shutil.which("cc") or shutil.which("gcc")) or not headers.exists():
        pytest.skip("no C compiler or no Python headers: the Python loops are the expected path")
    compiled()


def terms(rng: random.Random, vocab: list[str], n: int) -> dict[str, float]:
    picked = rng.sample(vocab, min(n, len(vocab)))
    return {t: rng.choice([1.0, 1.0 + rng.random() * 3, rng.uniform(-1e3, 1e3), rng.random() * 1e-300]) for t in picked}


VOCAB = [f"t{i}" for i in range(400)] + ["Île", "東京", "", "y2021"]


@pytest.fixture(params=range(12))
def rng(request: pytest.FixtureRequest) -> random.Random:
    return random.Random(request.param)


def same_float(a: float, b: float) -> bool:
    return np.float64(a).tobytes() == np.float64(b).tobytes()


def test_dot_and_dot2_are_bit_identical(rng: random.Random) -> None:
    c = compiled()
    q, sums = terms(rng, VOCAB, rng.randint(0, 200)), terms(rng, VOCAB, rng.randint(0, 300))
    usums = {t: rng.random() for t in sums}
    assert same_float(c.dot(q, sums), kernel.py_dot(q, sums))
    got, want = c.dot2(q, sums, usums), kernel.py_dot2(q, sums, usums)
    assert same_float(got[0], want[0]) and same_float(got[1], want[1])


def test_weigh_and_term_ids_are_bit_identical(rng: random.Random) -> None:
    c = compiled()
    ids_c: dict[str, int] = {}
    names_c: list[str] = []
    ids_p: dict[str, int] = {}
    names_p: list[str] = []
    for _ in range(5):
        t = terms(rng, VOCAB, rng.randint(0, 120))
        got = np.frombuffer(c.term_ids(t, ids_c, names_c), dtype=np.int64)
        want = kernel.py_term_ids(t, ids_p, names_p)
        assert got.tolist() == want.tolist()
        assert ids_c == ids_p and names_c == names_p  # new terms got the same ids in the same order
        idf = np.array([rng.uniform(0.5, 12.0) for _ in range(len(names_p) + 3)])
        vec_c, vidf_c, total_c = c.weigh(t, got, idf)
        vec_p, vidf_p, total_p = kernel.py_weigh(t, want, idf)
        assert list(vec_c) == list(vec_p) == list(t) and list(vidf_c) == list(vidf_p)
        assert all(same_float(vec_c[k], vec_p[k]) and same_float(vidf_c[k], vidf_p[k]) for k in t)
        assert same_float(total_c, total_p)


def test_accumulate_index_and_weights_leave_the_same_state(rng: random.Random) -> None:
    c = compiled()
    ids = {t: i for i, t in enumerate(VOCAB)}
    idf = np.array([rng.uniform(0.5, 12.0) for _ in VOCAB])
    state: dict[str, tuple[dict[str, float], dict[str, float], array[int], dict[str, set[int]]]] = {
        "c": ({}, {}, array("q"), {}),
        "p": ({}, {}, array("q"), {}),
    }
    for step in range(6):
        t = terms(rng, VOCAB, rng.randint(0, 150))
        inv = rng.choice([0.0, rng.random()])
        sums, usums, idlist, index = state["c"]
        new_c, new_ids_c = c.accumulate(sums, usums, t, inv, ids)
        idlist.fromlist(new_ids_c)
        c.index_add(index, new_c, step)
        sums, usums, idlist, index = state["p"]
        new_p, new_ids_p = kernel.py_accumulate(sums, usums, t, inv, ids)
        idlist.fromlist(new_ids_p)
        kernel.py_index_add(index, new_p, step)
        assert (new_c, new_ids_c) == (new_p, new_ids_p)
    (sc, uc, lc, xc), (sp, up, lp, xp) = state["c"], state["p"]
    assert list(sc) == list(sp) and all(same_float(sc[k], sp[k]) and same_float(uc[k], up[k]) for k in sc)
    assert lc == lp and xc == xp
    assert same_float(c.norm(sc, lc, idf), kernel.py_story_norm(sp, lp, idf))
    gone = dict.fromkeys(rng.sample(list(sc), len(sc) // 2) if sc else [], 0.0)
    c.unindex(xc, gone, 3)
    kernel.py_unindex(xp, gone, 3)
    assert xc == xp and all(xc.values())  # emptied postings are deleted


def test_top_candidates_are_the_same(rng: random.Random) -> None:
    c = compiled()
    stories = rng.choice([40, 3000])  # the compiled table grows past its first 1,024 slots
    index = {t: set(rng.sample(range(1, stories), rng.randint(0, 30))) for t in VOCAB[:300]}
    fields = [
        ([(t, rng.choice([1.0, rng.uniform(0.0, 5.0)])) for t in rng.sample(VOCAB, 80)], index, weight)
        for weight in (0.5, 1.7, 0.0)
    ]
    for k in (0, 1, 6, 64):
        for limit in (5, 1000):
            assert c.top_candidates(fields, limit, k) == kernel.py_top_candidates(fields, limit, k)
    tied = [([("a", 1.0)], {"a": {9, 3, 7}}, 1.0)]  # equal scores: the lower id first
    assert c.top_candidates(tied, 10, 2) == kernel.py_top_candidates(tied, 10, 2) == [3, 7]


def dense_cosines(views: list[dict[str, float]], ids: dict[str, int], idf: np.ndarray) -> np.ndarray:
    """The cosine matrix of ``views`` the plain numpy way (a dense row per view)."""
    mat = np.zeros((len(views), len(idf)))
    for r, view in enumerate(views):
        for t, x in view.items():
            mat[r, ids[t]] = x * idf[ids[t]]
    norms = np.sqrt((mat * mat).sum(axis=1))
    norms[norms == 0] = 1.0
    mat /= norms[:, None]
    out: np.ndarray = mat @ mat.T
    return out


def test_cosines_are_bit_identical_and_the_cosines_of_the_tf_idf_rows(rng: random.Random) -> None:
    c = compiled()
    ids = {t: i for i, t in enumerate(rng.sample(VOCAB, len(VOCAB)))}  # ids in another order than terms
    idf = np.array([rng.uniform(0.5, 12.0) for _ in VOCAB])
    views = [
        {t: rng.uniform(1.0, 4.0) for t in rng.sample(VOCAB, rng.randint(0, 60))} for _ in range(rng.randint(1, 9))
    ]
    got_c = np.frombuffer(c.cosines(views, ids, idf), dtype=np.float64).reshape(len(views), len(views))
    got_p = kernel.py_cosines(views, ids, idf)
    assert got_c.tobytes() == got_p.tobytes()
    np.testing.assert_allclose(got_p, dense_cosines(views, ids, idf), rtol=1e-12, atol=1e-12)
    assert (got_p == got_p.T).all()
    # other global ids for the same terms (a restored clusterer numbers terms afresh): the same bits
    order = rng.sample(VOCAB, len(VOCAB))
    renumbered = {t: i for i, t in enumerate(order)}
    assert c.cosines(views, renumbered, np.array([idf[ids[t]] for t in order])) == got_c.tobytes()
    for i, view in enumerate(views):  # an empty view is orthogonal to everything, itself included
        assert got_p[i, i] == pytest.approx(1.0 if view else 0.0)
    odd = [terms(rng, VOCAB, rng.randint(0, 60)) for _ in range(3)]  # huge, negative and tiny values
    assert c.cosines(odd, ids, idf) == kernel.py_cosines(odd, ids, idf).tobytes()
    for impl in (c.cosines, kernel.py_cosines):
        with pytest.raises(KeyError):
            impl([{"never counted": 1.0}], ids, idf)


def test_band_keys_are_identical(rng: random.Random) -> None:
    from newsprism.cluster import copies

    c = compiled()
    sig = tuple(rng.choice([0, 1, (1 << 32) - 1, rng.randrange(1 << 32)]) for _ in range(64))
    for rows in (1, 4, 5):
        assert c.band_keys(sig, rows) == copies.py_band_keys(sig, rows)
        assert len(set(c.band_keys(sig, rows))) == 64 // rows  # the band number keeps bands apart
    for bad in ((1 << 32,), (-1,)):
        for fn in (lambda s: c.band_keys(s, 1), lambda s: copies.py_band_keys(s, 1)):
            with pytest.raises(ValueError, match="32-bit"):
                fn(bad)


def test_copy_index_takes_signatures_outside_32_bits_as_tuples() -> None:
    from newsprism.cluster.copies import CopyIndex

    index = CopyIndex()
    odd = tuple([1 << 40] * 64)
    index.add(1, odd)
    assert index.best(tuple([1 << 40] * 64)) == (1, 1.0)
    index.remove(1)
    assert index.best(odd) is None and len(index) == 0


def test_minhash_of_words_is_identical(rng: random.Random) -> None:
    c = compiled()
    pool = ["quake", "séisme", "東京", "x" * 40, "a", "", "2021", "it's"]
    for n in (0, 1, 4, 5, 6, rng.randint(7, 600)):
        words = [rng.choice(pool) + str(rng.randrange(5)) for _ in range(n)]
        for k in (1, 5):
            assert c.minhash_words(words, k, lexical._A, lexical._B) == lexical.py_minhash_words(words, k)
    assert lexical.py_minhash_words([], 5) == (0,) * 64


@pytest.mark.parametrize("impl", ["compiled", "python"])
def test_minhash_of_words_refuses_what_utf8_cannot_encode(impl: str) -> None:
    fn = (
        lexical.py_minhash_words
        if impl == "python"
        else (lambda w, k: compiled().minhash_words(w, k, lexical._A, lexical._B))
    )
    with pytest.raises(UnicodeEncodeError):
        fn(["ok", "lone\ud800surrogate"], 5)


@pytest.mark.parametrize("impl", ["compiled", "python"])
def test_bad_input_raises_the_same_errors(impl: str) -> None:
    k: Any = compiled() if impl == "compiled" else None
    dot2 = k.dot2 if k else kernel.py_dot2
    weigh = k.weigh if k else kernel.py_weigh
    term_ids = k.term_ids if k else kernel.py_term_ids
    accumulate = k.accumulate if k else kernel.py_accumulate
    with pytest.raises(KeyError):
        dot2({"a": 1.0}, {"a": 2.0}, {})  # usums lacks a key of sums
    with pytest.raises(ValueError, match="one id per term"):
        weigh({"a": 1.0, "b": 1.0}, np.zeros(1, dtype=np.int64), np.ones(4))
    with pytest.raises(IndexError):
        weigh({"a": 1.0}, np.array([9], dtype=np.int64), np.ones(4))
    with pytest.raises(ValueError, match="one name per id"):
        term_ids({"a": 1.0}, {"x": 0}, [])
    with pytest.raises(KeyError):
        accumulate({}, {}, {"a": 1.0}, 1.0, {})  # a new term without an id
    if k:
        with pytest.raises(ValueError, match="k must be"):
            k.top_candidates([], 10, 65)


# --- decision scores ----------------------------------------------------------------------------


def every_feature_model(rng: random.Random) -> DecisionModel:
    """A model that weighs every evidence feature (the shipped one leaves some at 0)."""
    base = default_model()
    weights = {k: rng.choice([-2.0, -0.375, 0.5, 1.0, 18.0]) for k in FEATURES}
    return DecisionModel(base.name, -4.5, weights, base.field_weights, base.split)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("which", ["shipped", "every feature"])
def test_score_stories_is_the_model_score_of_the_evidence_bit_for_bit(seed: int, which: str) -> None:
    """The compiled scores, the Python twin's and model.score(_evidence(...)) are the same floats."""
    rng = random.Random(seed)
    model = default_model() if which == "shipped" else every_feature_model(rng)
    cl = OnlineClusterer(model=model)
    features = stream(seed, 240)
    for i, f in enumerate(features, 1):
        if i % 3 == 0:  # years, and articles without a date, for the YEARS and GAP steps
            names = {**f.names, f"y{2000 + rng.randrange(3)}": 1.0}
            f = ArticleFeatures(f.title, f.body, names, f.minhash, None if i % 9 == 0 else f.published, "en", f.version)
        q = cl._query(f)
        stories = [cl._stories[sid] for sid in cl._candidates(q)]
        steps = cl._steps(q)
        want = [model.score(cl._evidence(s, q)[0]) for s in stories]
        got_py = kernel.py_score_stories(stories, steps, cl.df.snap_n, cl._story_norm, model.bias)
        assert [np.float64(x).tobytes() for x in got_py] == [np.float64(x).tobytes() for x in want]
        if kernel.COMPILED:
            got_c = compiled().score_stories(stories, steps, cl.df.snap_n, cl._story_norm, model.bias)
            assert [np.float64(x).tobytes() for x in got_c] == [np.float64(x).tobytes() for x in want]
        cl.assign(i, f)
    assert len(cl._stories) < len(features)  # stories grew: the scores compared were not all trivial


@pytest.mark.parametrize("impl", ["compiled", "python"])
def test_score_stories_reads_a_current_norm_from_the_cache_and_asks_for_a_stale_one(impl: str) -> None:
    score = compiled().score_stories if impl == "compiled" else kernel.py_score_stories
    story = _Story(1)
    story.core.append(1)
    story.sums["body"] = {"a": 2.0}
    story.usums["body"] = {"a": 1.0}
    story.version = 3
    story.norms["body"] = (3, 7, 4.0)  # current for version 3 at snapshot 7
    asked: list[str] = []

    def norm_of(s: Any, name: str) -> float:
        asked.append(name)
        return 2.0

    steps = [(kernel.COSINE, "body", 1.0, 1.0, {"a": 3.0})]
    assert score([story], steps, 7, norm_of, 0.5) == [0.5 + 6.0 / 4.0] and asked == []
    assert score([story], steps, 8, norm_of, 0.5) == [0.5 + 6.0 / 2.0] and asked == ["body"]  # a new snapshot
    story.version = 4
    assert score([story], [(kernel.AVERAGE, "body", 1.0, 0.0, 1.0, {"a": 3.0})], 7, norm_of, 0.0) == [3.0]
    assert score([story], [(kernel.TOP, "body", 2.0, ["a", "b"], [1.0, 3.0], 4.0)], 7, norm_of, 0.0) == [0.5]
    with pytest.raises(ValueError, match="unknown step"):
        score([story], [(9, 1.0)], 7, norm_of, 0.0)


# --- the clusterer with either implementation --------------------------------------------------


@pytest.fixture
def python_loops(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in NAMES:
        monkeypatch.setattr(kernel, name, getattr(kernel, "py_" + name))
    yield


def stream(seed: int, n: int) -> list[ArticleFeatures]:
    rng = random.Random(seed)
    topics = [[f"w{rng.randrange(3000)}" for _ in range(40)] for _ in range(n // 4)]
    out = []
    for i in range(n):
        topic = topics[min(len(topics) - 1, int(rng.random() ** 2 * len(topics)))]
        words = rng.sample(topic, 25) + [f"w{rng.randrange(3000)}" for _ in range(10)]
        body = {w: 1.0 + rng.random() for w in words}
        title = {w: 1.0 for w in words[:6]}
        names = {w.upper(): 1.0 for w in words[:3]}
        out.append(
            ArticleFeatures(
                title=title,
                body=body,
                names=names,
                minhash=tuple(rng.randrange(1, 1 << 32) for _ in range(64)),
                published=1.7e9 + i * 3600.0,
                language="en",
                version="test.Features.v1",
            )
        )
    return out


def run(features: list[ArticleFeatures]) -> list[tuple[int, bool, dict[str, Any]]]:
    cl = OnlineClusterer()
    out = []
    for i, f in enumerate(features, 1):
        d = cl.assign(i, f)
        out.append((d.story_id, d.new_story, d.explanation.to_dict()))
    return out


def test_clusterer_decides_the_same_with_the_python_loops(request: pytest.FixtureRequest) -> None:
    compiled()
    features = stream(5, 400)
    with_compiled = run(features)
    request.getfixturevalue("python_loops")
    assert kernel.dot is kernel.py_dot
    assert run(features) == with_compiled
    assert len({s for s, _, _ in with_compiled}) < len(features)  # the stream has stories to join


# --- DocFreq on id arrays ------------------------------------------------------------------------


def test_change_log_compaction_keeps_every_changed_term(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.cluster import idf as idf_module

    monkeypatch.setattr(idf_module, "_COMPACT", 50)
    features = stream(2, 60)
    small, big = DocFreq(), DocFreq()
    for f in features:
        small.add(f)
    monkeypatch.setattr(idf_module, "_COMPACT", 1 << 20)
    for f in features:
        big.add(f)
    assert small.take_dirty() == big.take_dirty()
    assert small.snap == big.snap and small.live == big.live


def test_idf_array_covers_terms_first_seen_after_the_snapshot() -> None:
    df = DocFreq()
    for f in stream(3, 40):
        df.add(f)
    arr = df.idf_array("body")
    fresh = {f"new{i}": 1.0 for i in range(5000)}  # grows the arrays past their capacity
    ids = df.term_ids("body", fresh)
    arr = df.idf_array("body")
    assert len(arr) >= len(df.ids["body"])
    assert all(arr[i] == df.idf("body", t) for t, i in zip(fresh, ids.tolist(), strict=True))
    known = next(iter(df.live["body"]))
    assert arr[df.ids["body"][known]] == pytest.approx(df.idf("body", known))


def test_restore_refuses_a_tail_with_terms_never_counted() -> None:
    features = stream(4, 41)
    boundary = snapshot_boundary(41)
    assert boundary < 41
    df = DocFreq()
    for f in features:
        df.add(f)
    counts = df.take_dirty()
    counts["body"].pop(next(iter(features[-1].body)))
    with pytest.raises(ValueError, match="not counted"):
        DocFreq().restore(counts, 41, features[boundary:])


def test_pure_python_setting_forces_the_python_loops() -> None:
    import subprocess
    import sys

    code = "from newsprism.cluster import kernel; print(kernel.COMPILED, kernel.dot is kernel.py_dot)"
    env = {"NEWSPRISM_PURE_PYTHON": "1", "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]
