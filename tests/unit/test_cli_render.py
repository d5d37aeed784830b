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
