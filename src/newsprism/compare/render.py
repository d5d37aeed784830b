"""Render a comparison (its JSON form) as plain text, Markdown or a standalone HTML report.

Renderers take the JSON dictionary (:meth:`Comparison.to_json`, also what the cache stores), so a
cached comparison renders exactly like a fresh one.  Article text is untrusted: the HTML report
escapes everything, carries a Content-Security-Policy that forbids scripts and remote loads, and
has no script of its own.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["to_html", "to_markdown", "to_text"]

Data = Mapping[str, Any]


def omitted_note(data: Data) -> str:
    """What a comparison of a very big story left out, or ""."""
    n = int(data.get("omitted") or 0)
    if not n:
        return ""
    return (
        f"{n:,} more article{'' if n == 1 else 's'} of the story not compared: a story this big is compared on "
        f"its first {len(data.get('sources', [])):,} reports"
    )


def _outlet(data: Data, article: str) -> str:
    for s in data.get("sources", []):
        if s["article"] == article:
            return str(s.get("name") or s.get("outlet") or s["article"])
    return article


def _original(data: Data, article: str) -> str:
    """The original of a copy when the comparison holds it, else the article itself."""
    articles = {str(s["article"]) for s in data.get("sources", [])}
    for s in data.get("sources", []):
        if s["article"] == article:
            root = str(s.get("copy_of") or article)
            return root if root in articles else article
    return article


def cited_sources(
    support: Iterable[Mapping[str, Any]], outlet: Callable[[str], str], original: Callable[[str], str]
) -> list[str]:
    """The independent sources a summary sentence cites, once each, by its original's name: the
    translated copy whose text words a sentence is cited with its original, not as a second source."""
    return list(dict.fromkeys(outlet(original(str(s["article"]))) for s in support))


def _cited(data: Data, sentence: Mapping[str, Any]) -> list[str]:
    return cited_sources(sentence.get("support", []), lambda a: _outlet(data, a), lambda a: _original(data, a))


def disputed_by(sentence: Mapping[str, Any], outlet: Callable[[str], str]) -> list[tuple[str, list[str]]]:
    """The sources that give another number or date for a summary sentence, each with the values
    as written: [("NBC News", ["later this summer"])]."""
    out: dict[str, list[str]] = {}
    for side in sentence.get("disputed", []):
        values = out.setdefault(outlet(str(side["article"])), [])
        if side["value"] not in values:
            values.append(str(side["value"]))
    return list(out.items())


def disputed_note(sentence: Mapping[str, Any], outlet: Callable[[str], str]) -> str:
    """`` (NBC News gives “later this summer”)``, or "" when no source disputes the sentence."""
    parts = [
        f"{name} gives " + ", ".join(f"\u201c{v}\u201d" for v in values)
        for name, values in disputed_by(sentence, outlet)
    ]
    return f" ({'; '.join(parts)})" if parts else ""


def _fact_groups(facts: list[Mapping[str, Any]]) -> list[tuple[str, list[Mapping[str, Any]]]]:
    """Facts with the same wording (one sentence aligned with several of another source) as one
    entry: the wording and every supporting span once, in order of first appearance."""
    groups: dict[str, list[Mapping[str, Any]]] = {}
    seen: set[tuple[str, str, int, int]] = set()
    for f in facts:
        spans = groups.setdefault(f["text"], [])
        for span in f["support"]:
            key = (f["text"], span["article"], span["start"], span["end"])
            if key not in seen:
                seen.add(key)
                spans.append(span)
    return list(groups.items())


def _worded_otherwise(fact: str, span: Mapping[str, Any]) -> bool:
    """Does the span word the fact otherwise than the fact's own text ("when: Wednesday evening"
    for a detail)?"""
    text = span.get("text") or ""
    return bool(text) and text != fact and not fact.endswith(": " + text)


def _support_line(data: Data, span: Mapping[str, Any]) -> str:
    return f"{_outlet(data, span['article'])} [{span['start']}:{span['end']}]"


def to_text(data: Data, *, width: int = 100) -> str:
    out: list[str] = []
    story = data.get("story")
    count = len(data["sources"])
    out.append(
        f"Comparison of {count} source{'' if count == 1 else 's'}" + (f" (story {story})" if story is not None else "")
    )
    if data.get("omitted"):
        out.append(f"  ({omitted_note(data)})")
    for s in data["sources"]:
        copy = f" (copy of {s['copy_of']})" if s.get("copy_of") else ""
        out.append(f"  - {s.get('name') or s.get('outlet') or '?'}: {s['title']}{copy}  [{s['article']}]")
    out.append("")
    if data.get("label"):
        out.insert(0, str(data["label"]))
    if data.get("summary"):
        out.append("Summary:")
        for sent in data["summary"]:
            cites = ", ".join(_cited(data, sent))
            note = disputed_note(sent, lambda a: _outlet(data, _original(data, a)))
            out.append(f"  {sent['text']} [{cites}]{note}")
        out.append("")
    groups = _fact_groups(data.get("facts", []))
    out.append(f"Reported by several sources ({len(groups)}):")
    for text, spans in groups:
        outlets = ", ".join(dict.fromkeys(_outlet(data, s["article"]) for s in spans))
        out.append(f"  * {_clip(text, width)}  <- {outlets}")
        for span in spans:  # how each other source words it
            if _worded_otherwise(text, span):
                out.append(f"      {_outlet(data, span['article'])}: {_clip(span['text'], width)}")
    out.append("")
    conflicts = data.get("conflicts", [])
    out.append(f"Differences ({len(conflicts)}):")
    for c in conflicts:
        sides = " | ".join(f"{_outlet(data, s['article'])}: \u201c{s['value']}\u201d" for s in c["sides"])
        out.append(f"  ! {c['kind']} ({c['topic']}): {sides}")
    out.append("")
    variants = data.get("quote_variants", [])
    out.append(f"Same quote, different wording ({len(variants)}):")
    for v in variants:
        out.append(f"  ~ {v.get('speaker') or 'unknown speaker'}:")
        for q in v["quotes"]:
            out.append(f"      {_outlet(data, q['article'])}{_said(q, _clip(q['text'], width))}")
        if v.get("translated"):
            out.append("      (the same quote in two languages)")
            continue
        diff = " ".join(
            d["text"] if d["op"] == "=" else (f"[-{d['text']}-]" if d["op"] == "-" else f"{{+{d['text']}+}}")
            for d in v["diff"]
        )
        out.append(f"      diff: {_clip(diff, width * 2)}")
    out.append("")
    by_source: dict[str, list[str]] = {}
    for f in data.get("unique", []):
        by_source.setdefault(f["support"][0]["article"], []).append(f["text"])
    out.append("Only in one source:")
    for article, texts in by_source.items():
        out.append(f"  {_outlet(data, article)} ({len(texts)}):")
        out.extend(f"    - {_clip(t, width)}" for t in texts)
    out.append("")
    quotes = data.get("quotes", [])
    out.append(f"Quotes ({len(quotes)}):")
    for q in quotes:
        mark = "" if q.get("shared") else "  (only this source)"
        speaker, text, original = shown_quote(q)
        out.append(f"  {_outlet(data, q['article'])} | {speaker or '?'}{_said(q, _clip(text, width))}{mark}")
        if original:
            out.append(f"      original: {_clip(original, width)}")
    out.append("")
    entities = data.get("entities", [])[:20]
    if entities:
        out.append("Entities (mentions per source):")
        for e in entities:
            counts = ", ".join(f"{_outlet(data, a)} {n}" for a, n in e["mentions"].items())
            out.append(f"  {e['name']} ({e['kind']}): {counts}")
    return "\n".join(out).rstrip() + "\n"


def shown_quote(quote: Mapping[str, Any]) -> tuple[str | None, str, str | None]:
    """A quote's speaker and words as shown, and its original words when it is shown by its
    translation (a quote in another language than the display language, from a translated copy)."""
    t = quote.get("translation")
    if t:
        return t.get("speaker") or quote.get("speaker"), str(t["text"]), str(quote["text"])
    return quote.get("speaker"), str(quote["text"]), None


def _said(quote: Mapping[str, Any], text: str) -> str:
    """A direct quote in quotation marks; reported speech (the writer's words) without them."""
    if quote.get("kind") == "reported":
        return f" (reported): {text}"
    return f": \u201c{text}\u201d"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _kind(quote: Mapping[str, Any]) -> str:
    return "reported speech" if quote.get("kind") == "reported" else "direct quote"


def _md(text: str) -> str:
    """Escape Markdown control characters in article text."""
    out = " ".join(str(text).split())
    for ch in "\\`*_[]<>|#":
        out = out.replace(ch, "\\" + ch)
    return out


def _md_code(text: str) -> str:
    """A code span: its content is literal in Markdown (no backslash escapes there).  Its fence is
    one backtick longer than the longest run of backticks inside, so none can close it early (and
    let raw HTML follow); a table's pipes are escaped (GFM reads ``\\|`` in a cell as a pipe, code
    spans too)."""
    out = " ".join(str(text).split()).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", out)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {out} {fence}" if longest else f"{fence}{out}{fence}"


def to_markdown(data: Data) -> str:
    lines: list[str] = []
    title = data.get("label") or "Comparison"
    lines.append(f"# {_md(title)}")
    lines.append("")
    if data.get("omitted"):
        lines.extend([f"*{_md(omitted_note(data))}*", ""])
    lines.append("| source | title | article |")
    lines.append("|---|---|---|")
    for s in data["sources"]:
        copy = f" (copy of {_md(s['copy_of'])})" if s.get("copy_of") else ""
        lines.append(
            f"| {_md(s.get('name') or s.get('outlet') or '?')}{copy} | {_md(s['title'])} | {_md_code(s['article'])} |"
        )
    if data.get("summary"):
        lines += ["", "## Summary", ""]
        for sent in data["summary"]:
            cites = ", ".join(_md(c) for c in _cited(data, sent))
            note = disputed_note(sent, lambda a: _outlet(data, _original(data, a))).strip()
            lines.append(f"- {_md(sent['text'])} *({cites})*" + (f" {_md(note)}" if note else ""))
    lines += ["", "## Reported by several sources", ""]
    for text, spans in _fact_groups(data.get("facts", [])):
        lines.append(f"- {_md(text)}")
        for s in spans:
            lines.append(f"  - {_md(_outlet(data, s['article']))}: \u201c{_md(s.get('text') or '')}\u201d")
    lines += ["", "## Differences", ""]
    for c in data.get("conflicts", []):
        lines.append(f"- **{_md(c['kind'])}** \u2014 {_md(c['topic'])}")
        for s in c["sides"]:
            lines.append(f"  - {_md(_outlet(data, s['article']))}: \u201c{_md(s['value'])}\u201d")
    lines += ["", "## Same quote, different wording", ""]
    for v in data.get("quote_variants", []):
        lines.append(f"- **{_md(v.get('speaker') or 'unknown speaker')}**")
        for q in v["quotes"]:
            lines.append(f"  - {_md(_outlet(data, q['article']))}{_said(q, _md(q['text']))}")
        if v.get("translated"):
            lines.append("  - the same quote in two languages")
            continue
        diff = " ".join(
            _md(d["text"])
            if d["op"] == "="
            else (f"~~{_md(d['text'])}~~" if d["op"] == "-" else f"**{_md(d['text'])}**")
            for d in v["diff"]
        )
        lines.append(f"  - diff: {diff}")
    lines += ["", "## Only in one source", ""]
    for f in data.get("unique", []):
        lines.append(f"- {_md(_outlet(data, f['support'][0]['article']))}: {_md(f['text'])}")
    lines += ["", "## Quotes", "", "| source | speaker | quote | kind | also elsewhere |", "|---|---|---|---|---|"]
    for q in data.get("quotes", []):
        speaker, text, original = shown_quote(q)
        words = _md(text) + (f" (original: {_md(original)})" if original else "")
        lines.append(
            f"| {_md(_outlet(data, q['article']))} | {_md(speaker or '?')} | {words} "
            f"| {_kind(q)} | {'yes' if q.get('shared') else 'no'} |"
        )
    return "\n".join(lines) + "\n"


_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1400px;padding:1rem;color:#1d1d1f}
h1{font-size:1.4rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%} td,th{border:1px solid #ddd;padding:.4rem;vertical-align:top}
th{background:#f5f5f7;text-align:left} .detail td{background:#fafafa}
mark.conflict{background:#ffd5d5} mark.shared{background:#e2f5e2} del{background:#ffd5d5} ins{background:#d5f5d5}
.meta{color:#666;font-size:.85rem} .kind{font-weight:600;text-transform:uppercase;font-size:.75rem}
@media (max-width:700px){table,thead,tbody,tr,td,th{display:block} th{display:none} td:empty{display:none}}
"""


def _esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _cell(span: Mapping[str, Any], marks: list[tuple[int, int, str]]) -> str:
    """The span's text with the conflict sides inside it highlighted."""
    text = span.get("text") or ""
    start = int(span["start"])
    inside = sorted((s - start, e - start, cls) for s, e, cls in marks if s >= start and e <= start + len(text))
    out, pos = [], 0
    for s, e, cls in inside:
        if s < pos:
            continue
        out.append(_esc(text[pos:s]))
        out.append(f'<mark class="{cls}">{_esc(text[s:e])}</mark>')
        pos = e
    out.append(_esc(text[pos:]))
    return "".join(out)


def to_html(data: Data) -> str:
    sources = list(data["sources"])
    order = [s["article"] for s in sources]
    marks: dict[str, list[tuple[int, int, str]]] = {}
    for c in data.get("conflicts", []):
        for s in c["sides"]:
            marks.setdefault(s["article"], []).append((int(s["start"]), int(s["end"]), "conflict"))
    head = "".join(f"<th>{_esc(s.get('name') or s.get('outlet') or s['article'])}</th>" for s in sources)
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src 'none'; form-action 'none'; base-uri 'none'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_esc(data.get('label') or 'newsprism comparison')}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{_esc(data.get('label') or 'Comparison of sources')}</h1>",
        f"<p class=meta>{_esc(omitted_note(data))}</p>" if data.get("omitted") else "",
        "<table><thead><tr><th>source</th><th>title</th><th>article</th></tr></thead><tbody>",
    ]
    for s in sources:
        copy = f" <span class=meta>(copy of {_esc(s['copy_of'])})</span>" if s.get("copy_of") else ""
        parts.append(
            f"<tr><td>{_esc(s.get('name') or s.get('outlet') or '?')}{copy}</td><td>{_esc(s['title'])}</td>"
            f"<td class=meta>{_esc(s['article'])}</td></tr>"
        )
    parts.append("</tbody></table>")
    if data.get("summary"):
        parts.append("<h2>Summary</h2><ul>")
        for sent in data["summary"]:
            cites = ", ".join(_esc(c) for c in _cited(data, sent))
            note = _esc(disputed_note(sent, lambda a: _outlet(data, _original(data, a))))
            parts.append(f"<li>{_esc(sent['text'])} <span class=meta>({cites}){note}</span></li>")
        parts.append("</ul>")
    parts.append(f"<h2>Reported by several sources</h2><table><thead><tr>{head}</tr></thead><tbody>")
    for f in data.get("facts", []):
        cells: dict[str, list[str]] = {a: [] for a in order}
        for span in f["support"]:
            cells.setdefault(span["article"], []).append(_cell(span, marks.get(span["article"], [])))
        row = "".join(f"<td>{'<br>'.join(cells[a])}</td>" for a in order)
        cls = ' class="detail"' if f.get("kind") == "detail" else ""
        parts.append(f"<tr{cls}>{row}</tr>")
    parts.append("</tbody></table>")
    parts.append("<h2>Differences</h2><table><tbody>")
    for c in data.get("conflicts", []):
        cells = {a: [] for a in order}
        for s in c["sides"]:
            cells.setdefault(s["article"], []).append(f'<mark class="conflict">{_esc(s["value"])}</mark>')
        row = "".join(f"<td>{'<br>'.join(cells[a])}</td>" for a in order)
        parts.append(
            f"<tr><th colspan={len(order)}><span class=kind>{_esc(c['kind'])}</span> {_esc(c['topic'])}</th></tr>"
        )
        parts.append(f"<tr>{row}</tr>")
    parts.append("</tbody></table>")
    parts.append("<h2>Same quote, different wording</h2>")
    for v in data.get("quote_variants", []):
        diff = "".join(
            _esc(d["text"]) + " "
            if d["op"] == "="
            else (f"<del>{_esc(d['text'])}</del> " if d["op"] == "-" else f"<ins>{_esc(d['text'])}</ins> ")
            for d in v["diff"]
        )
        who = ", ".join(_esc(_outlet(data, q["article"])) for q in v["quotes"])
        if v.get("translated"):  # no word diff across languages: both renderings
            diff = "<br>".join(f"{_esc(_outlet(data, q['article']))}: {_esc(q['text'])}" for q in v["quotes"])
        parts.append(
            f"<p><b>{_esc(v.get('speaker') or 'unknown speaker')}</b> <span class=meta>({who})</span><br>{diff}</p>"
        )
    parts.append(f"<h2>Only in one source</h2><table><thead><tr>{head}</tr></thead><tbody><tr>")
    by_source: dict[str, list[str]] = {a: [] for a in order}
    for f in data.get("unique", []):
        by_source.setdefault(f["support"][0]["article"], []).append(f"<p>{_esc(f['text'])}</p>")
    parts.append("".join(f"<td>{''.join(by_source[a])}</td>" for a in order))
    parts.append("</tr></tbody></table>")
    parts.append(
        "<h2>Quotes</h2><table><thead><tr><th>source</th><th>speaker</th><th>quote</th><th>kind</th></tr>"
        "</thead><tbody>"
    )
    for q in data.get("quotes", []):
        cls = "" if q.get("shared") else ' class="meta"'
        speaker, text, original = shown_quote(q)
        words = _esc(text) + (f'<br><span class="meta">original: {_esc(original)}</span>' if original else "")
        parts.append(
            f"<tr{cls}><td>{_esc(_outlet(data, q['article']))}</td><td>{_esc(speaker or '?')}</td>"
            f"<td>{words}</td><td>{_esc(_kind(q))}</td></tr>"
        )
    parts.append("</tbody></table>")
    entities = data.get("entities", [])
    if entities:
        parts.append(f"<h2>Entities</h2><table><thead><tr><th>name</th><th>kind</th>{head}</tr></thead><tbody>")
        for e in entities[:40]:
            counts = "".join(f"<td>{e['mentions'].get(a, '')}</td>" for a in order)
            parts.append(f"<tr><td>{_esc(e['name'])}</td><td>{_esc(e['kind'])}</td>{counts}</tr>")
        parts.append("</tbody></table>")
    parts.append(f"<p class=meta>newsprism {_esc(data.get('version', ''))}</p></body></html>")
    return "\n".join(parts) + "\n"
