"""Span finding, one pattern per test: cue, kind, source mention and content spans."""

from __future__ import annotations

import pytest

from loader.attribution.patterns import find_attributions
from loader.nlp import get_nlp
from loader.text.quotes import quote_spans


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


def test_quote_before_cue(nlp):
    text = "“We are striving to reach a shared agreement with Iraq,” Araghchi said."
    assert only(nlp, text)[:4] == (
        "said",
        "direct",
        "Araghchi",
        ["“We are striving to reach a shared agreement with Iraq,”"],
    )


def test_pronoun_source_with_straight_quotes(nlp):
    text = '"What is happening in Syria is inseparable from the events in Gaza," he said.'
    cue, kind, source, content, _ = only(nlp, text)
    assert (cue, kind, source) == ("said", "direct", "he")
    assert content == ['"What is happening in Syria is inseparable from the events in Gaza,"']


def test_inverted_cue_after_quote(nlp):
    text = "“The talks are over,” said Foreign Minister Fuad Hussein."
    assert only(nlp, text)[:4] == (
        "said",
        "direct",
        "Foreign Minister Fuad Hussein",
        ["“The talks are over,”"],
    )


def test_quote_after_cue(nlp):
    text = "The minister said, “We are ready to sign the agreement.”"
    cue, kind, source, content, _ = only(nlp, text)
    assert (kind, source, content) == (
        "direct",
        "The minister",
        ["“We are ready to sign the agreement.”"],
    )
    assert cue.startswith("said")


def test_colon_introduced_quote_keeps_colon_in_cue(nlp):
    text = "Hussein wrote on X: “I have arrived in Tehran for important meetings.”"
    cue, kind, source, content, _ = only(nlp, text)
    assert cue.startswith("wrote") and cue.endswith(":")
    assert (kind, source) == ("direct", "Hussein")
    assert content == ["“I have arrived in Tehran for important meetings.”"]


def test_quote_split_around_cue(nlp):
    text = "“The crisis is serious,” he said, “and it will spread to the whole region.”"
    cue, kind, source, content, _ = only(nlp, text)
    assert (cue, kind, source) == ("said", "direct", "he")
    assert content == ["“The crisis is serious,”", "“and it will spread to the whole region.”"]


def test_quote_continues_in_next_sentence_and_paragraph(nlp):
    text = (
        "“We will not accept this,” Araghchi said. “The region has suffered enough.”\n\n"
        "“Our position has not changed.”\n\n"
        "The talks ended on Sunday."
    )
    cue, kind, source, content, _ = only(nlp, text)
    assert (cue, kind, source) == ("said", "direct", "Araghchi")
    assert content == [
        "“We will not accept this,”",
        "“The region has suffered enough.”",
        "“Our position has not changed.”",
    ]


def test_multi_paragraph_quote_without_closing_mark(nlp):
    text = (
        "The minister said: “We have worked for months on this plan.\n\n"
        "“It will protect both countries,” he added.\n\n"
        "Officials did not comment."
    )
    result = found(nlp, text)
    first = result[0]
    assert first[1] == "direct" and first[2] == "The minister"
    assert first[3] == ["“We have worked for months on this plan."]
    # the unclosed quote stops at its paragraph: the next paragraph has its own cue
    assert result[1][:4] == ("added", "direct", "he", ["“It will protect both countries,”"])


def test_stray_quote_mark_does_not_swallow_the_article(nlp):
    text = (
        "The ministry said the talks were “productive and would resume soon.\n\n"
        "Separately, the army said it had withdrawn from the border.\n\n"
        "Prices rose."
    )
    result = found(nlp, text)
    assert [r[2] for r in result] == ["The ministry", "the army"]
    first_content = result[0][3]
    assert all("\n" not in c for c in first_content)
    assert result[1][3] == ["it had withdrawn from the border"]


def test_unbalanced_marks_never_crash():
    for text in ['"', "“", "”", '" "" """', "“a\n”b\n“", "'' '' ''", "He said “"]:
        for s, e in quote_spans(text):
            assert 0 <= s < e <= len(text)


def test_said_that_clause_keeps_that(nlp):
    text = "The Russian Foreign Ministry noted that both sides are committed to dialogue."
    assert only(nlp, text)[:4] == (
        "noted",
        "indirect",
        "The Russian Foreign Ministry",
        ["that both sides are committed to dialogue"],
    )


def test_cue_keeps_verb_group(nlp):
    text = "He has repeatedly said that the sanctions must end."
    cue, kind, source, content, _ = only(nlp, text)
    assert (cue, source, content) == ("has repeatedly said", "He", ["that the sanctions must end"])
    text = "She did not say whether the embassy would reopen."
    cue, _, source, content, _ = only(nlp, text)
    assert (cue, source, content) == ("did not say", "She", ["whether the embassy would reopen"])


def test_recipient_is_not_content(nlp):
    text = "Hussein told reporters that the meetings had been productive."
    cue, kind, source, content, _ = only(nlp, text)
    assert (cue, source, content) == ("told", "Hussein", ["that the meetings had been productive"])


def test_participial_cue_takes_the_main_subject(nlp):
    text = (
        "Iraqi Prime Minister Mohammed Shia al-Sudani later received Araghchi, "
        "saying Iraq's position is to support Syria's unity."
    )
    assert only(nlp, text)[:4] == (
        "saying",
        "indirect",
        "Iraqi Prime Minister Mohammed Shia al-Sudani",
        ["Iraq's position is to support Syria's unity"],
    )


def test_parenthetical_cue_inside_the_content(nlp):
    text = "The agreement, the minister said, would be signed in March."
    cue, kind, source, content, _ = only(nlp, text)
    assert (cue, kind, source) == ("said", "indirect", "the minister")
    assert content == ["The agreement", "would be signed in March"]


def test_according_to_a_statement(nlp):
    text = (
        "According to a statement from the Russian Foreign Ministry, both diplomats "
        "conceded the urgent need for coordinated action."
    )
    (cue, kind, source, content, cls), inner = found(nlp, text)
    assert (cue, kind, source) == (
        "According to",
        "indirect",
        "a statement from the Russian Foreign Ministry",
    )
    assert content == ["both diplomats conceded the urgent need for coordinated action"]
    assert cls == "speech"
    # what the statement relays stays the diplomats' own claim
    assert inner[:4] == (
        "conceded",
        "indirect",
        "both diplomats",
        ["the urgent need for coordinated action"],
    )


def test_according_to_unnamed_officials_at_the_end(nlp):
    text = "Hussein's talks will focus on bilateral relations, according to Iraqi officials."
    cue, kind, source, content, _ = only(nlp, text)
    assert (cue, source, content) == (
        "according to",
        "Iraqi officials",
        ["Hussein's talks will focus on bilateral relations"],
    )


def test_medium_after_a_quote_stays_in_the_cue(nlp):
    text = "“The border will reopen on Monday,” the ministry said in a statement."
    cue, kind, source, content, _ = only(nlp, text)
    assert (cue, kind, source) == ("said in a statement", "direct", "the ministry")


def test_medium_with_its_own_modifiers_leaves_the_cue(nlp):
    text = "“The border will reopen on Monday,” the minister said in an interview with local radio."
    cue, kind, source, content, _ = only(nlp, text)
    assert (cue, kind, source) == ("said", "direct", "the minister")


def test_in_a_statement_the_ministry_said(nlp):
    text = "In a statement, the ministry said the border crossing would reopen on Monday."
    cue, kind, source, content, _ = only(nlp, text)
    assert (cue, source) == ("said", "the ministry")
    assert content == ["the border crossing would reopen on Monday"]


def test_described_as(nlp):
    text = (
        "Ambassador Mohammad Kazem Al-e Sadeq described Araghchi's visit as a coordination effort."
    )
    cue, kind, source, content, _ = only(nlp, text)
    assert (cue, source) == ("described", "Ambassador Mohammad Kazem Al-e Sadeq")
    assert content == ["Araghchi's visit as a coordination effort"]


