"""Claim groups: the seed pairs, speakers, figures, short texts, time window."""

from __future__ import annotations

import json

import pytest

from loader.matching.candidates import score_pair
from loader.matching.normalise import claim_text
from tests.matching_corpus import Corpus

SEED_002_IRAQ = "We are working to reach a shared security cooperation agreement with Iraq"
SEED_004_IRAQ = (
    "We are striving to reach a shared security cooperation agreement with Iraq, while "
    "continuing to strengthen security and military collaboration between our two countries"
)
SEED_002_TIES = "Iran is ready to expand economic, cultural, and political ties"
SEED_004_TIES = "Iran is ready to expand economic, political, and cultural cooperation with Iraq"
OTHER_STATEMENT = (
    "both countries are creating a framework to strengthen security cooperation with Iraq"
)


@pytest.fixture
def corpus(tmp_path):
    return Corpus(tmp_path / "m.db")


def test_seed_pairs_are_one_group_each(corpus):
    a = corpus.quoted("Abbas Araghchi", SEED_002_IRAQ, outlet="One")
    b = corpus.quoted("Abbas Araghchi", SEED_004_IRAQ, outlet="Two")
    c = corpus.quoted("Abbas Araghchi", SEED_002_TIES, outlet="One", kind="indirect")
    d = corpus.quoted("Abbas Araghchi", SEED_004_TIES, outlet="Two", kind="indirect")
    e = corpus.quoted("Abbas Araghchi", OTHER_STATEMENT, outlet="Three", kind="indirect")
    corpus.match()
    assert corpus.group_of(a) == corpus.group_of(b)
    assert corpus.group_of(c) == corpus.group_of(d)
    groups = {corpus.group_of(x) for x in (a, c, e)}
    assert len(groups) == 3, "different statements sharing topic words stay apart"
    assert corpus.group(a)["claims_count"] == 2


def test_different_speakers_never_grouped_or_suggested(corpus):
    a = corpus.quoted("Abbas Araghchi", SEED_004_IRAQ, outlet="One")
    b = corpus.quoted("Fuad Hussein", SEED_004_IRAQ, outlet="Two")
    corpus.match()
    assert corpus.group_of(a) != corpus.group_of(b)
    assert corpus.db["claim_group_suggestions"].count == 0


def test_claims_without_a_speaker_are_not_grouped(corpus):
    a = corpus.quoted("Abbas Araghchi", SEED_004_IRAQ)
    article = corpus.article(f"Someone said “{SEED_004_IRAQ}”.")
    b = corpus.claim(article, None, SEED_004_IRAQ)
    corpus.match()
    assert corpus.group_of(a) != corpus.group_of(b)


def test_changed_figure_keeps_group_and_flags_conflict(corpus):
    text = "around {} MoUs would be finalized during the visit, covering political and security affairs"
    a = corpus.quoted("Masoud Pezeshkian", text.format(15), outlet="One", kind="indirect")
    b = corpus.quoted("Masoud Pezeshkian", text.format(14), outlet="Two", kind="indirect")
    c = corpus.quoted(
        "Masoud Pezeshkian",
        "MoUs would be finalized during the visit, covering political and security affairs",
        outlet="Three",
        kind="indirect",
    )
    corpus.match()
    assert corpus.group_of(a) == corpus.group_of(b) == corpus.group_of(c)
    group = corpus.group(a)
    assert group["status"] == "conflicting"
    figures = {(f["value"], tuple(f["claim_ids"])) for f in json.loads(group["conflict"])}
    assert figures == {("15", (a,)), ("14", (b,))}


def test_leaving_a_figure_out_is_not_a_conflict(corpus):
    a = corpus.quoted(
        "Masoud Pezeshkian",
        "around 15 MoUs would be finalized during the visit, covering political affairs",
        outlet="One",
    )
    b = corpus.quoted(
        "Masoud Pezeshkian",
        "MoUs would be finalized during the visit, covering political affairs",
        outlet="Two",
    )
    corpus.match()
    assert corpus.group_of(a) == corpus.group_of(b)
    assert corpus.group(a)["status"] != "conflicting"
    assert corpus.group(a)["conflict"] is None


