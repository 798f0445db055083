"""The parts of speaker resolution, each alone: the head rules
(``coref_heads.HEAD_RULES``, first rule that handles a phrase decides), the
registry's passes (``coref_passes.BUILD_PASSES``) and the mention index
(``coref_index.MentionIndex``).
"""

from __future__ import annotations

import pytest

from tests.coref_helpers import attribution

SUDANI = (
    "Iraqi Prime Minister Mohammed Shia al-Sudani later received Araghchi. "
    "Sudani said Iraq continues to make vigorous diplomatic efforts. "
    '"What is happening in Syria is inseparable from the events in Gaza," he said.'
)


@pytest.mark.parametrize(
    ("text", "mention", "rule"),
    [
        pytest.param(
            "Donald Trump's tweet said the race was rigged.",
            "Donald Trump's tweet",
            "owned_product",
            id="owned-product",
        ),
        pytest.param(
            "The Iranian Foreign Ministry said the talks would resume.",
            "The Iranian Foreign Ministry",
            "body",
            id="body",
        ),
        pytest.param(
            "Iraqi officials said the border stayed closed.",
            "Iraqi officials",
            "plural_group",
            id="plural-group",
        ),
        pytest.param(
            "Ben Carson's wife said he was tired.",
            "Ben Carson's wife",
            "owned_noun",
            id="owned-noun",
        ),
        pytest.param(
            "His new sitcom promises to be different.",
            "His new sitcom",
            "work",
            id="work",
        ),
        pytest.param(
            "Jo Hart spoke. The wife of actor Tim Hart said she was tired.",
            "The wife of actor Tim Hart",
            "relation_of_named",
            id="relation-of-named",
        ),
        pytest.param(
            "A spokeswoman for Hillary Clinton said the event was cancelled.",
            "A spokeswoman for Hillary Clinton",
            "speaks_for_someone",
            id="speaks-for-someone",
        ),
        pytest.param(
            "A Clinton ally said the speech went well.",
            "A Clinton ally",
            "name_in_modifier",
            id="name-in-modifier",
        ),
        pytest.param(
            "Abbas Araghchi said the talks were useful.", "Abbas Araghchi", "named", id="named"
        ),
        pytest.param(
            "A senior official said the talks had stalled.",
            "A senior official",
            "unnamed_people",
            id="unnamed-people",
        ),
        pytest.param(
            "The Iraqi top diplomat said ties would deepen.",
            "The Iraqi top diplomat",
            "role",
            id="role",
        ),
    ],
)
def test_the_first_head_rule_that_handles_a_phrase_decides(nlp, text, mention, rule):
    from loader.attribution.coref import Resolver
    from loader.attribution.coref_heads import HEAD_RULES, PASS, Phrase
    from loader.attribution.coref_text import phrase_text, strip_phrase

    resolver = Resolver(nlp(text))
    start = text.index(mention)
    toks = strip_phrase(resolver.tokens([(start, start + len(mention))]))
    head = resolver.doc[toks[0].i : toks[-1].i + 1].root
    phrase = Phrase(toks, phrase_text(toks), [t.lower_ for t in toks], head)
    first = next(r for r in HEAD_RULES if r(resolver, phrase) is not PASS)
    assert first.__name__ == rule


def test_the_registry_passes_introduce_people_then_mention_them(nlp):
    from loader.attribution.coref_registry import Registry

    reg = Registry(nlp(SUDANI))
    (sudani,) = [e for e in reg.entities if e.kind == "person"]
    assert sudani.name == "Mohammed Shia al-Sudani"
    assert sudani.description == "Iraqi Prime Minister"
    named = [reg.doc[m.start : m.end].text for m in reg.mentions if sudani in m.entities]
    assert named == ["Mohammed Shia al-Sudani", "Sudani"]
    assert [m.start for m in reg.mentions] == sorted(m.start for m in reg.mentions)


def test_the_mention_index_answers_as_a_scan_of_every_mention_would(nlp):
    text = (
        SUDANI + " Iranian Foreign Minister Abbas Araghchi met Fuad Hussein. "
        "Araghchi and Hussein said the talks went well. The ministry said so too. "
        "Hussein said he agreed."
    )
    attrs = [attribution(text, m) for m in ("Sudani", "Araghchi and Hussein", "he")]
    doc = nlp(text)
    from loader.attribution.coref import Resolver

    resolver = Resolver(doc)
    for a in attrs:
        resolver.resolve(a.source)
    reg, index = resolver.reg, resolver.reg.index
    mentions = reg.mentions
    assert any(m.speaker for m in mentions)
    order = sorted(mentions, key=lambda m: (m.start, not m.speaker))
    assert mentions == order
    for i in range(len(doc)):
        scan = [m for m in mentions if m.start <= i < m.end]
        assert list(index.covering(i)) == scan
        assert list(index.before(i)) == [m for m in reversed(mentions) if m.start < i]
        for entity in reg.entities:
            best = None
            for m in mentions:
                if m.start < i and (best is None or m.start > best.start) and entity in m.entities:
                    best = m
            assert index.latest([entity], i) is best
    for n in range(len(reg.sents)):
        assert index.in_sentence(n) == [m for m in mentions if m.sent == n]


@pytest.mark.parametrize(
    "text, gender",
    [
        # the pronoun and the name on one side of a quote's edge vote
        ("Tate said she would win.", "f"),
        ("“Tate will win,” Tate said, “and her team knows it.”", "f"),
        # a pronoun outside the quote says nothing of a name inside it
        ("“Some people feel Tate will bring revolution,” she said.", None),
    ],
)
def test_a_gender_vote_stays_on_its_side_of_a_quote(nlp, text, gender):
    from loader.attribution.coref_entities import Entity
    from loader.attribution.coref_registry import Registry

    doc = nlp(text)
    reg = Registry(doc)
    i = next(t.i for t in doc if t.text == "Tate")
    entity = Entity("Tate", "person")
    reg.entities.append(entity)
    reg.vote_gender([(i, i + 1, entity)])
    assert entity.gender == gender


def test_the_title_before_a_name_gives_its_gender(nlp):
    from loader.attribution.coref_text import apposed_gender

    doc = nlp("LONDON (AP) – Oscar-winning actress Robin Hale is not sure she can vote.")
    i = next(t.i for t in doc if t.text == "Robin")
    assert apposed_gender(doc, i, i + 2, doc[i].sent) == "f"
