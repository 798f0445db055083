"""Which articles reuse another's wording, and which one came first.

Containment, not similarity: the share of an article's word shingles found
in another, computed both ways, because a rewrite and its source have
different lengths and the direction matters. Two independent reports of one
event share names and facts but few three-word runs, so only wording reuse
scores. Shingles that one outlet repeats across many of its articles
(sign-offs, standing descriptions) are that outlet's boilerplate and do not
count, nor do stock phrases found in very many articles.
"""

from __future__ import annotations

import heapq
import re
import zlib
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from loader.attribution.quotes import quote_spans_as_read
from loader.matching import thresholds as T
from loader.matching.normalise import norm_word

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
# Quoted words are the speaker's wording, not the outlet's: two outlets quoting
# one press conference verbatim have not copied each other. Found by the one
# quote finder (loader/attribution/quotes.py), every house style alike.

BASIS_DATES = "publication dates"
BASIS_CLAIMS = "asymmetric containment of shared claims ({dates})"
BASIS_TEXT = "asymmetric containment of text ({dates})"
BASIS_NONE = "undetermined: containment symmetric and {dates}"
# why the dates did not decide: two wire rewrites of one morning share a date
DATES_UNKNOWN = "publication dates unknown"
SAME_DATE = "published the same day"


@dataclass
class ArticleText:
    id: int
    outlet_id: int | None
    published: str | None
    text: str
    boilerplate: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Reuse:
    earlier_article_id: int
    later_article_id: int
    containment: float  # share of the later article found in the earlier one
    basis: str
    reverse_containment: float  # share of the earlier article found in the later one
    shared_words: int  # words of the later article inside shared shingles


def shingle_list(text: str, boilerplate: Sequence[tuple[int, int]] = (), k: int = 0) -> list[int]:
    """Hashes of the k-word runs of a text, skipping boilerplate and quotations.

    CRC-32 rather than ``hash``: Python salts string hashes per process, and
    candidate sampling (REUSE_SAMPLE) must pick the same shingles every run.

    A run never spans a skipped range: the words either side of a caption
    were not written next to each other.
    """
    k = k or T.SHINGLE_WORDS
    skipped = _merge([*boilerplate, *quote_spans_as_read(text)])
    out: list[int] = []
    position = 0
    for start, end in [*skipped, (len(text), len(text))]:
        words = [norm_word(w) for w in _WORD.findall(text, position, start)]
        out.extend(
            zlib.crc32(" ".join(words[i : i + k]).encode()) for i in range(len(words) - k + 1)
        )
        position = max(position, end)
    return out


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def containment(a: set[int], b: set[int]) -> float:
    """Share of a's shingles found in b."""
    return len(a & b) / len(a) if a else 0.0


def _boilerplate_shingles(
    articles: Sequence[ArticleText], sets: dict[int, set[int]]
) -> dict[int | None, set[int]]:
    by_outlet: dict[int, list[int]] = defaultdict(list)
    for a in articles:
        if a.outlet_id is not None:
            by_outlet[a.outlet_id].append(a.id)
    out: dict[int | None, set[int]] = {}
    for outlet, ids in by_outlet.items():
        if len(ids) < T.BOILERPLATE_MIN_ARTICLES:
            continue
        counts: Counter[int] = Counter()
        for i in ids:
            counts.update(sets[i])
        need = max(T.BOILERPLATE_MIN_ARTICLES, T.BOILERPLATE_OUTLET_SHARE * len(ids))
        out[outlet] = {s for s, n in counts.items() if n >= need}
    return out


