"""Cut the demo's example articles from the shared development data (run from the repo root).

Writes src/newsprism/demo/data/examples.jsonl; see ATTRIBUTION.md there for sources and licences.
The ECB+ and MEANTIME texts are tokenised (" , ", " 's"); they are lightly detokenised here.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

DATA = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
OUT = Path("src/newsprism/demo/data/examples.jsonl")

ECB = [
    "1_10ecb",
    "1_11ecb",
    "1_12ecb",
    "1_10ecbplus",
    "1_11ecbplus",
    "1_13ecbplus",
    "41_10ecbplus",
    "41_11ecbplus",
    "41_1ecbplus",
]
MEANTIME = ["en:corpus_airbus/11716", "en:corpus_airbus/11714", "en:corpus_airbus/128016"]


def detok(text: str) -> str:
    text = text.replace("`` ", "\u201c").replace(" ''", "\u201d").replace("``", "\u201c").replace("''", "\u201d")
    text = re.sub(r" ([,.;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$#]) ", r"\1", text)
    text = re.sub(r" (['’](?:s|re|ve|ll|d|m|t)\b)", r"\1", text)
    text = re.sub(r" (n't)\b", r"\1", text)
    text = re.sub(r"(\d) : (\d)", r"\1:\2", text)
    text = re.sub(r"(\w) - (\w)", r"\1-\2", text)
    return text


def main() -> None:
    ecb = {r["id"]: r for r in map(json.loads, (DATA / "ecbplus.jsonl").open())}
    mt = {r["id"]: r for r in map(json.loads, (DATA / "meantime.jsonl").open())}
    out = []
    for i in ECB:
        r = ecb[i]
        url = r["source"].replace(" ", "") if r.get("source") else None
        text = detok(r["text"])
        lines = text.split("\n")
        title = detok(r["title"])
        if lines and lines[0] == title:
            lines = lines[1:]
        out.append(
            {
                "id": f"ecbplus:{i}",
                "url": url,
                "title": title,
                "text": "\n".join(lines),
                "license": "CC BY 3.0, ECB+ (Cybulska & Vossen 2014)",
            }
        )
    for i in MEANTIME:
        r = mt[i]
        text = detok(r["text"])
        lines = text.split("\n")
        title = detok(r["title"])
        if lines and lines[0] == title:
            lines = lines[1:]
        out.append(
            {
                "id": f"meantime:{i[3:]}",
                "source": "Wikinews",
                "title": title,
                "text": "\n".join(lines),
                "license": "CC BY 4.0, MEANTIME (Minard et al. 2016), from Wikinews",
            }
        )
    # a light re-publication of one Lohan report by another outlet: the near-duplicate example
    base = next(x for x in out if x["id"] == "ecbplus:1_10ecbplus")
    copy_text = base["text"].replace("Lindsay Lohan has checked", "Actress Lindsay Lohan has checked", 1)
    out.append(
        {
            "id": "demo:lohan-republished",
            "source": "Example Wire",
            "title": base["title"] + " (updated)",
            "text": copy_text,
            "license": "derived from ECB+ 1_10ecbplus (CC BY 3.0) for the demo",
        }
    )
    with OUT.open("w", encoding="utf-8") as fh:
        for row in out:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} examples to {OUT}")


if __name__ == "__main__":
    main()