def test_warned_and_stressed(nlp):
    text = "The envoy warned that the fighting could spread, stressing that talks must resume."
    result = found(nlp, text)
    # the participle is a second attribution by the same agent, not part of the first content
    assert [(r[0], r[2], r[3]) for r in result] == [
        ("warned", "The envoy", ["that the fighting could spread"]),
        ("stressing", "The envoy", ["that talks must resume"]),
    ]


def test_social_posts(nlp):
    text = "The embassy posted on X that the visit had been a success."
    cue, kind, source, content, _ = only(nlp, text)
    # PolNeAR leaves adjuncts between cue and content out of the cue
    assert cue == "posted" and source == "The embassy"
    assert content == ["that the visit had been a success"]
    text = "Trump tweeted that the election was rigged."
    assert only(nlp, text)[:4] == ("tweeted", "indirect", "Trump", ["that the election was rigged"])


def test_mixed_quote(nlp):
    text = (
        "Hussein wrote on X that he had arrived in Tehran and would hold "
        "“a number of important meetings with the president.”"
    )
    cue, kind, source, content, _ = only(nlp, text)
    assert (kind, source) == ("mixed", "Hussein")
    assert content == [
        "that he had arrived in Tehran and would hold “a number of important meetings with the president.”"
    ]


def test_cue_classes(nlp):
    cases = {
        "Most voters believe the economy is improving.": "belief",
        "The two ministers pledged to intensify joint efforts.": "intention",
        "The court ruled that the law was unconstitutional.": "decree",
        "Inspectors found that the plant had been closed.": "perception",
        "The spokesman said the plant had been closed.": "speech",
    }
    for text, cls in cases.items():
        assert only(nlp, text)[4] == cls, text


def test_intention_keeps_to_in_content(nlp):
    text = "The two ministers pledged to intensify joint efforts against militants."
    assert only(nlp, text)[:4] == (
        "pledged",
        "indirect",
        "The two ministers",
        ["to intensify joint efforts against militants"],
    )


def test_relative_pronoun_is_the_source(nlp):
    text = "They met officials from the ministry, which said the talks had failed."
    cue, kind, source, content, _ = only(nlp, text)
    assert (cue, source, content) == ("said", "which", ["the talks had failed"])


def test_source_keeps_appositive(nlp):
    text = "Fuad Hussein, Iraq's foreign minister, said the visit was important."
    assert only(nlp, text)[2] == "Fuad Hussein, Iraq's foreign minister,"


def test_nested_attribution_outer_wins(nlp):
    text = "The minister said officials believe the plan has failed."
    assert [r[0] for r in found(nlp, text)] == ["said"]


def test_words_inside_a_quote_are_not_cues(nlp):
    text = "“I believe they want peace and I think we said so,” the minister said."
    assert [r[0] for r in found(nlp, text)] == ["said"]


def test_excluded_ranges_yield_nothing(nlp):
    line = "Read more: Araghchi said the talks in Baghdad had failed."
    text = line + "\n\nThe ministry said talks would resume."
    result = found(nlp, text, excluded=[(0, len(line))])
    assert [r[2] for r in result] == ["The ministry"]
    assert found(nlp, line, excluded=[(0, len(line))]) == []


def test_dateline_is_not_the_source(nlp):
    text = (
        "ERBIL (Kurdistan24) — Iranian Foreign Minister Abbas Araghchi said on Sunday "
        "that the withdrawal is a clear indication of cooperation."
    )
    cue, kind, source, content, _ = only(nlp, text)
    assert source == "Iranian Foreign Minister Abbas Araghchi"
    assert content == ["that the withdrawal is a clear indication of cooperation"]
    assert cue == "said"


def test_doubled_apostrophes_are_quote_marks(nlp):
    text = "''My advice was not to do it,'' Mr. Ross said."
    assert only(nlp, text)[:4] == (
        "said",
        "direct",
        "Mr. Ross",
        ["''My advice was not to do it,''"],
    )


def test_name_and_colon_line(nlp):
    text = "The senator spoke on Monday.\nClinton: “Our goal is to defeat ISIS.”\nSanders: 46\n"
    result = found(nlp, text)
    assert [r[:4] for r in result if r[0] == ":"] == [
        (":", "direct", "Clinton", ["“Our goal is to defeat ISIS.”"])
    ]


def test_poll_and_reportedly_cues(nlp):
    text = "In a poll released Monday, 50 percent of respondents chose Clinton."
    cue, kind, source, content, _ = only(nlp, text)
    assert (cue, source) == ("In", "a poll released Monday")
    assert content == ["50 percent of respondents chose Clinton"]
    text = "In an interview, Hussein said the talks had failed."
    assert [r[0] for r in found(nlp, text)] == ["said"]


def test_empty_and_punctuation_only_texts(nlp):
    for text in ["", " ", "\n\n", '""', "“”", ":", "According to"]:
        assert found(nlp, text) == []


def test_quote_only_paragraph_after_a_speaker_sentence(nlp):
    text = "Araghchi spoke to reporters in Tehran.\n\n“We are ready to sign the agreement.”\n"
    assert only(nlp, text)[:4] == (
        "spoke",
        "direct",
        "Araghchi",
        ["“We are ready to sign the agreement.”"],
    )


def test_adjectival_stance_with_preposition(nlp):
    text = "Sanders was especially critical of the trade deal."
    assert only(nlp, text) == (
        "was especially critical of",
        "indirect",
        "Sanders",
        ["the trade deal"],
        "speech",
    )


def test_adjectival_stance_with_that_clause(nlp):
    text = "The senator is confident that the bill will pass."
    assert only(nlp, text) == (
        "is confident",
        "indirect",
        "The senator",
        ["that the bill will pass"],
        "belief",
    )


def test_adjectival_stance_needs_a_holder(nlp):
    assert found(nlp, "It is clear that the bill will pass.") == []
    assert found(nlp, "The room was full of reporters.") == []


def test_light_verb_make_the_case(nlp):
    text = "Obama will make the case that Clinton is qualified to be president."
    assert only(nlp, text) == (
        "will make the case",
        "indirect",
        "Obama",
        ["that Clinton is qualified to be president"],
        "speech",
    )


def test_light_verb_make_no_mention_of(nlp):
    text = "Trump made no mention of Jeb Bush in his speech."
    cue, kind, source, content, cls = only(nlp, text)
    assert (cue, source, cls) == ("made no mention of", "Trump", "speech")
    assert content[0].startswith("Jeb Bush")


def test_light_verb_take_issue_with(nlp):
    text = "Several economists took issue with the prediction."
    assert only(nlp, text)[:4] == (
        "took issue with",
        "indirect",
        "Several economists",
        ["the prediction"],
    )


def test_relative_clause_cue_keeps_its_clause(nlp):
    text = "Many voters, who said they would vote in the Democratic primary, were angry."
    assert only(nlp, text)[:4] == (
        "said",
        "indirect",
        "who",
        ["they would vote in the Democratic primary"],
    )


def test_linking_word_parsed_as_clause_marker(nlp):
    text = "Ted Cruz is calling for some of his Republican rivals to drop out."
    assert only(nlp, text)[:4] == (
        "is calling for",
        "indirect",
        "Ted Cruz",
        ["some of his Republican rivals to drop out"],
    )


def test_new_cue_verbs(nlp):
    text = "Obama reminded voters that the economy had recovered."
    cue, kind, source, content, _ = only(nlp, text)
    assert (cue, source, content) == ("reminded", "Obama", ["that the economy had recovered"])


def test_quote_after_recipient(nlp):
    text = "She thanked the crowd, telling them, “Some people get a little carried away.”"
    assert ("telling", "direct", "She", ["“Some people get a little carried away.”"]) in [
        r[:4] for r in found(nlp, text)
    ]


def test_light_verb_have_feelings_about(nlp):
    text = "Many voters have mixed feelings about the trade deal."
    assert only(nlp, text) == (
        "have mixed feelings about",
        "indirect",
        "Many voters",
        ["the trade deal"],
        "belief",
    )


