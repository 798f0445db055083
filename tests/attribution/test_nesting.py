"""The passes after the rules (``loader/attribution/nesting.py``):
``_drop_nested`` (an attribution inside another's content is dropped unless
it is relayed) and ``_carried_by`` (the relay that carries a statement:
"…, IRNA reported", "according to a readout", "quoted … as saying").
"""

from __future__ import annotations

import pytest
from attribution_cases import A, Among, NotAmong, WithCue, check

P = pytest.param


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "The minister said officials believe the plan has failed.",
            [A(cue="said")],
            id="outer-wins",
        ),
        # Trump's account of what Clinton said is Trump's claim, not Clinton's
        P(
            "Trump said Clinton said she would raise taxes.",
            [A(cue="said", source="Trump")],
            id="a-claim-inside-another-speakers-claim",
        ),
        # said without a document: the ministry's own claim about Lavrov
        P(
            "Lavrov told Fidan that Moscow would stay, the Russian ministry said.",
            [A(cue_text="said")],
            id="said-without-a-document-relays-nothing",
        ),
    ],
)
def test_drop_nested(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "Araqchi said on Tuesday that Tehran would never accept foreign bases, IRNA reported.",
            [
                A(
                    cue_text="said",
                    relayed_by="IRNA",
                    source_text="Araqchi",
                    content=["that Tehran would never accept foreign bases"],
                ),
                A(cue_text="reported", relayed_by=None),
            ],
            id="reported-at-the-end",
        ),
        P(
            "According to a readout from his office, Sudani said Iraq would stay neutral.",
            WithCue("said", A(relayed_by="a readout from his office")),
            id="according-to-a-readout",
        ),
        P(
            "The prime minister stressed the need for calm, his spokesman said.",
            WithCue("stressed", A(relayed_by="his spokesman")),
            id="spokesman-said-at-the-end",
        ),
        P(
            'Araqchi said that Tehran would "never accept" foreign bases, IRNA reported.',
            NotAmong(A(content=['"never accept"'])),
            id="quote-inside-the-relayed-clause-is-not-the-relays-content",
        ),
        # a quote that opens the sentence still belongs to the cue after it
        P(
            "“We will respond,” Araqchi, the foreign minister, told reporters.",
            [A(content=["“We will respond,”"])],
            id="opening-quote-belongs-to-the-cue-after-it",
        ),
        P(
            "The mayor's office quoted her as saying that the ferry would be free.",
            Among(
                A(
                    cue_text="saying",
                    source_text="her",
                    content=["that the ferry would be free"],
                    relayed_by="The mayor's office",
                ),
                # the office's own attribution stays, as PolNeAR scores it
                A(cue_text="quoted", relayed_by=None),
            ),
            id="quoted-her-as-saying",
        ),
        P(
            "Lavrov told Fidan that Moscow would stay, the Russian ministry said in a readout.",
            WithCue("told", A(relayed_by="the Russian ministry")),
            id="said-in-a-readout",
        ),
        P(
            "Araqchi said in remarks carried by state media that Iran would respond.",
            [A(relayed_by="state media", nested=False, content=["that Iran would respond"])],
            id="remarks-carried-by-a-medium",
        ),
        P(
            "Khamenei said in a speech broadcast by state television that Iran would not yield.",
            [A(content=["that Iran would not yield"], relayed_by="state television")],
            id="that-clause-hung-on-the-medium-is-the-content",
        ),
        P(
            "The mayor was quoted by the local paper as saying that the ferry would be free.",
            WithCue(
                "saying", A(source_text="The mayor", relayed_by="the local paper", nested=True)
            ),
            id="was-quoted-by-a-paper-as-saying",
        ),
        P(
            "The mayor was quoted as saying that the ferry would be free.",
            WithCue("saying", A(relayed_by=None, nested=True)),
            id="was-quoted-as-saying-without-a-relay",
        ),
    ],
)
def test_carried_by(nlp, text, expected):
    check(nlp, text, expected)
