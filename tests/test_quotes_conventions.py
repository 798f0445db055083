"""The one quote finder (loader/text/quotes.py) across house styles
(issue 14, part 2): one short passage of our own per convention, the
apostrophes it must leave alone, stray marks, and extraction on top of it."""

from __future__ import annotations

import pytest

from loader.attribution import extract
from loader.text.quotes import (
    MAX_QUOTE,
    OPENINGS,
    Paragraph,
    curly_double,
    paired,
    quote_spans,
    single,
    straight_double,
    wire_backticks,
)


def quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we are ready” at noon.", ["“we are ready”"]),
        ('He said "we are ready" at noon.', ['"we are ready"']),
        ("He said ``we are ready'' at noon.", ["``we are ready''"]),
        ("He said ‘we are ready’ at noon.", ["‘we are ready’"]),
        ("He said 'we are ready' at noon.", ["'we are ready'"]),
        ("Er sagte „wir sind bereit“ heute.", ["„wir sind bereit“"]),
        ("Powiedział „jesteśmy gotowi” dziś.", ["„jesteśmy gotowi”"]),
        ("Il a dit « nous sommes prêts » hier.", ["« nous sommes prêts »"]),
        ("Il a dit ‹ prêts › hier.", ["‹ prêts ›"]),
        ("Er sagte ‚bereit‘ heute.", ["‚bereit‘"]),
    ],
)
def test_each_convention_is_one_quote(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It's clear the Beckhams' home was sold in the '90s.",
        "They played rock 'n' roll until two o'clock.",
        "Give 'em the keys, the boys' mothers said.",
        "Its owners' lawyers won't say what James' plans are.",
    ],
)
def test_apostrophes_are_not_quotes(text):
    assert quote_spans(text) == ()


def test_apostrophes_inside_a_british_quote_do_not_close_it():
    text = "She said: 'It's the Beckhams' home, not ours, since the '90s.' Then she left."
    assert quoted(text) == ["'It's the Beckhams' home, not ours, since the '90s.'"]


def test_a_plural_possessive_closes_a_quote_when_nothing_else_can():
    text = "'Ask the neighbours' She walked off."
    assert quoted(text) == ["'Ask the neighbours'"]


def test_a_quote_nested_in_the_other_kind_belongs_to_the_outer_one():
    assert quoted("He said: 'They told me \"never again\" and left.' Later.") == [
        "'They told me \"never again\" and left.'"
    ]
    assert quoted("He said: “They told me ‘never again’ and left.” Later.") == [
        "“They told me ‘never again’ and left.”"
    ]
    assert quoted("He said: ``They told me 'never again' and left.''") == [
        "``They told me 'never again' and left.''"
    ]


def test_a_quote_over_paragraphs_opens_each_and_closes_only_the_last():
    text = (
        "'We have listened to every resident,' she said.\n"
        "'The first paragraph goes on without a closing mark.\n"
        "'The second closes it.'\n"
    )
    assert quoted(text) == [
        "'We have listened to every resident,'",
        "'The first paragraph goes on without a closing mark.",
        "'The second closes it.'",
    ]
    wire = "``The first goes on.\n``And the last one closes.''"
    assert quoted(wire) == ["``The first goes on.", "``And the last one closes.''"]


def test_a_lone_single_mark_mid_paragraph_is_an_apostrophe_and_stops_nothing():
    text = 'The \'singer left early, and "the rest stayed" on.'
    assert quoted(text) == ['"the rest stayed"']


def test_stray_marks_stay_within_their_paragraph_and_the_bound():
    text = "He said “it was fine.\nThe council met on Tuesday."
    assert quoted(text) == ["“it was fine."]
    far = "“" + "word " * (MAX_QUOTE // 5 + 10) + "”"
    assert quote_spans(far) == ()


def test_a_typed_opening_mark_closes_a_curly_quote():
    assert quoted("“Apparently not,“ he said.") == ["“Apparently not,“"]


def test_each_rule_alone():
    assert wire_backticks("``a''", 0, Paragraph("``a''", 0, 5)).closer == (3, 5)
    assert curly_double("“a”", 0, Paragraph("“a”", 0, 3)).closer == (2, 3)
    assert paired("«a»", 0, Paragraph("«a»", 0, 3)).closer == (2, 3)
    assert straight_double('x "a"', 2, Paragraph('x "a"', 0, 5)).closer == (4, 5)
    assert straight_double('x"a"', 1, Paragraph('x"a"', 0, 4)) is None  # mid-word
    assert single("'90s", 0, Paragraph("'90s", 0, 4)) is None
    assert single("'no' he", 0, Paragraph("'no' he", 0, 7)).closer == (3, 4)
    assert [rule.__name__ for rule in OPENINGS][:2] == ["wire_backticks", "doubled_apostrophe"]


def test_many_apostrophes_stay_linear():
    text = "'a " * 20_000
    assert quote_spans(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Mr Smith said: 'It is clear that the council failed. We will appeal.'",
        "Mr Smith said: ``It is clear that the council failed. We will appeal.''",
        "Mr Smith said: ‘It is clear that the council failed. We will appeal.’",
        "Mr Smith said: „It is clear that the council failed. We will appeal.“",
    ],
)
def test_a_quote_after_said_and_a_colon_is_one_direct_claim(text):
    claims = [a for a in extract(text) if a.kind != "outlet"]
    assert len(claims) == 1
    (claim,) = claims
    assert claim.kind == "direct"
    assert claim.speaker == "Smith"
    assert claim.content_text(text) == text[text.index(":") + 2 :]


def test_a_british_quote_split_by_its_cue_is_one_direct_claim():
    text = "'It is over,' said Mary Jones, the club's chairman. 'We lost the vote.'"
    (claim,) = [a for a in extract(text) if a.kind != "outlet"]
    assert claim.kind == "direct" and claim.speaker == "Mary Jones"
    assert claim.content_text(text) == "'It is over,' … 'We lost the vote.'"


def test_a_quote_paragraph_after_a_report_is_the_reported_speakers():
    text = (
        "Mary Jones said today that she would leave the club at the end of the season.\n"
        "``I have had a wonderful time here and I will miss everyone.\n"
        "``But it is time for something new.''\n"
    )
    claims = extract(text)
    direct = [a for a in claims if a.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].speaker == "Mary Jones"
    assert direct[0].content_text(text) == (
        "``I have had a wonderful time here and I will miss everyone. … "
        "``But it is time for something new.''"
    )


def test_a_quote_paragraph_after_no_report_stays_unattributed():
    text = (
        "The club played its last match at the old ground on Tuesday.\n"
        "``We have had a wonderful time here and we will miss everyone.''\n"
    )
    assert [a for a in extract(text) if a.kind == "direct"] == []


def test_a_quote_opening_the_sentence_after_a_report_is_the_reported_speakers():
    text = (
        "The council said yesterday it was sorry about the delay. "
        "'We have listened to every resident who wrote to us about it.'"
    )
    direct = [a for a in extract(text) if a.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].speaker == "council"
    assert direct[0].content_text(text) == text[text.index("'") :]