def test_speak_with_adverb_and_linking_word(nlp):
    text = "Mr. Trump spoke favorably of Mr. Putin's leadership."
    assert only(nlp, text)[:4] == (
        "spoke favorably of",
        "indirect",
        "Mr. Trump",
        ["Mr. Putin's leadership"],
    )
    assert found(nlp, "He spoke to reporters on Monday.") == []


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


def test_coordinated_report_is_its_own_attribution(nlp):
    text = (
        "The minister conceded that the deal was late and said that funding would come next year."
    )
    assert [r[:4] for r in found(nlp, text)] == [
        ("conceded", "indirect", "The minister", ["that the deal was late"]),
        ("said", "indirect", "The minister", ["that funding would come next year"]),
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


def test_called_on_keeps_its_linking_word(nlp):
    text = "The senator has called on Congress to pass the bill."
    cue, _, source, content, _ = only(nlp, text)
    assert (cue, source, content) == ("has called on", "The senator", ["Congress to pass the bill"])


def test_went_on_to_joins_the_cue(nlp):
    text = "She went on to explain that the plan was dead."
    cue, _, source, content, _ = only(nlp, text)
    assert (cue, source, content) == ("went on to explain", "She", ["that the plan was dead"])


def test_continued_to_joins_the_cue_verb_after_it(nlp):
    text = "He continued to insist that the vote was rigged."
    cue, _, source, content, _ = only(nlp, text)
    assert (cue, source, content) == ("continued to insist", "He", ["that the vote was rigged"])


def test_manner_adverb_after_the_verb_joins_the_cue(nlp):
    text = "The mayor has said repeatedly that the tax will not rise."
    cue, _, source, content, _ = only(nlp, text)
    assert (cue, source, content) == (
        "has said repeatedly",
        "The mayor",
        ["that the tax will not rise"],
    )
    text = "“We will win this race,” the governor said confidently."
    assert only(nlp, text)[0] == "said confidently"


def test_adjectives_stay_in_a_nominal_cue(nlp):
    text = "Trump's earlier claim that he opposed the war was false."
    cue, _, source, content, _ = only(nlp, text)
    assert (cue, source, content) == ("earlier claim", "Trump's", ["that he opposed the war"])
    text = "The senator's harsh criticism of the deal surprised nobody."
    assert only(nlp, text)[0] == "harsh criticism of"


def test_hyphenated_prefix_stays_on_the_cue_verb(nlp):
    text = "The mayor live-tweeted that the game was over."
    cue, _, source, content, _ = only(nlp, text)
    assert (cue, source, content) == ("live-tweeted", "The mayor", ["that the game was over"])


def test_bare_attitude_object_joins_the_cue(nlp):
    text = "Several senators expressed concern that the bill would raise taxes."
    cue, _, source, content, _ = only(nlp, text)
    assert (cue, source, content) == (
        "expressed concern",
        "Several senators",
        ["that the bill would raise taxes"],
    )
    text = "The governor showed no sign of backing down."
    assert only(nlp, text)[0] == "showed no sign of"
    # with a possessive the object is the content, as before
    text = "She expressed her support for the mayor."
    assert only(nlp, text)[0] == "expressed"


def test_known_as_keeps_its_preposition(nlp):
    text = "The senator is known as a fierce critic of the deal."
    assert only(nlp, text)[0] == "is known as"


def test_a_date_after_the_verb_is_no_content(nlp):
    assert found(nlp, "The company responded on Friday.") == []
    assert only(nlp, "The company responded to the lawsuit.")[0] == "responded to"


def test_issued_a_statement_saying_is_one_cue(nlp):
    text = "The ministry issued a statement saying the border would reopen on Monday."
    cue, _, source, content, _ = only(nlp, text)
    assert (cue, source, content) == (
        "issued a statement saying",
        "The ministry",
        ["the border would reopen on Monday"],
    )


def test_said_with_a_laugh_keeps_the_manner(nlp):
    text = "“That is not going to happen,” the senator said with a laugh."
    cue, kind, source, _, _ = only(nlp, text)
    assert (cue, kind, source) == ("said with a laugh", "direct", "the senator")


def test_bare_weekday_after_the_verb_joins_the_cue(nlp):
    text = "The governor said Friday that the budget was balanced."
    cue, _, source, content, _ = only(nlp, text)
    assert (cue, source, content) == (
        "said Friday",
        "The governor",
        ["that the budget was balanced"],
    )
    text = "The governor said on Friday that the budget was balanced."
    assert only(nlp, text)[0] == "said"


def test_to_links_only_where_the_lexicon_says(nlp):
    # a recipient is no content: "complained to the manager"
    assert found(nlp, "She complained to the manager.") == []
    text = "The spokesman did not respond to a request for comment."
    cue, _, source, content, _ = only(nlp, text)
    assert (cue, source, content) == (
        "did not respond to",
        "The spokesman",
        ["a request for comment"],
    )


def test_lexicon_links_upon_and_with(nlp):
    text = "Many voters identify with the senator."
    cue, _, source, content, _ = only(nlp, text)
    assert (cue, source, content) == ("identify with", "Many voters", ["the senator"])
    text = "The mayor has called upon the governor to resign."
    assert only(nlp, text)[0] == "has called upon"


def test_gerund_after_preposition_takes_the_clause_subject(nlp):
    text = "The governor hit back at the senator by suggesting that the bill was unconstitutional."
    assert only(nlp, text)[:4] == (
        "suggesting",
        "indirect",
        "The governor",
        ["that the bill was unconstitutional"],
    )
    text = "The mayor changed course after saying that the budget would be cut."
    assert only(nlp, text)[2] == "The mayor"


def test_gerund_after_other_prepositions_takes_the_verb_subject(nlp):
    text = "The senator objected to suggesting that the tax plan was unfair."
    assert only(nlp, text)[:4] == (
        "suggesting",
        "indirect",
        "The senator",
        ["that the tax plan was unfair"],
    )
    text = "The candidate joked about claiming that he had won every debate."
    assert [(cue, src) for cue, _, src, _, _ in found(nlp, text)] == [
        ("joked", "The candidate"),
        ("claiming", "The candidate"),
    ]


def test_cue_coordinated_inside_a_reported_clause_keeps_the_reporter(nlp):
    text = "The judge said she regretted her remarks and insisted she would stay out of the race."
    assert [r[:3] + (r[3],) for r in found(nlp, text)] == [
        ("said", "indirect", "The judge", ["she regretted her remarks"]),
        ("insisted", "indirect", "The judge", ["she would stay out of the race"]),
    ]


def test_participle_on_a_medium_takes_its_issuer(nlp):
    text = "The campaign issued a statement saying that the remarks were a joke."
    assert only(nlp, text)[:4] == (
        "issued a statement saying",
        "indirect",
        "The campaign",
        ["that the remarks were a joke"],
    )
    text = "In her statement condemning the vote, the senator praised the mayor."
    assert ("condemning", "her", ["the vote"]) in [(r[0], r[2], r[3]) for r in found(nlp, text)]


def test_source_keeps_an_abbreviation_period(nlp):
    text = '"We will win," said Tom Baker, 52, of Flint, Mich.'
    assert only(nlp, text)[2] == "Tom Baker, 52, of Flint, Mich."


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Senator Jones, celebrating a win in her home state, said the race was not over.",
            "Senator Jones",
        ),
        ("Governor Lee, eager to end the debate, said the bill was dead.", "Governor Lee"),
        ("The mayor, in Chicago, said the plan would fail.", "The mayor"),
        ("Gov. Smith, who has led the state since 2010, said the plan would fail.", "Gov. Smith"),
        # an appositive and a plain relative clause stay
        ("Ann Cole, a retired nurse, said she would vote.", "Ann Cole, a retired nurse,"),
        ("Ann Cole, who runs a bakery, said she would vote.", "Ann Cole, who runs a bakery,"),
        ("Even the most loyal donors say the campaign is in trouble.", "the most loyal donors"),
        ("New York (AFP) – Senator Mark Jones said that the bill was dead.", "Senator Mark Jones"),
    ],
)
def test_source_leaves_out_incidental_modifiers(nlp, text, source):
    assert only(nlp, text)[2] == source


