"""Names as UK and Commonwealth copy writes them (issue 14, part 4).

One short passage of our own per convention; source spans are given by hand,
as in tests/coref/, so each test checks only whom the resolver decides
the mention names and how the name is written.
"""

from __future__ import annotations

import re

import pytest

from loader.nlp import get_nlp
from tests.coref_helpers import resolve


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def test_post_nominal_is_description_not_name(nlp):
    text = (
        "John Smith QC told the court the evidence was thin. "
        "Mr Smith said the jury should acquit. Smith added that the case was weak."
    )
    attrs = resolve(nlp, text, "John Smith QC", "Mr Smith", "Smith")
    assert [a.speaker for a in attrs] == ["John Smith"] * 3
    assert attrs[0].speaker_description == "QC"
    assert not any("QC" in alias for alias in attrs[0].speaker_aliases)


def test_post_nominal_of_a_member_of_parliament(nlp):
    text = "Labour's Anne Barker MP said the bill was unfair. Ms Barker said it would fail."
    attrs = resolve(nlp, text, "Labour's Anne Barker MP", "Ms Barker")
    assert [a.speaker for a in attrs] == ["Anne Barker", "Anne Barker"]


def test_courtesy_titles_without_full_stops_give_gender(nlp):
    text = (
        "Margaret Hale and Peter Hale appeared at the hearing. "
        "Mrs Hale said she was innocent. Mr Hale said he had never seen the money."
    )
    attrs = resolve(nlp, text, "Mrs Hale", "Mr Hale")
    assert [a.speaker for a in attrs] == ["Margaret Hale", "Peter Hale"]


def test_peerage_title_is_no_part_of_the_name(nlp):
    text = (
        "Lord Archer of Weston was cleared last year. "
        "Lord Archer said he was relieved. Baroness Grey said the verdict was fair."
    )
    attrs = resolve(nlp, text, ("Lord Archer", 2), "Baroness Grey")
    assert attrs[0].speaker == "Archer"
    assert attrs[1].speaker == "Grey"


def test_judicial_title_before_the_name(nlp):
    text = (
        "Mr Justice Harwood presided over the trial at the Old Bailey. "
        "The sentence must deter others, Mr Justice Harwood said."
    )
    (a,) = resolve(nlp, text, ("Mr Justice Harwood", 2))
    assert a.speaker == "Harwood"
    assert "Justice" not in a.speaker


def test_role_word_before_the_name_is_the_description(nlp):
    text = (
        "Prosecutor Jane Doe told the jury the defendant had lied. "
        "Jane Doe QC said the letters proved it. Miss Doe said the defendant knew."
    )
    attrs = resolve(nlp, text, "Prosecutor Jane Doe", "Jane Doe QC", "Miss Doe")
    assert [a.speaker for a in attrs] == ["Jane Doe"] * 3
    assert attrs[0].speaker_kind == "person"
    assert "Prosecutor" in (attrs[0].speaker_description or "")
    assert all(not alias.startswith("Prosecutor") for alias in attrs[0].speaker_aliases)


@pytest.mark.parametrize(
    "role",
    ["Detective Inspector", "Chief Constable", "Defence counsel", "Presenter", "BBC1 controller"],
)
def test_role_words_never_open_a_name(nlp, role):
    text = f"{role} Mark Fenwick said the inquiry was over. Fenwick said more would follow."
    attrs = resolve(nlp, text, f"{role} Mark Fenwick", "Fenwick")
    assert [a.speaker for a in attrs] == ["Mark Fenwick", "Mark Fenwick"]


def test_a_participle_never_starts_a_name(nlp):
    text = (
        "Tom Baxter, 41, admitted the theft at the crown court. "
        "Sentencing Baxter, the judge said he had betrayed his employer. "
        "Thrilled Baxter said he would appeal."
    )
    attrs = resolve(nlp, text, "the judge", "Thrilled Baxter")
    assert attrs[1].speaker == "Tom Baxter"
    assert "Thrilled" not in " ".join(attrs[1].speaker_aliases)


def test_names_ending_in_ed_or_ing_stay_names(nlp):
    text = "Mohammed Harding said the deal was done. Harding said talks went well."
    attrs = resolve(nlp, text, "Mohammed Harding", "Harding")
    assert [a.speaker for a in attrs] == ["Mohammed Harding", "Mohammed Harding"]


def test_wire_slug_before_a_name_is_no_alias(nlp):
    text = (
        "COURTS Baxter was jailed for two years yesterday.\n"
        "Tom Baxter, 41, of Leeds, admitted the theft. Baxter said he was sorry."
    )
    attrs = resolve(nlp, text, "COURTS Baxter", "Baxter")
    assert all(a.speaker == "Tom Baxter" for a in attrs)
    aliases = {alias for a in attrs for alias in a.speaker_aliases}
    assert not any("COURTS" in alias for alias in aliases)


