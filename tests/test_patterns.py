"""Span finding, one pattern per test: cue, kind, source mention and content spans."""

from __future__ import annotations

import pytest

from loader.attribution.patterns import find_attributions
from loader.nlp import get_nlp


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def found(nlp, text: str, excluded=()):
    """(cue, kind, source mention, [content texts], class) for each attribution."""
    doc = nlp(text)
    return [
        (
            text[a.cue[0][0] : a.cue[0][1]],
            a.kind,
            a.speaker_mention,
            [text[s:e] for s, e in a.content],
            a.cue_class,
        )
        for a in find_attributions(doc, excluded)
    ]


def only(nlp, text: str):
    result = found(nlp, text)
    assert len(result) == 1, result
    return result[0]


def test_said_that_clause_keeps_that(nlp):
    text = "The Russian Foreign Ministry noted that both sides are committed to dialogue."
    assert only(nlp, text)[:4] == (
        "noted",
        "indirect",
        "The Russian Foreign Ministry",
        ["that both sides are committed to dialogue"],
    )


def test_recipient_is_not_content(nlp):
    text = "Hussein told reporters that the meetings had been productive."
    cue, kind, source, content, _ = only(nlp, text)
    assert (cue, source, content) == ("told", "Hussein", ["that the meetings had been productive"])


def test_parenthetical_cue_inside_the_content(nlp):
    text = "The agreement, the minister said, would be signed in March."
    cue, kind, source, content, _ = only(nlp, text)
    assert (cue, kind, source) == ("said", "indirect", "the minister")
    assert content == ["The agreement", "would be signed in March"]


def test_intention_keeps_to_in_content(nlp):
    text = "The two ministers pledged to intensify joint efforts against militants."
    assert only(nlp, text)[:4] == (
        "pledged",
        "indirect",
        "The two ministers",
        ["to intensify joint efforts against militants"],
    )


@pytest.mark.parametrize(
    "text, content",
    [
        # a time adjunct hung on the cue verb after a noun content stays out
        ("The mayor praised the new bridge on Friday afternoon.", "the new bridge"),
        ("The mayor praised the volunteers Tuesday.", "the volunteers"),
        ("The coach praised the young striker during the press conference.", "the young striker"),
        # and where it was said
        ("The mayor praised the volunteers at a rally in the park.", "the volunteers"),
        ("The senator criticized the plan in an interview with a local paper.", "the plan"),
        # so does a coordinated second verb phrase ...
        ("The senator praised the budget deal and left the chamber early.", "the budget deal"),
        # ... and a comma-set adverbial clause
        (
            "The governor criticized the tax plan, although the measure passed easily in the end.",
            "the tax plan",
        ),
    ],
)
def test_object_content_stops_before_trailing_adjuncts(nlp, text, content):
    assert only(nlp, text)[3] == [content]


def test_that_clause_keeps_trailing_time_adjunct(nlp):
    # after a "that" clause the adjunct belongs to the reported event
    assert only(nlp, "She said that the plan would fail on Monday.")[3] == [
        "that the plan would fail on Monday"
    ]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "She said she was proud of the campaign and expects to win the state.",
            "she was proud of the campaign and expects to win the state",
        ),
        (
            "He said the company had paid attention to the debate but decided to go ahead.",
            "the company had paid attention to the debate but decided to go ahead",
        ),
    ],
)
def test_coordinated_verb_without_a_clause_stays_in_content(nlp, text, content):
    # not a second report: no clause of its own after the coordinated verb
    assert only(nlp, text)[3] == [content]


@pytest.mark.parametrize(
    "text, content",
    [
        ("The senator criticized the new law, which passed in 2010 with few votes.", "the new law"),
        ("She complained about the new rules, which took effect in May.", "the new rules"),
        # inside a reported clause the relative clause stays
        (
            "He said that the mayor, who took office in May, would resign.",
            "that the mayor, who took office in May, would resign",
        ),
    ],
)
def test_comma_relative_clause_after_noun_content(nlp, text, content):
    assert only(nlp, text)[3] == [content]


def test_relative_pronoun_stands_for_the_content(nlp):
    text = "The council passed the new tax, which the mayor strongly opposed."
    assert only(nlp, text)[:4] == ("strongly opposed", "indirect", "the mayor", ["which"])


def test_relative_pronoun_with_its_predicate(nlp):
    text = "They visited the old factory, which the governor described as a relic of another era."
    assert only(nlp, text)[:4] == (
        "described",
        "indirect",
        "the governor",
        ["which", "as a relic of another era"],
    )


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "The governor is widely seen as the strongest candidate in the race.",
            "is widely seen",
            ["The governor", "the strongest candidate in the race"],
        ),
        (
            "Such schemes are considered illegal in most states.",
            "are considered",
            ["Such schemes", "illegal"],
        ),
    ],
)
def test_passive_cue_takes_subject_and_predicate(nlp, text, cue, content):
    assert only(nlp, text)[:4] == (cue, "indirect", None, content)