def test_changed_date_is_a_conflict(corpus):
    text = "the new border crossing between the two countries will open on {} 5 next year"
    a = corpus.quoted("Fuad Hussein", text.format("March"), outlet="One")
    b = corpus.quoted("Fuad Hussein", text.format("April"), outlet="Two")
    corpus.match()
    assert corpus.group_of(a) == corpus.group_of(b)
    assert corpus.group(a)["status"] == "conflicting"
    kinds = {f["kind"] for f in json.loads(corpus.group(a)["conflict"])}
    assert kinds == {"date"}


def test_short_texts_are_only_suggested(corpus):
    a = corpus.quoted("Fuad Hussein", "The talks were very constructive", outlet="One")
    b = corpus.quoted("Fuad Hussein", "The talks were very constructive", outlet="Two")
    corpus.match()
    assert corpus.group_of(a) != corpus.group_of(b)
    rows = list(corpus.db["claim_group_suggestions"].rows)
    assert [(r["claim_id"], r["other_claim_id"], r["state"]) for r in rows] == [(a, b, "pending")]


def test_a_different_name_blocks_automatic_grouping():
    a = claim_text("Iran is ready to expand economic and political cooperation with Iraq soon")
    b = claim_text("Iran is ready to expand economic and political cooperation with Syria soon")
    pair = score_pair(a, b)
    assert pair.score >= 0.5 and not pair.auto


def test_time_window_blocks_distant_claims(corpus):
    a = corpus.quoted("Fuad Hussein", SEED_004_IRAQ, outlet="One", published="2025-01-01")
    b = corpus.quoted("Fuad Hussein", SEED_004_IRAQ, outlet="Two", published="2025-09-01")
    c = corpus.quoted("Fuad Hussein", SEED_004_IRAQ, outlet="Three", published="2025-01-05")
    corpus.match()
    assert corpus.group_of(a) == corpus.group_of(c)
    assert corpus.group_of(a) != corpus.group_of(b)


def test_group_signals_first_appearance_and_independence(corpus):
    story = (
        "Officials met in the capital on Sunday to discuss border trade, water sharing and "
        "the return of refugees, in talks both sides described as long overdue."
    )
    origin = corpus.article(
        f"Fuad Hussein said: “{SEED_004_IRAQ}”. {story}", "Wire", "2025-01-02", "https://w/1"
    )
    copy = corpus.article(
        f"Fuad Hussein said: “{SEED_004_IRAQ}”. {story} More later.", "Copier", "2025-01-03"
    )
    own = corpus.article(
        f"In an interview, Fuad Hussein said: “{SEED_004_IRAQ}”.", "Reporter", "2025-01-04"
    )
    first = corpus.claim(origin, "Fuad Hussein", SEED_004_IRAQ)
    corpus.claim(copy, "Fuad Hussein", SEED_004_IRAQ)
    corpus.claim(own, "Fuad Hussein", SEED_004_IRAQ)
    corpus.match()
    group = corpus.group(first)
    assert group["claims_count"] == 3
    assert group["outlets_count"] == 3
    assert group["independent_outlets_count"] == 2
    assert group["status"] == "corroborated"
    assert group["first_claim_id"] == first
    assert group["first_article_id"] == origin
    assert group["first_published"] == "2025-01-02"


def test_copies_alone_do_not_corroborate(corpus):
    text = (
        f"Fuad Hussein said: “{SEED_004_IRAQ}”. The talks will continue on Monday in Baghdad, "
        "where the two delegations are expected to sign a memorandum on border trade."
    )
    a = corpus.article(text, "Wire", "2025-01-02")
    b = corpus.article(text + " Reporting by staff.", "Copier", "2025-01-03")
    first = corpus.claim(a, "Fuad Hussein", SEED_004_IRAQ)
    corpus.claim(b, "Fuad Hussein", SEED_004_IRAQ)
    corpus.match()
    group = corpus.group(first)
    assert (group["outlets_count"], group["independent_outlets_count"]) == (2, 1)
    assert group["status"] == "single-source"


