"""Speaker resolution within one article: one short passage per rule.

Source spans are given by hand (the span finder is tested elsewhere), so each
test checks only who the resolver decides the mention names.
"""

from __future__ import annotations

import pytest

from loader import extract
from loader.attribution.coref import resolve_speakers
from loader.models import Attribution
from loader.nlp import get_nlp
from tests.coref_helpers import attribution, resolve


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def who(attrs: list[Attribution]) -> list[str | None]:
    return [a.speaker for a in attrs]


SUDANI = (
    "Iraqi Prime Minister Mohammed Shia al-Sudani later received Araghchi. "
    "Sudani said Iraq continues to make vigorous diplomatic efforts. "
    '"What is happening in Syria is inseparable from the events in Gaza," he said.'
)


def test_surname_resolves_to_full_name_with_title(nlp):
    (a,) = resolve(nlp, SUDANI, "Sudani")
    assert a.speaker == "Mohammed Shia al-Sudani"
    assert a.speaker_kind == "person"
    assert a.speaker_description == "Iraqi Prime Minister"


# One speaker phrase each, by the rule that decides it (coref_roles,
# coref_bodies, coref_names): the speaker and any other attribute given.
@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        pytest.param(
            "Iraqi Foreign Minister Fuad Hussein arrived in Tehran on Sunday. "
            "The Iraqi top diplomat said the visit would deepen ties.",
            "The Iraqi top diplomat",
            {"speaker": "Fuad Hussein", "speaker_description": "Iraqi Foreign Minister"},
            id="role-is-the-introduced-person",
        ),
        pytest.param(
            "Iran's Foreign Minister Abbas Araghchi hosted Iraqi Foreign Minister Fuad Hussein. "
            "The Iranian foreign minister said security cooperation is deepening.",
            "The Iranian foreign minister",
            {"speaker": "Abbas Araghchi"},
            id="role-of-the-right-nationality",
        ),
        pytest.param(
            "The Iranian foreign minister said security cooperation is deepening.",
            "The Iranian foreign minister",
            {
                "speaker": "Iranian foreign minister",
                "speaker_kind": "person",
                "speaker_description": "Iranian foreign minister",
            },
            id="role-never-introduced-stays-a-role",
        ),
        pytest.param(
            "The Iranian Foreign Ministry summoned the envoy on Monday. "
            "The ministry said the remarks were unacceptable.",
            "The ministry",
            {"speaker": "Iranian Foreign Ministry", "speaker_kind": "organization"},
            id="body-the-ministry-named-before",
        ),
        pytest.param(
            "According to a statement from the Russian Foreign Ministry, both diplomats "
            "conceded the urgent need for coordinated action.",
            "a statement from the Russian Foreign Ministry",
            {"speaker": "Russian Foreign Ministry", "speaker_kind": "organization"},
            id="body-a-statement-from-it",
        ),
        pytest.param(
            "Damascus said the Western states are aiding terrorist groups.",
            "Damascus",
            {"speaker": "Damascus", "speaker_kind": "organization"},
            id="body-a-place-for-its-government",
        ),
        pytest.param(
            "Iran's president, Masoud Pezeshkian, left on his first trip abroad on Wednesday. "
            "Pezeshkian said the visit would strengthen ties.",
            ("Pezeshkian", 2),
            {"speaker": "Masoud Pezeshkian", "speaker_description": "Iran's president"},
            id="name-title-in-apposition-before",
        ),
        pytest.param(
            "Masoud Pezeshkian, the Iranian president, said the visit would strengthen ties.",
            "Masoud Pezeshkian, the Iranian president",
            {"speaker": "Masoud Pezeshkian", "speaker_description": "Iranian president"},
            id="name-title-in-apposition-after",
        ),
        pytest.param(
            "Former Iraqi President Saddam Hussein invaded Kuwait in 1990. "
            "Iraqi Foreign Minister Fuad Hussein arrived in Tehran on Sunday. "
            "Hussein said the visit was about security.",
            ("Hussein", 3),
            {"speaker": "Fuad Hussein"},
            id="name-shared-surname-the-most-recent-person",
        ),
    ],
)
def test_one_phrase_by_rule(nlp, text, mention, expected):
    (a,) = resolve(nlp, text, mention)
    for name, value in expected.items():
        assert getattr(a, name) == value


