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
        "New York (AFP) - Vice President Joe Biden said so.",  # not in capitals
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