def test_object_of_a_causative_verb_is_the_source(nlp):
    text = "The defeat led some donors to worry that the party would split."
    cue, _, source, content, _ = only(nlp, text)
    assert (source, content) == ("some donors", ["that the party would split"])


def test_line_label_before_its_own_attribution_is_not_a_cue(nlp):
    text = "A: I think it will pass next week."
    assert [(r[0], r[2], r[3]) for r in found(nlp, text)] == [
        ("think", "I", ["it will pass next week"])
    ]
    text = "Turnout: The governor said more people voted than ever before."
    assert [(r[0], r[2]) for r in found(nlp, text)] == [("said", "The governor")]
    # a plain statement after a name keeps the colon as its cue
    assert [(r[0], r[2]) for r in found(nlp, "Clinton: We will win this state.")] == [
        (":", "Clinton")
    ]


def test_possessed_nominal_cue_as_object_takes_the_verb_subject(nlp):
    text = "Senator Kirk withdrew his endorsement of the governor."
    assert only(nlp, text)[:4] == ("endorsement of", "indirect", "Senator Kirk", ["the governor"])
    # as a subject the possessor stays the source
    assert only(nlp, "Her support for the bill surprised everyone.")[2] == "Her"


def test_participle_after_quoted_comma_is_its_own_attribution(nlp):
    text = "Brown is insisting that he has “saved the party,” claiming that he alone brought in new voters."
    assert [r[:4] for r in found(nlp, text)] == [
        ("is insisting", "mixed", "Brown", ["that he has “saved the party,”"]),
        ("claiming", "indirect", "Brown", ["that he alone brought in new voters"]),
    ]


def test_participle_hung_inside_the_reported_clause(nlp):
    text = "Smith said the budget talks could be “difficult,” adding, “Nothing is simple.”"
    assert [r[:4] for r in found(nlp, text)] == [
        ("said", "mixed", "Smith", ["the budget talks could be “difficult,”"]),
        ("adding", "direct", "Smith", ["“Nothing is simple.”"]),
    ]


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


def test_less_common_speech_verbs(nlp):
    text = "Several economists speculated that the bank would raise rates in June."
    assert only(nlp, text)[:4] == (
        "speculated",
        "indirect",
        "Several economists",
        ["that the bank would raise rates in June"],
    )
    text = "The governor chided lawmakers for their slow response to the flooding."
    assert only(nlp, text)[:4] == (
        "chided",
        "indirect",
        "The governor",
        ["lawmakers for their slow response to the flooding"],
    )


def test_voiced_support_for(nlp):
    text = "The mayor voiced support for the new stadium plan."
    assert only(nlp, text)[:4] == (
        "voiced support for",
        "indirect",
        "The mayor",
        ["the new stadium plan"],
    )


def test_painted_as(nlp):
    text = "Critics painted the senator as out of touch with rural voters."
    assert only(nlp, text)[:4] == (
        "painted",
        "indirect",
        "Critics",
        ["the senator as out of touch with rural voters"],
    )


def test_appearing_on_a_show_is_no_attribution(nlp):
    assert found(nlp, "The governor appeared on a morning talk show in Boston.") == []


def test_speaking_after_a_quote_does_not_take_it(nlp):
    text = "“We will not back down,” she said, speaking to reporters outside the court."
    assert [r[0] for r in found(nlp, text)] == ["said"]


def test_found_needs_a_predicate_or_clause(nlp):
    assert found(nlp, "The senator found a way to delay the vote.") == []
    assert only(nlp, "The senator found the proposal unworkable.")[:4] == (
        "found",
        "indirect",
        "The senator",
        ["the proposal unworkable"],
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


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "The markets fell sharply on Monday, wiping out billions in value, according to analysts.",
            "The markets fell sharply on Monday, wiping out billions in value",
        ),
        (
            "The mayor won the first round and lost the second, according to official results.",
            "The mayor won the first round and lost the second",
        ),
    ],
)
def test_according_to_takes_the_whole_clause(nlp, text, content):
    assert only(nlp, text)[3] == [content]


def test_called_on_addressee_to_act(nlp):
    assert only(nlp, "The union called on the city to raise wages for nurses.")[:4] == (
        "called on",
        "indirect",
        "The union",
        ["the city to raise wages for nurses"],
    )


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("“We should oppose that,” Will wrote.", "wrote", "Will"),
        ('"You should have said no," posted Sharon Powers Geyer.', "posted", "Sharon Powers Geyer"),
        (
            '"The pace was very different," Federal Election Commission records show.',
            "show",
            "Federal Election Commission records",
        ),
    ],
)
def test_speaker_the_parser_hung_off_the_subject_slot(nlp, text, cue, source):
    assert only(nlp, text)[0] == cue
    assert only(nlp, text)[2] == source


def test_source_keeps_a_quoted_title_and_a_restrictive_relative_clause(nlp):
    text = "Joe Smith, host of the radio show “Morning Talk,” said the race was over."
    assert only(nlp, text)[2] == "Joe Smith, host of the radio show “Morning Talk,”"
    text = "A woman who has accused the senator of fraud said she would testify."
    assert ("said", "A woman who has accused the senator of fraud") in [
        (r[0], r[2]) for r in found(nlp, text)
    ]


def test_passive_subject_is_not_the_source(nlp):
    assert only(nlp, "The band was instructed to begin playing.")[:4] == (
        "was instructed",
        "indirect",
        None,
        ["to begin playing"],
    )
    # the agent of a passive still is
    assert only(nlp, "The plan was criticized by the mayor as too costly.")[2] == "the mayor"


def test_expletive_it_before_an_infinitive_cue_is_no_source(nlp):
    text = "It is easy to criticize the length of the campaign."
    assert only(nlp, text)[2:4] == (None, ["the length of the campaign"])


def test_source_stops_before_a_reporting_clause_on_its_appositive(nlp):
    text = (
        '"We will focus on local races," said Scott Reed, the group\'s chief strategist,'
        " who added that the plan would cost millions."
    )
    assert [(r[0], r[2]) for r in found(nlp, text)] == [
        ("said", "Scott Reed, the group's chief strategist,"),
        ("added", "who"),
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The report on Wednesday found that wages had risen.", "The report"),
        (
            "Senate Minority Whip Dick Durbin (D-Ill.) in an interview said the vote would fail.",
            "Senate Minority Whip Dick Durbin (D-Ill.)",
        ),
        # a place is part of who it is
        ("Officials in Minnesota said the vote would fail.", "Officials in Minnesota"),
    ],
)
def test_source_leaves_out_when_and_where_it_was_said(nlp, text, source):
    assert only(nlp, text)[2] == source


@pytest.mark.parametrize(
    "text", ["He's long said that taxes are too high.", "She’s said that the vote was rigged."]
)
def test_contracted_has_is_not_a_passive_nor_part_of_the_source(nlp, text):
    assert only(nlp, text)[2] in ("He", "She")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Investigators have no evidence to suggest that the server was hacked.", "Investigators"),
        ("The split gave Democrats an opportunity to attack the plan.", "Democrats"),
    ],
)
def test_infinitive_on_an_object_takes_its_holder(nlp, text, source):
    assert only(nlp, text)[2] == source


def test_source_keeps_its_closing_dash(nlp):
    text = "John Podesta — the former White House chief of staff — said the plan was dead."
    assert only(nlp, text)[2] == "John Podesta — the former White House chief of staff —"


def test_made_no_secret_of(nlp):
    text = "The mayor has made no secret of her dislike for the new tower."
    assert only(nlp, text)[:4] == (
        "has made no secret of",
        "indirect",
        "The mayor",
        ["her dislike for the new tower"],
    )


def test_opening_mark_typed_as_closing_one(nlp):
    text = "“Not this year,“ she said. “Maybe next year.”"
    assert list(quote_spans(text)) == [(0, 16), (27, 45)]
    assert [r[:3] for r in found(nlp, text)] == [("said", "direct", "she")]


