"""Outlet names as the lexicon compares them: folded, and whether one is a wire.

One fold for every stage that asks "is this outlet a news agency?": the
byline reader (loader/metadata.py: "By Jane Doe, PA News") and the direction
of reuse (loader/matching/direction.py) look names up in the one list,
``lexicon.outlets.WIRE_NAMES``.
"""

from __future__ import annotations

import re

from loader.lexicon.outlets import GENERIC_ENDINGS, WIRE_NAMES

_FOLD = re.compile(r"[^\w\s]+")


def fold_outlet_name(name: str) -> str:
    """ "PA News" -> "pa", "Agence France-Presse" -> "agence francepresse"."""
    folded = " ".join(_FOLD.sub("", name.casefold()).split())
    for ending in GENERIC_ENDINGS:
        if folded.endswith(" " + ending):
            return folded[: -len(ending) - 1]
    return folded


def is_wire_name(name: str) -> bool:
    """Whether ``name`` names a news agency ("Reuters", "PA News", "Anadolu Agency")."""
    return fold_outlet_name(name) in WIRE_NAMES
