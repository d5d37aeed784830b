"""The pages in a real browser: Chromium (Debian's, through Playwright) against uvicorn on loopback.

Kept to a few tests: the reading path from the story list to a cited span, a phone-width screen
without JavaScript, and a hostile article staying inert.  Skipped when Chromium is not installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from .conftest import LiveServer, Seeded, auth
from .test_pages import HOSTILE

pytestmark = pytest.mark.browser

TARGET_BACKGROUND = "rgb(255, 224, 102)"  # --target in style.css: the cited span


def _watch(page: Any, base: str) -> dict[str, list[str]]:
    """Record what a page does that it should not: dialogs, requests elsewhere, CSP violations."""
    seen: dict[str, list[str]] = {"dialogs": [], "elsewhere": [], "csp": [], "errors": []}

    def on_dialog(dialog: Any) -> None:
        seen["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("request", lambda r: None if r.url.startswith(base) else seen["elsewhere"].append(r.url))
    page.on(
        "console",
        lambda m: seen["csp"].append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    return seen


def test_read_a_story_side_by_side_and_follow_a_citation(browser: Any, live_server: LiveServer, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    seen = _watch(page, live_server.base)
    page.goto(live_server.base + "/")
    assert page.locator("h1").inner_text() == "Stories"
    page.get_by_role("link", name="Blinken, Lavrov Begin First Meeting With Summit Timing on Agenda").click()
    page.wait_for_url("**/stories/*")

    table = page.locator("table.sbs")
    headers = table.locator("thead th").all_inner_texts()
    assert headers[1:] == ["Bloomberg", "NBC News"]
    rows = table.locator("tbody.facts tr.fact").evaluate_all(
        "rows => rows.map(r => Array.from(r.querySelectorAll('td'), td => td.innerText))"
    )
    assert len(rows) >= 5 and all(len(cells) == 2 for cells in rows)

    def aligned(*terms: str) -> bool:  # a row whose both cells (sources) carry every term
        return any(all(t in cell for t in terms for cell in cells) for cells in rows)

    assert aligned("Arctic Council") and aligned("face-to-face") and aligned("Afghanistan")
    variant = table.locator("tbody.variants tr.variant").first
    assert "if russia acts aggressively" in variant.inner_text().lower()
    assert variant.locator("mark.changed").count() >= 2  # "and", "we'll" / "we will"
    assert table.locator("tbody.conflicts mark.conflict").count() >= 2
    assert page.locator("svg.chart circle.first").count() == 2  # one first report per outlet

    citation = page.locator("ul.summary a.cite").first
    href = citation.get_attribute("href")
    assert href is not None and "#span-" in href
    citation.click()
    page.wait_for_url("**/articles/*")
    anchor = href.split("#", 1)[1]
    target = page.locator(f"[id='{anchor}']")
    assert target.is_visible() and target.inner_text().strip()
    assert page.evaluate("location.hash") == "#" + anchor
    background = target.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background == TARGET_BACKGROUND  # highlighted by :target, no script needed
    top = target.evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top < 900  # scrolled into view

    shot = tmp_path / "article.png"
    page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    assert seen == {"dialogs": [], "elsewhere": [], "csp": [], "errors": []}
    context.close()


def test_phone_width_without_javascript(browser: Any, live_server: LiveServer, seeded: Seeded, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.base + f"/stories/{seeded.seed_story}")
    assert page.locator("h1").inner_text().startswith("Blinken, Lavrov")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the screen
    box = page.locator("table.sbs").bounding_box()
    assert box is not None and box["width"] <= 390
    cell = page.locator("tbody.facts tr.fact td[data-outlet]").first
    assert cell.is_visible() and cell.bounding_box()["width"] <= 390  # type: ignore[index]
    assert page.locator("table.sbs thead").is_hidden()  # each cell names its source instead
    page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
    assert (tmp_path / "phone.png").stat().st_size > 20_000
    context.close()


def test_hostile_article_stays_inert_in_the_browser(browser: Any, live_server: LiveServer) -> None:
    response = httpx.post(
        live_server.base + "/api/v1/articles", json={"articles": [HOSTILE]}, headers=auth(), timeout=30
    )
    assert response.status_code == 200
    [result] = response.json()["results"]
    assert result["status"] == "ingested"
    context = browser.new_context()
    page = context.new_page()
    seen = _watch(page, live_server.base)
    for path in (f"/articles/{result['id']}", f"/stories/{result['story']}", "/?q=Harbour"):
        page.goto(live_server.base + path)
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.clientWidth")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path  # the 800-letter word wraps
    page.goto(live_server.base + f"/articles/{result['id']}")
    text = page.locator("#text").inner_text()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text  # shown as text
    assert page.locator("main img, main script, main iframe, main style").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.evaluate("document.body.style.display") != "none"
    assert seen == {"dialogs": [], "elsewhere": [], "csp": [], "errors": []}
    context.close()
