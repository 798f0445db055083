"""Speaker resolution by the conventions of news writing (issue 14), as
tables by the rule that decides each case.

Short passages of our own; source spans are given by hand
(``coref_cases.check_resolved``), so each case checks only whom the resolver
decides a mention names.
"""

from __future__ import annotations

import pytest
from coref_cases import S, check_resolved

from tests.coref_helpers import resolve

P = pytest.param

# Shared passages (each of our own).
QUILL = "Folk singer Mary Quill cancelled her tour on Monday.\n\n"
CROWE = "Drummer Alan Crowe has left the band Lowfield.\n\n"
WIFE_OF = 'The wife of football star Danny Reed said: "It did worry me."'


@pytest.mark.parametrize(
    "text, mentions, expected",
    [
        # the eight quoted sentences must not use up how far "He" looks back
        P(
            "The gardener Tom Baxter won the county prize for his marrows yesterday.\n\n"
            'Baxter said: "It was a shock. I had no idea. The judges were kind. '
            "The weather was bad. The slugs were worse. My neighbours helped. "
            'We grew them in the shed. It was hard work."\n\n'
            'He added: "Next year I will try pumpkins."',
            ["Baxter", ("He", 1)],
            [S(speaker="Tom Baxter"), S(speaker="Tom Baxter")],
            id="pronoun-after-a-long-quote-is-its-speaker",
        ),
        P(
            "Actor Paul Dane will leave the soap in May.\n\n"
            "A spokeswoman for the show denied that he had been sacked. "
            "She said the door was open for his return.",
            ["A spokeswoman for the show", "She"],
            [
                S(speaker="spokeswoman for show", speaker_kind="group"),
                S(speaker="spokeswoman for show", speaker_kind="group"),
            ],
            id="she-after-an-unnamed-spokeswoman-is-that-spokeswoman",
        ),
        # coref_passes.drop_titles_and_places: "from Euston to Manchester" are
        # places, whatever the recogniser calls them, so "She" is Ann Lee
        P(
            "Ann Lee was sacked. The row began on a late train from Euston to "
            'Manchester. She said: "I am sad."',
            ["She"],
            [S(speaker="Ann Lee")],
            id="a-name-written-only-as-a-place-is-no-antecedent",
        ),
        # the subject of a verb is someone, whatever noun stands before the name
        P(
            'After the show Maria Lopes said the cast were happy.\n\n"We are thrilled," she added.',
            ["she"],
            [S(speaker="Maria Lopes")],
            id="a-name-after-a-work-noun-that-speaks-is-a-person",
        ),
        # PronounRules._described_subject: "the singer" as subject is Mary
        # Quill, ahead of the people named later in that sentence
        P(
            QUILL
            + "Next month the singer will be seen in a drama alongside Jo Kirk and Tom Lee.\n\n"
            '"It will be fun," she said.',
            ["she"],
            [S(speaker="Mary Quill")],
            id="a-sentence-about-the-singer-keeps-she-on-the-singer",
        ),
    ],
)
def test_pronouns_in_news(nlp, text, mentions, expected):
    check_resolved(nlp, text, mentions, expected)


@pytest.mark.parametrize(
    "text, mentions, expected",
    [
        P(
            QUILL + "The veteran Glasgow singer said the doctors had told her to rest.",
            ["The veteran Glasgow singer"],
            [S(speaker="Mary Quill", speaker_kind="person")],
            id="by-trade-is-the-person-named-before",
        ),
        P(
            "Jack Penrose has sold his seaside hotel.\n\n"
            "The 61-year-old said he was tired of the winters.",
            ["The 61-year-old"],
            [S(speaker="Jack Penrose")],
            id="by-age-is-the-person-named-before",
        ),
        P(
            "Mr Tom Reyes and Mrs Ana Reyes opened the theatre. Mrs Reyes cut the ribbon.\n\n"
            "The actor said the first play would be a comedy.",
            ["The actor"],
            [S(speaker="Tom Reyes")],
            id="gendered-skips-a-person-of-the-other-gender",
        ),
        P(
            "Mary Quill cancelled her tour.\n\nA singer said the venue was half empty.",
            ["A singer"],
            [S(speaker="singer", speaker_kind="group")],
            id="indefinite-stays-unnamed",
        ),
        P(
            "His screen self, 11-year-old Sam Reed, was not shy at the premiere.\n\n"
            "The youngster who plays Captain Hook said he had loved every minute.",
            ["The youngster who plays Captain Hook"],
            [S(speaker="Sam Reed")],
            id="the-youngster-who-plays-a-part-is-the-child-actor-named-before",
        ),
        # a lone capitalised word the recogniser calls a person is often a band
        P(
            QUILL + "She had toured with Bowen all summer.\n\n"
            "The singer said the doctors had told her to rest.",
            ["The singer"],
            [S(speaker="Mary Quill")],
            id="skips-a-one-word-name",
        ),
        # "Harbour Lights" (a show the recogniser calls a person) has no gender
        P(
            "Comic actress Jane Moss told viewers she loved her role.\n\n"
            "The rival show Harbour Lights drew more viewers on Sunday.\n\n"
            "The actress said the ratings did not worry her.",
            ["The actress"],
            [S(speaker="Jane Moss")],
            id="gendered-needs-a-person-known-of-that-gender",
        ),
    ],
)
def test_definite_descriptions(nlp, text, mentions, expected):
    # HEAD_RULES.definite_description
    check_resolved(nlp, text, mentions, expected)