def test_hyphenated_particle_surname(nlp):
    text = (
        "Iranian Ambassador to Iraq Mohammad Kazem Al-e Sadeq described the visit as useful. "
        "“The more coordination, the better,” Al-e Sadeq wrote on X."
    )
    (a,) = resolve(nlp, text, "Al-e Sadeq")
    assert a.speaker == "Mohammad Kazem Al-e Sadeq"
    assert a.speaker_description == "Iranian Ambassador to Iraq"


def test_joint_speakers_give_one_attribution_each(nlp):
    text = (
        "Russian Foreign Minister Sergey Lavrov held phone talks on Saturday. "
        "Lavrov and Turkish Foreign Minister Hakan Fidan expressed shared alarm."
    )
    attrs = resolve(nlp, text, "Lavrov and Turkish Foreign Minister Hakan Fidan")
    assert who(attrs) == ["Sergey Lavrov", "Hakan Fidan"]
    assert [a.speaker_description for a in attrs] == [
        "Russian Foreign Minister",
        "Turkish Foreign Minister",
    ]
    assert attrs[0].content == attrs[1].content and attrs[0].source == attrs[1].source


def test_both_ministers(nlp):
    text = (
        "Iranian Foreign Minister Abbas Araghchi spoke with Iraqi Foreign Minister Fuad "
        "Hussein. He is scheduled to meet President Masoud Pezeshkian. "
        "Moreover, both ministers emphasized that coordinated policies matter."
    )
    attrs = resolve(nlp, text, "both ministers")
    assert sorted(who(attrs)) == ["Abbas Araghchi", "Fuad Hussein"]


def test_dateline_before_the_subject_is_ignored(nlp):
    text = (
        "ERBIL (Kurdistan24) — Iranian Foreign Minister Abbas Araghchi said on Sunday "
        "that cooperation is deepening."
    )
    (a,) = resolve(nlp, text, "ERBIL (Kurdistan24) — Iranian Foreign Minister Abbas Araghchi")
    assert a.speaker == "Abbas Araghchi"
    assert a.speaker_description == "Iranian Foreign Minister"


def test_caption_mentions_do_not_supply_the_title(nlp):
    text = (
        "Iranian FM Abbas Araghchi, L, his Iraqi counterpart Fuad Hussein.\n"
        "Iranian Foreign Minister Abbas Araghchi said on Sunday that ties are deep."
    )
    caption_end = text.index("\n")
    doc = nlp(text)
    a = attribution(text, "Iranian Foreign Minister Abbas Araghchi")
    (out,) = resolve_speakers(doc, [a], excluded=[(0, caption_end)])
    assert out.speaker_description == "Iranian Foreign Minister"


def test_dateline_only_source_falls_through_to_the_subject(nlp):
    text = (
        "ERBIL (Kurdistan24) — Iranian Foreign Minister Abbas Araghchi said on Sunday "
        "that cooperation is deepening."
    )
    a = attribution(text, "ERBIL (Kurdistan24)")
    cue = text.index("said")
    a.cue = [(cue, cue + 4)]
    (out,) = resolve_speakers(nlp(text), [a])
    assert out.speaker == "Abbas Araghchi"


def test_participle_without_a_source_span_takes_the_clause_subject(nlp):
    text = (
        "Iran's Foreign Minister Abbas Araghchi visited Baghdad on Friday. "
        "Earlier this week, Araghchi traveled to Damascus, reaffirming Iran's commitment."
    )
    cue = text.index("reaffirming")
    a = Attribution(kind="indirect", content=[(cue + 12, len(text) - 1)], cue=[(cue, cue + 11)])
    (out,) = resolve_speakers(nlp(text), [a])
    assert out.speaker == "Abbas Araghchi"


