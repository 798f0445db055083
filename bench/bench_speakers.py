"""Benchmark: what speaker resolution, outlet claims and dating cost per article.

Parses PolNeAR texts once with ``nlp.pipe`` (read in place from
../shared/eval/polnear), then times each extraction stage over the parsed
docs and prints the stages' time as a share of the parse time. Speaker
resolution needs the tagger, parser and NER, so all three stay enabled.

    python bench/bench_speakers.py                 # dev split, all articles
    python bench/bench_speakers.py --split train --limit 200
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "polnear"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    folder = args.corpus / args.split
    if not folder.is_dir():
        print(f"no corpus at {folder}", file=sys.stderr)
        return 1

    from loader.attribution.coref import resolve_speakers
    from loader.attribution.outlet import outlet_claims
    from loader.attribution.patterns import find_attributions
    from loader.attribution.when import date_attributions
    from loader.nlp import get_nlp

    files = sorted(p for p in folder.rglob("*.txt") if p.is_file())[: args.limit]
    texts = [p.read_text(encoding="utf-8") for p in files]
    nlp = get_nlp()
    started = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse = time.perf_counter() - started
    spent = dict.fromkeys(("spans", "speakers", "outlet", "dates"), 0.0)
    for doc in docs:
        t = time.perf_counter()
        found = find_attributions(doc, [])
        spent["spans"] += time.perf_counter() - t
        t = time.perf_counter()
        found = resolve_speakers(doc, found, [])
        spent["speakers"] += time.perf_counter() - t
        t = time.perf_counter()
        found = found + outlet_claims(doc, found, [])
        spent["outlet"] += time.perf_counter() - t
        t = time.perf_counter()
        found = date_attributions(doc.text, found, "2016-10-20")
        spent["dates"] += time.perf_counter() - t
    chars = sum(map(len, texts))
    print(f"{len(texts)} articles, {chars:,} characters; nlp.pipe {parse:.2f}s")
    for stage, seconds in spent.items():
        print(f"  {stage:<9} {seconds:6.2f}s  {100 * seconds / parse:5.1f}% of nlp.pipe")
    mine = spent["speakers"] + spent["outlet"] + spent["dates"]
    print(f"speakers + outlet + dates: {100 * mine / parse:.1f}% of nlp.pipe")
    return 0


if __name__ == "__main__":
    sys.exit(main())
