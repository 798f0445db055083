"""Finding and scoring pairs of claims that may report one statement.

Never all pairs: claims are blocked by speaker (``outlet`` claims form their
own block, claims with no resolved speaker are never compared), and within a
block an inverted index of word bigrams proposes only pairs that share
enough wording, within a time window. Common bigrams ("of the") are left out
of the index so a prolific speaker's block stays cheap.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from loader.matching import thresholds as T
from loader.matching.normalise import ClaimText


@dataclass(eq=False)
class ClaimItem:
    """One claim as matching sees it."""

    id: int
    article_id: int
    speaker_id: int | None
    kind: str
    day: int | None  # proleptic ordinal of its date, None when unknown
    content: str
    text: ClaimText

    @property
    def block(self) -> object | None:
        """Claims are only compared within one block; None: compared with nothing."""
        if self.kind == "outlet":
            return "outlet"
        return self.speaker_id


@dataclass(frozen=True)
class PairScore:
    score: float
    auto: bool  # confident enough to group without asking
    conflict: bool  # figures or dates differ


def _containment(short: ClaimText, long: ClaimText) -> float:
    total = sum(short.words.values())
    if not total:
        return 0.0
    shared = sum(w for word, w in short.words.items() if word in long.words)
    return shared / total


def figures_conflict(a: ClaimText, b: ClaimText) -> bool:
    """Both carry a figure the other lacks ("15 MoUs" vs "14 MoUs").

    One side carrying fewer figures is an excerpt, not a conflict.
    """
    return bool(a.figures - b.figures) and bool(b.figures - a.figures)


def score_pair(a: ClaimText, b: ClaimText) -> PairScore:
    """How likely two same-speaker claims report one statement, and how confidently.

    The shorter text's words and bigrams are looked up in the longer one, so
    an excerpt of a longer quote scores as high as a full copy. Figures are
    masked out of the score and compared separately: a changed figure makes
    the group ``conflicting`` rather than splitting it. A name in the shorter
    text missing from the longer one, or a text under MIN_AUTO_WORDS words,
    caps the pair at the suggestion tier.
    """
    short, long = (a, b) if a.length <= b.length else (b, a)
    score = _directed(short, long)
    entities_agree = short.entities <= long.entities | long.words.keys()
    auto = score >= T.AUTO_SCORE and short.length >= T.MIN_AUTO_WORDS and entities_agree
    conflict = figures_conflict(a, b)
    if conflict and auto:
        # "It takes 2,383 delegates to win the nomination" sits inside "It takes
        # 1,237 delegates to win the Republican nomination": with figures at
        # odds, an excerpt is not evidence of one statement. Ask for the same
        # wording both ways.
        auto = _directed(long, short) >= T.AUTO_SCORE
    return PairScore(score, auto, conflict)


def _directed(short: ClaimText, long: ClaimText) -> float:
    words = _containment(short, long)
    bigrams = len(short.bigrams & long.bigrams) / len(short.bigrams) if short.bigrams else words
    return round(T.WORD_WEIGHT * words + T.BIGRAM_WEIGHT * bigrams, 4)


def score_items(a: ClaimItem, b: ClaimItem) -> PairScore:
    """``score_pair`` plus what the dates say.

    Figures that differ between reports days apart are more likely an update
    ("Clinton has 503 delegates", then 866) than one statement misreported:
    such pairs are only suggested.
    """
    pair = score_pair(a.text, b.text)
    if (
        pair.conflict
        and pair.auto
        and a.day is not None
        and b.day is not None
        and abs(a.day - b.day) > T.CONFLICT_WINDOW_DAYS
    ):
        return PairScore(pair.score, False, True)
    return pair


def _within_window(a: ClaimItem, b: ClaimItem) -> bool:
    if a.day is None or b.day is None:
        return True
    return abs(a.day - b.day) <= T.TIME_WINDOW_DAYS


def candidate_pairs(items: Iterable[ClaimItem]) -> Iterator[tuple[ClaimItem, ClaimItem]]:
    """Pairs worth scoring, each once, as (lower id, higher id), in a stable order."""
    blocks: dict[object, list[ClaimItem]] = defaultdict(list)
    for item in items:
        if item.block is not None:
            blocks[item.block].append(item)
    for key in sorted(blocks, key=lambda k: (isinstance(k, str), str(k))):
        block = sorted(blocks[key], key=lambda c: c.id)
        if len(block) < 2:
            continue
        postings: dict[tuple[str, str], list[int]] = defaultdict(list)
        for index, item in enumerate(block):
            for bigram in item.text.bigrams:
                postings[bigram].append(index)
        for index, item in enumerate(block):
            later: list[int] = []  # postings are in index order: keep the part after us
            for bigram in item.text.bigrams:
                posting = postings[bigram]
                if len(posting) <= T.MAX_POSTING:
                    later.extend(posting[bisect_right(posting, index) :])
            shared = Counter(later)
            need = min(T.MIN_SHARED_BIGRAMS, len(item.text.bigrams))
            for j in sorted(shared):
                other = block[j]
                if (
                    shared[j] >= need
                    and other.article_id != item.article_id  # one report is one claim
                    and _within_window(item, other)
                ):
                    yield item, other