def test_surname_the_tagger_calls_an_adjective(nlp):
    text = (
        "Iran's president, Masoud Pezeshkian, left on his first trip abroad on Wednesday. "
        "Pezeshkian announced plans to sign multiple memoranda of understanding."
    )
    (a,) = resolve(nlp, text, ("Pezeshkian", 2))
    assert a.speaker == "Masoud Pezeshkian"


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "Iran's Foreign Ministry spokesman Esmaeil Baqaei spoke on Monday. "
            "Baghaei added that Tehran was ready.",
            "Baghaei",
            ("Esmaeil Baqaei", "person", "Iran's Foreign Ministry spokesman"),
        ),
        (
            "Turkish President Recep Tayyip Erdogan spoke to reporters. "
            "Erdoğan said Ankara would not allow a terror state.",
            "Erdoğan",
            ("Recep Tayyip Erdogan", "person", "Turkish President"),
        ),
        ("Hezbollah said it had fired rockets.", "Hezbollah", ("Hezbollah", "organization", None)),
        (
            "IRNA reported that the minister had arrived.",
            "IRNA",
            ("IRNA", "organization", None),
        ),
        (
            "The semi-official Tasnim news agency reported that the talks failed.",
            "The semi-official Tasnim news agency",
            ("Tasnim news agency", "organization", None),
        ),
        (
            "Saudi Arabia's foreign minister, Prince Faisal bin Farhan, said the kingdom "
            "supports a ceasefire.",
            "Saudi Arabia's foreign minister, Prince Faisal bin Farhan",
            ("Faisal bin Farhan", "person", "Saudi Arabia's foreign minister"),
        ),
    ],
)
def test_middle_east_news_sources(nlp, text, mention, expected):
    (a,) = resolve(nlp, text, mention)
    assert (a.speaker, a.speaker_kind, a.speaker_description) == expected


def test_a_spaced_dash_ends_a_dateline_instead_of_joining_the_name(nlp):
    text = (
        "CHICO, Calif. - Bernie Sanders first touched down in California ten months ago. "
        "Sanders said the crowds were bigger now."
    )
    (a,) = resolve(nlp, text, "Sanders")
    assert a.speaker == "Bernie Sanders"
    assert a.speaker_aliases == ["Bernie Sanders", "Sanders"]


def test_a_dateline_the_model_glued_to_a_name_leaves_a_person(nlp):
    text = "CLEVELAND - Donald Trump told supporters the race was over. Trump said he would win."
    (a,) = resolve(nlp, text, "Trump")
    assert (a.speaker, a.speaker_kind) == ("Donald Trump", "person")


def test_a_title_case_headline_does_not_introduce_a_run_on_name(nlp):
    text = (
        "Poll: Bernie Sanders Burns Hillary Clinton With First-Ever National Lead.\n\n"
        "For the first time, a poll shows Sen. Bernie Sanders leading Hillary Clinton "
        "nationally. Clinton said she was not worried."
    )
    (a,) = resolve(nlp, text, "Clinton")
    assert a.speaker == "Hillary Clinton"
    assert not any("Burns" in alias for alias in a.speaker_aliases)


def test_a_surname_the_tagger_reads_as_a_plural_is_still_the_person(nlp):
    text = "Bernie Sanders spoke on Monday. Sanders says he would continue the fight."
    (a,) = resolve(nlp, text, ("Sanders", 2))
    assert (a.speaker, a.speaker_kind) == ("Bernie Sanders", "person")
    # while a real plural stays a group
    (b,) = resolve(
        nlp, "Hillary Clinton spoke. Clinton supporters said she won.", "Clinton supporters"
    )
    assert b.speaker_kind == "group"


