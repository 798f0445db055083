"""Prepared text in the analysis (issue 14, part 1): the parser reads whole
paragraphs, and every stored span points into the text as read.

Property test over random hard-wrapped texts with attributions in them
(seeded, so a failure names its seed): a claim's content equals its content
spans joined in the original, no span ends where the wire broke a line
mid-clause, and no name, mention or alias holds a control character.
"""

from __future__ import annotations

import random
import textwrap

import pytest

from loader.attribution import extract
from loader.models import ArticleRecord, join_content
from loader.pipeline import analyse
from loader.prepare import CONTROL, prepare_text

SPEAKERS = ["Mr Hale", "Judge Mary Carter", "Tom Price", "the council", "Dr Ruth Jones"]
REPORTS = [
    "{s} said the bridge over the river would cost more than anyone had planned for it.",
    "{s} told reporters that residents had waited far too long for a decision on traffic.",
    "The scheme, {s} said, was likely to be delayed until the spring of next year at least.",
    '{s} said: "We have listened to every resident who wrote to us about the noise."',
    "According to {s}, the costs of the new bridge rose by a third over the last two years.",
    "Work began in the summer and continued through the winter despite the weather.",
]
BREAKS = ["\n\n", "<\n\x19", "\n\x19", "\n    "]


def wrapped_story(seed: int) -> str:
    rng = random.Random(seed)
    width = rng.randint(60, 85)
    breaks = rng.choice(BREAKS)
    paragraphs = []
    for _ in range(rng.randint(3, 6)):
        sentences = [rng.choice(REPORTS).format(s=rng.choice(SPEAKERS)) for _ in range(2)]
        paragraphs.append(" ".join(s[0].upper() + s[1:] for s in sentences))
    wrapped = [
        "\n".join(textwrap.wrap(p, width, break_on_hyphens=False, break_long_words=False))
        for p in paragraphs
    ]
    return breaks.join(wrapped) + "\n"


@pytest.mark.parametrize("seed", range(12))
def test_claims_on_wrapped_text_point_into_the_text_as_read(seed):
    text = wrapped_story(seed)
    assert prepare_text(text).wrap_width is not None  # the test is about wrapped text
    claims = extract(text)
    assert claims
    for claim in claims:
        for s, e in [*claim.content, *claim.cue, *claim.source]:
            assert 0 <= s <= e <= len(text)
            # a span starts and ends on a word character or punctuation, never layout
            assert text[s:e] == text[s:e].strip(" \n\r\t\x19<")
            assert CONTROL.search(text[s:e]) is None or "\n" in text[s:e]
        content = claim.content_text(text)
        assert content == join_content(text, claim.content)
        # the claim reads the same as the prepared text, line breaks aside
        assert " ".join(content.split()).strip() == " ".join(
            CONTROL.sub(" ", content).replace("<\n", " ").split()
        )
        for label in [claim.speaker or "", claim.speaker_mention or "", *claim.speaker_aliases]:
            assert CONTROL.search(label) is None and "\n" not in label


@pytest.mark.parametrize("seed", range(12))
def test_no_claim_ends_where_a_line_was_wrapped_mid_sentence(seed):
    text = wrapped_story(seed)
    for claim in extract(text):
        for _s, e in claim.content:
            rest = text[e:]
            # after the content: the sentence's own punctuation, a quote mark
            # or the paragraph's end; never a line break inside the sentence
            if rest.startswith("\n") and not rest.startswith("\n\n"):
                assert text[e - 1] in '.!?,;:"' or rest[1:2] in ("\x19", " ")


def test_the_loader_stores_spans_of_the_text_as_read():
    text = (
        "Mr Hale, the chairman of the council, said the bridge over the river\n"
        "would cost more than anyone had planned for, and that residents had\n"
        "waited far too long for a decision on the traffic in the town.<\n"
        "\x19Judge Mary Carter said the council had been warned about the costs of\n"
        "the scheme many times over the years before work on it began at last.<\n"
    )
    result = analyse(ArticleRecord("wire.txt", text))
    assert result.record.text == text  # stored as read
    contents = [a.content_text(text) for a in result.attributions]
    assert any(c.startswith("the bridge over the river\nwould cost") for c in contents)
    assert any("costs of\nthe scheme" in c for c in contents)


def test_a_line_holding_only_the_paragraph_mark_is_layout():
    line = "A line of wire copy that goes on and on until the wrap width is reached now"
    text = f"{line}\nand the paragraph ends here.<\n   <\n   {line}\nand ends.<\n\x19{line}\nand ends.<\n"
    prepared = prepare_text(text)
    assert "<" not in prepared.text
    assert prepared.text.count(line) == 3
