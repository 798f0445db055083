"""Who the speaker is: from a source mention to a canonical name in the article.

Runs after span finding. For now every mention is its own speaker; pronoun,
surname and role-phrase resolution replace this.
"""

from __future__ import annotations

from spacy.tokens import Doc

from loader.models import Attribution


def resolve_speakers(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """Fill ``speaker``, ``speaker_kind`` and ``speaker_description`` in place."""
    for a in attributions:
        if a.speaker_mention and a.speaker is None:
            a.speaker = a.speaker_mention
            a.speaker_kind = "person"
    return attributions
