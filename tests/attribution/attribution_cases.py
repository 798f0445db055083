"""Shared helpers for the attribution rule tables (tests/attribution/test_*.py).

Each table case is ``pytest.param(text, expected, id=...)``: the text is run
through ``find_attributions`` and every attribution found is shown as a
``Found`` record; ``expected`` names only the fields the case is about, so a
case reads as the behaviour it pins down:

- a list of ``A(...)``: exactly these attributions, in text order (``[]``: none);
- ``Among(...)``: these are among the attributions found;
- ``NotAmong(...)``: none of these is found;
- ``WithCue(cue, ...)``: the attributions whose cue is ``cue`` are exactly these.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from loader.attribution.patterns import find_attributions


class Found(NamedTuple):
    """One attribution as the tables see it: texts, not offsets."""

    cue: str  # the first cue span's text
    kind: str
    source: str | None  # the speaker mention
    content: list[str]
    cls: str | None
    source_text: str | None  # the first source span's text, as written
    cue_text: str | None
    relayed_by: str | None
    nested: bool


def found(nlp, text: str, excluded: Sequence[tuple[int, int]] = ()) -> list[Found]:
    """Every attribution ``find_attributions`` finds in ``text``, as ``Found``."""
    return [
        Found(
            cue=text[a.cue[0][0] : a.cue[0][1]],
            kind=a.kind,
            source=a.speaker_mention,
            content=[text[s:e] for s, e in a.content],
            cls=a.cue_class,
            source_text=text[a.source[0][0] : a.source[0][1]] if a.source else None,
            cue_text=a.cue_text,
            relayed_by=a.relayed_by,
            nested=a.nested,
        )
        for a in find_attributions(nlp(text), excluded)
    ]


def A(**fields: Any) -> dict[str, Any]:
    """The expected fields of one attribution (any of ``Found``'s)."""
    unknown = set(fields) - set(Found._fields)
    assert not unknown, f"no such field: {unknown}"
    return fields


class Among(list):
    """These attributions are among those found (others may be found too)."""

    def __init__(self, *expected: dict[str, Any]):
        super().__init__(expected)


class NotAmong(Among):
    """None of these attributions is found."""


class WithCue(list):
    """The attributions whose cue is ``cue`` are exactly these, in order."""

    def __init__(self, cue: str, *expected: dict[str, Any]):
        super().__init__(expected)
        self.cue = cue


def _shown(got: Found, keys) -> dict[str, Any]:
    return {k: getattr(got, k) for k in keys}


def check(nlp, text: str, expected, excluded: Sequence[tuple[int, int]] = ()) -> None:
    """Assert that ``text`` yields ``expected`` (see the module docstring)."""
    got = found(nlp, text, excluded)
    if isinstance(expected, (Among, NotAmong)):
        for e in expected:
            shown = [_shown(g, e) for g in got]
            assert (e in shown) != isinstance(expected, NotAmong), (e, got)
        return
    if isinstance(expected, WithCue):
        got = [g for g in got if g.cue == expected.cue]
    keys = [expected[i] if i < len(expected) else Found._fields for i in range(len(got))]
    assert [_shown(g, k) for g, k in zip(got, keys, strict=True)] == list(expected), got
