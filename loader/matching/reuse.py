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

import re
import zlib
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from loader.matching import thresholds as T
from loader.matching.direction import (
    BASIS_CLAIMS,
    BASIS_DATES,
    BASIS_NONE,
    BASIS_SHARED,
    BASIS_TEXT,
    BASIS_TIMES,
    BASIS_WIRE,
    DATES_UNKNOWN,
    SAME_DATE,
    Evidence,
    Side,
    decide,
    is_directed,
)
from loader.matching.normalise import norm_word
from loader.text.quotes import quote_spans_as_read

WIRE_PREFIX = BASIS_WIRE.split(" (")[0]

__all__ = [
    "BASIS_CLAIMS",
    "BASIS_DATES",
    "BASIS_NONE",
    "BASIS_SHARED",
    "BASIS_TEXT",
    "BASIS_WIRE",
    "DATES_UNKNOWN",
    "SAME_DATE",
    "ArticleText",
    "Reuse",
    "find_reuse",
]

_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
# Quoted words are the speaker's wording, not the outlet's: two outlets quoting
# one press conference verbatim have not copied each other. Found by the one
# quote finder (loader/text/quotes.py), every house style alike: wire
# copy's ``doubled'' marks over hard-wrapped lines, British 'single' quotes told
# apart from apostrophes, curly and straight double quotes.


@dataclass
class ArticleText:
    id: int
    outlet_id: int | None
    published: str | None
    text: str
    boilerplate: list[tuple[int, int]] = field(default_factory=list)
    wire: bool = False  # a news agency (direction.is_wire_outlet)
    shingles: list[int] | None = None  # shingle_list(text, boilerplate), when already known
    size: int | None = None  # article_shingles' size, with ``shingles``; None: no quotations


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
    return article_shingles(text, boilerplate, k)[0]


def article_shingles(
    text: str, boilerplate: Sequence[tuple[int, int]] = (), k: int = 0
) -> tuple[list[int], int]:
    """(shingle_list, size): the shingles that can show reuse, and how many
    distinct shingles the article holds counting its quotations.

    Quoted words are never wording shared with another article (two outlets
    quoting one speaker have not copied each other), but they are part of
    what the article says: its size, the denominator of containment,
    counts them. An answer or a story built around its own long quotation is
    then not scored as mostly taken from a source it shares a few lines with.
    """
    quotes = _merge(list(quote_spans_as_read(text)))
    plain = _runs(text, _merge([*boilerplate, *quotes]), k)
    quoted = _runs(text, _merge([*boilerplate, *_gaps(quotes, len(text))]), k)
    return plain, len(set(plain).union(quoted))


