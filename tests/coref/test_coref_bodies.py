"""Bodies, offices and groups (``coref_bodies``, the head rules of
``coref_heads``): a ministry, a statement, an office or campaign, unnamed
sources; a name inside a modifier or a possessive is not the speaker.
"""

from __future__ import annotations

import pytest
from coref_cases import S, check_extracted, check_resolved

P = pytest.param


@pytest.mark.parametrize(
    "text, mentions, expected",
    [
        P(
            "The Iranian Foreign Ministry summoned the envoy on Monday. "
            "The ministry said the remarks were unacceptable.",
            ["The ministry"],
            [S(speaker="Iranian Foreign Ministry", speaker_kind="organization")],
            id="the-ministry-named-before",
        ),
        P(
            "Iran's Foreign Ministry summoned the Swiss envoy on Monday. "
            "The ministry said the remarks were unacceptable.",
            ["The ministry"],
            [S(speaker="Iran's Foreign Ministry", speaker_kind="organization")],
            id="the-ministry-keeps-its-country",
        ),
        P(
            "According to a statement from the Russian Foreign Ministry, both diplomats "
            "conceded the urgent need for coordinated action.",
            ["a statement from the Russian Foreign Ministry"],
            [S(speaker="Russian Foreign Ministry", speaker_kind="organization")],
            id="a-statement-from-it",
        ),
        P(
            "Damascus said the Western states are aiding terrorist groups.",
            ["Damascus"],
            [S(speaker="Damascus", speaker_kind="organization")],
            id="a-place-for-its-government",
        ),
        P(
            "Hezbollah said it had fired rockets.",
            ["Hezbollah"],
            [S(speaker="Hezbollah", speaker_kind="organization", speaker_description=None)],
            id="hezbollah",
        ),
        P(
            "IRNA reported that the minister had arrived.",
            ["IRNA"],
            [S(speaker="IRNA", speaker_kind="organization", speaker_description=None)],
            id="news-agency-acronym",
        ),
        P(
            "The semi-official Tasnim news agency reported that the talks failed.",
            ["The semi-official Tasnim news agency"],
            [
                S(
                    speaker="Tasnim news agency",
                    speaker_kind="organization",
                    speaker_description=None,
                )
            ],
            id="news-agency-without-its-rating",
        ),
        P(
            "The Central and East European Coalition said the vote mattered.",
            ["The Central and East European Coalition"],
            [S(speaker_kind="organization")],
            id="one-organisation-named-with-and-is-not-split",
        ),
        P(
            "Ukraine's air force said 87 of the drones had been shot down.",
            ["Ukraine's air force"],
            [S(speaker="Ukraine's air force", speaker_kind="organization")],
            id="a-countrys-air-force",
        ),
        # Not the country: Iran's mission to the UN is a body of its own, with its
        # own timeline (old check: not the country, and the last word of the body).
        P(
            "Iran's mission to the United Nations in Geneva warned that a resolution "
            "would trigger a response.",
            ["Iran's mission to the United Nations in Geneva"],
            [
                S(
                    speaker="Iran's mission to the United Nations in Geneva",
                    speaker_kind="organization",
                )
            ],
            id="a-mission-speaks-for-itself",
        ),
        P(
            "Iraq's delegation to the Arab League said it rejected the proposal.",
            ["Iraq's delegation to the Arab League"],
            [S(speaker="Iraq's delegation to the Arab League", speaker_kind="organization")],
            id="a-delegation-speaks-for-itself",
        ),
        P(
            "The U.N. nuclear watchdog said Iran had expanded its stockpile.",
            ["The U.N. nuclear watchdog"],
            [S(speaker="U.N. nuclear watchdog", speaker_kind="organization")],
            id="a-watchdog-speaks-for-itself",
        ),
        # one speaker with the articles that write "Hezbollah"
        P(
            "Hezbollah said it would respond. Lebanon's Hezbollah also said it was ready.",
            ["Hezbollah", "Lebanon's Hezbollah"],
            [
                S(speaker="Hezbollah"),
                S(
                    speaker="Hezbollah",
                    speaker_kind="organization",
                    speaker_aliases=["Hezbollah", "Lebanon's Hezbollah"],
                ),
            ],
            id="a-place-owning-a-body-is-not-part-of-its-name",
        ),
        P(
            "The department erred, according to a report from the State Department's "
            "inspector general to be released Thursday.",
            ["a report from the State Department's inspector general"],
            [S(speaker="State Department's inspector general")],
            id="a-report-is-by-its-author",
        ),
        P(
            "A report about the integration of immigrants issued by the Organization for "
            "Economic Cooperation and Development found gaps.",
            [
                "A report about the integration of immigrants issued by the Organization"
                " for Economic Cooperation and Development"
            ],
            [S(speaker="Organization for Economic Cooperation and Development")],
            id="a-report-is-by-its-issuer-not-its-topic",
        ),
    ],
)
def test_bodies(nlp, text, mentions, expected):
    check_resolved(nlp, text, mentions, expected)


