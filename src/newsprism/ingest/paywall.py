"""Paywall stubs: pages that show a teaser and a subscription prompt instead of the article.

Such a page extracts to a short text (often the first paragraph) with "Subscribe to read" or
"This content is for subscribers" somewhere; storing it would put a teaser into a story as if it
were a full report.  :func:`paywall_stub` says whether a clean text (with its page) is one; the
ingest runner then rejects it with the reason ``paywall``.

A long text is never a stub, whatever it mentions: the rules apply below :data:`STUB_CHARS`.
"""

from __future__ import annotations

import re

__all__ = ["PAYWALL_PROMPTS", "STUB_CHARS", "paywall_stub"]

STUB_CHARS = 1500  # texts at least this long are articles, prompts or not
_MARKED_STUB_CHARS = 1000  # a page marked as paywalled whose text is shorter than this is a stub
_PAGE_PROMPT_STUB_CHARS = 600  # the prompt is only in the page (the cleaner dropped it): shorter still

#: Subscription prompts, matched case-insensitively anywhere in the text.
PAYWALL_PROMPTS = re.compile(
    r"subscribe\s+(?:now\s+)?to\s+(?:read|continue|keep\s+reading|unlock|access|see|view)"
    r"|(?:this|the)\s+(?:content|article|story|post|page)\s+is\s+(?:only\s+)?(?:available\s+)?(?:exclusively\s+)?"
    r"(?:for|to)\s+(?:paid\s+|paying\s+|premium\s+|our\s+)?(?:subscribers|members)"
    r"|(?:for|to)\s+(?:paid\s+|premium\s+)?subscribers\s+only|subscribers?[-\s]only\s+(?:content|article|story)"
    r"|already\s+(?:a\s+)?(?:subscriber|member)\s*\?|(?:to\s+)?continue\s+reading,?\s+(?:please\s+)?"
    r"(?:subscribe|log\s*in|sign\s+in|register|become)|sign\s+in\s+to\s+(?:read|continue)"
    r"|(?:register|log\s*in)\s+to\s+(?:read|continue|keep\s+reading)|become\s+a\s+(?:subscriber|member)\s+to"
    r"|you(?:'|’)ve\s+(?:reached|used)\s+(?:your|all\s+your)\s+(?:free\s+)?(?:article|story)\s+limit"
    r"|you\s+have\s+reached\s+(?:your|the)\s+(?:limit|maximum)\s+of\s+free\s+articles"
    r"|unlock\s+(?:this|the\s+full)\s+(?:article|story)|start\s+your\s+(?:free\s+)?trial\s+to\s+(?:read|continue)"
    r"|jetzt\s+(?:abonnieren|weiterlesen\s+mit)|(?:nur\s+)?für\s+abonnenten|réservé\s+aux\s+abonnés"
    r"|abonnez-vous\s+pour\s+(?:lire|continuer)|(?:solo|sólo|exclusivo)\s+para\s+suscriptores"
    r"|suscríbete\s+para\s+(?:leer|seguir)|(?:contenuto\s+)?riservato\s+agli\s+abbonati",
    re.IGNORECASE,
)
_MARKERS = re.compile(
    r"""["']?isAccessibleForFree["']?\s*:\s*["']?false\b|<meta[^>]+content_tier["'][^>]+content=["'](?:locked|metered)"""
    r"""|<meta[^>]+content=["'](?:locked|metered)["'][^>]+content_tier""",
    re.IGNORECASE,
)
_SCRIPT = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def paywall_stub(text: str, html: str | None = None) -> str | None:
    """Why ``text`` (the clean body of ``html``) is a paywall stub, or ``None`` when it is not one."""
    size = len(text)
    if size >= STUB_CHARS:
        return None
    found = PAYWALL_PROMPTS.search(text)
    if found:
        return f"paywall stub ({size} characters of text, {found.group(0)!r})"
    if html is None:
        return None
    if size < _MARKED_STUB_CHARS and _MARKERS.search(html):
        return f"paywall stub ({size} characters of text; the page is marked as not free)"
    if size < _PAGE_PROMPT_STUB_CHARS:
        visible = _TAG.sub(" ", _SCRIPT.sub(" ", html))
        found = PAYWALL_PROMPTS.search(visible)
        if found:
            return f"paywall stub ({size} characters of text; the page says {found.group(0)!r})"
    return None
