"""Scoring the extractor against PolNeAR gold attributions (a benchmark, not a test).

``diplo eval polnear ../shared/eval/polnear --split dev`` reads each article of
the split, the brat ``.ann`` file of the *first* annotator that
``metadata.tsv`` lists for it, runs the same extraction ``diplo extract`` runs
(boilerplate detection included), and prints precision/recall/F1 per role.

Matching, stated once because every figure depends on it:

1. Predicted and gold attributions of one article are paired one-to-one.
   A pair is allowed when their cue spans overlap or, failing that, their
   content spans overlap. Pairs are taken greedily, best first: more
   overlapping cue characters, then more overlapping content characters.
2. Each role (source, cue, content) is then scored over the pairs. A
   predicted attribution that has the role counts towards precision's
   denominator; a gold attribution that has it counts towards recall's. A
   paired role is a hit when its spans match under the criterion:
   ``exact`` (the same set of character spans), ``loose`` (the same after
   trimming whitespace, punctuation and quote marks at every span's edges)
   or ``overlap`` (any character in common).
3. The direct/indirect breakdown classes gold by its content (direct when
   the trimmed content starts and ends with a quote mark, mixed when it only
   contains one, indirect otherwise) and predictions by their own ``kind``;
   precision uses the predicted class, recall the gold class.
"""

from __future__ import annotations

import csv
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click

from loader.lexicon.punctuation import EVAL_EDGE, EVAL_QUOTE_MARKS
from loader.models import Span

ROLES = ("source", "cue", "content")
CRITERIA = ("exact", "loose", "overlap")
QUOTES = EVAL_QUOTE_MARKS
# Characters trimmed at span edges for the "loose" criterion.
EDGE = EVAL_EDGE


@dataclass
class GoldAttribution:
    """One brat ``E`` line: at most one source, one cue, one or more contents."""

    cue: list[Span]
    source: list[Span] = field(default_factory=list)
    content: list[Span] = field(default_factory=list)


@dataclass
class Prediction:
    """Spans and kind as the scorer reads them from an extractor's Attribution."""

    cue: list[Span]
    source: list[Span]
    content: list[Span]
    kind: str

    @classmethod
    def of_gold(cls, text: str, g: GoldAttribution) -> Prediction:
        """Another annotator's attribution, scored like a prediction."""
        return cls(g.cue, g.source, g.content, gold_kind(text, g))


@dataclass
class Article:
    stem: str
    text: str
    gold: list[GoldAttribution]


def read_ann(text: str) -> list[GoldAttribution]:
    """Parse brat standoff; spans of a T line may be discontinuous (``a b;c d``)."""
    spans: dict[str, list[Span]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue  # continuation of a span text that ran onto the next line
        if parts[0].startswith("T"):
            label, _, ranges = parts[1].partition(" ")
            try:
                spans[parts[0]] = [
                    (int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))
                ]
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            args = [a.partition(":") for a in parts[1].split()]
            events.append([(role, ref) for role, _, ref in args if ref])
    found: list[GoldAttribution] = []
    for args in events:
        roles: dict[str, list[Span]] = {"Source": [], "Cue": [], "Content": []}
        for role, ref in args:
            key = "Content" if role.startswith("Content") else role
            if key in roles and ref in spans:
                roles[key].extend(spans[ref])
        if roles["Cue"] and roles["Content"]:
            found.append(
                GoldAttribution(
                    cue=sorted(roles["Cue"]),
                    source=sorted(roles["Source"]),
                    content=sorted(roles["Content"]),
                )
            )
    return found


def read_split(root: Path, split: str) -> list[Article]:
    """Articles of one split with the first listed annotator's attributions."""
    return [article for article, _ in read_annotations(root, split)]


