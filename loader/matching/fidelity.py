"""How each report of a statement words it, against the earliest version.

Comparison is over normalised words (case, accents and punctuation folded),
so "Iraq." and "Iraq," are the same word; the stored diff carries the
original words so the page shows what each outlet actually printed.
"""

from __future__ import annotations

import difflib
import json
import re

from loader.lexicon.punctuation import CURLY_DOUBLE_CLOSE, CURLY_DOUBLE_OPEN
from loader.matching import thresholds as T
from loader.matching.normalise import Segment, segments
from loader.text.quotes import quote_spans

QUOTE_KINDS = ("direct", "mixed")

# From most to least faithful; a group's fidelity is the least faithful of
# its reports.
RANK = {"origin": 0, "verbatim": 1, "excerpt": 2, "near-verbatim": 3, "paraphrase": 4, "altered": 5}


# Quoted passages inside a claim's content are found by the one quote finder
# (loader/text/quotes.py, every house style); a passage cut by the
# span boundary runs to the end of the content, or from its start when the
# content opens inside a quote and a closing mark follows.
_CUT_OPEN = re.compile("^[^" + CURLY_DOUBLE_OPEN + CURLY_DOUBLE_CLOSE + "]*" + CURLY_DOUBLE_CLOSE)


def _words(segs: list[Segment]) -> list[str]:
    return [s.norm for s in segs]


def quoted_words(segs: list[Segment], content: str) -> list[str]:
    """The words a quote attributes to the speaker: those inside quotation marks.

    "Cruz, Blackwell wrote “has consistently demonstrated ...”" and "he “has
    consistently demonstrated ...”" quote the same words; the reporter's
    framing around them is not part of the quote. Without quotation marks
    the whole content is the quote.
    """
    spans = [(s, e) for s, e in quote_spans(content) if e - s > 2]
    cut = _CUT_OPEN.match(content)
    if cut and cut.end() > 2 and not any(s < cut.end() for s, _ in spans):
        spans.insert(0, cut.span())
    if not spans:
        return [w for w in _words(segs) if w]
    inside = [s.norm for s in segs if s.norm and any(a <= s.start < b for a, b in spans)]
    return inside or [w for w in _words(segs) if w]


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def word_diff(origin: str, claim: str) -> list[list[str]]:
    """Word-level ops turning the earliest version into this claim.

    ``=`` and ``+`` carry this claim's own text and ``-`` the earliest
    version's, each whole words with their spacing; a replacement is a ``-``
    followed by a ``+``. Joining the ``=`` and ``+`` texts gives this claim's
    content back exactly.
    """
    return diff_segments(segments(origin), segments(claim))


def diff_segments(a: list[Segment], b: list[Segment]) -> list[list[str]]:
    """``word_diff`` on already segmented texts (match segments each claim once)."""
    ops: list[list[str]] = []

    def push(op: str, segs: list[Segment], lead: str = "") -> None:
        text = lead + "".join(s.text for s in segs)
        if not text:
            return
        if ops and ops[-1][0] == op:
            ops[-1][1] += text
        else:
            ops.append([op, text])

    for tag, i1, i2, j1, j2 in _opcodes(_words(a), _words(b)):
        if tag == "equal":
            push("=", b[j1:j2])
        else:
            lead = ""
            if i1 < i2 and 0 < i1 and ops and not ops[-1][1][-1:].isspace():
                # this claim stops short of the origin's separator (", " before
                # "while ..."): show the separator deleted with the words
                lead = a[i1 - 1].tail
            push("-", a[i1:i2], lead)
            push("+", b[j1:j2])
    return ops


def _contiguous(short: list[str], long: list[str]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def word_edits(a: list[str], b: list[str]) -> int:
    """Words inserted, deleted or replaced, not counting truncation at either end.

    Cutting a quote short is excerpting, not rewording; a replaced run counts
    as many edits as its longer side.
    """
    ops = [op for op in _opcodes(a, b) if op[0] != "equal"]
    if ops and ops[0][0] in ("insert", "delete") and ops[0][1] == 0 and ops[0][3] == 0:
        ops = ops[1:]
    if ops and ops[-1][0] in ("insert", "delete") and ops[-1][2] == len(a) and ops[-1][4] == len(b):
        ops = ops[:-1]
    return sum(max(i2 - i1, j2 - j1) for _tag, i1, i2, j1, j2 in ops)


def classify(origin: str, origin_kind: str, claim: str, claim_kind: str) -> str:
    """Fidelity class of a claim against its group's earliest version.

    Only a quote compared with a quote can be verbatim, an excerpt or altered;
    when either side is an indirect report the pair is a paraphrase.
    """
    return classify_segments(
        segments(origin), origin, origin_kind, segments(claim), claim, claim_kind
    )


def classify_segments(
    origin: list[Segment],
    origin_text: str,
    origin_kind: str,
    claim: list[Segment],
    claim_text: str,
    claim_kind: str,
) -> str:
    """``classify`` on already segmented texts; only the quoted words are compared."""
    if origin_kind not in QUOTE_KINDS or claim_kind not in QUOTE_KINDS:
        return "paraphrase"
    a = quoted_words(origin, origin_text)
    b = quoted_words(claim, claim_text)
    if a == b:
        return "verbatim"
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if short and _contiguous(short, long):
        return "excerpt"
    if word_edits(a, b) <= T.NEAR_VERBATIM_EDITS:
        return "near-verbatim"
    return "altered"


def best_class(classes: list[str]) -> str:
    """The most faithful of a report's comparisons (``pairwise``)."""
    return min(classes, key=RANK.__getitem__)


def group_fidelity(classes: list[str]) -> str | None:
    """The least faithful report of the group; None when there is nothing to compare."""
    others = [c for c in classes if c != "origin"]
    return max(others, key=RANK.__getitem__) if others else None


def diff_json(ops: list[list[str]]) -> str:
    return json.dumps(ops, ensure_ascii=False)