def test_unknown_verb_framing_a_quote(nlp):
    text = "“We will win,” Bennett shot back with a laugh."
    assert only(nlp, text)[:4] == ("shot back", "direct", "Bennett", ["“We will win,”"])
    text = "Then the governor gloated: “I told you so.”"
    assert only(nlp, text)[:4] == ("gloated:", "direct", "the governor", ["“I told you so.”"])


def test_unknown_verb_without_a_quote_frame_is_no_cue(nlp):
    assert found(nlp, "“We will win” was printed on every sign, and Bennett laughed.") == []


def test_likened_to(nlp):
    text = "The mayor likened the new tax to a penalty on working families."
    assert only(nlp, text)[:4] == (
        "likened",
        "indirect",
        "The mayor",
        ["the new tax to a penalty on working families"],
    )


def test_as_someone_put_it(nlp):
    text = "As one voter put it, the race is already over."
    assert only(nlp, text)[:4] == (
        "put it",
        "indirect",
        "one voter",
        ["the race is already over"],
    )


def test_be_a_critic_of(nlp):
    text = "The governor has long been a vocal critic of the pipeline."
    assert only(nlp, text)[:4] == (
        "has long been a vocal critic of",
        "indirect",
        "The governor",
        ["the pipeline"],
    )


def test_markup_element_name_is_no_cue(nlp):
    text = (
        '<tweet pic="" author="GovSmith" timestamp="1449075600" tweet_id="672151859491016704">'
        "Praying for those hurt by the storm tonight.</tweet>"
    )
    assert [r for r in found(nlp, text) if r[0].lower().startswith("tweet")] == []


def test_adverbial_clause_with_its_own_speaker_is_kept(nlp):
    text = "Jones insists the plan will pass easily while Smith argues it is doomed."
    assert [r[:4] for r in found(nlp, text)] == [
        (
            "insists",
            "indirect",
            "Jones",
            ["the plan will pass easily while Smith argues it is doomed"],
        ),
        ("argues", "indirect", "Smith", ["it is doomed"]),
    ]


def test_title_case_headline_verb(nlp):
    text = "Veteran Senator Endorses City Council Candidate."
    assert only(nlp, text)[:4] == (
        "Endorses",
        "indirect",
        "Veteran Senator",
        ["City Council Candidate"],
    )
    assert found(nlp, "Angry Voters Crowd City Hall.") == []


def test_particle_makes_a_cue(nlp):
    # "lash", "weigh", "push" and "cast" are cues only with their own particle or preposition
    assert only(nlp, "Trump lashed out at the judge on Friday.")[:4] == (
        "lashed out at",
        "indirect",
        "Trump",
        ["the judge"],
    )
    assert only(nlp, "Clinton weighed in on the debate over trade.")[:4] == (
        "weighed in on",
        "indirect",
        "Clinton",
        ["the debate over trade"],
    )
    assert only(nlp, "Unions pushed for a higher minimum wage.")[:4] == (
        "pushed for",
        "indirect",
        "Unions",
        ["a higher minimum wage"],
    )
    assert only(nlp, "The governor sided with the teachers' union.")[:4] == (
        "sided with",
        "indirect",
        "The governor",
        ["the teachers' union"],
    )
    cue, _, source, content, _ = only(nlp, "Sanders cast his rival as a tool of Wall Street.")
    assert (cue, source, content) == ("cast", "Sanders", ["his rival as a tool of Wall Street"])
    for text in (
        "The crowd pushed the barrier aside.",
        "The director cast a young actor in the film.",
        "The farmer weighed the grain.",
    ):
        assert found(nlp, text) == [], text


def test_repudiate_and_dwell_are_cues(nlp):
    assert only(nlp, "The senator repudiated the group's endorsement.")[:4] == (
        "repudiated",
        "indirect",
        "The senator",
        ["the group's endorsement"],
    )
    cue, _, source, content, _ = only(nlp, "The mayor dwelt on the cost of the stadium.")
    assert (cue, source, content) == ("dwelt on", "The mayor", ["the cost of the stadium"])


def test_threw_support_behind(nlp):
    assert only(nlp, "The union threw its weight behind the mayor.")[:4] == (
        "threw its weight behind",
        "indirect",
        "The union",
        ["the mayor"],
    )
    assert found(nlp, "He threw the ball behind the fence.") == []


def test_issued_a_statement_then_adjunct_then_participle(nlp):
    text = "The town released a statement Wednesday saying the comments were wrong."
    assert only(nlp, text)[:4] == (
        "released a statement Wednesday saying",
        "indirect",
        "The town",
        ["the comments were wrong"],
    )


def test_name_colon_after_a_dashed_topic(nlp):
    text = "Voters sour on the race - Jane Doe: “Turnout fell in every county we studied.”"
    assert only(nlp, text)[:4] == (
        ":",
        "direct",
        "Jane Doe",
        ["“Turnout fell in every county we studied.”"],
    )


def test_name_colon_single_quoted_headline(nlp):
    cue, _, source, content, _ = only(nlp, "Senator Reid: 'Never underestimate the governor.'")
    assert (cue, source, content) == (":", "Senator Reid", ["'Never underestimate the governor.'"])


def test_name_colon_wins_over_a_cue_in_the_headline(nlp):
    cue, _, source, content, _ = only(nlp, "Hillary Clinton: Trump's plan threatens our security.")
    assert (cue, source, content) == (
        ":",
        "Hillary Clinton",
        ["Trump's plan threatens our security"],
    )
    # without a name before it the line's own cue stays
    assert only(nlp, "Voter turnout: Sanders said the numbers were low.")[:3] == (
        "said",
        "indirect",
        "Sanders",
    )


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "The senator's criticism of the new law, which passed in 2010 with few votes, was sharp.",
            "the new law",
        ),
        ("Her support for the tax, which the council passed last year, never wavered.", "the tax"),
    ],
)
def test_comma_relative_clause_after_nominal_cue_content(nlp, text, content):
    # a nominal cue's object drops it as a verb's object does
    assert only(nlp, text)[3] == [content]


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


def test_participle_before_its_noun_is_no_cue(nlp):
    assert found(nlp, "The senator issued a written statement that the report was false.") == []
    assert found(nlp, 'Thousands of self-described "Berners" marched downtown.') == []
    assert found(nlp, 'The group armed the so-called "rebels" last year.') == []
    # no determiner, hyphen or adverb before it: still read as the verb the parse missed
    assert [
        r[0] for r in found(nlp, "Repeated claims that the vote was rigged have not been proven.")
    ] == ["Repeated"]


def test_compare_and_authorize_need_a_source(nlp):
    assert found(nlp, "Compare that to the numbers from last spring.") == []
    text = "The aide spoke on condition of anonymity because he was not authorized to discuss the talks."
    assert [r[0] for r in found(nlp, text)] == []
    assert only(nlp, "The senator compared the tax plan to a Ponzi scheme.")[:4] == (
        "compared",
        "indirect",
        "The senator",
        ["the tax plan to a Ponzi scheme"],
    )
    assert only(nlp, "The board authorized the sale of the building.")[:3] == (
        "authorized",
        "indirect",
        "The board",
    )


def test_seeking_an_office_is_no_attitude(nlp):
    assert found(nlp, "The governor is seeking reelection next year.") == []
    assert found(nlp, "Smith, who is seeking the Republican nomination, spoke in Iowa.") == []
    assert only(nlp, "The governor is seeking federal help for the flooded towns.")[:4] == (
        "is seeking",
        "indirect",
        "The governor",
        ["federal help for the flooded towns"],
    )


def test_question_to_the_reader_about_a_thing(nlp):
    assert found(nlp, "Do you support the new stadium plan?") == []
    assert only(nlp, "Do you think the bill will pass?")[:4] == (
        "think",
        "indirect",
        "you",
        ["the bill will pass"],
    )
    assert only(nlp, "Voters support the new stadium plan.")[:3] == (
        "support",
        "indirect",
        "Voters",
    )


def test_objects_that_make_a_cue_an_action(nlp):
    assert found(nlp, "The totals count pledged delegates and party leaders.") == []
    assert only(nlp, "The senator pledged his support to the mayor.")[:4] == (
        "pledged",
        "indirect",
        "The senator",
        ["his support to the mayor"],
    )