def test_a_name_written_in_capitals_stays_a_name(nlp):
    text = (
        "HELEN Carter is leaving the soap. Helen Carter said she would miss the cast. "
        "Helen said it was time."
    )
    attrs = resolve(nlp, text, ("Helen Carter", 1))
    assert attrs[0].speaker == "Helen Carter"


def test_control_characters_never_reach_names_or_aliases(nlp):
    text = "\x19Presenter Esther Grant said the show would return. Grant said it was certain."
    attrs = resolve(nlp, text, "Presenter Esther Grant", "Grant")
    for a in attrs:
        assert a.speaker == "Esther Grant"
        assert not any(re.search(r"[\x00-\x1f]", x) for x in [a.speaker, *a.speaker_aliases])


def test_a_description_ending_in_a_name_is_that_person(nlp):
    text = (
        "Tom Baxter joined the club in 1990. "
        "The former Rovers goalkeeper Tom Baxter said he had no regrets. "
        "The fashion designer Ann Lee said the show was a triumph."
    )
    attrs = resolve(
        nlp, text, "The former Rovers goalkeeper Tom Baxter", "The fashion designer Ann Lee"
    )
    assert [a.speaker for a in attrs] == ["Tom Baxter", "Ann Lee"]
    assert [a.speaker_kind for a in attrs] == ["person", "person"]
    assert "goalkeeper" in (attrs[0].speaker_description or "")


def test_whose_relative_speaks_stays_apart_from_the_name(nlp):
    text = "The wife of the striker Tom Baxter said the family was shocked."
    (a,) = resolve(nlp, text, "The wife of the striker Tom Baxter")
    assert a.speaker != "Tom Baxter"


def test_a_given_name_alone_is_the_person_named_in_full(nlp):
    text = (
        "Tracy Lane is leaving the soap after six years. "
        "Tracy said she would miss the cast. Sir Elton Finch sang at the party. "
        "Sir Elton said it was a joy."
    )
    attrs = resolve(nlp, text, ("Tracy", 2), ("Sir Elton", 2))
    assert [a.speaker for a in attrs] == ["Tracy Lane", "Elton Finch"]


def test_a_given_name_shared_by_two_people_stays_unresolved_to_either(nlp):
    text = "Noel Edwards and Noel Garner met in London. Noel said the meeting had gone well."
    (a,) = resolve(nlp, text, "Noel")
    assert a.speaker not in ("Noel Edwards", "Noel Garner")


def test_a_name_in_capitals_is_a_name(nlp):
    text = "GORDON KELSO has quit the show after ten years. Kelso said he was tired."
    attrs = resolve(nlp, text, "GORDON KELSO", "Kelso")
    assert [a.speaker_kind for a in attrs] == ["person", "person"]
    assert attrs[0].speaker == attrs[1].speaker


def test_an_adjective_before_a_given_name_is_no_name(nlp):
    text = (
        "Tracy Lane is leaving the soap after six years. "
        "Brave Tracy said she would miss the cast. Tracy added that she had no regrets."
    )
    attrs = resolve(nlp, text, "Brave Tracy", ("Tracy", 3))
    assert [a.speaker for a in attrs] == ["Tracy Lane", "Tracy Lane"]


def test_an_adjective_that_is_a_given_name_stays(nlp):
    text = "Rich Wilson said the club would appeal. Wilson said the fine was unfair."
    attrs = resolve(nlp, text, "Rich Wilson", "Wilson")
    assert [a.speaker for a in attrs] == ["Rich Wilson", "Rich Wilson"]


def test_a_relative_named_after_the_noun_is_that_person(nlp):
    text = "Carla Price won the award. Her elderly grandmother Zeta said she was proud."
    (a,) = resolve(nlp, text, "Her elderly grandmother Zeta")
    assert (a.speaker, a.speaker_kind) == ("Zeta", "person")
    assert "grandmother" in (a.speaker_description or "")


def test_a_phrase_about_a_named_person_is_no_alias_of_theirs(nlp):
    text = "Tom Baxter spoke first. Tom Baxter's highly personal attack said the rival had lied."
    (a,) = resolve(nlp, text, "Tom Baxter's highly personal")
    assert a.speaker == "Tom Baxter"
    assert all("personal" not in alias for alias in a.speaker_aliases)