def test_a_quoted_slogan_does_not_name_the_person(nlp):
    text = (
        "A man at the rally wore a shirt that read ''Fascist Trump,'' and others chanted. "
        "Mr. Trump said the protesters were paid."
    )
    (a,) = resolve(nlp, text, "Mr. Trump")
    assert a.speaker != "Fascist Trump"


def test_a_headlines_comma_list_of_names_speaks_jointly(nlp):
    text = "Iran, Iraq pledge closer security ties\n\nThe ministers met in Baghdad."
    assert who(resolve(nlp, text, "Iran, Iraq")) == ["Iran", "Iraq"]
    # a place and its state are one place
    text = "Vigo County, Indiana, has voted for the winner since 1956, Wilkin said."
    assert len(resolve(nlp, text, "Vigo County, Indiana")) == 1


def test_a_headlines_countries_and_role_are_the_ministers_named_below(nlp):
    text = (
        "Russia, Turkiye, Iran FMs discuss the war\n\n"
        "Russian Foreign Minister Sergey Lavrov called Turkish Foreign Minister Hakan Fidan "
        "and Iranian Foreign Minister Abbas Araghchi."
    )
    assert who(resolve(nlp, text, "Russia, Turkiye, Iran FMs")) == [
        "Sergey Lavrov",
        "Hakan Fidan",
        "Abbas Araghchi",
    ]


def test_the_one_asked_is_not_the_speaker_of_the_question(nlp):
    # "Asked about X" is a question put to Peskov by someone the text does not
    # name; giving it Peskov put "reports that the meeting had been postponed"
    # on his timeline as his claim.
    text = (
        "Asked about reports that the meeting had been postponed, Kremlin spokesman "
        'Dmitry Peskov told reporters: "You cannot postpone what has not been agreed."'
    )
    by_cue = {a.cue_text: a.speaker for a in extract(text)}
    assert by_cue["Asked about"] is None
    assert by_cue["told reporters:"] == "Dmitry Peskov"
    text = "Araghchi traveled to Damascus, reaffirming Iran's commitment to Syria."
    assert [a.speaker for a in extract(text)] == ["Araghchi"]


def test_a_headline_list_of_countries_and_the_two_countries_speak_jointly(nlp):
    text = (
        "Saudi Arabia, Iran pledge to keep diplomatic channels open\n\n"
        "RIYADH, Nov 12 (Reuters) - Saudi Arabia and Iran pledged on Wednesday to keep "
        "their channels open, the two countries said in a joint statement.\n"
    )
    by_cue = {}
    for a in extract(text):
        if a.kind != "outlet":
            by_cue.setdefault(a.cue_text, []).append(a.speaker)
    assert by_cue == {
        "pledge": ["Saudi Arabia", "Iran"],
        "pledged": ["Saudi Arabia", "Iran"],
        "said in a joint statement": ["Saudi Arabia", "Iran"],
    }


# -- the parts: head rules, registry passes, the mention index ---------------
@pytest.mark.parametrize(
    ("text", "mention", "rule"),
    [
        ("Donald Trump's tweet said the race was rigged.", "Donald Trump's tweet", "owned_product"),
        (
            "The Iranian Foreign Ministry said the talks would resume.",
            "The Iranian Foreign Ministry",
            "body",
        ),
        ("Iraqi officials said the border stayed closed.", "Iraqi officials", "plural_group"),
        ("Ben Carson's wife said he was tired.", "Ben Carson's wife", "owned_noun"),
        (
            "A spokeswoman for Hillary Clinton said the event was cancelled.",
            "A spokeswoman for Hillary Clinton",
            "speaks_for_someone",
        ),
        ("A Clinton ally said the speech went well.", "A Clinton ally", "name_in_modifier"),
        ("Abbas Araghchi said the talks were useful.", "Abbas Araghchi", "named"),
        ("A senior official said the talks had stalled.", "A senior official", "unnamed_people"),
        ("The Iraqi top diplomat said ties would deepen.", "The Iraqi top diplomat", "role"),
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