def test_passive_cue_without_predicate_keeps_subject(nlp):
    assert only(nlp, "The bill was approved by the committee.")[:4] == (
        "was approved",
        "indirect",
        "the committee",
        ["The bill"],
    )


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "It seems increasingly likely that the senator will run again.",
            ["increasingly likely that the senator will run again"],
        ),
        ("It appears that the talks have stalled.", ["that the talks have stalled"]),
        # before an infinitive "it" is a real subject and stays
        ("It seemed to reassure the markets.", ["It", "to reassure the markets"]),
    ],
)
def test_raising_verb_with_placeholder_it(nlp, text, content):
    assert only(nlp, text)[3] == content


def test_appositive_inside_object_and_predicate_stays(nlp):
    text = "The paper described Johnson, an heir to the family fortune, as a close adviser."
    assert only(nlp, text)[3] == ["Johnson, an heir to the family fortune, as a close adviser"]


def test_that_clause_after_a_parenthetical_cue_continues_the_content(nlp):
    text = "It is no surprise, the mayor said, that the bridge was closed."
    cue, _, source, content, _ = only(nlp, text)
    assert (cue, source) == ("said", "the mayor")
    assert content == ["It is no surprise", "that the bridge was closed"]


@pytest.mark.parametrize(
    "text, content",
    [
        ("The reporter asked the workers if they planned to vote.", "if they planned to vote"),
        ("She asked the mayor if the bridge would reopen soon.", "if the bridge would reopen soon"),
    ],
)
def test_clause_after_the_addressee_is_the_content(nlp, text, content):
    cue, _, _, found_content, _ = only(nlp, text)
    assert (cue, found_content) == ("asked", [content])


def test_condition_after_an_object_is_not_asked(nlp):
    # only asking verbs take an "if" clause as what was said
    text = "He will support the candidate if she wins the primary."
    assert only(nlp, text)[3] == ["the candidate if she wins the primary"]


def test_content_does_not_end_on_a_dangling_conjunction(nlp):
    # the parser hangs the second conjunct off the clause; the content takes it
    text = "The senator talked about the border and how many people cross it each year."
    cue, _, source, content, _ = only(nlp, text)
    assert (cue, source) == ("talked about", "The senator")
    assert content == ["the border and how many people cross it each year"]


def test_asked_if_without_an_addressee(nlp):
    text = "Asked by reporters if he would run again, the governor laughed."
    cue, _, source, content, _ = only(nlp, text)
    assert (cue, source, content) == ("Asked", "reporters", ["if he would run again"])


def test_said_yes_no_or_the_same(nlp):
    text = "Asked if he would run, the governor said no."
    assert ("said", "indirect", "the governor", ["no"], "speech") in found(nlp, text)
    assert only(nlp, "Last year, 26 percent said the same.")[:4] == (
        "said",
        "indirect",
        "26 percent",
        ["the same"],
    )


def test_inserted_cue_with_a_long_fronted_adjunct(nlp):
    # the parser hangs the fronted adjunct on "said"; it is still the content's
    text = (
        "At times during the long campaign last year, people close to the governor said,"
        " the mere mention of her rival could make him fume."
    )
    assert only(nlp, text)[:4] == (
        "said",
        "indirect",
        "people close to the governor",
        [
            "At times during the long campaign last year",
            "the mere mention of her rival could make him fume",
        ],
    )


def test_pleaded_guilty_to(nlp):
    text = "In 2012, the donor pleaded guilty to making illegal contributions."
    assert only(nlp, text)[:4] == (
        "pleaded guilty",
        "indirect",
        "the donor",
        ["to making illegal contributions"],
    )


def test_closing_report_after_a_comma(nlp):
    # the parser hangs "said" inside the second conjunct; the sentence is still the report
    text = (
        "In nearby Springfield, the old mill is holding on, but it is under heavy pressure"
        " from cheap imports, said the plant's manager, Jane Roe."
    )
    assert only(nlp, text)[:4] == (
        "said",
        "indirect",
        "the plant's manager, Jane Roe",
        [
            "In nearby Springfield, the old mill is holding on, but it is under heavy"
            " pressure from cheap imports"
        ],
    )
    assert only(nlp, "Sorry, Smith said.")[:4] == ("said", "indirect", "Smith", ["Sorry"])


@pytest.mark.parametrize(
    "text",
    [
        "ANKARA (AP) — The ferry will be free next year, the ministry said.",
        "BAGHDAD, Iraq (Reuters) - The ferry will be free next year, the ministry said.",
        "WASHINGTON — The ferry will be free next year, the ministry said.",
        "CAIRO, Jan 14 (Reuters) - The ferry will be free next year, the ministry said.",
    ],
)
def test_a_dateline_is_not_part_of_the_content(nlp, text):
    assert only(nlp, text)[3] == ["The ferry will be free next year"]