def test_assume_takes_only_a_clause(nlp):
    assert found(nlp, "The governor will assume the presidency of the league in May.") == []
    assert only(nlp, "The aides assumed the vote would be close.")[:4] == (
        "assumed",
        "indirect",
        "The aides",
        ["the vote would be close"],
    )


def test_brief_is_no_cue(nlp):
    # "was briefed on" names who was told, never what anybody holds (1 of 7 right on train)
    assert found(nlp, "The aide was briefed on the details of the plan.") == []


def test_bare_command_to_the_reader_is_no_attribution(nlp):
    assert found(nlp, "Consider the case of the retired teacher in Ohio.") == []
    assert found(nlp, "Just ask the mayor of any small town.") == []
    # a command that introduces speech stays
    assert only(nlp, "Ask yourself: who pays for the new roads?")[:4] == (
        "Ask yourself:",
        "indirect",
        None,
        ["who pays for the new roads"],
    )
    assert only(nlp, "They consider the plan a failure.")[:3] == ("consider", "indirect", "They")


def test_see_ahead_of_the_fact_with_a_noun_object(nlp):
    assert found(nlp, "Workers in the state will see a large raise next year.") == []
    assert found(nlp, "Thousands came to see him at the arena.") == []
    assert only(nlp, "Voters will see the governor as a reformer.")[:4] == (
        "will see",
        "indirect",
        "Voters",
        ["the governor as a reformer"],
    )


def test_relative_that_on_an_object_takes_whoever_put_it_out(nlp):
    text = "The mayor released a video that said the bridge would reopen in May."
    assert only(nlp, text)[:4] == (
        "said",
        "indirect",
        "The mayor",
        ["the bridge would reopen in May"],
    )
    # a relative clause on a subject keeps its pronoun
    text = "Any company that says it is exempt will be fined."
    assert only(nlp, text)[2] == "that"


def test_participle_before_a_quote_keeps_the_subject_before_it(nlp):
    text = (
        "Weaver didn't seem impressed, telling reporters, "
        '"Many people said the governor should resign."'
    )
    telling = [a for a in found(nlp, text) if a[0] == "telling"]
    assert [(a[2], a[3]) for a in telling] == [
        ("Weaver", ['"Many people said the governor should resign."'])
    ]


def test_named_colon_verbless_headline_and_mid_line_name(nlp):
    # a Title Case headline the tagger reads without a verb
    cue, _, source, content, _ = only(nlp, "Jane Doe: Budget Talks Collapse In Final Hour")
    assert (cue, source, content) == (":", "Jane Doe", ["Budget Talks Collapse In Final Hour"])
    # a name opening a sentence in the middle of a line
    text = 'The hall went quiet. Smith: "We will cut taxes for every family."'
    cue, kind, source, content, _ = only(nlp, text)
    assert (cue, kind, source) == (":", "direct", "Smith")
    assert content == ['"We will cut taxes for every family."']
    # a tally line is no statement
    assert found(nlp, "Clinton: 547") == []


def test_asked_if_without_an_addressee(nlp):
    text = "Asked by reporters if he would run again, the governor laughed."
    cue, _, source, content, _ = only(nlp, text)
    assert (cue, source, content) == ("Asked", "reporters", ["if he would run again"])


def test_quote_before_cue_over_a_title_abbreviation(nlp):
    # the full stop of "Dr." does not end the sentence between quote and cue
    cue, kind, source, content, _ = only(nlp, "''Because we care,'' Dr. Jones added at the rally.")
    assert (cue, kind, source, content) == (
        "added",
        "direct",
        "Dr. Jones",
        ["''Because we care,''"],
    )


def test_look_to_infinitive_is_an_intention(nlp):
    text = "The mayor is looking to cut the transit budget."
    assert only(nlp, text) == (
        "is looking",
        "indirect",
        "The mayor",
        ["to cut the transit budget"],
        "intention",
    )
    # looking for something is no attitude
    assert found(nlp, "The mayor is looking for her keys.") == []


def test_nominal_cues_that_stand_without_a_possessor(nlp):
    # the subject of an acting verb holds the attack, and the verb joins the cue
    text = "The senator launched a fierce attack against the governor."
    assert only(nlp, text)[:4] == (
        "launched a fierce attack against",
        "indirect",
        "The senator",
        ["the governor"],
    )
    # a group named before the noun holds it
    text = "The report renewed Democratic calls for an independent inquiry."
    assert only(nlp, text)[:4] == (
        "calls for",
        "indirect",
        "Democratic",
        ["an independent inquiry"],
    )
    # complaints with a "that" clause report even without anyone named
    text = "There were complaints that the park was closed too early."
    assert only(nlp, text)[:4] == (
        "complaints",
        "indirect",
        None,
        ["that the park was closed too early"],
    )
    # a won endorsement is the other way round and stays out
    assert found(nlp, "The mayor won the endorsement of the union.") == []


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


def test_chants_of_a_quote(nlp):
    text = 'The senator walked in to loud chants of "Four more years!"'
    assert only(nlp, text)[:4] == ("loud chants of", "direct", None, ['"Four more years!"'])
    text = 'Their chants of "Recount now!" filled the hall.'
    assert only(nlp, text)[:4] == ("chants of", "direct", "Their", ['"Recount now!"'])


def test_distanced_himself_from_and_disavowed(nlp):
    text = "The governor quickly distanced himself from the tax plan."
    assert only(nlp, text)[:4] == (
        "quickly distanced himself from",
        "indirect",
        "The governor",
        ["the tax plan"],
    )
    text = "The senator has since disavowed the remarks."
    assert only(nlp, text)[:4] == (
        "has since disavowed",
        "indirect",
        "The senator",
        ["the remarks"],
    )


def test_small_cue_verbs_posit_mull_foresee(nlp):
    text = "Several analysts have posited that the tariff will backfire."
    assert only(nlp, text) == (
        "have posited",
        "indirect",
        "Several analysts",
        ["that the tariff will backfire"],
        "speech",
    )
    cue, _, source, content, cls = only(nlp, "The committee is mulling a second vote.")
    assert (cue, source, content, cls) == (
        "is mulling",
        "The committee",
        ["a second vote"],
        "belief",
    )


def test_small_nominal_cues_and_strive(nlp):
    cue, _, source, content, cls = only(nlp, "Her reluctance to debate frustrated the party.")
    assert (cue, source, content, cls) == ("reluctance", "Her", ["to debate"], "intention")
    text = "His disagreements with the mayor's budget are well known."
    assert only(nlp, text)[:4] == (
        "disagreements with",
        "indirect",
        "His",
        ["the mayor's budget"],
    )
    assert only(nlp, "Both teams strive to win the title.")[:4] == (
        "strive",
        "indirect",
        "Both teams",
        ["to win the title"],
    )


def test_pleaded_guilty_to(nlp):
    text = "In 2012, the donor pleaded guilty to making illegal contributions."
    assert only(nlp, text)[:4] == (
        "pleaded guilty",
        "indirect",
        "the donor",
        ["to making illegal contributions"],
    )


def test_convince_takes_only_a_clause(nlp):
    text = "The campaign is trying to convince voters that the plan is affordable."
    assert only(nlp, text)[:4] == (
        "is trying to convince",
        "indirect",
        "The campaign",
        ["that the plan is affordable"],
    )
    # with an infinitive it is an action: only the outer cue reports
    cues = [r[0] for r in found(nlp, "She hopes to convince the board to sell the building.")]
    assert cues == ["hopes"]


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


def test_quote_paragraph_signed_with_a_dash(nlp):
    text = '"We will rebuild every bridge in this state."\n\n- Jane Doe.\n'
    assert only(nlp, text)[:4] == (
        "-",
        "direct",
        "Jane Doe",
        ['"We will rebuild every bridge in this state."'],
    )
    # a dashed subheading after a quote names nobody
    assert found(nlp, '"We will rebuild every bridge."\n\n– Ready for the vote –.\n') == []