def read_annotations(root: Path, split: str) -> list[tuple[Article, list[list[GoldAttribution]]]]:
    """Each article with its first annotator's attributions as gold, plus every
    other annotator's, so annotators can be scored against each other exactly
    as the extractor is."""
    found: list[tuple[Article, list[list[GoldAttribution]]]] = []
    with (root / "metadata.tsv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["compartment"] != split:
                continue
            stem = row["filename"]
            folder = root / split / "attributions"
            anns = [folder / f"{stem}_{a}.ann" for a in row["annotators"].split("|")]
            txt = root / split / "text" / f"{stem}.txt"
            if not anns[0].exists() or not txt.exists():
                continue
            with txt.open(encoding="utf-8", newline="") as t:
                text = t.read()
            gold, *others = [read_ann(a.read_text(encoding="utf-8")) for a in anns if a.exists()]
            found.append((Article(stem, text, gold), others))
    return found


def trim(text: str, span: Span) -> Span | None:
    """The span without edge punctuation/quotes/space; None when nothing is left."""
    s, e = max(0, span[0]), min(len(text), span[1])
    while s < e and text[s] in EDGE:
        s += 1
    while e > s and text[e - 1] in EDGE:
        e -= 1
    return (s, e) if s < e else None


def _overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def matches(text: str, pred: Sequence[Span], gold: Sequence[Span], criterion: str) -> bool:
    if criterion == "exact":
        return sorted(pred) == sorted(gold)
    if criterion == "loose":
        p = sorted(t for t in (trim(text, s) for s in pred) if t)
        g = sorted(t for t in (trim(text, s) for s in gold) if t)
        return bool(p) and p == g
    return _overlap(pred, gold) > 0


def pair(pred: Sequence, gold: Sequence[GoldAttribution]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index), see the module docstring."""
    candidates = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            cue = _overlap(p.cue, g.cue)
            content = _overlap(p.content, g.content)
            if cue or content:
                candidates.append((cue, content, i, j))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _cue, _content, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def gold_kind(text: str, g: GoldAttribution) -> str:
    spans = [t for t in (trim(text, s) for s in g.content) if t]
    whole = " ".join(text[s:e] for s, e in g.content).strip(" \t\r\n.,;:!?")
    if not spans:
        return "indirect"
    if whole[:1] in QUOTES and whole[-1:] in QUOTES:
        return "direct"
    if any(ch in QUOTES.replace("'", "").replace("’", "") for ch in whole):
        return "mixed"
    return "indirect"


@dataclass
class Counts:
    """Hits and denominators, summed over articles: ``key`` is (group, role, criterion)."""

    tp_p: dict = field(default_factory=dict)  # hits counted on the predicted side
    tp_g: dict = field(default_factory=dict)  # hits counted on the gold side
    n_pred: dict = field(default_factory=dict)
    n_gold: dict = field(default_factory=dict)

    def bump(self, table: dict, key, n: int = 1) -> None:
        table[key] = table.get(key, 0) + n

    def prf(self, group: str, role: str, criterion: str) -> tuple[float, float, float]:
        key = (group, role, criterion)
        np_, ng = self.n_pred.get((group, role), 0), self.n_gold.get((group, role), 0)
        p = self.tp_p.get(key, 0) / np_ if np_ else 0.0
        r = self.tp_g.get(key, 0) / ng if ng else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _tally(counts, text, items, others, partner, kind_of, n_counter, tp_counter, items_are_pred):
    """Count each role of ``items`` and how many match their paired ``others``."""
    for i, item in enumerate(items):
        groups = ("all", kind_of(item))
        for role in ROLES:
            spans = getattr(item, role)
            if not spans:
                continue
            for group in groups:
                counts.bump(n_counter, (group, role))
            k = partner.get(i)
            if k is None or not getattr(others[k], role):
                continue
            other = getattr(others[k], role)
            pred_spans, gold_spans = (spans, other) if items_are_pred else (other, spans)
            for crit in CRITERIA:
                if matches(text, pred_spans, gold_spans, crit):
                    for group in groups:
                        counts.bump(tp_counter, (group, role, crit))


def score_article(counts: Counts, text: str, pred: Sequence, gold: Sequence[GoldAttribution]):
    """Add one article's pairs to ``counts``; returns the pairs for error analysis."""
    pairs = pair(pred, gold)
    p_of = {i: j for i, j in pairs}
    g_of = {j: i for i, j in pairs}

    def predicted_kind(p) -> str:
        return p.kind if p.kind in ("direct", "mixed") else "indirect"

    # Precision counts over predictions, recall over gold: the same tally both ways.
    _tally(counts, text, pred, gold, p_of, predicted_kind, counts.n_pred, counts.tp_p, True)
    _tally(
        counts,
        text,
        gold,
        pred,
        g_of,
        lambda g: gold_kind(text, g),
        counts.n_gold,
        counts.tp_g,
        False,
    )
    return pairs


def report(counts: Counts, n_articles: int) -> str:
    lines = [
        f"{n_articles} articles; gold attributions {counts.n_gold.get(('all', 'cue'), 0)},"
        f" predicted {counts.n_pred.get(('all', 'cue'), 0)}",
        f"{'group':<9}{'role':<9}" + "".join(f"{c + ' P/R/F1':>22}" for c in CRITERIA),
    ]
    for group in ("all", "direct", "mixed", "indirect"):
        for role in ROLES:
            if not counts.n_gold.get((group, role)) and not counts.n_pred.get((group, role)):
                continue
            cells = "".join(
                "{:>22}".format("{:.3f}/{:.3f}/{:.3f}".format(*counts.prf(group, role, c)))
                for c in CRITERIA
            )
            lines.append(f"{group:<9}{role:<9}{cells}")
    return "\n".join(lines)


def predict(
    articles: Iterable[Article],
    model: str | None = None,
    batch_size: int = 16,
    failures: list[str] | None = None,
):
    """The attributions ``diplo extract`` would give, parsing with ``nlp.pipe``.

    An article whose analysis raises is scored with no predictions and named
    in ``failures`` (its gold attributions still count against recall).
    """
    if failures is None:
        failures = []
    from loader.attribution import extract_doc
    from loader.boilerplate import prepare
    from loader.models import ArticleRecord
    from loader.nlp import get_nlp

    articles = list(articles)
    nlp = get_nlp(model)
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
    for article, doc in zip(articles, docs, strict=True):
        # The loader's own preparation, so the scores are those of `diplo load`.
        record = prepare(ArticleRecord(source_file=article.stem, text=article.text))
        excluded = [(b.start, b.end) for b in record.boilerplate]
        try:
            yield spans_only(extract_doc(doc, excluded, dateline=record.dateline_span))
        except Exception as e:  # as in `diplo extract`: one failing article does not stop the run
            failures.append(f"{article.stem}: {type(e).__name__}: {e}")
            yield []


def spans_only(attributions: Sequence) -> list:
    """What PolNeAR annotates: reported speech, once per span set.

    Outlet-voice claims have no source or cue and are not attributions; a
    joint statement ("Lavrov and Fidan said") is one Attribution per speaker
    with the same spans, but one attribution for span scoring; a statement
    relayed inside another attribution is nested, which PolNeAR never
    annotates (the outer one wins).
    """
    seen: set = set()
    out = []
    for a in attributions:
        key = (tuple(a.source), tuple(a.cue), tuple(a.content))
        if a.kind == "outlet" or a.nested or key in seen:
            continue
        seen.add(key)
        out.append(a)
    return out


@click.group("eval")
def eval_group() -> None:
    """Benchmarks of the extractor against annotated corpora."""


@eval_group.command("polnear")
@click.argument("root", type=click.Path(exists=True, file_okay=False))
@click.option("--split", default="dev", show_default=True, help="train, dev or test")
@click.option("--limit", type=click.IntRange(1), help="Score only the first N articles.")
@click.option("--model", metavar="NAME", help="spaCy model package to load.")
@click.option(
    "--agreement",
    is_flag=True,
    help="Only articles with several annotators: score every other annotator against the"
    " first, as the extractor is scored, then the extractor on the same articles.",
)
def polnear(root: str, split: str, limit: int | None, model: str | None, agreement: bool) -> None:
    """Precision/recall/F1 of source, cue and content spans on PolNeAR ROOT."""
    started = time.monotonic()
    annotated = read_annotations(Path(root), split)
    if agreement:
        annotated = [(a, others) for a, others in annotated if others]
    if limit:
        annotated = annotated[:limit]
    if not annotated:
        which = "with several annotators " if agreement else ""
        raise click.ClickException(f"{root}: no articles {which}in split {split!r}")
    articles = [a for a, _ in annotated]
    if agreement:
        human = Counts()
        n = 0
        for article, others in annotated:
            for other in others:
                as_pred = [Prediction.of_gold(article.text, g) for g in other]
                score_article(human, article.text, as_pred, article.gold)
                n += 1
        click.echo(f"PolNeAR {split}, other annotators against the first ({n} annotations):")
        click.echo(report(human, len(articles)))
        click.echo(f"PolNeAR {split}, the extractor on the same articles:")
    counts = Counts()
    failures: list[str] = []
    for article, pred in zip(articles, predict(articles, model, failures=failures), strict=True):
        score_article(counts, article.text, pred, article.gold)
    click.echo(
        report(counts, len(articles))
        if agreement
        else f"PolNeAR {split}: {report(counts, len(articles))}"
    )
    for failure in failures:
        click.echo(f"analysis failed, scored as no predictions: {failure}", err=True)
    click.echo(f"({time.monotonic() - started:.1f}s)", err=True)


if __name__ == "__main__":  # pragma: no cover
    polnear(sys.argv[1:])
