"""Benchmark: speaker resolution time against article length (issue 17).

Speaker resolution must stay linear in the number of attributions: an
article of N attributed sentences should take about N times what one takes.
This builds articles of N sentences from a few named people, pronouns, roles
and bodies (our own text), parses each once, finds the attributions, and
times ``resolve_speakers`` alone, printing seconds and the time per sentence
(flat per-sentence time means linear).

    python bench/bench_coref_scaling.py                 # N = 100 300 1000
    python bench/bench_coref_scaling.py 300 1000 3000
"""

from __future__ import annotations

import sys
import time

SENTENCES = (
    "Iranian Foreign Minister Abbas Araghchi said the talks on item {i} would go on.",
    "He added that the proposal number {i} was still being studied.",
    "Russian Foreign Minister Sergei Lavrov told reporters that meeting {i} went well.",
    "The minister said the delegations would meet again after round {i}.",
    "Araghchi said round {i} had been useful, according to the Iranian Foreign Ministry.",
    "Ms. Baerbock said she expected progress by week {i}.",
    "Iraqi officials said the border crossing {i} stayed closed.",
    "The ministry said in a statement that the report {i} was wrong.",
)


def article(n: int) -> str:
    return " ".join(SENTENCES[i % len(SENTENCES)].format(i=i) for i in range(n))


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [100, 300, 1000]
    from loader.attribution.coref import resolve_speakers
    from loader.attribution.patterns import find_attributions
    from loader.nlp import get_nlp

    nlp = get_nlp()
    print(f"{'N':>6} {'attributions':>12} {'resolve s':>10} {'ms/sentence':>12}")
    for n in sizes:
        doc = nlp(article(n))
        found = find_attributions(doc, [])
        started = time.perf_counter()
        resolve_speakers(doc, found, [])
        seconds = time.perf_counter() - started
        print(f"{n:>6} {len(found):>12} {seconds:>10.2f} {1000 * seconds / n:>12.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
