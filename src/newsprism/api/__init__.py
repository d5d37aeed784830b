"""The HTTP API under ``/api/v1`` (routes, schemas, token checks, error mapping).

It needs the ``web`` extra; :func:`newsprism.web.create_app` mounts it with the pages.
"""

from __future__ import annotations

__all__: list[str] = []
