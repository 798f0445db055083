"""Pronouns and plural references (``coref_pronouns``): who each mention is.

Source spans are given by hand (the span finder is tested elsewhere), so each
case checks only whom the resolver decides the mention names.
"""

from __future__ import annotations

import pytest
from coref_cases import S, check_extracted, check_resolved

P = pytest.param

SUDANI = (
    "Iraqi Prime Minister Mohammed Shia al-Sudani later received Araghchi. "
    "Sudani said Iraq continues to make vigorous diplomatic efforts. "
    '"What is happening in Syria is inseparable from the events in Gaza," he said.'
)


@pytest.mark.parametrize(
    "text, mentions, expected",
    [
        P(
            SUDANI,
            [("Sudani", 2), "he"],
            [S(speaker="Mohammed Shia al-Sudani"), S(speaker="Mohammed Shia al-Sudani")],
            id="he-is-the-previous-speaker",
        ),
        # aliases are names, never pronouns
        P(
            SUDANI,
            [("Sudani", 2), "he"],
            [
                S(speaker_aliases=["Mohammed Shia al-Sudani", "Sudani"]),
                S(speaker_aliases=["Mohammed Shia al-Sudani", "Sudani"]),
            ],
            id="aliases-of-he-are-the-names",
        ),
        P(
            "Iran's Foreign Minister Abbas Araghchi met Iraqi Foreign Minister Fuad Hussein. "
            "Araghchi spoke at a joint press conference in Tehran with Fuad Hussein. "
            "Moreover, he said both countries are creating a framework.",
            ["he"],
            [S(speaker="Abbas Araghchi", speaker_description="Iran's Foreign Minister")],
            id="the-subject-before-a-later-object",
        ),
        P(
            "Mr. Lavrov met Ms. Baerbock in Berlin on Monday. She said the talks were difficult.",
            ["She"],
            [S(speaker="Baerbock", speaker_kind="person")],
            id="she-skips-a-man-named-mr",
        ),
        P(
            "He said the talks were useful.",
            ["He"],
            [S(speaker=None)],
            id="unresolvable-stays-unknown",
        ),
        P(
            "Russian Foreign Minister Sergey Lavrov spoke by phone with his counterparts. "
            "Lavrov and Iranian Foreign Minister Abbas Araghchi reaffirmed their commitment "
            "to Syria's sovereignty. They condemned the recent surge in terrorist activity.",
            ["They"],
            [S(speaker="Sergey Lavrov"), S(speaker="Abbas Araghchi")],
            id="they-after-a-joint-subject",
        ),
        P(
            "Officials said the two countries will continue consultations. "
            "They said security agreements would be finalised.",
            ["Officials", "They"],
            [S(speaker="officials"), S(speaker="officials", speaker_kind="group")],
            id="they-is-a-group-speaker",
        ),
        # looking back gave the PKK's "it" to the regional government named just before
        P(
            "Kurdistan Regional Government spokesman Peshawa Hawramani said the reports "
            "were being investigated. Ankara has long accused Baghdad of failing to rein "
            "in the PKK, which it considers a terrorist organisation.",
            ["Ankara", "it"],
            [S(speaker="Ankara"), S(speaker="Ankara")],
            id="it-in-a-clause-hung-on-the-sentence-is-its-subject",
        ),
        P(
            "The talks ended on Sunday. BAGHDAD (AP) — Iraq's Foreign Ministry summoned "
            "the Turkish ambassador to protest what it called violations of sovereignty.",
            ["it"],
            [S(speaker="Iraq's Foreign Ministry")],
            id="it-after-a-dateline-is-the-subject",
        ),
        P(
            "Hillary Clinton spoke first. Mark Dayton is backing Hillary Clinton, "
            "but he is not predicting she will win Minnesota.",
            ["he"],
            [S(speaker="Mark Dayton")],
            id="he-in-a-coordinated-clause-is-its-subject",
        ),
        # the subject is a woman: "he" goes back to the man named before
        P(
            "Senator Tim Kaine spoke on Monday. Mrs. Clinton praised the plan, "
            "which he called a model for the country.",
            ["he"],
            [S(speaker="Tim Kaine")],
            id="a-bound-pronoun-must-fit-its-subject",
        ),
        # "him" (Trump) is no vote for Clinton's gender; "her husband" is Bill's
        P(
            "Hillary Clinton said, “I didn’t know him that well.” Clinton and her husband, "
            "former President Bill Clinton, attended the wedding. She said it would be fun.",
            ["She"],
            [S(speaker="Hillary Clinton")],
            id="her-husband-keeps-she-off-him",
        ),
        P(
            "Donald Trump and his wife, Melania Trump, arrived on Monday. "
            "She said the trip was long.",
            ["She"],
            [S(speaker="Melania Trump")],
            id="his-wife-is-she",
        ),
        P(
            "Hillary Clinton spoke first. Bill Clinton, her husband, spoke next. "
            "She said it would be fun.",
            ["She"],
            [S(speaker="Hillary Clinton")],
            id="her-husband-in-apposition",
        ),
        # Bill is named first, so without the vote "Mrs. Clinton" would go to him
        P(
            "In a year when Bill Clinton's record faced scrutiny, Hillary Clinton is shaping "
            "the role her husband would play. Mrs. Clinton told voters that Mr. Clinton would "
            "lead the economy. Mr. Clinton said little.",
            ["Mrs. Clinton", ("Mr. Clinton", 2)],
            [S(speaker="Hillary Clinton"), S(speaker="Bill Clinton")],
            id="a-possessive-pronoun-votes-for-the-subject-gender",
        ),
        P(
            "Mrs. Clinton offered a message of stability on Monday. "
            "For Hillary Clinton, the vote was a warning. "
            "Mrs. Clinton and former President Bill Clinton have worried for months. "
            "Mrs. Clinton said the economy must work for everyone. "
            "Mr. Clinton said little.",
            [("Mrs. Clinton", 3), "Mr. Clinton"],
            [S(speaker="Hillary Clinton"), S(speaker="Bill Clinton")],
            id="an-honorific-picks-the-first-introduced-of-its-gender",
        ),
    ],
)
def test_pronouns(nlp, text, mentions, expected):
    check_resolved(nlp, text, mentions, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a pronoun that reports someone by name is someone else
        P(
            "Paul Reyes met Tom Okafor on Monday. He says Okafor knows full well "
            "that the law is clear.",
            [S(speaker="Paul Reyes")],
            id="he-is-not-the-man-his-content-names",
        ),
        P(
            "Tom Okafor endorsed Paul Reyes. He calls Okafor's endorsement a betrayal.",
            [S(speaker="Tom Okafor"), S(speaker="Paul Reyes")],
            id="he-is-not-the-man-his-content-names-by-possessive",
        ),
        # but a name the reporter writes before the pronoun may be its antecedent
        P(
            "Singer Tom Reyes gave an interview to the BBC on Monday. "
            "Reyes feels partly to blame for the rift with his manager, he has said.",
            [S(speaker="Tom Reyes")],
            id="a-lead-that-names-the-speaker-before-he-has-said",
        ),
        # and a name in the speaker's own quoted words is someone else
        P(
            'Paul Reyes met Tom Okafor on Monday. "Okafor knows the law," he said.',
            [S(speaker="Paul Reyes")],
            id="he-is-not-the-man-his-quote-names",
        ),
        # a possessive in the source is no such pronoun: his office speaks for him
        P(
            "Prime Minister Tom Okafor met envoys later in the day. "
            'The prime minister stressed the need for "calm and restraint," his office said.',
            [S(speaker="Tom Okafor"), S(speaker="Tom Okafor's office")],
            id="his-office-may-pass-on-his-words",
        ),
    ],
)
def test_pronouns_in_extracted_attributions(text, expected):
    check_extracted(text, expected)
