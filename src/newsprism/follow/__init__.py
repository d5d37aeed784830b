"""Following outlets: the user's feeds (:mod:`.registry`), robots.txt (:mod:`.robots`) and the
``watch`` loop (:mod:`.watch`) that polls them and ingests every new article through the engine.

Fetching itself (SSRF checks, size caps, politeness) is :mod:`newsprism.ingest.fetch`; feed parsing
is :mod:`newsprism.ingest.feeds`; feed state and URL aliases live in :mod:`newsprism.store.feeds`.
"""

from __future__ import annotations

__all__: list[str] = []
