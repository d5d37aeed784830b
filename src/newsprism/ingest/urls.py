"""URL normalisation: one key per article, whatever link it was reached through.

:func:`normalise_url` lower-cases the scheme and host, drops default ports, fragments, tracking
parameters (``utm_*``, ``fbclid``, ``gclid`` ...) and AMP variants (``/amp`` path segments,
``?outputType=amp``, ``amp.`` hosts, Google AMP cache addresses), sorts the remaining query
parameters and normalises percent-escapes.  It never fetches anything and never drops a parameter
that may select the content (``?id=123`` stays).

>>> normalise_url("HTTPS://Example.COM:443/news/story/amp?utm_source=x&id=7#top")
'https://example.com/news/story?id=7'
"""

from __future__ import annotations

import contextlib
import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

__all__ = ["TRACKING_PARAMS", "is_url", "normalise_url", "registrable_host", "resolve_url"]

#: Query parameters that only track where a click came from.  Names are compared case-insensitively;
#: every ``utm_*`` parameter is dropped as well.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "twclid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id",
    "vero_id", "rb_clickid", "s_cid", "cmpid", "ocid", "smid", "smtyp", "ito", "at_medium", "at_campaign",
    "ref_src", "ref_url", "spm", "fb_action_ids", "fb_action_types", "fb_source",
    "ns_source", "ns_mchannel", "ns_campaign", "ns_linkname", "ns_fee", "sr_share",
    "outputtype", "amp", "amp_js_v", "usqp", "__twitter_impression", "xtor", "ncid", "taid",
})  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "at_")
_AMP_VALUES = frozenset({"", "1", "true", "amp"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_AMP_CACHE = re.compile(r"^[a-z0-9-]+\.cdn\.ampproject\.org$")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")


def is_url(spec: str) -> bool:
    """True for an absolute ``http://`` or ``https://`` URL (what ``ingest`` fetches)."""
    return bool(re.match(r"(?i)https?://[^/\s]", spec))


def resolve_url(base: str | None, link: str) -> str:
    """``link`` made absolute against ``base`` (a relative feed link, a redirect ``Location``)."""
    link = link.strip()
    return urljoin(base, link) if base else link


def _tracking(name: str, value: str) -> bool:
    key = name.lower()
    if key.startswith(_TRACKING_PREFIXES):
        return True
    if key == "outputtype":
        return value.lower() == "amp"
    if key == "amp":
        return value.lower() in _AMP_VALUES
    return key in TRACKING_PARAMS and key not in {"outputtype", "amp"}


def _escape(part: str, safe: str) -> str:
    """Upper-case percent-escapes, decode escaped unreserved characters, escape what must be."""

    def fix(m: re.Match[str]) -> str:
        char = chr(int(m.group(1), 16))
        return char if char in _UNRESERVED else "%" + m.group(1).upper()

    return quote(_ESCAPE.sub(fix, part), safe=safe + "%")


def _host(hostname: str) -> str:
    host = hostname.lower().rstrip(".")
    with contextlib.suppress(UnicodeError):
        host = host.encode("idna").decode("ascii")
    if host.startswith("amp.") and host.count(".") >= 2:
        host = host[4:]
    return host


def _amp_path(path: str) -> str:
    """``/news/story/amp``, ``/amp/news/story``, ``/news/story.amp``, ``/news/story.amp.html`` -> non-AMP."""
    segments = path.split("/")
    trailing = path.endswith("/")
    kept = [s for s in segments if s.lower() != "amp"]
    if len(kept) != len(segments):
        path = "/".join(kept) or "/"
        if trailing and not path.endswith("/"):
            path += "/"
        if not path.startswith("/"):
            path = "/" + path
    return re.sub(r"\.amp(?=\.html?$|$)", "", path, flags=re.IGNORECASE)


def normalise_url(url: str, *, base: str | None = None) -> str:
    """The normal form of ``url`` (made absolute against ``base`` first); non-HTTP URLs are only
    stripped of surrounding space."""
    url = resolve_url(base, url) if base else url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return url
    host = parts.hostname
    path = parts.path
    if _AMP_CACHE.match(host.lower()):  # https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a
        m = re.match(r"^/(?:[cv]|wp)/(?:s/)?(.+)$", path)
        if m:
            secure = "/s/" in path[:6]
            inner = ("https://" if secure else "http://") + m.group(1)
            if parts.query:
                inner += "?" + parts.query
            return normalise_url(inner)
    netloc = _host(host)
    if ":" in netloc:  # IPv6 literal
        netloc = f"[{netloc}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    path = _amp_path(_escape(path or "/", "/:@!$&'()*+,;=-._~"))
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k, v)]
    query.sort()
    encoded = urlencode(query, quote_via=quote, safe="/:@!$'()*,;-._~") if query else ""
    return urlunsplit((scheme, netloc, path or "/", encoded, ""))


def registrable_host(url: str) -> str | None:
    """The host of ``url`` without ``www.``, lower-case (``None`` for a URL without a host)."""
    host = urlsplit(url).hostname
    if not host:
        return None
    return unquote(host).lower().removeprefix("www.")
