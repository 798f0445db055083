"""Turning page data into pieces a template can print safely.

Templates receive text pieces plus flags, never pre-built HTML: Jinja's
autoescaping then guarantees article text (which may contain ``<script>``)
always renders as text. The only Markup built in Python is in hooks.py's
render_cell, where every value is escaped first.
"""

from __future__ import annotations

import re

from loader.lexicon.punctuation import EDGE_TRIM, STRIPPED_QUOTES


def text_segments(text: str, claims: list[dict]) -> list[dict]:
    """Split an article into plain and claim-highlighted pieces.

    Claim spans can overlap (a mixed quote inside an indirect report); a span
    is cut where the previous one ends, and a claim left with nothing still
    gets its anchor so links to it land at the right place.
    """
    pieces: list[dict] = []
    pos = 0
    for c in sorted(claims, key=lambda c: (c["content_start"], c["claim_id"])):
        start = max(0, min(len(text), c["content_start"]))
        end = max(0, min(len(text), c["content_end"]))
        if start > pos:
            pieces.append({"text": text[pos:start], "claim": None})
        start = max(start, pos)
        if end <= start:
            pieces.append({"text": "", "claim": c})
            continue
        pieces.append({"text": text[start:end], "claim": c})
        pos = end
    if pos < len(text):
        pieces.append({"text": text[pos:], "claim": None})
    return pieces


def _split_figures(text: str, op: str, figures: list[str]) -> list[dict]:
    if not figures:
        return [{"op": op, "text": text, "conflict": False}]
    pattern = re.compile(
        r"(?<!\w)("
        + "|".join(re.escape(f) for f in sorted(figures, key=len, reverse=True))
        + r")(?!\w)"
    )
    out: list[dict] = []
    pos = 0
    for m in pattern.finditer(text):
        if m.start() > pos:
            out.append({"op": op, "text": text[pos : m.start()], "conflict": False})
        out.append({"op": op, "text": m.group(0), "conflict": True})
        pos = m.end()
    if pos < len(text):
        out.append({"op": op, "text": text[pos:], "conflict": False})
    return out


def diff_segments(version: dict, figures: list[str]) -> list[dict]:
    """The wording of one version as diff pieces, conflicting figures marked.

    Falls back to the plain content when the matcher stored no diff (the
    earliest version, or a database matched before diffs existed). A change
    of punctuation or quote marks alone is not a change of wording: an
    inserted one becomes op "p" (the page shows it faint), a deleted one is
    left out.
    """
    diff = version.get("diff")
    pairs: list[tuple[str, str]] = []
    if isinstance(diff, list) and all(
        isinstance(p, list | tuple) and len(p) == 2 and p[0] in ("=", "-", "+") for p in diff
    ):
        pairs = [(p[0], str(p[1])) for p in diff]
    if not pairs:
        pairs = [("=", version.get("content") or "")]
    segments: list[dict] = []
    for op, text in pairs:
        for piece_op, piece in _words_apart(op, text):
            segments.extend(_split_figures(piece, piece_op, figures))
    return segments


_EDGES = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)


def _words_apart(op: str, text: str) -> list[tuple[str, str]]:
    """A changed piece with the punctuation, quote marks and spaces at its
    edges set apart from its words: a quote mark that moved is not a changed
    word. Inserted edges become op "p" (shown faint, still this version's
    text); deleted edges are left out (struck through would read as a
    change of wording)."""
    if op == "=":
        return [(op, text)]
    lead, core, trail = _EDGES.match(text).groups()
    edge_op = "p" if op == "+" else None
    out = [(edge_op, lead), (op, core), (edge_op, trail)]
    return [(o, t) for o, t in out if o is not None and t]


def headline(text: str | None, words: int = 12) -> tuple[str, bool]:
    """The first ``words`` words of a statement for a heading, and whether it was cut.

    A group's full wording can run to five sentences; the heading names the
    statement and every version prints it in full below.
    """
    parts = (text or "").split()
    cut = len(parts) > words
    shown = " ".join(parts[:words]).strip(STRIPPED_QUOTES)
    return (shown.rstrip(EDGE_TRIM) if cut else shown), cut