def _gaps(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The ranges of a text outside ``spans`` (sorted, merged)."""
    out, position = [], 0
    for start, end in spans:
        if start > position:
            out.append((position, start))
        position = max(position, end)
    return [*out, (position, length)]


def _runs(text: str, skipped: list[tuple[int, int]], k: int = 0) -> list[int]:
    """Hashes of the k-word runs between the ``skipped`` ranges (merged)."""
    k = k or T.SHINGLE_WORDS
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


def passes(shared: int, size_a: int, size_b: int) -> bool:
    """Enough shared shingles to call it reuse, relative to the shorter text.

    Either the long rule (REUSE_MIN_SHARED shingles and REUSE_MIN_CONTAINMENT
    of the shorter text) or the short one: a brief of two sentences with most
    of its shingles (REUSE_SHORT_CONTAINMENT, at least REUSE_MIN_SHARED_SHORT)
    in its source.
    """
    shorter = min(size_a, size_b)
    if not shorter:
        return False
    share = shared / shorter
    if shared >= T.REUSE_MIN_SHARED and share >= T.REUSE_MIN_CONTAINMENT:
        return True
    return shared >= T.REUSE_MIN_SHARED_SHORT and share >= T.REUSE_SHORT_CONTAINMENT


def _shingle_sets(articles: Sequence[ArticleText]) -> tuple[dict, dict, Counter, dict]:
    """(shingle lists, sets without outlet boilerplate, document frequency,
    sizes: each set's length plus the article's quoted-only shingles)."""
    lists, quoted = {}, {}
    for a in articles:
        if a.shingles is not None:
            lists[a.id], size = a.shingles, a.size
        else:
            lists[a.id], size = article_shingles(a.text, a.boilerplate)
        quoted[a.id] = 0 if size is None else size - len(set(lists[a.id]))
    sets = {i: set(s) for i, s in lists.items()}
    boiler = _boilerplate_shingles(articles, sets)
    df: Counter[int] = Counter()
    for a in articles:
        if a.outlet_id in boiler:
            sets[a.id] -= boiler[a.outlet_id]
        df.update(sets[a.id])
    sizes = {i: len(sets[i]) + quoted[i] for i in sets}
    return lists, sets, df, sizes


def candidate_pairs(
    articles: Sequence[ArticleText], sets: dict[int, set[int]], df: Counter
) -> Iterable[tuple[int, int, set[int]]]:
    """Every pair over the thresholds, with its shared shingles: no sampling.

    Exact postings of every shingle found in 2..MAX_SHINGLE_ARTICLES
    articles; a pair is checked when it shares at least
    REUSE_MIN_SHARED_SHORT of them, and kept when ``passes`` on all its
    shingles. The work per article is bounded by its shingles times
    MAX_SHINGLE_ARTICLES, so it grows linearly with the archive.
    """
    postings: dict[int, list[int]] = defaultdict(list)
    for index, a in enumerate(articles):
        for s in sets[a.id]:
            if 1 < df[s] <= T.MAX_SHINGLE_ARTICLES:
                postings[s].append(index)
    for index, a in enumerate(articles):
        later: list[int] = []  # postings are in index order: keep the part after us
        for s in sets[a.id]:
            posting = postings.get(s)
            if posting:
                later.extend(posting[bisect_right(posting, index) :])
        shared = Counter(later)
        for j in sorted(shared):
            if shared[j] < T.REUSE_MIN_SHARED_SHORT:
                continue
            b = articles[j]
            common = sets[a.id] & sets[b.id]
            if passes(len(common), len(sets[a.id]), len(sets[b.id])):
                yield index, j, common


def find_reuse(
    articles: Iterable[ArticleText], claim_votes: dict[tuple[int, int], float] | None = None
) -> list[Reuse]:
    """Every pair of articles sharing enough wording, oriented earlier -> later.

    claim_votes[(x, y)] sums how much more x's claims are contained in y's
    claims of the same group than the reverse: evidence that x is derived
    from y when no publication dates decide. Direction: direction.RULES;
    pairs that only share an earlier source: ``shared_sources``.
    """
    raw, sets = raw_links(articles, claim_votes or {})
    out = shared_sources(raw, sets)
    out.sort(key=lambda r: (-r.containment, r.earlier_article_id, r.later_article_id))
    return out


def raw_links(
    articles: Iterable[ArticleText], claim_votes
) -> tuple[list[Reuse], dict[int, set[int]]]:
    """(every pair over the thresholds, directed, before ``shared_sources``;
    each article's shingles without its outlet's boilerplate)."""
    articles = sorted(articles, key=lambda a: a.id)
    lists, sets, df, sizes = _shingle_sets(articles)
    out: list[Reuse] = []
    for i, j, common in candidate_pairs(articles, sets, df):
        a, b = articles[i], articles[j]
        vote = pair_vote(claim_votes, a.id, b.id)
        out.append(make_link(_side(a), _side(b), (sizes[a.id], sizes[b.id]), common, lists, vote))
    return out, sets


def pair_vote(claim_votes, x: int, y: int) -> float:
    """How much more x's claims sit inside y's than the reverse (claim_votes)."""
    return claim_votes.get((x, y), 0.0) - claim_votes.get((y, x), 0.0)


def make_link(a: Side, b: Side, sizes: tuple[int, int], common: set[int], lists, vote):
    """The link of a candidate pair (a the lower id) that ``passes``: its
    direction (direction.RULES), both containments and the later article's
    words inside shared shingles (``lists[later id]``: its shingle list).

    Linked on the wording the two could share; containment over all they
    say: ``sizes`` are each article's set without boilerplate plus its
    quoted-only shingles (``_shingle_sets``)."""
    c_ab, c_ba = len(common) / sizes[0], len(common) / sizes[1]
    earlier, later, basis = decide(a, b, Evidence(c_ab, c_ba, vote))
    c_later, c_earlier = (c_ab, c_ba) if later.id == a.id else (c_ba, c_ab)
    return Reuse(
        earlier.id,
        later.id,
        round(c_later, 4),
        basis,
        round(c_earlier, 4),
        _covered_words(lists[later.id], common),
    )


def _side(a: ArticleText) -> Side:
    return Side(a.id, a.published, a.wire)


def shared_sources(links: list[Reuse], sets) -> list[Reuse]:
    """Links between two articles that each reuse the same earlier article and
    share little beyond it become "shared source" links (lower id first, no
    order implied): two rewrites of one wire story did not copy each other.

    Little: the shingles the two share outside every common source would not
    make a reuse link on their own (``passes``), or make less of the shorter
    text than COPY_CONTAINMENT, the most independently written texts share.
    Sources are the directed links found before this step. A link from a wire
    to a non-wire article stays unless the common source is known to precede
    the wire by publication dates or times: the wire is an origin of that
    wording whether or not it took it from an earlier take whose order
    against it only containment suggests.

    One link's result depends only on it, the links into its two articles
    and the shingles of those articles and their sources: what lets an
    incremental match redo this step for the links near what changed.
    """
    sources = source_maps(links)
    return [resolve_shared(r, sources, sets) for r in links]


def source_maps(links: Iterable[Reuse]) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """(earlier articles of each article's directed links, of its links
    directed by publication dates or times)."""
    sources: dict[int, set[int]] = defaultdict(set)
    dated_sources: dict[int, set[int]] = defaultdict(set)
    for r in links:
        if is_directed(r.basis):
            sources[r.later_article_id].add(r.earlier_article_id)
        if r.basis in (BASIS_DATES, BASIS_TIMES):
            dated_sources[r.later_article_id].add(r.earlier_article_id)
    return sources, dated_sources


def resolve_shared(r: Reuse, maps, sets) -> Reuse:
    """One link after the shared-source step (``shared_sources``)."""
    sources, dated_sources = maps
    x, y = r.earlier_article_id, r.later_article_id
    before_x = (
        dated_sources.get(x, set()) if r.basis.startswith(WIRE_PREFIX) else sources.get(x, set())
    )
    common_sources = (before_x & sources.get(y, set())) - {x, y}
    source = _explaining_source(x, y, common_sources, sets) if common_sources else None
    if source is None:
        return r
    first, second = sorted((x, y))
    c_second = r.containment if second == y else r.reverse_containment
    c_first = r.reverse_containment if second == y else r.containment
    return replace(
        r,
        earlier_article_id=first,
        later_article_id=second,
        containment=c_second,
        reverse_containment=c_first,
        basis=BASIS_SHARED.format(source=source),
    )


def _explaining_source(x: int, y: int, candidates: set[int], sets: dict) -> int | None:
    """The common source that explains the pair's shared wording (the one
    covering most of it), or None when they share too much beyond all of them:
    enough to make a reuse link on its own and at least COPY_CONTAINMENT of
    the shorter text (more than independently written texts share)."""
    common = sets[x] & sets[y]
    beyond = set(common)
    for e in candidates:
        beyond -= sets[e]
    shorter = min(len(sets[x]), len(sets[y]))
    if passes(len(beyond), len(sets[x]), len(sets[y])) and (
        len(beyond) >= T.COPY_CONTAINMENT * shorter
    ):
        return None
    return max(sorted(candidates), key=lambda e: len(common & sets[e]))


def _covered_words(shingles: list[int], common: set[int]) -> int:
    covered: set[int] = set()
    k = T.SHINGLE_WORDS
    for i, s in enumerate(shingles):
        if s in common:
            covered.update(range(i, i + k))
    return len(covered)