def test_an_ambiguous_excerpt_does_not_chain_two_statements(corpus):
    opening = "We will never accept foreign forces on our soil under any circumstances"
    a = corpus.quoted(
        "Fuad Hussein", opening + " and parliament has voted to end the mission", outlet="One"
    )
    b = corpus.quoted(
        "Fuad Hussein", opening + " because our army can now defend every province", outlet="Two"
    )
    excerpt = corpus.quoted("Fuad Hussein", opening, outlet="Three")
    corpus.match()
    assert corpus.group_of(a) != corpus.group_of(b)
    assert corpus.group_of(excerpt) in {corpus.group_of(a), corpus.group_of(b)}


def test_outlet_claims_group_with_each_other_only(corpus):
    fact = "The border crossing at Mandali reopened to trucks and passenger traffic on Sunday"
    one = corpus.article(f"{fact}, officials at the site confirmed.", outlet="One")
    two = corpus.article(f"{fact}, according to local traders.", outlet="Two")
    three = corpus.article(f"Fuad Hussein said: “{fact}”.", outlet="Three")
    a = corpus.claim(one, None, fact, kind="outlet")
    b = corpus.claim(two, None, fact, kind="outlet")
    c = corpus.claim(three, "Fuad Hussein", fact)
    corpus.match()
    assert corpus.group_of(a) == corpus.group_of(b)
    assert corpus.group_of(c) != corpus.group_of(a)
    # the two outlets printed the same sentence: wording reuse, one source
    assert corpus.group(a)["independent_outlets_count"] == 1


def test_two_claims_of_one_article_are_never_grouped(corpus):
    text = "Trump leads the overall race for delegates with {} after the vote in Iowa"
    article = corpus.article(f"{text.format(61)}. Later: {text.format(55)}.", outlet="One")
    a = corpus.claim(article, None, text.format(61), kind="outlet")
    b = corpus.claim(article, None, text.format(55), kind="outlet")
    corpus.match()
    assert corpus.group_of(a) != corpus.group_of(b)


def test_an_excerpt_with_a_different_figure_is_only_suggested(corpus):
    one = corpus.article("It takes 1,237 delegates to win the Republican nomination for president.")
    two = corpus.article("It takes 2,383 delegates to win the nomination.")
    a = corpus.claim(
        one,
        None,
        "It takes 1,237 delegates to win the Republican nomination for president",
        "outlet",
    )
    b = corpus.claim(two, None, "It takes 2,383 delegates to win the nomination", "outlet")
    corpus.match()
    assert corpus.group_of(a) != corpus.group_of(b)
    assert corpus.db["claim_group_suggestions"].count == 1


def test_a_figure_changed_days_later_is_an_update_not_a_conflict(corpus):
    text = "Including superdelegates, Clinton now has at least {} delegates and Sanders has {}"
    a = corpus.quoted("AP", text.format(503, 70), "One", "2016-02-10", kind="indirect")
    b = corpus.quoted("AP", text.format(866, 90), "Two", "2016-03-02", kind="indirect")
    c = corpus.quoted("AP", text.format(501, 70), "Three", "2016-02-11", kind="indirect")
    corpus.match()
    assert corpus.group_of(a) == corpus.group_of(c)
    assert corpus.group_of(a) != corpus.group_of(b)
    assert corpus.group(a)["status"] == "conflicting"


def test_a_long_quote_does_not_merge_two_statements_of_one_article(corpus):
    first = "The fact that her schedule was full of meetings with donors is further evidence"
    second = "It would be a dereliction of duty if they fail to act on these revelations"
    one = corpus.article(f"Mike Pence said “{first}”. He added “{second}”.", outlet="One")
    a = corpus.claim(one, "Mike Pence", first)
    b = corpus.claim(one, "Mike Pence", second)
    both = corpus.quoted("Mike Pence", f"{first}. {second}", outlet="Two")
    corpus.match()
    assert corpus.group_of(a) != corpus.group_of(b)
    assert corpus.group_of(both) in {corpus.group_of(a), corpus.group_of(b)}


def test_dates_written_differently_agree(corpus):
    a = corpus.quoted(
        "AP", "the next Republican debate is scheduled for Dec. 15 on CNN in Las Vegas", "One"
    )
    b = corpus.quoted(
        "AP", "the next Republican debate is scheduled for December 15th on CNN in Las Vegas", "Two"
    )
    corpus.match()
    assert corpus.group_of(a) == corpus.group_of(b)
    assert corpus.group(a)["conflict"] is None