@pytest.mark.parametrize(
    "text, mentions, expected",
    [
        P(
            "The two ministers spoke on Saturday, the Turkish foreign ministry said. "
            "They agreed to keep working on a ceasefire, according to the statement.",
            ["the Turkish foreign ministry", "the statement"],
            [
                S(speaker="Turkish foreign ministry", speaker_kind="organization"),
                S(speaker="Turkish foreign ministry"),
            ],
            id="the-statement-is-the-last-one-reported",
        ),
        # "a statement" is a new one, from nobody yet named
        P(
            "Prices rose, the bank said. The plan failed, according to a statement.",
            ["the bank", "a statement"],
            [S(), S(speaker=None)],
            id="a-statement-is-a-new-one",
        ),
        # "the statement added" went to the analyst quoted just before it
        P(
            "The ministers agreed to tighten border security, according to a joint statement. "
            "Araghchi told Al Jazeera that Tehran respects Iraq's decisions. "
            "The statement said both sides would set up a committee.",
            ["a joint statement", "Araghchi", ("statement", 2)],
            [S(), S(), S(speaker=None)],
            id="the-statement-is-the-one-named-before-not-the-last-speaker",
        ),
        P(
            "But a separate statement issued by the Sanders campaign late Tuesday was notable. "
            "Tad Devine said the campaign would go on. "
            "Instead, the statement talked about giving voters a choice.",
            ["Tad Devine", ("statement", 2)],
            [S(), S(speaker="Sanders campaign")],
            id="the-statement-issued-by-a-campaign",
        ),
        # with no statement named before, the last one reported
        P(
            "The Turkish Foreign Ministry said talks would resume. The statement said more.",
            ["The Turkish Foreign Ministry", "statement"],
            [S(), S(speaker="Turkish Foreign Ministry")],
            id="no-statement-named-before",
        ),
    ],
)
def test_statements(nlp, text, mentions, expected):
    check_resolved(nlp, text, mentions, expected)


