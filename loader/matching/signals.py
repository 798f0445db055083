"""What a reader needs to judge a group: who said it first, who repeated it,
how many of the reports are independent, and whether they agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from loader.matching import thresholds as T
from loader.matching.candidates import ClaimItem, figures_conflict
from loader.matching.normalise import figure, segments


@dataclass(frozen=True)
class ArticleInfo:
    id: int
    outlet_id: int | None
    published: str | None


def earliest_order(
    members: Sequence[ClaimItem],
    articles: dict[int, ArticleInfo],
    derived_from: dict[int, set[int]],
) -> list[ClaimItem]:
    """Claims from earliest to latest report.

    Known publication dates come first and decide; among undated articles one
    that reuses another group article's wording comes after it; then load
    order. derived_from[x] holds the articles x reuses (article_reuse).
    """
    in_group = {c.article_id for c in members}

    def key(c: ClaimItem) -> tuple:
        published = articles[c.article_id].published
        derived = len(derived_from.get(c.article_id, set()) & in_group)
        return (published is None, published or "", derived, c.article_id, c.id)

    return sorted(members, key=key)


def order_known(
    group: Sequence[ClaimItem],
    articles: dict[int, ArticleInfo],
    derived_from: dict[int, set[int]],
) -> bool:
    """Whether the first report of an ordered group is known to be the
    earliest: every other report's article is dated a later day, or reuses
    the first's wording (directly or through other group articles). With no
    dates, or equal ones, and no reuse to order them, it is not: the page
    says "order unknown" and no version is crowned the origin."""
    first = group[0].article_id
    before = _derived_closure(first, {c.article_id for c in group}, derived_from)
    published = articles[first].published
    for c in group[1:]:
        later = articles[c.article_id].published
        dated_after = bool(published and later) and published[:10] < later[:10]
        if not (dated_after or c.article_id in before):
            return False
    return True


def _derived_closure(
    origin: int, in_group: set[int], derived_from: dict[int, set[int]]
) -> set[int]:
    """Group articles that reuse the origin's wording, directly or through others."""
    reached = {origin}
    changed = True
    while changed:
        changed = False
        for a in in_group - reached:
            if derived_from.get(a, set()) & reached:
                reached.add(a)
                changed = True
    return reached - {origin}


def _outlet_key(outlet_id: int | None) -> object:
    # Articles with no known outlet count together as one unknown outlet: we
    # cannot tell whether they are one source or several, so never more than one.
    return outlet_id if outlet_id is not None else "unknown"


def outlet_counts(
    members: Sequence[ClaimItem],
    articles: dict[int, ArticleInfo],
    copies_of: dict[int, set[int]],
) -> tuple[int, int]:
    """(outlets, independent outlets) among the group's reports.

    An article is a copy when it reuses (containment >= COPY_CONTAINMENT) the
    wording of another group article from a different or unknown outlet;
    copies_of[x] holds the articles x copies.
    """
    group_articles = {c.article_id for c in members}
    outlets = {_outlet_key(articles[a].outlet_id) for a in group_articles}
    independent = set()
    for a in group_articles:
        outlet = articles[a].outlet_id
        copied = any(
            outlet is None or articles[e].outlet_id is None or articles[e].outlet_id != outlet
            for e in copies_of.get(a, set()) & group_articles
        )
        if not copied:
            independent.add(_outlet_key(outlet))
    return len(outlets), len(independent)


def conflict(members: Sequence[ClaimItem]) -> list[dict] | None:
    """The differing figures and dates of a group, with the claims carrying each.

    None when every pair agrees (a report that leaves a figure out agrees).
    Large groups compare each report with the earliest only.
    """
    if len(members) <= T.MAX_PAIRWISE_GROUP:
        pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
    else:
        pairs = [(members[0], b) for b in members[1:]]
    if not any(figures_conflict(a.text, b.text) for a, b in pairs):
        return None
    carriers = [c for c in members if c.text.figures]
    values: dict[str, dict] = {}
    for c in carriers:
        surfaces = {}
        for seg in segments(c.content):
            value = figure(seg.norm) if seg.norm else None
            if value is not None:
                surfaces.setdefault(value, c.content[seg.start :].split()[0].strip(",.;:”\"'"))
        for value in sorted(c.text.figures):
            entry = values.setdefault(
                value,
                {
                    "kind": "date" if value.startswith("month:") else "figure",
                    "value": surfaces.get(value, value),
                    "claim_ids": [],
                },
            )
            entry["claim_ids"].append(c.id)
    differing = [v for v in values.values() if len(v["claim_ids"]) < len(carriers)]
    return sorted(differing, key=lambda v: (v["kind"], v["claim_ids"], v["value"])) or None


def status(conflicting: bool, fidelity_classes: Sequence[str], independent: int) -> str:
    """One word for the group, the most serious finding first."""
    if conflicting:
        return "conflicting"
    if "altered" in fidelity_classes:
        return "fidelity-concern"
    if independent >= 2:
        return "corroborated"
    return "single-source"
