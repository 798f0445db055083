"""Stages return new values and leave their input as it was
(docs/architecture.md: data flows one way)."""

from __future__ import annotations

import copy

import pytest

from loader.attribution import extract_doc
from loader.attribution.nesting import _continue_quotes
from loader.attribution.when import date_attributions
from loader.boilerplate import prepare
from loader.models import ArticleRecord, Attribution
from loader.nlp import get_nlp
from loader.prepare import attributions_to_original, prepare_text
from loader.text.quotes import Quotes, quote_spans


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def test_prepare_returns_a_new_record():
    text = "Talks resume\n\nBAGHDAD (Reuters) — Iraq will talk, the minister said.\n"
    record = ArticleRecord("a.txt", text)
    ready = prepare(record)
    assert ready is not record
    assert (ready.title, ready.dateline, ready.outlet) == ("Talks resume", "Baghdad", "Reuters")
    assert (record.title, record.dateline, record.outlet, record.dateline_span) == (None,) * 4


def test_date_attributions_leaves_its_input(nlp):
    text = "The minister said on Sunday that the talks would resume."
    found = extract_doc(nlp(text))
    before = copy.deepcopy(found)
    dated = date_attributions(text, found, "2025-01-21")
    assert found == before
    assert [a.stated_when for a in dated if a.kind != "outlet"] == ["on Sunday"]


def test_mapping_back_leaves_its_input():
    # the wire's control byte is dropped for the parser: offsets shift by one
    original = "\x19The minister said the talks would resume.\n"
    prepared = prepare_text(original)
    assert not prepared.map.is_identity
    a = Attribution(kind="indirect", content=[(18, 41)], cue=[(13, 17)], sentence=(0, 42))
    before = copy.deepcopy(a)
    (mapped,) = attributions_to_original([a], prepared, original)
    assert a == before
    assert original[slice(*mapped.content[0])] == "the talks would resume."
    assert mapped.cue_text == "said"


def test_quote_continuation_copies_what_it_extends(nlp):
    text = "“We will stay,” she said. “We will not leave.”"
    doc = nlp(text)
    first = (0, text.index("”") + 1)
    said = text.index("said")
    a = Attribution(
        kind="direct",
        content=[first],
        cue=[(said, said + 4)],
        source=[(said - 4, said - 1)],
        sentence=(0, said + 5),
    )
    before = copy.deepcopy(a)
    (continued,) = _continue_quotes(doc, [a], Quotes(quote_spans(text)), [])
    assert a == before
    assert continued.content == [first, (text.index("“We will not"), len(text))]