def _direction(
    a: ArticleText, b: ArticleText, c_ab: float, c_ba: float, claim_votes: dict
) -> tuple[ArticleText, ArticleText, str]:
    """(earlier, later, basis) for a pair of articles that share wording."""
    if a.published and b.published and a.published != b.published:
        return (a, b, BASIS_DATES) if a.published < b.published else (b, a, BASIS_DATES)
    dates = SAME_DATE if a.published and b.published else DATES_UNKNOWN
    vote = claim_votes.get((a.id, b.id), 0.0) - claim_votes.get((b.id, a.id), 0.0)
    if abs(vote) >= T.ASYMMETRY_MARGIN:
        # a positive vote: a's claims are contained in b's, so a is derived
        basis = BASIS_CLAIMS.format(dates=dates)
        return (b, a, basis) if vote > 0 else (a, b, basis)
    if abs(c_ab - c_ba) >= T.ASYMMETRY_MARGIN:
        basis = BASIS_TEXT.format(dates=dates)
        return (b, a, basis) if c_ab > c_ba else (a, b, basis)
    basis = BASIS_NONE.format(dates=dates)
    return (a, b, basis) if a.id < b.id else (b, a, basis)


def find_reuse(
    articles: Iterable[ArticleText], claim_votes: dict[tuple[int, int], float] | None = None
) -> list[Reuse]:
    """Every pair of articles sharing enough wording, oriented earlier -> later.

    claim_votes[(x, y)] sums how much more x's claims are contained in y's
    claims of the same group than the reverse: evidence that x is derived
    from y when no publication dates decide.
    """
    claim_votes = claim_votes or {}
    articles = sorted(articles, key=lambda a: a.id)
    lists = {a.id: shingle_list(a.text, a.boilerplate) for a in articles}
    sets = {i: set(s) for i, s in lists.items()}
    boiler = _boilerplate_shingles(articles, sets)
    df: Counter[int] = Counter()
    for a in articles:
        if a.outlet_id in boiler:
            sets[a.id] -= boiler[a.outlet_id]
        df.update(sets[a.id])
    # Candidates come from a fixed sample of the shingles (those whose hash is
    # divisible by REUSE_SAMPLE), containment from all of them.
    # Each article also offers its REUSE_MIN_HASHES smallest hashes (a bottom-k
    # sketch), so that short articles, which have few sampled shingles, still
    # meet their copies.
    sampled = {}
    for a in articles:
        shared_anywhere = [s for s in sets[a.id] if df[s] > 1]
        picked = {s for s in shared_anywhere if s % T.REUSE_SAMPLE == 0}
        picked.update(heapq.nsmallest(T.REUSE_MIN_HASHES, shared_anywhere))
        sampled[a.id] = sorted(picked)
    postings: dict[int, list[int]] = defaultdict(list)
    for index, a in enumerate(articles):
        for s in sampled[a.id]:
            if df[s] <= T.MAX_SHINGLE_ARTICLES:
                postings[s].append(index)
    out: list[Reuse] = []
    for index, a in enumerate(articles):
        later: list[int] = []  # postings are in index order: keep the part after us
        for s in sampled[a.id]:
            posting = postings.get(s)
            if posting:
                later.extend(posting[bisect_right(posting, index) :])
        shared = Counter(later)
        for j in sorted(shared):
            if shared[j] < T.REUSE_MIN_SAMPLED:
                continue
            b = articles[j]
            common = sets[a.id] & sets[b.id]
            if len(common) < T.REUSE_MIN_SHARED:
                continue
            c_ab, c_ba = len(common) / len(sets[a.id]), len(common) / len(sets[b.id])
            if max(c_ab, c_ba) < T.REUSE_MIN_CONTAINMENT:
                continue
            earlier, later, basis = _direction(a, b, c_ab, c_ba, claim_votes)
            c_later = c_ab if later is a else c_ba
            c_earlier = c_ba if later is a else c_ab
            out.append(
                Reuse(
                    earlier.id,
                    later.id,
                    round(c_later, 4),
                    basis,
                    round(c_earlier, 4),
                    _covered_words(lists[later.id], common),
                )
            )
    out.sort(key=lambda r: (-r.containment, r.earlier_article_id, r.later_article_id))
    return out


def _covered_words(shingles: list[int], common: set[int]) -> int:
    covered: set[int] = set()
    k = T.SHINGLE_WORDS
    for i, s in enumerate(shingles):
        if s in common:
            covered.update(range(i, i + k))
    return len(covered)
