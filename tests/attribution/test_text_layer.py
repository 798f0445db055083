"""The text layer under the rules: quote marks (``quotes.quote_spans``) and
sentence bounds (``loader.nlp``: Title Case headlines, semicolons), and the
attributions they decide.
"""

from __future__ import annotations

import pytest
from attribution_cases import A, Among, check

from loader.text.quotes import quote_spans

P = pytest.param


@pytest.mark.parametrize(
    "text",
    [
        P('"', id="straight-mark"),
        P("“", id="opening-mark"),
        P("”", id="closing-mark"),
        P('" "" """', id="straight-marks-in-runs"),
        P("“a\n”b\n“", id="marks-across-lines"),
        P("'' '' ''", id="doubled-apostrophes"),
        P("He said “", id="mark-at-the-end"),
    ],
)
def test_unbalanced_marks_never_crash(text):
    for s, e in quote_spans(text):
        assert 0 <= s < e <= len(text)


@pytest.mark.parametrize(
    "text, spans",
    [
        P(
            "“Not this year,“ she said. “Maybe next year.”",
            [(0, 16), (27, 45)],
            id="opening-mark-typed-as-closing-one",
        ),
    ],
)
def test_quote_spans(text, spans):
    assert list(quote_spans(text)) == spans


HEADLINE = (
    "Iran Says US Troop Withdrawal From Ain al-Asad Reflects Growing Security Cooperation With Iraq"
)


@pytest.mark.parametrize(
    "text, start, sentences",
    [
        # without punctuation the parser cut this after "Reflects"
        P(
            HEADLINE + "\n\nThe minister spoke in Tehran.",
            1,
            ["The minister spoke in Tehran."],
            id="title-case-headline-stays-one-sentence",
        ),
        P(
            "Houthis say they hit US destroyer in Red Sea; Pentagon denies ship was hit\n\n"
            "The Pentagon said no ship was struck; no damage was reported.\n",
            2,
            ["The Pentagon said no ship was struck; no damage was reported."],
            id="punctuated-line-after-a-headline-left-to-the-parser",
        ),
    ],
)
def test_sentences_from(nlp, text, start, sentences):
    """The sentences from the ``start``-th on."""
    assert [s.text.strip() for s in nlp(text).sents][start:] == sentences


@pytest.mark.parametrize(
    "text, count",
    [
        # the last line of a text gets the same treatment as a headline
        P("The minister spoke in Tehran.\n" + HEADLINE, 2, id="title-case-last-line"),
        P(
            "The plan was costly; critics said so. Officials said delays were likely; "
            "some said worse.",
            2,
            id="semicolon-before-a-clause-without-subject",
        ),
    ],
)
def test_sentence_count(nlp, text, count):
    assert len(list(nlp(text).sents)) == count


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            HEADLINE + "\n\nThe minister spoke in Tehran.",
            [
                A(
                    cue="Says",
                    kind="indirect",
                    source="Iran",
                    content=[
                        "US Troop Withdrawal From Ain al-Asad Reflects Growing Security Cooperation With Iraq"
                    ],
                )
            ],
            id="title-case-headline-keeps-its-claim",
        ),
        # the parser made the Houthis' claim the object of the Pentagon's denial
        P(
            "Houthis say they hit US destroyer in Red Sea; Pentagon denies ship was hit\n\n"
            "The Pentagon said no ship was struck; no damage was reported.\n",
            Among(
                A(cue="denies", source="Pentagon", content=["ship was hit"]),
                A(cue="say", source="Houthis", content=["they hit US destroyer in Red Sea"]),
            ),
            id="semicolon-in-a-headline-starts-a-second-headline",
        ),
        # the parser made "Safadi said ..." the content of "he warned"
        P(
            "Safadi said Jordan backed the Egyptian plan; he warned, however, that "
            "continued settler violence could undermine any deal.",
            [
                A(cue="said", source="Safadi", content=["Jordan backed the Egyptian plan"]),
                A(
                    cue="warned",
                    source="he",
                    content=["that continued settler violence could undermine any deal"],
                ),
            ],
            id="semicolon-before-a-new-subject",
        ),
        P(
            "The Pentagon said no ship was struck; the Houthis said the destroyer was hit.",
            Among(
                A(cue="said", source="the Houthis", content=["the destroyer was hit"]),
                A(cue="said", source="The Pentagon", content=["no ship was struck"]),
            ),
            id="semicolon-between-two-claims",
        ),
    ],
)
def test_attributions_across_sentence_bounds(nlp, text, expected):
    check(nlp, text, expected)
