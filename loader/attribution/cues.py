"""The class of a cue word: the one function over the cue lexicon.

The words themselves, by class (speech, belief, intention, decree,
perception, stance), are data in ``loader/lexicon/cues.py``.
"""

from __future__ import annotations

from loader.lexicon.cues import CUE_CLASS


def cue_class(lemma: str) -> str | None:
    """The class of a cue lemma, ``None`` when the word is no cue."""
    return CUE_CLASS.get(lemma.lower())
