"""Benchmark of ``newsprism watch`` against a local server (not a test; nothing leaves the machine).

A child process serves N synthetic feeds with M entries each on H loopback addresses
(127.0.0.2, 127.0.0.3 ...: one "host" each, so politeness works as on the web); the pages carry
English texts of the development data (ECB+, AllSides, MEANTIME).  This process watches them:

1. **first round** (``watch --once``): every feed and every page fetched, extracted, deduplicated,
   clustered and stored: pages/s and peak RSS;
2. **steady state**: ``watch`` for ``--duration`` seconds with ``--interval``; each poll of a feed
   has a ``--new`` chance of showing one more entry (the others answer 304).  The server records
   when each feed is polled: the gap between two polls of a feed, against the interval, says
   whether polling keeps its schedule.

    python bench/watch_bench.py                       # 500 feeds x 6 entries, 50 hosts
    python bench/watch_bench.py --feeds 50 --duration 30 --interval 10
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing as mp
import random
import resource
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devdata import data_dir, load_rows
from newsprism.engine import Engine
from newsprism.follow.watch import Watcher
from newsprism.settings import Settings
from newsprism.store.feeds import FeedStore
from newsprism.store.sqlite import SQLiteStore


def texts(data: Path) -> list[tuple[str, list[str]]]:
    out = []
    for name in ("ecbplus.jsonl", "allsides_val.jsonl", "meantime.jsonl"):
        for row in load_rows(data / name):
            if row.get("lang", "en") not in (None, "en") or not row.get("text"):
                continue
            lines = [line.strip() for line in str(row["text"]).split("\n") if line.strip()]
            title = str(row.get("title") or lines[0])[:200]
            if len(lines) >= 3:
                out.append((title, lines[:40]))
    return out


# --- the server (child process) ---------------------------------------------------------------------


def serve(feeds: int, entries: int, hosts: int, new_chance: float, data: str, ready: Any, stop: Any) -> None:
    corpus = texts(Path(data))
    counts = [entries] * feeds
    polls: dict[int, list[float]] = {i: [] for i in range(feeds)}
    rng = random.Random(7)
    lock = threading.Lock()

    def host_of(i: int) -> str:
        return f"127.0.0.{2 + i % hosts}"

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def send(self, status: int, kind: str, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            parts = self.path.strip("/").split("/")
            if self.path == "/_stats":
                return self.send(200, "application/json", json.dumps(polls).encode())
            if len(parts) == 2 and parts[1] == "feed.xml":
                i = int(parts[0][1:])
                with lock:
                    polls[i].append(time.time())
                    if len(polls[i]) > 1 and rng.random() < new_chance:
                        counts[i] += 1
                    n = counts[i]
                etag = f'"{n}"'
                if self.headers.get("If-None-Match") == etag:
                    return self.send(304, "application/rss+xml", b"", {"ETag": etag})
                base = f"http://{host_of(i)}:{port}"
                items = "".join(
                    f"<item><title>entry {j}</title><link>{base}/f{i}/a{j}?utm_source=rss</link></item>"
                    for j in range(n - 1, max(n - 30, 0) - 1, -1)
                )
                body = f'<rss version="2.0"><channel><title>Feed {i}</title>{items}</channel></rss>'
                return self.send(200, "application/rss+xml", body.encode(), {"ETag": etag})
            if len(parts) == 2 and parts[1].startswith("a"):
                i, j = int(parts[0][1:]), int(parts[1].split("?")[0][1:])
                title, lines = corpus[(i * 7919 + j * 104729) % len(corpus)]
                paras = "".join(f"<p>{escape(line)}</p>" for line in lines)
                page = (
                    f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
                    f"<link rel='canonical' href='/f{i}/a{j}'>"
                    f"<meta property='article:published_time' content='2024-03-{1 + j % 28:02d}T10:00:00Z'></head>"
                    f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
                    f"<article><h1>{escape(title)}</h1>{paras}"
                    f"<p>Filed by desk {i} as report {j}.</p></article><footer>Outlet {i}</footer></body></html>"
                )
                return self.send(200, "text/html; charset=utf-8", page.encode())
            self.send(404, "text/plain", b"not found")

    servers = []
    port = 0
    for h in range(hosts):
        server = ThreadingHTTPServer((f"127.0.0.{2 + h}", port), Handler)
        server.daemon_threads = True
        port = server.server_address[1]
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    ready.put(port)
    stop.wait()
    for server in servers:
        server.shutdown()


# --- the watcher (this process) ---------------------------------------------------------------------


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--feeds", type=int, default=500)
    ap.add_argument("--entries", type=int, default=6)
    ap.add_argument("--hosts", type=int, default=50)
    ap.add_argument("--interval", type=float, default=30.0)
    ap.add_argument("--duration", type=float, default=95.0)
    ap.add_argument("--new", type=float, default=0.1, help="chance that a poll shows one more entry")
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--host-delay", type=float, default=0.05)
    ap.add_argument("--data", default=None)
    args = ap.parse_args()
    data = data_dir(args.data)

    ctx = mp.get_context("fork")
    ready, stop = ctx.Queue(), ctx.Event()
    server = ctx.Process(
        target=serve, args=(args.feeds, args.entries, args.hosts, args.new, str(data), ready, stop), daemon=True
    )
    server.start()
    port = ready.get(timeout=60)
    tmp = tempfile.mkdtemp(prefix="watch-bench-")
    settings = Settings.load(
        {
            "db": f"{tmp}/bench.db",
            "allow_private": True,
            "host_delay": args.host_delay,
            "fetch_concurrency": args.concurrency,
            "workers": 1,
            "multilingual": "off",
            "max_entries_per_poll": 50,
        },
        env={},
    )
    rss_start = rss_mb()
    result: dict[str, Any] = {"feeds": args.feeds, "entries_per_feed": args.entries, "hosts": args.hosts}
    try:
        with Engine.open(settings) as engine:
            assert isinstance(engine.store, SQLiteStore)
            feeds = FeedStore(engine.store)
            with feeds.transaction():
                for i in range(args.feeds):
                    feeds.add(f"http://127.0.0.{2 + i % args.hosts}:{port}/f{i}/feed.xml")
            # 1. first round
            started = time.perf_counter()
            first = Watcher(engine, interval=args.interval).run(once=True, handle_signals=False)
            took = time.perf_counter() - started
            result["first_round"] = {
                "seconds": round(took, 1),
                "pages": first.pages,
                "ingested": first.ingested,
                "pages_per_s": round(first.pages / took, 1),
                "stories": engine.store.story_count(),
                "failed_polls": first.failed_polls,
                "peak_rss_mb": round(rss_mb(), 1),
            }
            print(json.dumps(result["first_round"]), flush=True)
            # 2. steady state
            t0 = time.time()
            watcher = Watcher(engine, interval=args.interval)
            timer = threading.Timer(args.duration, watcher.stop)
            timer.start()
            steady = watcher.run(handle_signals=False)
            timer.cancel()
            with urllib.request.urlopen(f"http://127.0.0.2:{port}/_stats", timeout=10) as answer:
                polls = {int(k): v for k, v in json.loads(answer.read()).items()}
            gaps = [b - a for times in polls.values() for a, b in itertools.pairwise(times) if a >= t0]
            late = [g - args.interval for g in gaps]
            result["steady"] = {
                "seconds": round(time.time() - t0, 1),
                "interval": args.interval,
                "polls": steady.polls,
                "not_modified": steady.not_modified,
                "pages": steady.pages,
                "ingested": steady.ingested,
                "gaps_measured": len(gaps),
                "lateness_mean_s": round(statistics.mean(late), 2) if late else None,
                "lateness_p95_s": round(sorted(late)[int(0.95 * (len(late) - 1))], 2) if late else None,
                "lateness_max_s": round(max(late), 2) if late else None,
                "scheduler_max_lateness_s": round(steady.max_lateness, 2),
                "peak_rss_mb": round(rss_mb(), 1),
            }
    finally:
        stop.set()
        server.join(timeout=10)
    result["rss_at_start_mb"] = round(rss_start, 1)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
