"""Speaker resolution by the conventions of news writing (issue 14).

Short passages of our own; source spans are given by hand
(tests/coref_helpers.py), so each test checks only whom the resolver decides
a mention names.
"""

from __future__ import annotations

import pytest

from loader.nlp import get_nlp
from tests.coref_helpers import resolve


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def test_pronoun_after_a_long_quote_is_its_speaker(nlp):
    # the eight quoted sentences must not use up how far "He" looks back
    text = (
        "The gardener Tom Baxter won the county prize for his marrows yesterday.\n\n"
        'Baxter said: "It was a shock. I had no idea. The judges were kind. '
        "The weather was bad. The slugs were worse. My neighbours helped. "
        'We grew them in the shed. It was hard work."\n\n'
        'He added: "Next year I will try pumpkins."'
    )
    attrs = resolve(nlp, text, "Baxter", ("He", 1))
    assert [a.speaker for a in attrs] == ["Tom Baxter", "Tom Baxter"]


def test_definite_description_by_trade_is_the_person_named_before(nlp):
    text = (
        "Folk singer Mary Quill cancelled her tour on Monday.\n\n"
        "The veteran Glasgow singer said the doctors had told her to rest."
    )
    attrs = resolve(nlp, text, "The veteran Glasgow singer")
    assert attrs[0].speaker == "Mary Quill"
    assert attrs[0].speaker_kind == "person"


def test_definite_description_by_age_is_the_person_named_before(nlp):
    text = (
        "Jack Penrose has sold his seaside hotel.\n\n"
        "The 61-year-old said he was tired of the winters."
    )
    attrs = resolve(nlp, text, "The 61-year-old")
    assert attrs[0].speaker == "Jack Penrose"


def test_gendered_description_skips_a_person_of_the_other_gender(nlp):
    text = (
        "Mr Tom Reyes and Mrs Ana Reyes opened the theatre. Mrs Reyes cut the ribbon.\n\n"
        "The actor said the first play would be a comedy."
    )
    attrs = resolve(nlp, text, "The actor")
    assert attrs[0].speaker == "Tom Reyes"


def test_indefinite_description_stays_unnamed(nlp):
    text = "Mary Quill cancelled her tour.\n\nA singer said the venue was half empty."
    attrs = resolve(nlp, text, "A singer")
    assert attrs[0].speaker != "Mary Quill"


def test_relative_pronoun_speaks_for_the_person_its_clause_hangs_from(nlp):
    text = (
        "The cat belonged to the baker Ivor Lunn, who says the animal was never trained.\n\n"
        "Neighbours were not surprised."
    )
    attrs = resolve(nlp, text, "who")
    assert attrs[0].speaker == "Ivor Lunn"


def test_relative_pronoun_of_a_statement_speaks_for_its_issuer(nlp):
    text = (
        "The Riverside Trust issued a short statement, which said the park would close "
        "for the winter."
    )
    attrs = resolve(nlp, text, "which")
    assert attrs[0].speaker == "Riverside Trust"


def test_she_after_an_unnamed_spokeswoman_is_that_spokeswoman(nlp):
    text = (
        "Actor Paul Dane will leave the soap in May.\n\n"
        "A spokeswoman for the show denied that he had been sacked. "
        "She said the door was open for his return."
    )
    attrs = resolve(nlp, text, "A spokeswoman for the show", "She")
    assert attrs[1].speaker is not None
    assert attrs[1].speaker == attrs[0].speaker


def test_it_is_the_organisation_written_with_the(nlp):
    text = (
        "Thousands of viewers complained to the BBC about the late film on Sunday.\n\n"
        "In a statement it said the film had been shown after the watershed."
    )
    attrs = resolve(nlp, text, "it")
    assert attrs[0].speaker == "BBC"
    assert attrs[0].speaker_kind == "organization"


def test_it_after_a_statement_speaks_for_the_statement(nlp):
    text = (
        "Drummer Alan Crowe has left the band Lowfield.\n\n"
        "In a statement posted on the band's website, Crowe said he wanted to rest. "
        "The statement thanks the other members for ten good years.\n\n"
        "It ends: 'See you at the next show.'"
    )
    attrs = resolve(nlp, text, "Crowe", "The statement", "It")
    assert [a.speaker for a in attrs] == ["Alan Crowe"] * 3


def test_name_before_an_age_is_the_speaker_of_an_overlong_subject(nlp):
    # the parser hangs the clause on the subject; the span then holds it all
    text = (
        "Drummer Alan Crowe has left the band Lowfield.\n\n"
        "In a statement that shocked singer Tom Reyes and his brother Sam, Alan, 34, "
        "said he needed a rest."
    )
    attrs = resolve(nlp, text, "that shocked singer Tom Reyes and his brother Sam, Alan, 34")
    assert [a.speaker for a in attrs] == ["Alan Crowe"]
    (source,) = attrs[0].source
    assert text[source[0] : source[1]] == attrs[0].speaker_mention == "Alan, 34"


def test_the_youngster_who_plays_a_part_is_the_child_actor_named_before(nlp):
    text = (
        "His screen self, 11-year-old Sam Reed, was not shy at the premiere.\n\n"
        "The youngster who plays Captain Hook said he had loved every minute."
    )
    attrs = resolve(nlp, text, "The youngster who plays Captain Hook")
    assert attrs[0].speaker == "Sam Reed"


