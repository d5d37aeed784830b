"""Web and API speed: a 50-article story page renders in < 300 ms server time once its analysis is
cached; the API serves >= 200 story reads per second on loopback.

    python bench/web_bench.py [--data ../shared/data] [--articles 50] [--seconds 10] [--connections 16]

Builds a 50-article story from the development data: the largest ECB+ events (the same topic's
events first, so sources share facts) ingested with ``split_check`` off, then forced into one story.
Then:

* page: the story page rendered by the app in process (FastAPI's TestClient: the request through
  the middleware, the handler, the cached comparison and the template), median and p95 of N
  requests once the first request computed and cached the comparison;
* throughput: ``newsprism serve`` started on a free loopback port and loaded with ``wrk`` (falls back
  to a thread pool of HTTP clients without it) for a bounded time: ``GET /api/v1/stories/ID`` of the
  50-article story and of the seed story, and ``GET /api/v1/stories``.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devdata import data_dir, load, to_draft
from newsprism.demo import demo_paths
from newsprism.engine import Engine
from newsprism.model import Explanation
from newsprism.settings import Settings

TOKEN = "bench-token-0123456789abcdef"


def build_story(db: Path, data: Path, articles: int) -> tuple[int, int]:
    """Ingest the demo (its seed story) and ``articles`` ECB+ articles forced into one story."""
    ds = load("ecbplus", data)
    sizes = collections.Counter(r["story"] for r in ds.rows)
    topic = sizes.most_common(1)[0][0].split("-")[0]
    events = sorted(sizes, key=lambda e: (e.split("-")[0] != topic, -sizes[e]))
    rows = [r for e in events for r in ds.rows if r["story"] == e]
    with Engine.open(Settings.load({"db": str(db), "split_check": False}, env={})) as engine:
        engine.ingest([str(p) for p in demo_paths()])
        seed = next(s.id for s in engine.stories() if "Blinken" in s.label)
        ids: list[int] = []
        for row in rows:  # one at a time until the story is big enough (some rows are duplicates)
            ids += engine.ingest_drafts([to_draft(row)]).article_ids
            if len(ids) == articles:
                break
        target = engine.article(ids[0])[1].story_id
        touched = {engine.article(i)[1].story_id for i in ids}
        moved = json.dumps(Explanation(decision="moved", note="web_bench: forced into one story").to_dict())
        with engine.store.transaction():
            engine.store.move_articles([i for i in ids if engine.article(i)[1].story_id != target], target, moved)
            engine.store.refresh_stories(touched | {target})
        size = engine.story(target).size
        t = time.perf_counter()
        engine.compare_story(target)
        cold = time.perf_counter() - t
    print(f"story {target}: {size} articles (ECB+ events {', '.join(events[:3])} ...), compared cold in {cold:.2f} s")
    return target, seed


def page_times(db: Path, story: int, requests: int) -> None:
    from fastapi.testclient import TestClient

    from newsprism.web import create_app

    app = create_app(Settings.load({"db": str(db), "token": TOKEN}, env={}))
    with TestClient(app) as client:
        first = client.get(f"/stories/{story}")
        assert first.status_code == 200, first.status_code
        times = []
        for _ in range(requests):
            t = time.perf_counter()
            response = client.get(f"/stories/{story}")
            times.append((time.perf_counter() - t) * 1000)
            assert response.status_code == 200
        rows = response.text.count("<tr class=")
        api = []
        for _ in range(requests):
            t = time.perf_counter()
            client.get(f"/api/v1/stories/{story}")
            api.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(
        f"story page, {len(response.content) // 1024} KiB, {rows} side-by-side rows:"
        f" median {statistics.median(times):.1f} ms, p95 {times[int(len(times) * 0.95) - 1]:.1f} ms"
        f" over {requests} requests (target < 300 ms)"
    )
    print(f"story JSON (in process): median {statistics.median(api):.1f} ms")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[str]:
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("NEWSPRISM_")}, "NEWSPRISM_TOKEN": TOKEN}
    proc = subprocess.Popen(
        [sys.executable, "-c", "from newsprism.cli.main import main; main()", "--db", str(db), "serve",
         "--port", str(port), "--no-access-log"],
        stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert proc.stderr is not None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if "Uvicorn running" in line:
            threading.Thread(target=proc.stderr.read, daemon=True).start()  # keep the pipe drained
            return proc
        if proc.poll() is not None:
            break
    proc.kill()
    raise SystemExit("the server did not start")


def wrk(url: str, seconds: int, connections: int) -> tuple[float, str]:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True, text=True, check=True, timeout=seconds + 30,
    ).stdout  # fmt: skip
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    latency = re.search(r"^\s+50%\s+(\S+).*?^\s+99%\s+(\S+)", out, re.S | re.M)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    note = f"p50 {latency.group(1)}, p99 {latency.group(2)}" if latency else ""
    if errors:
        note += f", {errors.group(1)} non-2xx"
    return rate, note


def python_load(url: str, seconds: int, connections: int) -> tuple[float, str]:
    import httpx

    done = 0
    failed = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker() -> None:
        nonlocal done, failed
        with httpx.Client() as client:
            while time.monotonic() < stop:
                ok = client.get(url).status_code == 200
                with lock:
                    done += ok
                    failed += not ok

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return done / seconds, f"python load generator, {failed} failed"


def throughput(db: Path, paths: dict[str, str], seconds: int, connections: int) -> None:
    port = free_port()
    proc = start_server(db, port)
    tool = "wrk" if shutil.which("wrk") else "python"
    try:
        for name, path in paths.items():
            url = f"http://127.0.0.1:{port}{path}"
            urllib.request.urlopen(url, timeout=60).read()  # computed and cached before the load
            rate, note = (wrk if tool == "wrk" else python_load)(url, seconds, connections)
            print(f"API {name}: {rate:.0f} requests/s ({tool}, {connections} connections, {seconds} s; {note})")
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=20)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--requests", type=int, default=40)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=16)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "web.db"
        story, seed = build_story(db, data_dir(args.data), args.articles)
        page_times(db, story, args.requests)
        throughput(
            db,
            {
                f"story read ({args.articles} articles)": f"/api/v1/stories/{story}",
                "story read (seed story, 2 articles)": f"/api/v1/stories/{seed}",
                "story list": "/api/v1/stories",
            },
            args.seconds,
            args.connections,
        )


if __name__ == "__main__":
    main()