def test_transcript_turns_with_capitalised_names(nlp):
    text = (
        "JANE ROE: Why not hold the vote today?\n\n"
        "JOHN DOE: Because the council has not read the bill yet.\n\n"
        "ROE: Then the council should read it tonight.\n"
    )
    turns = [(r[0], r[2], r[3]) for r in found(nlp, text)]
    assert (":", "ROE", ["Then the council should read it tonight"]) in turns
    # a lone capitalised label is no speaker
    assert [
        r[0] for r in found(nlp, "UPDATE: The council voted on Tuesday to delay the bill.")
    ] == ["voted"]


def test_more_from_x_colon_quote(nlp):
    text = (
        "Turnout was low. More from the survey: “Only a third of young voters went to the polls.”"
    )
    assert only(nlp, text)[:4] == (
        ":",
        "direct",
        "the survey",
        ["“Only a third of young voters went to the polls.”"],
    )


def test_editors_note_describes_and_does_not_report(nlp):
    text = "The mayor is a reckless spender who has repeatedly promised to cut the ferry budget."
    assert only(nlp, text)[0] == "has repeatedly promised"
    assert found(nlp, "Editor’s note: " + text) == []
    # as are the outlet's notes on the article itself
    text = "This story has been updated to note that the mayor signed the ferry bill."
    assert found(nlp, text) == []
    text = "Correction: An earlier version of this story stated that the ferry would be free."
    assert found(nlp, text) == []


def test_colon_line_with_a_few_words_is_a_caption(nlp):
    assert found(nlp, "Marta Quill: Keep going.") == []
    text = "Marta Quill: The ferry budget will be cut by half next spring."
    assert only(nlp, text)[:4] == (
        ":",
        "indirect",
        "Marta Quill",
        ["The ferry budget will be cut by half next spring"],
    )


def test_participle_after_a_document_names_its_author_not_a_report(nlp):
    text = 'The town will screen "Low Tide," a film written by two local teachers.'
    assert found(nlp, text) == []


def test_agentless_can_be_found_reports_nothing(nlp):
    assert found(nlp, "The full survey can be found here.") == []
    assert found(nlp, "The old ferry can be seen from the bridge.") == []


def test_speaking_without_its_linking_word_is_an_event(nlp):
    text = "Speaking in Lisbon, the minister repeated that the port would stay open."
    assert [a[0] for a in found(nlp, text)] == ["repeated"]
    assert only(nlp, "The harbour master spoke about the dredging plan.")[:4] == (
        "spoke about",
        "indirect",
        "The harbour master",
        ["the dredging plan"],
    )


def test_challenger_in_an_election_is_no_cue(nlp):
    text = "Ana Ruiz, who is challenging the mayor for her seat, opened an office."
    assert found(nlp, text) == []
    text = "Ana Ruiz, who challenged the mayor to debate her, opened an office."
    assert only(nlp, text)[0] == "challenged"


def test_figure_to_is_a_forecast_figure_out_a_thought(nlp):
    assert found(nlp, "Many of the smaller towns figure to lose funding next year.") == []
    text = "The mayor is still figuring out how to pay for the ferry."
    assert only(nlp, text)[3] == ["how to pay for the ferry"]


def test_appearing_describes_a_look_or_a_venue(nlp):
    text = "Appearing more relaxed than usual, the mayor walked to the stage and thanked the volunteers."
    assert [a[0] for a in found(nlp, text)] == ["thanked"]
    text = "An essay appearing in the local paper argued that the ferry should be free."
    assert [a[0] for a in found(nlp, text)] == ["argued"]


def test_a_cue_verb_under_help_is_a_contribution(nlp):
    assert found(nlp, "Cheap rents help explain why the district is growing.") == []
    assert found(nlp, "The weather will help determine who wins the race.") == []


def test_perfect_relative_clause_on_a_subject_is_background(nlp):
    text = "Ana Ruiz, who has not endorsed a candidate, told reporters that the race was close."
    assert [a[0] for a in found(nlp, text)] == ["told"]
    # on an object it stays
    text = "The council heard from a farmer who has endorsed the mayor."
    assert only(nlp, text)[:4] == ("has endorsed", "indirect", "who", ["the mayor"])


def test_floating_quantifier_stays_out_of_the_source(nlp):
    text = "Ana Ruiz and Tom Hale both said the ferry should be free."
    assert only(nlp, text)[2] == "Ana Ruiz and Tom Hale"
    assert only(nlp, "The councillors all agreed that the ferry should be free.")[2] == (
        "The councillors"
    )
    # a reflexive stays
    assert only(nlp, "The mayor herself said the ferry should be free.")[2] == "The mayor herself"


def test_continue_with_a_plain_verb_is_aspect(nlp):
    assert found(nlp, "Her permit was still valid, so she continued to renew it.") == []
    assert only(nlp, "“We will keep going,” she continued.")[:3] == ("continued", "direct", "she")


def test_fighting_and_arming_are_not_stances(nlp):
    text = "The talks went on amid increased attacks on U.S. troops by armed groups."
    assert found(nlp, text) == []
    assert found(nlp, "The province supports many armed groups in the hills.") == []
    # the same words about a position or a person still report
    text = "The senator supports a larger military role in the region."
    assert only(nlp, text)[:4] == (
        "supports",
        "indirect",
        "The senator",
        ["a larger military role in the region"],
    )
    text = "The mayor's attack on the governor's budget drew cheers."
    assert only(nlp, text)[2:4] == ("The mayor's", ["the governor's budget"])


def test_a_title_case_headline_stays_one_sentence(nlp):
    # without punctuation the parser cut this after "Reflects" and the claim lost its end
    text = (
        "Iran Says US Troop Withdrawal From Ain al-Asad Reflects Growing Security "
        "Cooperation With Iraq\n\nThe minister spoke in Tehran."
    )
    assert only(nlp, text)[:4] == (
        "Says",
        "indirect",
        "Iran",
        ["US Troop Withdrawal From Ain al-Asad Reflects Growing Security Cooperation With Iraq"],
    )
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents][1] == "The minister spoke in Tehran."
    # the last line of a text gets the same treatment
    doc = nlp("The minister spoke in Tehran.\n" + text.split("\n")[0])
    assert len(list(doc.sents)) == 2


def test_a_semicolon_in_a_headline_starts_a_second_headline(nlp):
    # the parser made the Houthis' claim the object of the Pentagon's denial
    text = (
        "Houthis say they hit US destroyer in Red Sea; Pentagon denies ship was hit\n\n"
        "The Pentagon said no ship was struck; no damage was reported.\n"
    )
    claims = {(cue, source, tuple(content)) for cue, _, source, content, _ in found(nlp, text)}
    assert ("denies", "Pentagon", ("ship was hit",)) in claims
    assert ("say", "Houthis", ("they hit US destroyer in Red Sea",)) in claims
    # in a punctuated line the parser still decides
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents][2:] == [
        "The Pentagon said no ship was struck; no damage was reported."
    ]


def test_a_semicolon_before_a_new_subject_starts_a_new_sentence(nlp):
    # the parser made "Safadi said ..." the content of "he warned": Safadi's
    # claim was lost and the warning carried the wrong words
    text = (
        "Safadi said Jordan backed the Egyptian plan; he warned, however, that "
        "continued settler violence could undermine any deal."
    )
    claims = {(cue, source, tuple(content)) for cue, _, source, content, _ in found(nlp, text)}
    assert claims == {
        ("said", "Safadi", ("Jordan backed the Egyptian plan",)),
        ("warned", "he", ("that continued settler violence could undermine any deal",)),
    }
    text = "The Pentagon said no ship was struck; the Houthis said the destroyer was hit."
    claims = {(cue, source, tuple(content)) for cue, _, source, content, _ in found(nlp, text)}
    assert ("said", "the Houthis", ("the destroyer was hit",)) in claims
    assert ("said", "The Pentagon", ("no ship was struck",)) in claims


