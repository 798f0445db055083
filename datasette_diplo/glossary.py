"""What the signal words on the pages mean, said once for badges and legends.

A reader meets "fidelity-concern", "excerpt" or "2 independent" with no
explanation; every badge carries its meaning as a tooltip and the group and
overview pages print the legend (docs/matching.md has the full rules). The
badge's CSS class is built here too, by one function, for the Python
render_cell and the templates alike.
"""

from __future__ import annotations

from markupsafe import Markup

STATUS = {
    "conflicting": "The versions give different figures or dates for the same statement.",
    "fidelity-concern": "At least one outlet's quote changes the words of the earliest version.",
    "corroborated": "Reported by two or more independent outlets.",
    "single-source": "Reported by only one independent outlet so far: nobody else has confirmed it.",
}
FIDELITY = {
    "origin": "The earliest version: the one the others are compared with.",
    "verbatim": "The same words as the earliest version (case and punctuation aside).",
    "excerpt": "A continuous part of the earliest version's words.",
    "near-verbatim": "At most two words inserted, deleted or replaced.",
    "altered": "Quoted as the same statement, but with words changed beyond that.",
    "paraphrase": "Reported in the outlet's own words (indirect speech), not quoted.",
}
KIND = {
    "direct": "A quotation, in quote marks.",
    "indirect": "Reported speech, in the outlet's words.",
    "mixed": "Reported speech with a quoted part.",
    "outlet": "Asserted in the article's own voice, attributed to no one.",
}
INDEPENDENT = (
    "Independent outlets: outlets with at least one report that is not a copy of another "
    "outlet's article (copies are found by shared wording, see the reuse page)."
)
ORDER_UNKNOWN = (
    "No publication time, date or reuse of wording says which version came first "
    "(no dates, or the same day with no time given)."
)
MEANINGS = {"status": STATUS, "fidelity": FIDELITY, "kind": KIND}


def badge_class(column: str, value: str) -> str:
    """``diplo-badge diplo-<column>-<value as a slug>``: the one spelling of a badge's class."""
    slug = "".join(ch if ch.isalnum() else "-" for ch in str(value).lower())
    return f"diplo-badge diplo-{column}-{slug}"


def meaning(column: str, value: str | None) -> str | None:
    """The tooltip for a badge, or None for a value with no entry."""
    return MEANINGS.get(column, {}).get(value or "")


def badge(column: str, value: str) -> Markup:
    """A badge as HTML, every value escaped (render_cell on Datasette's tables)."""
    title = meaning(column, value)
    if title:
        return Markup('<span class="{}" title="{}">{}</span>').format(
            badge_class(column, value), title, value
        )
    return Markup('<span class="{}">{}</span>').format(badge_class(column, value), value)
