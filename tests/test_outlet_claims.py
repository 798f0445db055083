"""Sentences in the outlet's own voice that a reader could check."""

from __future__ import annotations

import pytest

from loader.attribution.outlet import outlet_claims
from loader.models import Attribution
from loader.nlp import get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def claims(nlp, text, attributions=(), excluded=()):
    doc = nlp(text)
    return [
        text[a.content_start : a.content_end]
        for a in outlet_claims(doc, list(attributions), list(excluded))
    ]


def test_dated_event_with_names_is_a_claim(nlp):
    text = "Armed groups overran a number of villages before entering Aleppo on November 27. "
    out = outlet_claims(nlp(text), [], [])
    assert len(out) == 1
    (a,) = out
    assert a.kind == "outlet" and a.speaker is None and a.cue == []
    assert text[a.content_start : a.content_end] == (
        "Armed groups overran a number of villages before entering Aleppo on November 27"
    )
    assert a.sentence == (0, len(text.rstrip()))


def test_number_is_checkable(nlp):
    text = "About 2,500 U.S. troops are stationed in Iraq."
    assert claims(nlp, text) == ["About 2,500 U.S. troops are stationed in Iraq"]


@pytest.mark.parametrize(
    "text",
    [
        "Will Iraq and Iran sign the agreement in Tehran?",  # question
        "Security cooperation between Iran and Iraq may shape broader relations.",  # hedge
        "Strengthened cooperation is likely to affect diplomacy in West Asia.",  # hedge
        "The trip marks a significant diplomatic effort by Iran.",  # evaluation
        "In conclusion, security cooperation now stands as a factor in Iraq.",  # summing up
        "Russia and Iran Strengthen Coordination",  # a heading: no full stop
        "We are working to reach an agreement with Iraq.",  # first person: someone's words
        "The talks went well and everyone was pleased.",  # nothing checkable
        "Iraq's position, the minister said, is to support Syria.",  # reported speech
        "According to Iraqi officials, the talks will focus on trade.",
        # a quotation in reversed-9 marks is someone's words (the mark was
        # missing from the outlet rule's own copy of the quote marks)
        "About 2,500 U.S. troops are \u201fstationed\u201f in Iraq until 2026.",
    ],
)
def test_not_an_outlet_claim(nlp, text):
    assert claims(nlp, text) == []


def test_sentences_covered_by_an_attribution_are_skipped(nlp):
    text = "Araghchi traveled to Damascus on Monday. Pezeshkian visited Baghdad in 2024."
    covered = Attribution(kind="indirect", content=[(0, 38)], sentence=(0, 39))
    assert claims(nlp, text, [covered]) == ["Pezeshkian visited Baghdad in 2024"]


def test_boilerplate_yields_nothing(nlp):
    text = "Read more: Syrian army launches counteroffensive in Idlib on Sunday.\n"
    assert claims(nlp, text, excluded=[(0, len(text) - 1)]) == []


def test_polnear_scoring_sees_reported_speech_once():
    from loader.eval_polnear import spans_only

    joint = Attribution(kind="indirect", content=[(30, 40)], cue=[(20, 28)], source=[(0, 19)])
    both = [joint, Attribution(**{**joint.__dict__, "speaker": "Hakan Fidan"})]
    outlet = Attribution(kind="outlet", content=[(50, 80)], sentence=(50, 81))
    assert spans_only([*both, outlet]) == [joint]


def test_polnear_scoring_leaves_out_relayed_statements():
    # PolNeAR annotates no nested attribution: only the relay ("IRNA reported") is scored
    from loader.eval_polnear import spans_only

    relay = Attribution(kind="indirect", content=[(0, 60)], cue=[(70, 78)], source=[(62, 66)])
    inner = Attribution(
        kind="indirect",
        content=[(13, 60)],
        cue=[(8, 12)],
        source=[(0, 7)],
        relayed_by="IRNA",
        nested=True,
    )
    assert spans_only([inner, relay]) == [relay]
