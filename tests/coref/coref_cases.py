"""Shared helpers for the speaker-resolution tables (tests/coref/test_*.py).

Two ways in, as the old tests had them:

- ``check_resolved(nlp, text, mentions, expected)``: each mention (``"Sudani"``
  or ``("Sudani", 2)`` for its n-th occurrence) is given to the resolver as a
  hand-made source span (``tests/coref_helpers.py``), so a case checks only
  whom the resolver decides it names;
- ``check_extracted(text, expected)``: the whole of ``loader.extract`` (span
  finding, then resolution), outlet attributions left out.

``expected`` is a list of ``S(...)``, one per attribution out, in order; each
names only the attributes the case is about (``speaker``, ``speaker_kind``,
``speaker_description``, ``speaker_aliases``, ``cue_text``).
"""

from __future__ import annotations

from typing import Any

from loader import extract
from loader.models import Attribution
from tests.coref_helpers import resolve

FIELDS = ("speaker", "speaker_kind", "speaker_description", "speaker_aliases", "cue_text")


def S(**fields: Any) -> dict[str, Any]:
    """The expected attributes of one resolved attribution."""
    unknown = set(fields) - set(FIELDS)
    assert not unknown, f"no such field: {unknown}"
    return fields


def _shown(attrs: list[Attribution], expected: list[dict[str, Any]]) -> list[dict[str, Any]]:
    keys = [expected[i] if i < len(expected) else FIELDS for i in range(len(attrs))]
    return [{k: getattr(a, k) for k in ks} for a, ks in zip(attrs, keys, strict=True)]


def check_resolved(nlp, text: str, mentions: list, expected: list[dict[str, Any]]) -> None:
    """Resolving ``mentions`` in ``text`` gives exactly ``expected``."""
    attrs = resolve(nlp, text, *mentions)
    assert _shown(attrs, expected) == expected


def check_extracted(text: str, expected: list[dict[str, Any]]) -> None:
    """``extract(text)``, outlet attributions aside, gives exactly ``expected``."""
    attrs = [a for a in extract(text) if a.kind != "outlet"]
    assert _shown(attrs, expected) == expected
