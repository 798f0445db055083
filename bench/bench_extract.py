"""How much attribution extraction adds to spaCy's own parsing time, and the
speed-up of ``diplo extract --processes 2`` over one process.

A benchmark, not a test: it prints figures for docs/performance.md. Texts are
the PolNeAR dev articles when ``../shared/eval/polnear`` exists beside the
repository (they are read in place, never copied), else the seed articles.

    PYTHONPATH=. python bench/bench_extract.py [--repeat 2] [--no-processes]

The pipeline keeps every component of the small English model: the rules read
tags (tagger), coarse POS (attribute_ruler), lemmas (lemmatizer), the
dependency parse and sentences (parser), and speaker resolution reads entities
(ner). ``senter`` is already off by default, so nothing is left to disable.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POLNEAR_DEV = REPO.parent / "shared" / "eval" / "polnear" / "dev" / "text"


def corpus() -> tuple[Path, list[str]]:
    folder = POLNEAR_DEV if POLNEAR_DEV.is_dir() else REPO / "seeds"
    texts = []
    for path in sorted(folder.glob("*.txt")):
        with path.open(encoding="utf-8", newline="") as f:
            texts.append(f.read())
    return folder, texts


def time_parse_vs_extract(texts: list[str], repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` seconds: nlp.pipe alone, nlp.pipe + extraction in one
    pass, and (on docs parsed once) span finding alone and every extraction stage."""
    from loader.attribution import extract_doc
    from loader.attribution.patterns import find_attributions
    from loader.boilerplate import find_boilerplate
    from loader.nlp import get_nlp

    nlp = get_nlp()
    list(nlp.pipe(texts[:4]))  # warm up: first calls allocate
    excluded = [[(b.start, b.end) for b in find_boilerplate(t)] for t in texts]
    best = dict.fromkeys(("parse", "both", "spans", "stages"), float("inf"))
    for _ in range(repeat):
        t = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=16))
        best["parse"] = min(best["parse"], time.perf_counter() - t)
        t = time.perf_counter()
        for exc, doc in zip(excluded, nlp.pipe(texts, batch_size=16), strict=True):
            extract_doc(doc, exc)
        best["both"] = min(best["both"], time.perf_counter() - t)
        t = time.perf_counter()
        for exc, doc in zip(excluded, docs, strict=True):
            find_attributions(doc, exc)
        best["spans"] = min(best["spans"], time.perf_counter() - t)
        t = time.perf_counter()
        for exc, doc in zip(excluded, docs, strict=True):
            extract_doc(doc, exc)
        best["stages"] = min(best["stages"], time.perf_counter() - t)
    return best


def time_cli(folder: Path, processes: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "loader", "extract", str(folder), "--processes", str(processes)],
        check=True,
        stdout=subprocess.DEVNULL,
        env=env,
        cwd=REPO,
    )
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--no-processes", action="store_true", help="skip the CLI timing")
    args = parser.parse_args()
    folder, texts = corpus()
    chars = sum(len(t) for t in texts)
    print(f"corpus: {len(texts)} articles, {chars:,} characters from {folder}")
    t = time_parse_vs_extract(texts, args.repeat)
    print(f"nlp.pipe alone:          {t['parse']:7.2f} s")
    print(f"nlp.pipe + extraction:   {t['both']:7.2f} s  (one pass; {t['both'] / t['parse']:.3f}x)")
    print(
        f"span finding alone:      {t['spans']:7.2f} s  ({100 * t['spans'] / t['parse']:.1f} % of parsing)"
    )
    print(
        f"all extraction stages:   {t['stages']:7.2f} s  ({100 * t['stages'] / t['parse']:.1f} % of parsing)"
    )
    print("target: extraction adds <= 15 % to nlp.pipe")
    if not args.no_processes:
        one = time_cli(folder, 1)
        two = time_cli(folder, 2)
        print(f"diplo extract -p 1:      {one:7.2f} s")
        print(f"diplo extract -p 2:      {two:7.2f} s")
        print(f"speed-up with 2 cores:   {one / two:6.2f}x  (os.cpu_count() = {os.cpu_count()})")


if __name__ == "__main__":
    main()
