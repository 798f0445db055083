"""The one dateline detector (loader/text/datelines.py) and the attribution
stage reading what it found instead of detecting datelines again."""

from __future__ import annotations

import pytest

from loader.attribution import extract_doc
from loader.boilerplate import prepare
from loader.models import ArticleRecord
from loader.nlp import get_nlp
from loader.text.datelines import find_dateline


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


@pytest.mark.parametrize(
    ("text", "place", "dateline"),
    [
        ("ANKARA (AP) — Turkey will wait, he said.", "Ankara", "ANKARA (AP) — "),
        ("RIYADH, Nov 12 (Reuters) - Output falls.", "Riyadh", "RIYADH, Nov 12 (Reuters) - "),
        ("Headline\n\nWASHINGTON -- The vote is near.", "Washington", "WASHINGTON -- "),
        # a place in Title case, with a news agency in the bracket
        ("New York (AFP) – Vice President Joe Biden said so.", "New York", "New York (AFP) – "),
        (
            "Cape Town, Western Cape (Reuters) - Rain.",
            "Cape Town",
            "Cape Town, Western Cape (Reuters) - ",
        ),
        ("Rio de Janeiro (AP) — Carnival began.", "Rio De Janeiro", "Rio de Janeiro (AP) — "),
        # or a capital the lexicon knows, with any outlet
        ("Erbil (Kurdistan24) — Talks began.", "Erbil", "Erbil (Kurdistan24) — "),
    ],
)
def test_a_dateline_is_found_with_its_characters(text, place, dateline):
    found = find_dateline(text)
    assert found is not None and found.place == place
    assert text[found.start : found.end] == dateline


@pytest.mark.parametrize(
    "text",
    [
        "HE'S BEEN CALLED OUT - a lot, the paper said.",  # a headline in capitals
        "Kurdistan24 - Iraq will hold talks, the minister said.",  # no place
        "Jane Doe (Labour) - the MP for Leeds - said so.",  # Title case, no agency
        "New York - Vice President Joe Biden said so.",  # Title case, no agency
        "The minister - a veteran - said so.",
    ],
)
def test_no_dateline(text):
    assert find_dateline(text) is None


def test_the_record_carries_the_datelines_characters():
    text = "BAGHDAD (Reuters) — Iraq will hold talks, the minister said.\n"
    record = prepare(ArticleRecord("a.txt", text))
    assert record.dateline == "Baghdad"
    assert text[slice(*record.dateline_span)] == "BAGHDAD (Reuters) — "


def test_content_leaves_out_the_dateline_the_loader_found(nlp):
    text = "Kurdistan24 - Iraq will hold talks with Iran next week, the minister said."
    # no dateline in capitals: the detector finds none, so the content keeps it
    (a,) = [a for a in extract_doc(nlp(text)) if a.cue_lemma == "say"]
    assert text[slice(*a.content[0])].startswith("Kurdistan24")
    # the dateline the loader's metadata found (here stated) is read instead
    (a,) = [a for a in extract_doc(nlp(text), dateline=(0, 14)) if a.cue_lemma == "say"]
    assert text[slice(*a.content[0])] == "Iraq will hold talks with Iran next week"


@pytest.mark.parametrize(
    ("text", "dateline", "speaker"),
    [
        # the loader's dateline, in capitals or before an agency
        (
            "RENO, Nev. (AP) — Republican hopeful Tim Blake said the race was close.",
            "RENO, Nev. (AP) — ",
            "Republican hopeful Tim Blake",
        ),
        (
            "New York (AFP) – Vice President Joe Biden said the talks would go on.",
            "New York (AFP) – ",
            "Vice President Joe Biden",
        ),
        # no dateline found: a heading in capitals before a dash is furniture
        (
            "WASHINGTON - The vote is near.\n\nOTHER STATES - Pollster Ann Reed said turnout would rise.",
            "WASHINGTON - ",
            "Pollster Ann Reed",
        ),
        # a phrase with a Title-case word before the dash is the speaker's own
        (
            "GORGEOUS Amanda Hale - who starred in the show - said she was happy.",
            None,
            "GORGEOUS Amanda Hale",
        ),
    ],
)
def test_a_source_starts_after_the_loaders_dateline(nlp, text, dateline, speaker):
    record = prepare(ArticleRecord("a.txt", text))
    found = record.dateline_span and text[slice(*record.dateline_span)]
    assert found == dateline
    doc = nlp(text)
    (a,) = [a for a in extract_doc(doc, dateline=record.dateline_span) if a.cue_lemma == "say"]
    assert a.speaker_mention.startswith(speaker), a.speaker_mention


def test_a_mid_sentence_dash_after_a_bracket_is_no_dateline(nlp):
    text = (
        "A coalition of nearly 40 groups - led by the Academy of Pediatrics (AAP) - "
        "said the rule would harm children."
    )
    doc = nlp(text)
    sources = [text[slice(*a.source[0])] for a in extract_doc(doc) if a.source]
    assert sources and all(s.startswith("A coalition") for s in sources), sources
