"""Article-reuse score against the Clough & Stevenson corpus of plagiarised answers.

Each answer was written from one Wikipedia source text with a given degree of
reuse: cut (copy-paste), light revision, heavy revision, or non (written
independently). Reused means cut or light, as in the issue. The score is the
containment matching uses for article_reuse: the answer's word shingles
found in the source, over the answer's size with its quotations counted
(loader.matching.reuse.article_shingles).

    PYTHONPATH=. /work/venv/bin/python bench/bench_reuse.py [CORPUS_DIR]

The corpus is read in place (../shared/eval/text-reuse/clough-stevenson
relative to the repository) and never copied.
"""

from __future__ import annotations

import csv
import statistics
import sys
from pathlib import Path

from loader.matching import thresholds as T
from loader.matching.reuse import article_shingles

GRADES = {"cut": 3, "light": 2, "heavy": 1, "non": 0}
DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "text-reuse"
DEFAULT = DEFAULT / "clough-stevenson"


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def ranks(values: list[float]) -> list[float]:
    """Average ranks (1-based), ties sharing their mean rank."""
    order = sorted(range(len(values)), key=values.__getitem__)
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def roc_auc(scores: list[float], positive: list[bool]) -> float:
    """Probability that a random positive outscores a random negative (Mann-Whitney)."""
    r = ranks(scores)
    n_pos = sum(positive)
    n_neg = len(positive) - n_pos
    rank_sum = sum(rk for rk, p in zip(r, positive, strict=True) if p)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def spearman(x: list[float], y: list[float]) -> float:
    rx, ry = ranks(x), ranks(y)
    return statistics.correlation(rx, ry)


def evaluate(corpus: Path, k: int) -> dict:
    rows = list(csv.DictReader((corpus / "labels.csv").open(encoding="utf-8")))
    sources = {}
    scores, grades = [], []
    per_grade: dict[str, list[float]] = {g: [] for g in GRADES}
    for row in rows:
        task = row["Task"]
        if task not in sources:
            sources[task] = set(article_shingles(read(corpus / f"orig_task{task}.txt"), k=k)[0])
        answer, size = article_shingles(read(corpus / row["File"]), k=k)
        score = len(set(answer) & sources[task]) / size if size else 0.0
        scores.append(score)
        grades.append(GRADES[row["Category"]])
        per_grade[row["Category"]].append(score)
    positive = [g >= GRADES["light"] for g in grades]
    copied = [s >= T.COPY_CONTAINMENT for s in scores]
    return {
        "answers": len(rows),
        "auc": roc_auc(scores, positive),
        "auc_any": roc_auc(scores, [g > 0 for g in grades]),
        "copy_rate": {
            g: statistics.mean(c for c, gg in zip(copied, grades, strict=True) if gg == v)
            for g, v in GRADES.items()
        },
        "spearman": spearman(scores, [float(g) for g in grades]),
        "means": {g: statistics.mean(v) for g, v in per_grade.items()},
        "mins": {g: min(v) for g, v in per_grade.items()},
        "maxs": {g: max(v) for g, v in per_grade.items()},
    }


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not (corpus / "labels.csv").exists():
        sys.exit(f"corpus not found: {corpus}")
    for k in sorted({T.SHINGLE_WORDS, 1, 2, 3, 4, 5}):
        r = evaluate(corpus, k)
        mark = " (used by matching)" if k == T.SHINGLE_WORDS else ""
        print(f"shingles of {k} words{mark}: {r['answers']} answers")
        print(f"  ROC AUC reused (cut, light) vs not (heavy, non): {r['auc']:.3f}")
        print(f"  ROC AUC any reuse (cut, light, heavy) vs non: {r['auc_any']:.3f}")
        print(f"  Spearman rank correlation with grade cut>light>heavy>non: {r['spearman']:.3f}")
        for g in GRADES:
            print(
                f"  {g:<6} mean containment {r['means'][g]:.3f}"
                f" (min {r['mins'][g]:.3f}, max {r['maxs'][g]:.3f});"
                f" share >= COPY_CONTAINMENT {T.COPY_CONTAINMENT}: {r['copy_rate'][g]:.2f}"
            )


if __name__ == "__main__":
    main()