@pytest.mark.parametrize(
    "text, mentions, expected",
    [
        P(
            "Analysts note the U.S. presence in Iraq has long been contentious.",
            ["Analysts"],
            [S(speaker="analysts", speaker_kind="group", speaker_description=None)],
            id="analysts",
        ),
        P(
            "According to Iraqi officials, Hussein's talks will focus on bilateral relations.",
            ["Iraqi officials"],
            [S(speaker="Iraqi officials", speaker_kind="group", speaker_description=None)],
            id="iraqi-officials",
        ),
        P(
            "Experts say joint security measures could help.",
            ["Experts"],
            [S(speaker="experts", speaker_kind="group", speaker_description=None)],
            id="experts",
        ),
        P(
            "A senior official said the talks had stalled.",
            ["A senior official"],
            [S(speaker="senior official", speaker_kind="group", speaker_description=None)],
            id="a-senior-official",
        ),
        P(
            "Analysts were split. One said the plan would fail.",
            ["One"],
            [S(speaker_kind="group")],
            id="a-bare-one-is-a-group-not-a-crash",
        ),
        P(
            "Hillary Clinton spoke in Ohio. Clinton supporters said the debate went well.",
            ["Clinton supporters"],
            [S(speaker="Clinton supporters", speaker_kind="group")],
            id="head-supporters",
        ),
        P(
            "Hillary Clinton spoke. Clinton supporters said she won.",
            ["Clinton supporters"],
            [S(speaker_kind="group")],
            id="a-real-plural-stays-a-group",
        ),
        P(
            "Hillary Clinton spoke in Ohio. The Clinton campaign said the debate went well.",
            ["The Clinton campaign"],
            [S(speaker="Clinton campaign", speaker_kind="organization")],
            id="head-campaign",
        ),
        P(
            "Hillary Clinton spoke in Ohio. A spokeswoman for Hillary Clinton said it went well.",
            ["A spokeswoman for Hillary Clinton"],
            [S(speaker="spokeswoman for Hillary Clinton", speaker_kind="group")],
            id="head-spokeswoman-for",
        ),
        P(
            "Donald Trump spoke in Ohio. Donald Trump's tweet said the debate was rigged.",
            ["Donald Trump's tweet"],
            [S(speaker="Donald Trump", speaker_kind="person")],
            id="head-tweet-is-the-owners",
        ),
        P(
            "Sen. Lindsey Graham (R-S.C.) said the bill would pass.",
            ["Sen. Lindsey Graham (R-S.C.)"],
            [S(speaker="Lindsey Graham", speaker_kind="person")],
            id="head-name-with-party-and-state",
        ),
        # a possessive names the owner only when the owner speaks through it, and
        # the phrase is never an alias of the person it mentions
        P(
            "Ben Carson spoke in Iowa on Monday. Ben Carson's wife said he would stay in the race.",
            ["Ben Carson's wife"],
            [
                S(
                    speaker="Ben Carson's wife",
                    speaker_kind="group",
                    speaker_aliases=["Ben Carson's wife"],
                )
            ],
            id="possessive-wife-is-not-the-owner",
        ),
        P(
            "Donald Trump spoke in Ohio. Donald Trump's campaign manager said the rally was big.",
            ["Donald Trump's campaign manager"],
            [
                S(
                    speaker="Donald Trump's campaign manager",
                    speaker_kind="person",
                    speaker_aliases=["Donald Trump's campaign manager"],
                )
            ],
            id="possessive-campaign-manager-is-not-the-owner",
        ),
        P(
            "Hillary Clinton's attack on Donald Trump suggested a new strategy, aides said.",
            ["Hillary Clinton's attack on Donald Trump"],
            [
                S(
                    speaker="Hillary Clinton",
                    speaker_kind="person",
                    speaker_aliases=["Hillary Clinton"],
                )
            ],
            id="possessive-attack-is-the-owners",
        ),
        # old check: not Hillary Clinton, and a group
        P(
            "Hillary Clinton spoke in Iowa on Monday. Later, some of Clinton's allies said "
            "the race was close.",
            ["some of Clinton's allies"],
            [S(speaker="some of Clinton's allies", speaker_kind="group")],
            id="name-inside-some-of-allies",
        ),
        P(
            "Hillary Clinton spoke in Iowa on Monday. Later, a Clinton ally said the race "
            "was close.",
            ["a Clinton ally"],
            [S(speaker="Clinton ally", speaker_kind="group")],
            id="name-inside-an-ally",
        ),
        P(
            "Hillary Clinton spoke in Iowa on Monday. Later, another source familiar with "
            "Clinton's thinking said the race was close.",
            ["another source familiar with Clinton's thinking"],
            [
                S(
                    speaker="another source familiar with Clinton's thinking",
                    speaker_kind="group",
                )
            ],
            id="name-inside-a-source-familiar-with",
        ),
    ],
)
def test_groups_and_possessives(nlp, text, mentions, expected):
    check_resolved(nlp, text, mentions, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "The talks went well, the official Saudi Press Agency reported.",
            [S(speaker="Saudi Press Agency", speaker_kind="organization")],
            id="how-an-outlet-rates-a-body-official",
        ),
        P(
            "The state-run Syrian Arab News Agency said the talks went well.",
            [S(speaker="Syrian Arab News Agency", speaker_kind="organization")],
            id="how-an-outlet-rates-a-body-state-run",
        ),
        P(
            "Lebanese Prime Minister Nawaf Salam said the cabinet would meet. "
            "Salam's office said in a statement that the meeting was postponed.",
            [S(speaker="Nawaf Salam"), S(speaker="Nawaf Salam's office")],
            id="office-named-after-its-owner-as-resolved",
        ),
        P(
            "Lebanese Prime Minister Nawaf Salam's office said the meeting was postponed.",
            [S(speaker="Nawaf Salam's office")],
            id="office-of-a-titled-owner",
        ),
        # an owner nobody introduced stays as written
        P(
            "Netanyahu's office said the delegation would leave on Sunday.",
            [S(speaker="Netanyahu's office")],
            id="office-of-an-owner-nobody-introduced",
        ),
        # two Clintons: whose campaign it is, the text does not say
        P(
            "Bill Clinton praised his wife. Hillary Clinton said she would win. "
            "Clinton's campaign said it expected a close race.",
            [
                S(speaker="Bill Clinton"),
                S(speaker="Hillary Clinton"),
                S(speaker="Clinton's campaign"),
            ],
            id="campaign-of-an-ambiguous-owner",
        ),
        # "his office": the office of the man the pronoun is; his words it
        # passes on stay his, relayed by the office
        P(
            "Prime Minister Mohammed Shia al-Sudani met Araghchi later in the day. "
            'The prime minister stressed the need for "calm and restraint," his office said.',
            [S(speaker="Mohammed Shia al-Sudani"), S(speaker="Mohammed Shia al-Sudani's office")],
            id="his-office",
        ),
        # the near-spelling match made "Yemen's Houthis" Abdul Malik al-Houthi
        P(
            "Yemen's Houthis say they will halt Red Sea attacks\n\n"
            "The group's leader Abdul Malik al-Houthi said in a speech that attacks would stop.",
            [
                S(speaker="Yemen's Houthis", speaker_kind="group"),
                S(speaker="Abdul Malik al-Houthi", speaker_kind="person"),
            ],
            id="plural-of-a-surname-is-a-group",
        ),
        P(
            "Bill Clinton and Hillary Clinton arrived. The Clintons said they were pleased.",
            [S(speaker="Clintons")],
            id="the-clintons-are-a-group",
        ),
        # with nobody of that name in the article, "the Houthis" are still not a person
        P(
            "The Houthis said they would stop the attacks.",
            [S(speaker="Houthis", speaker_kind="group")],
            id="the-houthis-alone-are-a-group",
        ),
        # a surname that ends in "s" is still the person
        P(
            "Senator Bernie Sanders spoke in Iowa. Sanders said he would stay in the race.",
            [S(speaker="Bernie Sanders")],
            id="a-surname-ending-in-s-is-the-person",
        ),
    ],
)
def test_bodies_in_whole_articles(text, expected):
    check_extracted(text, expected)
