"""TF-IDF rows of a small set of texts (shared by alignment, summaries and labels)."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from newsprism.represent.tfidf import tfidf_rows


def test_rows_are_unit_length_and_an_empty_bag_stays_zero() -> None:
    mat = tfidf_rows([Counter(flood=2, river=1), Counter(flood=1, dike=1), Counter()])
    assert mat.shape == (3, 3)
    assert np.linalg.norm(mat, axis=1) == pytest.approx([1.0, 1.0, 0.0])


def test_rare_terms_weigh_more_and_more_so_with_idf_squared() -> None:
    bags = [Counter(flood=1, dike=1), Counter(flood=1, river=1), Counter(flood=1, town=1)]
    plain, squared = tfidf_rows(bags), tfidf_rows(bags, idf_power=2)
    # column 0 is "flood" (in every bag), column 1 "dike" (in one)
    assert plain[0, 1] > plain[0, 0]
    assert squared[0, 1] / squared[0, 0] > plain[0, 1] / plain[0, 0]
    assert tfidf_rows([{"flood": 0.5}])[0, 0] == pytest.approx(1.0)  # weights below 1 kept as given