def test_it_after_someone_issued_a_statement_speaks_for_the_issuer(nlp):
    text = (
        "Yesterday the singer Ann Lee issued a statement through her record label.\n\n"
        "It read: 'I need a long rest and I thank my fans.'"
    )
    attrs = resolve(nlp, text, "It")
    assert attrs[0].speaker == "Ann Lee"


def test_definite_description_skips_a_one_word_name(nlp):
    # a lone capitalised word the recogniser calls a person is often a band
    text = (
        "Folk singer Mary Quill cancelled her tour on Monday.\n\n"
        "She had toured with Bowen all summer.\n\n"
        "The singer said the doctors had told her to rest."
    )
    attrs = resolve(nlp, text, "The singer")
    assert attrs[0].speaker == "Mary Quill"


def test_gendered_description_needs_a_person_known_of_that_gender(nlp):
    # "Harbour Lights" (a show the recogniser calls a person) has no gender
    text = (
        "Comic actress Jane Moss told viewers she loved her role.\n\n"
        "The rival show Harbour Lights drew more viewers on Sunday.\n\n"
        "The actress said the ratings did not worry her."
    )
    attrs = resolve(nlp, text, "The actress")
    assert attrs[0].speaker == "Jane Moss"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        pytest.param(
            "The comic is busy. But his new show, being made by the firm Red Lantern, "
            "promises to be different.",
            "his new show, being made by the firm Red Lantern",
            id="a-show-headed-phrase",
        ),
        pytest.param(
            "Television series The Lanterns portrays the boss of a gang as an anxious man.",
            "The Lanterns",
            id="a-title-after-a-work-noun-is-not-a-family",
        ),
    ],
)
def test_a_work_is_no_speaker(nlp, text, mention):
    # coref_heads.work: a show or series says nothing; no group row is made of it
    attrs = resolve(nlp, text, mention)
    assert attrs[0].speaker is None


def test_a_work_its_body_issues_speaks_for_the_body(nlp):
    text = "The BBC documentary claimed the river was dying."
    attrs = resolve(nlp, text, "The BBC documentary")
    assert (attrs[0].speaker, attrs[0].speaker_kind) == ("BBC", "organization")


def test_a_name_written_only_as_a_place_is_no_antecedent(nlp):
    # coref_passes.drop_titles_and_places: "from Euston to Manchester" are
    # places, whatever the recogniser calls them, so "She" is Ann Lee
    text = (
        "Ann Lee was sacked. The row began on a late train from Euston to "
        'Manchester. She said: "I am sad."'
    )
    attrs = resolve(nlp, text, "She")
    assert attrs[0].speaker == "Ann Lee"


def test_a_name_after_a_work_noun_that_speaks_is_a_person(nlp):
    # the subject of a verb is someone, whatever noun stands before the name
    text = 'After the show Maria Lopes said the cast were happy.\n\n"We are thrilled," she added.'
    attrs = resolve(nlp, text, "she")
    assert attrs[0].speaker == "Maria Lopes"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Singer Lucy decided to see doctors.\n\n"
            "Lucy made the admission in an interview with Tom Hill.\n\n"
            'The wife of football star Danny Reed said: "It did worry me."',
            ("Lucy", "person"),
            id="the-person-just-named-not-the-husband",
        ),
        pytest.param(
            'The wife of football star Danny Reed said: "It did worry me."',
            ("wife of football star Danny Reed", "group"),
            id="nobody-named-before-stays-an-unnamed-relation",
        ),
    ],
)
def test_the_wife_of_a_named_person(nlp, text, expected):
    # coref_heads.relation_of_named
    attrs = resolve(nlp, text, "The wife of football star Danny Reed")
    assert (attrs[0].speaker, attrs[0].speaker_kind) == expected


def test_a_person_named_after_a_work_noun_is_no_work(nlp):
    # coref_heads.work: "the show" then a name is who speaks, not a title
    text = 'Executive producer of the show Maria Lopes said: "We are thrilled."'
    attrs = resolve(nlp, text, "Maria Lopes")
    assert attrs[0].speaker == "Maria Lopes"


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


def test_a_sentence_about_the_singer_keeps_she_on_the_singer(nlp):
    # PronounRules._described_subject: "the singer" as subject is Mary Quill,
    # ahead of the people named later in that sentence
    text = (
        "Folk singer Mary Quill cancelled her tour on Monday.\n\n"
        "Next month the singer will be seen in a drama alongside Jo Kirk and Tom Lee.\n\n"
        '"It will be fun," she said.'
    )
    attrs = resolve(nlp, text, "she")
    assert attrs[0].speaker == "Mary Quill"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("The actress will be seen in a drama.", "actress", id="the-actress"),
        pytest.param("The actor in question was Roy Dunn.", None, id="a-copula-names-him"),
        pytest.param("The minister will be seen in Leeds.", None, id="an-office-is-for-roles"),
    ],
)
def test_description_subject(nlp, sentence, expected):
    # coref_pronouns.description_subject: "the actor in question was X" says
    # who the actor is, so the sentence is not about whoever was named before
    from loader.attribution.coref_pronouns import description_subject

    found = description_subject(next(iter(nlp(sentence).sents)))
    assert (found.text if found is not None else None) == expected
