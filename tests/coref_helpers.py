"""Speaker resolution on hand-made source spans, for the coref tests.

The span finder is tested elsewhere; these helpers give the resolver a
source span per mention, so a test checks only whom it decides the mention
names (tests/coref/, tests/test_uk_names.py).
"""

from __future__ import annotations

import re

from loader.attribution.coref import resolve_speakers
from loader.models import Attribution


def attribution(text: str, mention: str, occurrence: int = 1) -> Attribution:
    """An attribution whose source is the n-th occurrence of ``mention``."""
    matches = list(re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", text))
    start = matches[occurrence - 1].start()
    end = start + len(mention)
    return Attribution(
        kind="indirect",
        content=[(end, min(len(text), end + 10))],
        source=[(start, end)],
        speaker_mention=mention,
    )


def resolve(nlp, text: str, *mentions) -> list[Attribution]:
    """Resolve each mention, given as ``mention`` or ``(mention, occurrence)``."""
    attrs = [attribution(text, *(m if isinstance(m, tuple) else (m,))) for m in mentions]
    return resolve_speakers(nlp(text), attrs)