@pytest.mark.parametrize(
    "text, mentions, expected",
    [
        P(
            "The cat belonged to the baker Ivor Lunn, who says the animal was never trained.\n\n"
            "Neighbours were not surprised.",
            ["who"],
            [S(speaker="Ivor Lunn")],
            id="relative-pronoun-speaks-for-the-person-its-clause-hangs-from",
        ),
        P(
            "The Riverside Trust issued a short statement, which said the park would close "
            "for the winter.",
            ["which"],
            [S(speaker="Riverside Trust")],
            id="relative-pronoun-of-a-statement-speaks-for-its-issuer",
        ),
        P(
            "Thousands of viewers complained to the BBC about the late film on Sunday.\n\n"
            "In a statement it said the film had been shown after the watershed.",
            ["it"],
            [S(speaker="BBC", speaker_kind="organization")],
            id="it-is-the-organisation-written-with-the",
        ),
        P(
            CROWE + "In a statement posted on the band's website, Crowe said he wanted to rest. "
            "The statement thanks the other members for ten good years.\n\n"
            "It ends: 'See you at the next show.'",
            ["Crowe", "The statement", "It"],
            [S(speaker="Alan Crowe")] * 3,
            id="it-after-a-statement-speaks-for-the-statement",
        ),
        P(
            "Yesterday the singer Ann Lee issued a statement through her record label.\n\n"
            "It read: 'I need a long rest and I thank my fans.'",
            ["It"],
            [S(speaker="Ann Lee")],
            id="it-after-someone-issued-a-statement-speaks-for-the-issuer",
        ),
    ],
)
def test_statements_and_relative_pronouns(nlp, text, mentions, expected):
    check_resolved(nlp, text, mentions, expected)


@pytest.mark.parametrize(
    "text, mentions, expected",
    [
        P(
            "The comic is busy. But his new show, being made by the firm Red Lantern, "
            "promises to be different.",
            ["his new show, being made by the firm Red Lantern"],
            [S(speaker=None)],
            id="a-show-headed-phrase-is-no-speaker",
        ),
        P(
            "Television series The Lanterns portrays the boss of a gang as an anxious man.",
            ["The Lanterns"],
            [S(speaker=None)],
            id="a-title-after-a-work-noun-is-not-a-family",
        ),
        P(
            "The BBC documentary claimed the river was dying.",
            ["The BBC documentary"],
            [S(speaker="BBC", speaker_kind="organization")],
            id="a-work-its-body-issues-speaks-for-the-body",
        ),
        # "the show" then a name is who speaks, not a title
        P(
            'Executive producer of the show Maria Lopes said: "We are thrilled."',
            ["Maria Lopes"],
            [S(speaker="Maria Lopes")],
            id="a-person-named-after-a-work-noun-is-no-work",
        ),
    ],
)
def test_works(nlp, text, mentions, expected):
    # coref_heads.work: a show or series says nothing; no group row is made of it
    check_resolved(nlp, text, mentions, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "Singer Lucy decided to see doctors.\n\n"
            "Lucy made the admission in an interview with Tom Hill.\n\n" + WIFE_OF,
            [S(speaker="Lucy", speaker_kind="person")],
            id="the-person-just-named-not-the-husband",
        ),
        P(
            WIFE_OF,
            [S(speaker="wife of football star Danny Reed", speaker_kind="group")],
            id="nobody-named-before-stays-an-unnamed-relation",
        ),
    ],
)
def test_the_wife_of_a_named_person(nlp, text, expected):
    # coref_heads.relation_of_named
    check_resolved(nlp, text, ["The wife of football star Danny Reed"], expected)


def test_name_before_an_age_is_the_speaker_of_an_overlong_subject(nlp):
    # the parser hangs the clause on the subject; the span then holds it all
    text = (
        CROWE + "In a statement that shocked singer Tom Reyes and his brother Sam, Alan, 34, "
        "said he needed a rest."
    )
    attrs = resolve(nlp, text, "that shocked singer Tom Reyes and his brother Sam, Alan, 34")
    assert [a.speaker for a in attrs] == ["Alan Crowe"]
    (source,) = attrs[0].source
    assert text[source[0] : source[1]] == attrs[0].speaker_mention == "Alan, 34"


def test_a_gendered_noun_in_a_description_before_a_name_gives_the_gender(nlp):
    # coref_text.apposed_gender: "his wife and agent Priya" is a woman, so no
    # "his" later in her sentence can make her a man
    from loader.attribution.coref_registry import Registry

    text = (
        "Actor Raj Patel was sacked by the studio.\n\n"
        "His wife and agent Priya suggested there were other reasons for his exit."
    )
    reg = Registry(nlp(text))
    assert {e.name: e.gender for e in reg.entities}["Priya"] == "f"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        P("The actress will be seen in a drama.", "actress", id="the-actress"),
        P("The actor in question was Roy Dunn.", None, id="a-copula-names-him"),
        P("The minister will be seen in Leeds.", None, id="an-office-is-for-roles"),
    ],
)
def test_description_subject(nlp, sentence, expected):
    # coref_pronouns.description_subject: "the actor in question was X" says
    # who the actor is, so the sentence is not about whoever was named before
    from loader.attribution.coref_pronouns import description_subject

    found = description_subject(next(iter(nlp(sentence).sents)))
    assert (found.text if found is not None else None) == expected
