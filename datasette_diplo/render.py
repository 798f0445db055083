"""Turning page data into pieces a template can print safely.

Templates receive text pieces plus flags, never pre-built HTML: Jinja's
autoescaping then guarantees article text (which may contain ``<script>``)
always renders as text. The only Markup built in Python is in hooks.py's
render_cell, where every value is escaped first.
"""

from __future__ import annotations

import math
import re
from typing import Any

from loader.matching.direction import is_directed


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
        if op != "=" and not any(ch.isalnum() for ch in text):
            if op == "-":
                continue  # punctuation this version dropped: not a change of words
            op = "p"  # punctuation or quote marks alone: shown faint, never as a change
        segments.extend(_split_figures(text, op, figures))
    return segments


def headline(text: str | None, words: int = 12) -> tuple[str, bool]:
    """The first ``words`` words of a statement for a heading, and whether it was cut.

    A group's full wording can run to five sentences; the heading names the
    statement and every version prints it in full below.
    """
    parts = (text or "").split()
    return " ".join(parts[:words]).strip("\"“”‘’'"), len(parts) > words


def reuse_graph(pairs: list[dict], size: int = 520) -> dict:
    """Lay out articles on a circle with arrows from source to reuser.

    A circle keeps every edge visible without a layout engine or a JavaScript
    library (the page must work offline and without a CDN).
    """
    ids: list[int] = []
    labels: dict[int, str] = {}
    for p in pairs:
        for side in ("earlier", "later"):
            aid = p[f"{side}_article_id"]
            if aid not in labels:
                ids.append(aid)
                outlet = p[f"{side}_outlet"] or "unknown outlet"
                labels[aid] = f"#{aid} {outlet}"
    centre, radius = size / 2, size / 2 - 90
    nodes: dict[int, dict[str, Any]] = {}
    for i, aid in enumerate(ids):
        angle = 2 * math.pi * i / max(1, len(ids)) - math.pi / 2
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        nodes[aid] = {
            "id": aid,
            "x": round(x, 1),
            "y": round(y, 1),
            "label": labels[aid],
            "lx": round(centre + (radius + 12) * math.cos(angle), 1),
            "ly": round(centre + (radius + 12) * math.sin(angle), 1),
            "anchor": "start" if math.cos(angle) >= 0 else "end",
        }
    edges = []
    for p in pairs:
        a, b = nodes[p["earlier_article_id"]], nodes[p["later_article_id"]]
        dx, dy = b["x"] - a["x"], b["y"] - a["y"]
        dist = math.hypot(dx, dy) or 1.0
        # Stop the arrow short of the target circle so the head stays visible.
        shrink = 9 / dist
        directed = is_directed(p.get("basis") or "")
        link = "→" if directed else "—"
        edges.append(
            {
                "x1": a["x"],
                "y1": a["y"],
                "x2": round(b["x"] - dx * shrink, 1),
                "y2": round(b["y"] - dy * shrink, 1),
                "width": round(1 + 5 * max(0.0, min(1.0, p["containment"] or 0.0)), 1),
                # an undetermined or shared-source link says no one copied whom: no arrowhead
                "directed": directed,
                "title": f"#{a['id']} {link} #{b['id']}: {p['containment']:.0%} shared"
                + ("" if directed else f" ({p['basis']})"),
            }
        )
    return {"size": size, "nodes": list(nodes.values()), "edges": edges}