def test_a_semicolon_inside_a_quote_or_before_a_clause_without_subject_stays(nlp):
    text = '"It cannot be contained; it must be defeated," Clinton said.'
    assert only(nlp, text)[:4] == (
        "said",
        "direct",
        "Clinton",
        ['"It cannot be contained; it must be defeated,"'],
    )
    doc = nlp(
        "The plan was costly; critics said so. Officials said delays were likely; some said worse."
    )
    assert len(list(doc.sents)) == 2


def test_a_thing_that_threatens_is_a_risk_not_a_speaker(nlp):
    assert found(nlp, "The escalation threatens to derail ongoing peace efforts.") == []
    assert found(nlp, "It threatens the work the council did last year.") == []
    text = "The union threatened to strike if the council cut wages."
    assert only(nlp, text)[:3] == ("threatened", "indirect", "The union")
    text = "Some angry farmers threaten to block the road."
    assert only(nlp, text)[2] == "Some angry farmers"


@pytest.mark.parametrize(
    "text, statement",
    [
        (
            "One senior European diplomat, who asked not to be named, said the offer came too late.",
            "the offer came too late",
        ),
        (
            "Two Iraqi security sources, who were not authorised to speak to the media, "
            "said the convoy had been hit.",
            "the convoy had been hit",
        ),
        (
            "His lawyer, who declined to be named, said the case against him was weak.",
            "the case against him was weak",
        ),
        (
            "A spokesperson, who asked not to be identified under department rules, said "
            "Washington was in contact with both governments.",
            "Washington was in contact with both governments",
        ),
        (
            "Two officials, who spoke on condition of anonymity because they were not "
            "authorised to brief the media, said the attacks came from a splinter faction.",
            "the attacks came from a splinter faction",
        ),
        (
            "An Israeli official, speaking on condition of anonymity to discuss sensitive "
            "matters, said talks had stalled.",
            "talks had stalled",
        ),
        (
            "A source close to the prime minister, who spoke on condition that he not be "
            "named, said Sudani had warned the factions.",
            "Sudani had warned the factions",
        ),
    ],
)
def test_an_anonymity_formula_is_not_a_claim(nlp, text, statement):
    # Why a source goes unnamed is the outlet's sourcing note, not something
    # the source asserted; only the statement that follows is a claim.
    (result,) = found(nlp, text)
    assert result[0] == "said" and result[3] == [statement]


def test_a_request_for_anonymity_is_the_sources_own_request(nlp):
    # PolNeAR annotates "requested anonymity to ..." as an attribution.
    text = "The aide, who requested anonymity to speak freely, said the race was close."
    assert [r[0] for r in found(nlp, text)] == ["requested", "said"]


def test_a_statement_that_mentions_a_permission_is_still_a_claim(nlp):
    text = "Reporters were not allowed to speak to detainees, the ministry said."
    cue, _, source, content, _ = only(nlp, text)
    assert (cue, source, content) == (
        "said",
        "the ministry",
        ["Reporters were not allowed to speak to detainees"],
    )
    assert only(nlp, "The official asked the court to release the detainees.")[0] == "asked"


def test_a_statement_inside_a_relay_stays_with_its_speaker(nlp):
    text = "Araqchi said on Tuesday that Tehran would never accept foreign bases, IRNA reported."
    found_ = {a.cue_text: a for a in find_attributions(nlp(text))}
    assert set(found_) == {"said", "reported"}
    inner = found_["said"]
    assert inner.relayed_by == "IRNA"
    assert text[inner.source[0][0] : inner.source[0][1]] == "Araqchi"
    assert [text[s:e] for s, e in inner.content] == ["that Tehran would never accept foreign bases"]
    assert found_["reported"].relayed_by is None
    text = "According to a readout from his office, Sudani said Iraq would stay neutral."
    inner = next(a for a in find_attributions(nlp(text)) if a.cue_text == "said")
    assert inner.relayed_by == "a readout from his office"
    text = "The prime minister stressed the need for calm, his spokesman said."
    inner = next(a for a in find_attributions(nlp(text)) if a.cue_text == "stressed")
    assert inner.relayed_by == "his spokesman"


def test_a_statement_inside_another_speakers_claim_is_not_relayed(nlp):
    # Trump's account of what Clinton said is Trump's claim, not Clinton's
    assert [a[0] for a in found(nlp, "Trump said Clinton said she would raise taxes.")] == ["said"]
    assert only(nlp, "Trump said Clinton said she would raise taxes.")[2] == "Trump"


def test_a_quote_inside_the_clause_a_relay_closes_is_not_the_relays_content(nlp):
    text = 'Araqchi said that Tehran would "never accept" foreign bases, IRNA reported.'
    assert ['"never accept"'] not in [a[3] for a in found(nlp, text)]
    # a quote that opens the sentence still belongs to the cue after it
    text = "“We will respond,” Araqchi, the foreign minister, told reporters."
    assert only(nlp, text)[3] == ["“We will respond,”"]


def test_quoted_as_saying_is_the_quoted_persons_claim(nlp):
    text = "The mayor's office quoted her as saying that the ferry would be free."
    found_ = {a.cue_text: a for a in find_attributions(nlp(text))}
    inner = found_["saying"]
    assert text[inner.source[0][0] : inner.source[0][1]] == "her"
    assert [text[s:e] for s, e in inner.content] == ["that the ferry would be free"]
    assert inner.relayed_by == "The mayor's office"
    # the office's own attribution stays, as PolNeAR scores it
    assert found_["quoted"].relayed_by is None


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


def test_a_readout_relays_what_it_reports(nlp):
    text = "Lavrov told Fidan that Moscow would stay, the Russian ministry said in a readout."
    inner = next(a for a in find_attributions(nlp(text)) if a.cue_text == "told")
    assert inner.relayed_by == "the Russian ministry"
    # said without a document: the ministry's own claim about Lavrov
    text = "Lavrov told Fidan that Moscow would stay, the Russian ministry said."
    assert [a.cue_text for a in find_attributions(nlp(text))] == ["said"]


def test_a_headlines_comma_list_is_the_whole_source(nlp):
    text = "Iran, Iraq pledge closer security ties\n"
    assert only(nlp, text)[2] == "Iran, Iraq"
    # the parser took "Iraq" for a modifier of the verb: Iran agreed alone
    text = "Iraq, Iran agree to tighten border security after militia attacks\n"
    assert only(nlp, text)[2] == "Iraq, Iran"
    # a country of two words: the comma hangs on "Arabia"
    text = "Saudi Arabia, Iran pledge to keep diplomatic channels open\n"
    assert only(nlp, text)[2] == "Saudi Arabia, Iran"


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


def test_attributing_a_cause_is_a_belief(nlp):
    text = "The mayor attributed the delay to the storm."
    assert only(nlp, text) == (
        "attributed",
        "indirect",
        "The mayor",
        ["the delay to the storm"],
        "belief",
    )


def test_remarks_carried_by_a_medium_name_the_relay(nlp):
    text = "Araqchi said in remarks carried by state media that Iran would respond."
    (a,) = find_attributions(nlp(text))
    assert a.relayed_by == "state media" and not a.nested
    assert [text[s:e] for s, e in a.content] == ["that Iran would respond"]


def test_a_that_clause_the_parser_hung_on_the_medium_is_the_content(nlp):
    text = "Khamenei said in a speech broadcast by state television that Iran would not yield."
    (a,) = find_attributions(nlp(text))
    assert [text[s:e] for s, e in a.content] == ["that Iran would not yield"]
    assert a.relayed_by == "state television"


def test_was_quoted_as_saying_is_the_quoted_persons_claim(nlp):
    text = "The mayor was quoted by the local paper as saying that the ferry would be free."
    inner = next(a for a in find_attributions(nlp(text)) if a.cue_text == "saying")
    assert text[inner.source[0][0] : inner.source[0][1]] == "The mayor"
    assert inner.relayed_by == "the local paper" and inner.nested
    text = "The mayor was quoted as saying that the ferry would be free."
    inner = next(a for a in find_attributions(nlp(text)) if a.cue_text == "saying")
    assert inner.relayed_by is None and inner.nested


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
