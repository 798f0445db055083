"""Roles and titles (``coref_roles``, the title handling of ``coref_names``):
a role phrase names the person the article introduced with it; a title
describes the speaker and is never part of the name.
"""

from __future__ import annotations

import pytest
from coref_cases import S, check_extracted, check_resolved

P = pytest.param

LEDE = (
    "BAGHDAD (AP) — Iraq's prime minister on Sunday rejected calls to disarm the "
    "country's militias, saying they were part of the security forces.\n\n"
    "{second}\n\nThe prime minister added that Iraq would not become a launching pad."
)


@pytest.mark.parametrize(
    "text, mentions, expected",
    [
        P(
            "Iraqi Foreign Minister Fuad Hussein arrived in Tehran on Sunday. "
            "The Iraqi top diplomat said the visit would deepen ties.",
            ["The Iraqi top diplomat"],
            [S(speaker="Fuad Hussein", speaker_description="Iraqi Foreign Minister")],
            id="role-is-the-introduced-person",
        ),
        P(
            "Iran's Foreign Minister Abbas Araghchi hosted Iraqi Foreign Minister Fuad Hussein. "
            "The Iranian foreign minister said security cooperation is deepening.",
            ["The Iranian foreign minister"],
            [S(speaker="Abbas Araghchi")],
            id="role-of-the-right-nationality",
        ),
        P(
            "The Iranian foreign minister said security cooperation is deepening.",
            ["The Iranian foreign minister"],
            [
                S(
                    speaker="Iranian foreign minister",
                    speaker_kind="person",
                    speaker_description="Iranian foreign minister",
                )
            ],
            id="role-never-introduced-stays-a-role",
        ),
        P(
            "Iraqi Foreign Minister Fuad Hussein arrived in Tehran on Sunday. "
            "The Iraqi top diplomat said the visit would deepen ties. He added that talks "
            "went well.",
            ["The Iraqi top diplomat", "He"],
            [
                S(speaker="Fuad Hussein", speaker_aliases=["Fuad Hussein", "Iraqi top diplomat"]),
                S(speaker="Fuad Hussein", speaker_aliases=["Fuad Hussein", "Iraqi top diplomat"]),
            ],
            id="role-phrase-and-titled-name-become-aliases",
        ),
        P(
            "Turkish Foreign Minister Hakan Fidan spoke with his Russian counterpart Sergey "
            "Lavrov on Saturday. Lavrov told Fidan that Moscow would stay. "
            "The minister also said the talks were useful.",
            ["Lavrov", "The minister"],
            [S(speaker="Sergey Lavrov"), S(speaker="Sergey Lavrov")],
            id="role-prefers-the-last-sentences-subject",
        ),
        P(
            "Speaking at a joint press conference in Tehran with his Iraqi counterpart Fuad "
            "Hussein on Sunday, Iranian Foreign Minister Abbas Araghchi said ties were deep. "
            "Hussein said the visit was useful.",
            [("Hussein", 2)],
            [S(speaker="Fuad Hussein", speaker_description="Iraqi Foreign Minister")],
            id="counterpart-borrows-the-title-with-its-own-nationality",
        ),
        P(
            LEDE.format(
                second="Mohammed Shia al-Sudani made the remarks during a meeting with "
                "tribal leaders."
            ),
            ["Iraq's prime minister", "The prime minister"],
            [
                S(
                    speaker="Mohammed Shia al-Sudani",
                    speaker_description="Iraq's prime minister",
                ),
                S(speaker="Mohammed Shia al-Sudani"),
            ],
            id="lede-role-is-the-official-who-made-the-remarks",
        ),
        # someone else is named next: the lede's role stays unnamed
        P(
            LEDE.format(
                second="Hadi al-Amiri, who leads the Badr Organization, said the groups "
                "would not disarm."
            ),
            ["Iraq's prime minister"],
            [S(speaker="Iraq's prime minister")],
            id="lede-role-not-handed-to-whoever-is-named-next",
        ),
        # the remarks are somebody else's reaction, far from the lede
        P(
            LEDE.format(
                second="Analysts were surprised.\n\nThe mood was tense.\n\n"
                "Hadi al-Amiri made the remarks public on Monday."
            ),
            ["Iraq's prime minister"],
            [S(speaker="Iraq's prime minister")],
            id="lede-role-not-handed-to-remarks-far-away",
        ),
        P(
            "Secretary-General Antonio Guterres urged restraint. A spokesperson for Guterres, "
            "Stephane Dujarric, said the U.N. was concerned. Gov. John Kasich of Ohio, a "
            "Republican, said he would not endorse.",
            [
                "A spokesperson for Guterres, Stephane Dujarric,",
                "Gov. John Kasich of Ohio, a Republican,",
            ],
            [
                S(
                    speaker="Stephane Dujarric",
                    speaker_description="spokesperson for Guterres",
                ),
                S(speaker="John Kasich"),
            ],
            id="role-for-someone-then-a-name-is-the-named-person",
        ),
        P(
            "Iran's president, Masoud Pezeshkian, left on his first trip abroad on Wednesday. "
            "Pezeshkian said the visit would strengthen ties.",
            [("Pezeshkian", 2)],
            [S(speaker="Masoud Pezeshkian", speaker_description="Iran's president")],
            id="title-in-apposition-before-the-name",
        ),
        P(
            "Masoud Pezeshkian, the Iranian president, said the visit would strengthen ties.",
            ["Masoud Pezeshkian, the Iranian president"],
            [S(speaker="Masoud Pezeshkian", speaker_description="Iranian president")],
            id="title-in-apposition-after-the-name",
        ),
        P(
            "Saudi Arabia's foreign minister, Prince Faisal bin Farhan, said the kingdom "
            "supports a ceasefire.",
            ["Saudi Arabia's foreign minister, Prince Faisal bin Farhan"],
            [
                S(
                    speaker="Faisal bin Farhan",
                    speaker_kind="person",
                    speaker_description="Saudi Arabia's foreign minister",
                )
            ],
            id="royal-title-in-apposition",
        ),
        P(
            "Douglas Holtz-Eakin, an economist who served as director of the Congressional "
            "Budget Office, said the plan would cost more.",
            ["Douglas Holtz-Eakin, an economist who served as director"],
            [S(speaker="Douglas Holtz-Eakin", speaker_description="economist")],
            id="long-apposition-keeps-only-the-role",
        ),
        P(
            "John Dickey, the chief executive of Ora Media -- the production company -- said "
            "the show would continue.",
            ["John Dickey, the chief executive of Ora Media"],
            [S(speaker="John Dickey", speaker_description="chief executive of Ora Media")],
            id="dash-inside-an-apposition-is-not-a-dateline",
        ),
        P(
            "Talks ended with Barack Obama, the prime minister looked ashen. Obama said so.",
            [("Obama", 2)],
            [S(speaker_description=None)],
            id="apposition-closed-by-punctuation-not-by-a-verb",
        ),
        P(
            "Masoud Pezeshkian, the Iranian president who took office in July, spoke. "
            "Pezeshkian said so.",
            [("Pezeshkian", 2)],
            [S(speaker_description="Iranian president")],
            id="apposition-with-a-relative-clause",
        ),
        P(
            "If the Syrian refugees President Barack Obama wants to admit pose such a risk, "
            "the laws must change. Obama said the checks were strict.",
            ["Obama"],
            [S(speaker="Barack Obama", speaker_description="President")],
            id="plural-noun-before-a-title-is-not-part-of-it",
        ),
        P(
            "If the Syrian refugees President Obama, Hillary Clinton, and other Democrats "
            "want to admit pose a risk, they are wrong.",
            ["the Syrian refugees President Obama, Hillary Clinton, and other Democrats"],
            [S(speaker="Obama", speaker_description="President")],
            id="only-the-title-right-before-the-name",
        ),
        P(
            "David Axelrod, a former senior adviser to Mr. Obama, spoke. "
            "Obama said the plan would work.",
            [("Obama", 2)],
            [S(speaker="Obama", speaker_description=None)],
            id="a-title-of-someone-else-is-not-the-names",
        ),
        P(
            "Bill Clinton was president. Don Fowler, who helmed the DNC during Bill Clinton's "
            "presidency, said the rules were fair.",
            ["Don Fowler, who helmed the DNC during Bill Clinton's presidency"],
            [S(speaker="Don Fowler", speaker_description=None)],
            id="name-before-the-comma-with-a-relative-clause",
        ),
        P(
            "Chad Bown, an expert on trade at the Peterson Institute, said tariffs would rise.",
            ["Chad Bown, an expert on trade at the Peterson Institute"],
            [
                S(
                    speaker="Chad Bown",
                    speaker_description="expert on trade at the Peterson Institute",
                )
            ],
            id="name-before-the-comma-with-a-role",
        ),
        P(
            "A lawyer for the news outlets, David Schulz, said the ruling was welcome.",
            ["A lawyer for the news outlets, David Schulz"],
            [S(speaker="David Schulz", speaker_description="lawyer for the news outlets")],
            id="role-before-the-comma-and-the-name",
        ),
        # "Secretary of State Marco Rubio" made a person called "State Marco Rubio"
        # (on PolNeAR train: John Kerry, Hillary Clinton, Madeleine Albright and 9
        # others, 42 claims).
        P(
            "U.S. Secretary of State Marco Rubio urged Baghdad to rein in the groups.",
            ["U.S. Secretary of State Marco Rubio"],
            [S(speaker="Marco Rubio", speaker_description="U.S. Secretary of State")],
            id="title-with-of-secretary-of-state",
        ),
        P(
            "Chancellor of the Exchequer Rachel Reeves said taxes would rise.",
            ["Chancellor of the Exchequer Rachel Reeves"],
            [S(speaker="Rachel Reeves", speaker_description="Chancellor of the Exchequer")],
            id="title-with-of-the-exchequer",
        ),
        P(
            "Minister of Foreign Affairs Ayman Safadi said Jordan would not take part.",
            ["Minister of Foreign Affairs Ayman Safadi"],
            [S(speaker="Ayman Safadi", speaker_description="Minister of Foreign Affairs")],
            id="title-with-of-foreign-affairs",
        ),
        P(
            "The leader of the Anti-Defamation League, Jonathan Greenblatt, warned "
            "that such a ban would be unacceptable.",
            ["The leader of the Anti-Defamation League, Jonathan Greenblatt,"],
            [
                S(
                    speaker="Jonathan Greenblatt",
                    speaker_description="leader of the Anti-Defamation League",
                )
            ],
            id="title-with-of-before-a-comma",
        ),
        P(
            "Bank of America CEO Brian Moynihan said rates would fall.",
            ["Bank of America CEO Brian Moynihan"],
            [S(speaker="Brian Moynihan", speaker_description="Bank of America CEO")],
            id="of-after-a-non-title-stays-in-the-name-phrase",
        ),
        P(
            "Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani said talks had "
            "stalled. Former minister Mohammad Javad Zarif said diplomacy was the only way. "
            "Sheikh Mohammed told reporters that both sides had shown flexibility.",
            [
                "Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani",
                "Former minister Mohammad Javad Zarif",
                "Sheikh Mohammed",
            ],
            [
                S(speaker="Mohammed bin Abdulrahman Al Thani"),
                S(),
                S(speaker="Mohammed bin Abdulrahman Al Thani"),
            ],
            id="gulf-title-goes-with-the-given-name",
        ),
        # old check: not Elizabeth Warren
        P(
            "Senator Elizabeth Warren spoke first. Queen Elizabeth said the visit had been a "
            "pleasure.",
            ["Queen Elizabeth"],
            [S(speaker="Elizabeth")],
            id="royal-title-does-not-go-with-an-introduced-given-name",
        ),
    ],
)
def test_roles_and_titles(nlp, text, mentions, expected):
    check_resolved(nlp, text, mentions, expected)


