"""Terminal rendering helpers."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from newsprism.cli.render import indented


@pytest.mark.parametrize(
    "text",
    [
        "The Tokyo metropolitan government announced a new earthquake preparedness plan on the 2nd. [Src]",
        "長野県は25日、新型コロナウイルスの感染者が増加傾向にあるとして、山梨県・宮崎県・沖縄県への往来について"
        "呼びかけました。 [NBS長野放送]",
    ],
)
def test_summary_lines_fit_the_terminal_in_display_cells(text: str) -> None:
    lines = indented(text, 40)
    assert len(lines) >= 2
    assert all(line.startswith("  ") and cell_len(line) <= 40 for line in lines)
    assert "".join(line.strip() for line in lines).replace(" ", "") == text.replace(" ", "")


def test_a_translations_reason_says_how_it_was_told() -> None:
    from newsprism.cli.render import _why
    from newsprism.model import Article, Assignment, Explanation

    original = Article(external_id="en:1", title="t", text="x", content_hash="h", id=7)
    article = Article(external_id="cs:1", title="t", text="x", content_hash="g", id=8)

    def why(explanation: Explanation) -> str:
        return _why(article, Assignment(8, 1, explanation, copy_of=7, relation="translation"), {7: original})

    by_text = Explanation(
        "copy",
        0.22,
        similarity={"names_and_numbers": 0.22},
        note="translation of article 7 (cs): parallel sentences (lengths, names and numbers)",
    )
    assert (
        why(by_text)
        == "translation of en:1 (names and numbers in common 0.22; parallel sentences (lengths, names and numbers))"
    )
    by_meaning = Explanation(
        "copy", 0.83, similarity={"dense": 0.83}, note="translation of article 7 (ru): same meaning and shape"
    )
    assert why(by_meaning) == "translation of en:1 (cosine 0.83; same meaning and shape)"
    # moved by a repair since: the move's note, no measure of the first decision
    moved = Explanation("moved", 0.12, note="split off: two events")
    assert why(moved) == "translation of en:1; split off: two events"