def test_an_adjective_in_a_capitals_headline_is_no_name(nlp):
    text = (
        "I WILL BE BACK, SAYS BRAVE TRACY\n"
        "Tracy Lane is leaving the soap after six years. Tracy said she would return."
    )
    (a,) = resolve(nlp, text, "BRAVE TRACY")
    assert a.speaker == "Tracy Lane"


def test_two_descriptions_of_one_person_before_the_name(nlp):
    text = "Judy Lane joined the show in 1988. His wife and co-host Judy said the show was over."
    (a,) = resolve(nlp, text, "His wife and co-host Judy")
    assert (a.speaker, a.speaker_kind) == ("Judy Lane", "person")


def test_a_list_of_names_is_not_one_described_person(nlp):
    text = "The film's producers Tom Wade and Ann Lee said filming would start in May."
    attrs = resolve(nlp, text, "The film's producers Tom Wade and Ann Lee")
    assert {a.speaker for a in attrs} >= {"Ann Lee"}
    assert all(a.speaker_kind == "person" for a in attrs if a.speaker == "Ann Lee")


def test_a_spaced_dash_ends_a_name(nlp):
    text = (
        "Soap actress Amanda Kirk - last night rapped the critics. "
        "Amanda said the show was a success."
    )
    (a,) = resolve(nlp, text, ("Amanda", 2))
    assert a.speaker == "Amanda Kirk"


def test_a_capitals_opening_the_recogniser_calls_a_body_is_a_person(nlp):
    text = (
        "HELEN Flanagan has beaten hundreds of hopefuls to the part. "
        "Now Helen will join the cast in January. Mrs Flanagan said the family was thrilled. "
        'Helen said: "I am delighted."'
    )
    attrs = resolve(nlp, text, "Mrs Flanagan", ("Helen", 2))
    assert [a.speaker for a in attrs] == ["Helen Flanagan", "Helen Flanagan"]
    assert [a.speaker_kind for a in attrs] == ["person", "person"]


def test_nickname_with_real_name_is_one_person(nlp):
    text = (
        "Drummer Spud - real name Alan Crowe - has left the band Lowfield. "
        "Spud said he wanted to rest. Alan Crowe said the split was friendly."
    )
    attrs = resolve(nlp, text, "Spud - real name Alan Crowe", ("Spud", 2), "Alan Crowe")
    assert {a.speaker for a in attrs} == {"Alan Crowe"}
    assert "Spud" in attrs[0].speaker_aliases


def test_name_after_real_name_is_a_person_whatever_the_recogniser_says(nlp):
    text = "Fans cheered as Kipper (real name Gordon Vale) said the tour would go on."
    attrs = resolve(nlp, text, "Kipper (real name Gordon Vale)")
    assert attrs[0].speaker == "Gordon Vale"
    assert attrs[0].speaker_kind == "person"


def test_sir_and_given_name_after_a_headline_in_capitals(nlp):
    # the headline runs the given name into the words after it ("PAUL ROCKS")
    text = (
        "CAVERN NIGHT SIR PAUL ROCKS BACK THE CLOCK\n\n"
        "Music legend Sir Paul Hadley played a small club in Leeds last night.\n\n"
        "Sir Paul said the old songs still worked."
    )
    attrs = resolve(nlp, text, ("Sir Paul", 2))
    assert attrs[0].speaker == "Paul Hadley"


def test_given_name_after_a_nickname_written_before_the_full_name(nlp):
    # "Victoria" alone is also a place; the full name is written after a nickname
    text = (
        "Tiny Tim Victoria Lane reveals a candid side in her first chat show.\n\n"
        "Speaking about her tour, Victoria said she missed her dog."
    )
    attrs = resolve(nlp, text, ("Victoria", 2))
    assert attrs[0].speaker is not None
    assert attrs[0].speaker.endswith("Victoria Lane")
    assert attrs[0].speaker_kind == "person"


def test_story_opening_with_a_name_in_capitals(nlp):
    # the recogniser sees no name in "TOM BAXTER" here; "Sir Tom" says it is one
    text = (
        "TOM BAXTER last night made a noisy return to the small club where it all began.\n\n"
        "The crowd of 200 cheered every song.\n\n"
        "As he prepared to go on stage he told reporters it was good to be back. "
        "Sir Tom's band played on."
    )
    attrs = resolve(nlp, text, ("he", 1))
    assert attrs[0].speaker is not None
    assert attrs[0].speaker.lower() == "tom baxter"


def test_fan_before_a_name_is_description(nlp):
    text = "Fan Tom Oakes queued all night for a ticket. Fan Tom Oakes said it was worth it."
    attrs = resolve(nlp, text, ("Fan Tom Oakes", 2))
    assert attrs[0].speaker == "Tom Oakes"