LEDE_ROLE = (
    "CAIRO (Reuters) - Israel's prime minister cautioned on Tuesday that details "
    "were still being finalised.\n\n{later}\n"
)


@pytest.mark.parametrize(
    "text, expected",
    [
        # the article gives the role to one named person further down
        P(
            LEDE_ROLE.format(
                later="Israeli Prime Minister Benjamin Netanyahu's office denied the reports."
            ),
            [S(speaker="Benjamin Netanyahu"), S(speaker="Benjamin Netanyahu's office")],
            id="lede-role-takes-the-one-name-the-article-gives-it",
        ),
        # a name without the title does not tie the role to it
        P(
            LEDE_ROLE.format(later='"We are close," Benjamin Netanyahu told reporters.'),
            [S(speaker="Israel's prime minister"), S(speaker="Benjamin Netanyahu")],
            id="lede-role-and-a-name-without-the-title",
        ),
        # two people carry the title: which one the lede means is not said
        P(
            LEDE_ROLE.format(
                later="Israeli Prime Minister Benjamin Netanyahu met former Israeli Prime "
                "Minister Naftali Bennett."
            ),
            [S(speaker="Israel's prime minister")],
            id="lede-role-two-people-carry-the-title",
        ),
        # it was a role-only speaker called "Iran's top diplomat Abbas Araqchi",
        # a row of its own beside the Araqchi every other article names
        P(
            "Iran's top diplomat Abbas Araqchi said Tehran was ready to resume talks.",
            [S(speaker="Abbas Araqchi", speaker_kind="person")],
            id="name-after-an-owned-title",
        ),
        P(
            "Nevada's governor, Brian Sandoval, a Republican, said he had voted early.",
            [S(speaker="Brian Sandoval", speaker_kind="person")],
            id="name-after-an-owned-title-and-comma",
        ),
        # Qatar's Sheikh Mohammed comes later; "Prince Mohammed" is the crown prince
        P(
            "Saudi Crown Prince Mohammed bin Salman told Iran's president that the kingdom "
            "rejected any attack. Prince Mohammed also stressed Iran's sovereignty. "
            "Qatar's prime minister, Sheikh Mohammed bin Abdulrahman Al Thani, told CNN "
            "that the region could not afford another war.",
            [
                S(speaker="Mohammed bin Salman"),
                S(speaker="Mohammed bin Salman"),
                S(speaker="Mohammed bin Abdulrahman Al Thani"),
            ],
            id="given-name-title-goes-to-the-person-introduced-so-far",
        ),
        # the body after "to the" was taken for the speaker's name: an organization
        # called "Iran's ambassador to the IAEA"
        P(
            "Iran's ambassador to the IAEA, Reza Najafi, rejected the criticism.",
            [
                S(
                    speaker="Reza Najafi",
                    speaker_kind="person",
                    speaker_description="Iran's ambassador to the IAEA",
                )
            ],
            id="title-to-a-body-before-a-comma",
        ),
        P(
            "Iran's ambassador to the United Nations, Amir Saeid Iravani, rejected it.",
            [
                S(
                    speaker="Amir Saeid Iravani",
                    speaker_kind="person",
                    speaker_description="Iran's ambassador to the United Nations",
                )
            ],
            id="title-to-the-united-nations-before-a-comma",
        ),
        # "His Iranian counterpart, Abbas Araqchi," was a group of that name
        P(
            "Saudi Foreign Minister Faisal bin Farhan said the kingdom was committed. "
            "His Iranian counterpart, Abbas Araqchi, described the talks as frank.",
            [
                S(speaker="Faisal bin Farhan", speaker_kind="person"),
                S(speaker="Abbas Araqchi", speaker_kind="person"),
            ],
            id="role-before-a-comma-names-the-person-after-it",
        ),
    ],
)
def test_roles_and_titles_in_whole_articles(text, expected):
    check_extracted(text, expected)
