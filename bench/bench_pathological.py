"""Hostile input against ordinary text of the same size: analysis time and memory.

Issue 17 found inputs whose analysis time grew with the square (or worse) of
their length: ``"He said " * N`` (one unpunctuated line that the parser reads
as a chain of nested reports), one attributed sentence repeated N times, a
900 KB single line, and 50,000 straight quote marks (spaCy's tokenizer). Each
is timed here through the whole per-article path (``pipeline.analyse``:
boilerplate and metadata, spaCy, every extraction stage) against ordinary news
text of the same length, and the ratio is printed; the target is at most 3x.

Every case runs in a fresh process so its peak memory is its own (the model
load is not timed). A benchmark, not a test: it prints figures for
docs/performance.md.

    nice .venv/bin/python bench/bench_pathological.py [--quick] [--only NAME]

``--quick`` leaves out the largest of each family (the 900 KB line above all).
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# Ordinary attributed news sentences of several shapes (direct and indirect
# speech, according to, a named and a pronoun source, an outlet's own voice).
NAMES = ["Maria Lopez", "Ahmed Karimi", "Sarah Chen", "the mayor", "Tom Okafor", "the minister"]
ROLES = ["a city council member", "the party's spokesman", "an aide", "the finance minister"]
TOPICS = [
    "the budget would be passed before the summer recess",
    "the bridge repairs were running two months late",
    "talks with the union had made real progress",
    "the new law would protect tenants from sudden evictions",
    "the school board had not been told about the plan",
    "prices at the pump were likely to fall by autumn",
    "the hospital needed at least forty more nurses",
]
VERBS = ["said", "told reporters", "argued", "warned", "added", "insisted", "noted"]
OWN = [
    "The council meets again on Thursday.",
    "Turnout in the last election was 61 percent.",
    "The project was first proposed in 2019.",
    "Rain is forecast for most of the week.",
]


def _sentence(rng: random.Random) -> str:
    name, topic, verb = rng.choice(NAMES), rng.choice(TOPICS), rng.choice(VERBS)
    subject = name[0].upper() + name[1:]
    shape = rng.randrange(5)
    if shape == 0:
        return f"{subject} {verb} that {topic}."
    if shape == 1:
        return f"“We expect {topic.split(' ', 2)[-1]},” {name} said."
    if shape == 2:
        return f"According to {rng.choice(ROLES)}, {topic}."
    if shape == 3:
        return f"{subject}, {rng.choice(ROLES)}, {verb} on Monday that {topic}."
    return rng.choice(OWN)


def normal_text(size: int, seed: int = 17) -> str:
    """Ordinary news paragraphs of three to five sentences, cut to ``size`` characters."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    length = 0
    while length < size:
        para = " ".join(_sentence(rng) for _ in range(rng.randint(3, 5)))
        paragraphs.append(para)
        length += len(para) + 1
    return "\n".join(paragraphs)[:size]


def one_line(size: int) -> str:
    """The same ordinary sentences with no line break at all."""
    return normal_text(size + 1000).replace("\n", " ")[:size]


CASES = {
    "he-said-500": lambda: "He said " * 500,
    "he-said-2000": lambda: "He said " * 2000,
    "he-said-4000": lambda: "He said " * 4000,
    "repeated-300": lambda: " ".join(["Smith said the plan would fail."] * 300),
    "repeated-1000": lambda: " ".join(["Smith said the plan would fail."] * 1000),
    "repeated-3000": lambda: " ".join(["Smith said the plan would fail."] * 3000),
    "quotes-50k": lambda: '"' * 50_000,
    "single-line-900k": lambda: one_line(900_000),
}
QUICK = ("he-said-500", "he-said-2000", "repeated-300", "repeated-1000", "quotes-50k")

CHILD = """
import json, resource, sys, time
sys.path.insert(0, {repo!r})
from bench.bench_pathological import CASES, normal_text
from loader.models import ArticleRecord
from loader.pipeline import analyse
from loader.nlp import get_nlp
get_nlp()
name, which = sys.argv[1], sys.argv[2]
text = CASES[name]()
if which == "normal":
    text = normal_text(len(text))
analyse(ArticleRecord(source_file="warm-up", text="Ali said it rained."))
t = time.perf_counter()
result = analyse(ArticleRecord(source_file=name, text=text))
seconds = time.perf_counter() - t
claims = len(getattr(result, "attributions", []))
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"chars": len(text), "seconds": seconds, "claims": claims, "rss": rss}}))
"""


def run_case(name: str, which: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD.format(repo=str(REPO)), name, which],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="only the smaller cases")
    ap.add_argument("--only", help="one case by name")
    args = ap.parse_args()
    names = [args.only] if args.only else list(QUICK if args.quick else CASES)
    print(f"{'case':18} {'chars':>9} {'seconds':>8} {'normal s':>8} {'ratio':>6} {'MiB':>6}")
    worst = 0.0
    for name in names:
        bad, good = run_case(name, "hostile"), run_case(name, "normal")
        ratio = bad["seconds"] / good["seconds"]
        worst = max(worst, ratio)
        print(
            f"{name:18} {bad['chars']:9,} {bad['seconds']:8.2f} {good['seconds']:8.2f} "
            f"{ratio:5.2f}x {bad['rss']:6.0f}",
            flush=True,
        )
    print(f"worst ratio {worst:.2f}x (target <= 3x)")
    return 0 if worst <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
