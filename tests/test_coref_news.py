"""Speaker resolution by the conventions of news writing (issue 14).

Short passages of our own; source spans are given by hand
(tests/coref_helpers.py), so each test checks only whom the resolver decides
a mention names.
"""

from __future__ import annotations

import pytest

from loader.nlp import get_nlp
from tests.coref_helpers import resolve


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def test_pronoun_after_a_long_quote_is_its_speaker(nlp):
    # the eight quoted sentences must not use up how far "He" looks back
    text = (
        "The gardener Tom Baxter won the county prize for his marrows yesterday.\n\n"
        'Baxter said: "It was a shock. I had no idea. The judges were kind. '
        "The weather was bad. The slugs were worse. My neighbours helped. "
        'We grew them in the shed. It was hard work."\n\n'
        'He added: "Next year I will try pumpkins."'
    )
    attrs = resolve(nlp, text, "Baxter", ("He", 1))
    assert [a.speaker for a in attrs] == ["Tom Baxter", "Tom Baxter"]