def test_a_dash_inside_the_sentence_is_no_dateline(nlp):
    text = "The ferry — a city service — will be free, the ministry said."
    assert only(nlp, text)[3] == ["The ferry — a city service — will be free"]


def test_a_reuters_dateline_the_parser_split_stays_out_of_the_content(nlp):
    # "RIYADH" and "," were sentences of their own, so the date was content
    text = (
        "Saudi Arabia, Iran pledge to keep diplomatic channels open\n\n"
        "RIYADH, Nov 12 (Reuters) - Saudi Arabia and Iran pledged on Wednesday to keep "
        "their channels open, the two countries said in a joint statement.\n"
    )
    said = next(a for a in found(nlp, text) if a[0] == "said in a joint statement")
    assert said[3] == ["Saudi Arabia and Iran pledged on Wednesday to keep their channels open"]
    # split the other way ("SANAA" / ", Nov 15 …"), the claim keeps its content
    text = (
        "Yemen's Houthis say they will halt Red Sea attacks if Gaza truce holds\n\n"
        "SANAA, Nov 15 (Reuters) - Yemen's Houthi movement will stop attacking ships in "
        "the Red Sea as long as the ceasefire in Gaza holds, its leader Abdul Malik "
        "al-Houthi said in a televised speech on Thursday.\n\n"
        '"If the aggression resumes, we will resume our operations," al-Houthi said.\n'
    )
    said = next(a for a in found(nlp, text) if a[0] == "said in a televised speech")
    assert said[3] == [
        "Yemen's Houthi movement will stop attacking ships in the Red Sea as long as "
        "the ceasefire in Gaza holds"
    ]
    # a dateline the parser reads as a second subject stays out
    text = "TEHRAN (Reuters) - Iran's foreign minister said the talks were useful."
    assert only(nlp, text)[2] == "Iran's foreign minister"


def test_an_all_capitals_headline_is_no_dateline(nlp):
    text = "HE'S BEEN CALLED OUT - a lot, the paper said."
    said = [a for a in found(nlp, text) if a[0] == "said"]
    assert said[0][3] == ["HE'S BEEN CALLED OUT - a lot"]


def test_a_relative_object_keeps_what_it_is_attributed_to(nlp):
    text = "The mayor condemned the rise in fares, which she attributed to the storm."
    a = next(x for x in found(nlp, text) if x[0] == "attributed")
    assert a[2:4] == ("she", ["which", "to the storm"])


def test_the_day_and_the_setting_are_not_what_was_said(nlp):
    text = "The mayor said on Tuesday the ferry would stay free, in a televised speech."
    assert only(nlp, text)[3] == ["the ferry would stay free"]
    # a day inside the reported clause stays
    text = "The mayor said the ferry would stay free on Tuesday."
    assert only(nlp, text)[3] == ["the ferry would stay free on Tuesday"]


def test_the_hearer_of_told_is_not_content_even_when_misparsed(nlp):
    text = "Lebanese President Joseph Aoun told visiting U.S. envoy Amos Hochstein that Beirut was committed to the truce."
    assert only(nlp, text)[3] == ["that Beirut was committed to the truce"]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "The ministry said its forces had taken the village, a claim that could not be verified.",
            "its forces had taken the village",
        ),
        (
            "The army said it had struck 30 targets, without giving further details.",
            "it had struck 30 targets",
        ),
        (
            "Qassem warned of civil strife if the army moved in, a remark that drew "
            "condemnation from rivals.",
            "civil strife if the army moved in",
        ),
        (
            # the clause the parser hangs on "statement", with a quote in it
            'The mission warned in a statement that a resolution would "trigger a '
            'response", without elaborating.',
            'that a resolution would "trigger a response"',
        ),
    ],
)
def test_the_outlets_caveat_is_not_content(nlp, text, content):
    assert only(nlp, text)[3] == [content]


def test_declining_to_comment_after_a_statement_is_not_part_of_it(nlp):
    text = (
        "A spokesperson said that Washington continues to review all options but "
        "declined to comment on specific measures."
    )
    assert [(r[0], r[3]) for r in found(nlp, text)] == [
        ("said", ["that Washington continues to review all options"]),
        ("declined", ["to comment on specific measures"]),
    ]
    # refusing something other than to tell is part of what was said
    text = "Police say he posed a deadly threat and refused to drop the gun."
    assert only(nlp, text)[3] == ["he posed a deadly threat and refused to drop the gun"]


def test_without_inside_what_was_said_stays(nlp):
    text = "He said he would stay in the race without giving up his seat."
    assert only(nlp, text)[3] == ["he would stay in the race without giving up his seat"]
