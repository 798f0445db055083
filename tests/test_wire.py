"""Wire-copy furniture (issue 14): header blocks, rules, sign-offs, notes to
the desk, slugs and "By X, PA News" bylines are boilerplate, never a claim or a
title. Every passage is written for these tests in the wire's layout."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from loader.boilerplate import LINE_KINDS, Line, find_boilerplate, line_kind, lines, prepare
from loader.cli import cli
from loader.metadata import byline_outlet, find_byline, title_line
from loader.models import ArticleRecord
from tests.conftest import SHARED, load_texts

RULE = "  " + "-" * 72
HEADER = f"{RULE}\n\n{RULE}\n\n        09:15 03/02/01: Page 2 (HHH) COURTS Fielding\n{RULE}\n"
# A wire story as it comes off the wire: hard-wrapped at 78, each paragraph
# closed by "<" and the next opened by a control byte (0x19).
STORY = (
    HEADER
    + "BAKER DENIES RIGGING VILLAGE SHOW<\n"
    + "\x19By Tom Carver, Courts Correspondent, PA News<\n"
    + "\x19A baker accused of rigging the marrow contest at a village show told a jury\n"
    + "today that he had never touched the scales.<\n"
    + "\x19Giles Fielding, 52, said: ``I have grown marrows for thirty years and I have\n"
    + "never needed to cheat anybody at all.''<\n"
    + "\x19The trial continues.<\n"
    + "\x19ENDS<\n"
    + "\x19jkl\n"
)


def kinds(text: str) -> dict[str, str]:
    return {text[b.start : b.end]: b.kind for b in find_boilerplate(text)}


def line(text: str, **place) -> Line:
    """One line on its own, with the place the check needs."""
    defaults = dict(start=0, number=3, before="", after="", seen=1, closing=False)
    return Line(text=text, **(defaults | place))


def test_every_check_is_named_and_ordered_wire_first():
    names = [kind for kind, _check in LINE_KINDS]
    assert names[:5] == ["rule", "wire-header", "sign-off", "wire-note", "slug"]
    assert len(set(names)) == len(names)


def test_header_block_rules_sign_off_and_byline_are_boilerplate():
    found = kinds(STORY)
    assert found[RULE.strip()] == "rule"
    assert found["09:15 03/02/01: Page 2 (HHH) COURTS Fielding"] == "wire-header"
    assert found["ENDS"] == "sign-off"
    assert found["jkl"] == "sign-off"  # the operator's initials after the story
    assert found["By Tom Carver, Courts Correspondent, PA News"] == "byline"
    # the story's own lines are not
    assert not any("marrow" in text or "trial" in text for text in found)


def test_boilerplate_ranges_never_hold_control_characters_or_the_paragraph_mark():
    for b in find_boilerplate(STORY):
        text = STORY[b.start : b.end]
        assert "\x19" not in text and not text.endswith("<")


@pytest.mark.parametrize(
    "text",
    ["=" * 20, "----------", "* * * * *", "~~~~~"],
)
def test_a_rule_is_furniture(text):
    assert line_kind(line(text)) == "rule"


def test_a_line_between_two_rules_is_the_header():
    assert line_kind(line("SHOWBIZ Fielding", before="-" * 30, after="-" * 30)) == "wire-header"
    assert line_kind(line("Page 4 (HHH) SPORT Derby", number=1)) == "wire-header"
    # a time stamp deep in the story is text ("At 10:30 on 3/2/01 …" does not open a line)
    assert line_kind(line("10:30 3/2/01 was the moment the lights went out", number=12)) is None


def test_sign_off_words_only_in_capitals_or_after_the_story():
    assert line_kind(line("MORE")) == "sign-off"
    assert line_kind(line("ENDS")) == "sign-off"
    assert line_kind(line("end", closing=True)) == "sign-off"
    assert line_kind(line("abc", closing=True)) == "sign-off"
    # in the middle of a story a lone lowercase word is the story's
    assert line_kind(line("more")) is None
    assert line_kind(line("abc")) is None


def test_closing_means_only_sign_offs_follow():
    text = "A line of the story goes here.\nend\nxyz\n"
    closing = {ln.text: ln.closing for ln in lines(text)}
    assert closing == {"A line of the story goes here.": True, "end": True, "xyz": True}
    assert kinds(text) == {"end": "sign-off", "xyz": "sign-off"}
    middle = "First paragraph of text.\nend\nSecond paragraph of text.\n"
    assert kinds(middle) == {}


@pytest.mark.parametrize(
    "text",
    [
        "ADVISORY: picture desk note follows",
        "CORRECTION: replaces the earlier take",
        "EMBARGOED UNTIL 0001 FRIDAY",
        "Embargoed to 0900 Monday June 4",
        "(with pictures)",
        "(corrects spelling of the village in second par)",
    ],
)
def test_notes_to_the_desk_are_furniture(text):
    assert line_kind(line(text)) == "wire-note"


def test_a_correction_in_sentence_case_is_story_text():
    assert line_kind(line("Correction of the figures came later, the council said.")) is None


def test_a_desk_slug_before_a_name_is_furniture_a_capitalised_sentence_is_not():
    assert line_kind(line("COURTS Fielding")) == "slug"
    assert line_kind(line("SHOWBIZ Baker Trial")) == "slug"
    assert line_kind(line("COURTS Fielding denied it.")) is None
    assert line_kind(line("Courts Fielding")) is None


def test_wire_byline_gives_the_writer_and_the_outlet_it_states():
    assert find_byline("\x19By Tom Carver, Courts Correspondent, PA News<") == "Tom Carver"
    assert byline_outlet("By Tom Carver, PA News") == "PA News"
    assert find_byline("By Tom Carver, PA News.") == "Tom Carver"
    # no outlet stated: none taken
    assert byline_outlet("By Tom Carver, Courts Correspondent") is None
    assert find_byline("By Tom Carver, Courts Correspondent") == "Tom Carver"
    # two writers stay two writers
    assert find_byline("By Ann Lee, Tom Carver") == "Ann Lee, Tom Carver"
    assert byline_outlet("By Ann Lee, Tom Carver") is None
    # any news agency of the one wire list, in any case: "Xinhua" and "REUTERS"
    # (the byline rule once had its own shorter list)
    assert byline_outlet("By Tom Carver, Xinhua") == "Xinhua"
    assert find_byline("By Tom Carver, Xinhua") == "Tom Carver"
    assert byline_outlet("By Tom Carver, REUTERS") == "REUTERS"


def test_prepare_fills_author_title_and_outlet_from_the_wire_story():
    record = prepare(ArticleRecord("story.txt", STORY))
    assert record.title == "BAKER DENIES RIGGING VILLAGE SHOW"
    assert record.author == "Tom Carver"
    assert record.outlet == "PA News"


def test_what_the_input_states_wins_over_the_byline():
    record = prepare(ArticleRecord("story.txt", STORY, outlet="Press Association"))
    assert record.outlet == "Press Association"


def test_a_line_without_letters_is_never_a_title():
    assert title_line("-----\n\n12:40 04/02/01\n") is None
    assert title_line("=====\nTOWN HALL VOTE DELAYED\n")[0] == "TOWN HALL VOTE DELAYED"


def test_a_capitalised_headline_is_a_title_even_with_a_stop():
    assert title_line("WHO WILL SAVE THE PIER?\n\nThe pier is closing.\n")[0] == (
        "WHO WILL SAVE THE PIER?"
    )
    # a lead sentence is not
    assert title_line("The pier is closing, the council said.\n") is None


def test_a_take_that_opens_mid_paragraph_has_no_title():
    take = (
        HEADER + "The baker told the court that the scales at the show had been checked twice\n"
        "by the stewards before the judging began and that nobody else was there.<\n"
        "\x19He denies the charge.<\n"
    )
    record = prepare(ArticleRecord("take.txt", take))
    assert record.title is None


def test_a_bracketed_note_is_never_the_title_and_the_title_has_no_control_byte():
    text = HEADER + "(with pictures and a note on the second paragraph)<\n\x19FAIR RETURNS<\n"
    record = prepare(ArticleRecord("note.txt", text))
    assert record.title == "FAIR RETURNS"


def test_ordinary_articles_keep_their_title_and_have_no_wire_furniture():
    text = "Council Approves New Library\n\nThe council approved a new library on Monday.\n"
    record = prepare(ArticleRecord("a.txt", text))
    assert record.title == "Council Approves New Library"
    assert record.boilerplate == []


def test_loaded_wire_story_has_no_claim_in_its_furniture(tmp_path):
    db = sqlite3.connect(load_texts(tmp_path, {"story.txt": STORY}))
    title, author = db.execute("SELECT title, author FROM articles").fetchone()
    assert (title, author) == ("BAKER DENIES RIGGING VILLAGE SHOW", "Tom Carver")
    contents = [c for (c,) in db.execute("SELECT content FROM claims")]
    assert contents, "the quoted baker is a claim"
    for content in contents:
        assert "PA News" not in content and "Page 2" not in content and "ENDS" not in content
    outlet = db.execute("SELECT name FROM outlets").fetchone()
    assert outlet == ("PA News",)


METER = SHARED / "eval" / "meter-showbiz"


@pytest.mark.skipif(not METER.is_dir(), reason="METER corpus not present")
def test_meter_wire_stories_end_to_end(tmp_path):
    wire = sorted((METER / "PA").rglob("*.txt"))[:6]
    papers = sorted((METER / "newspapers").rglob("*_*.txt"))[:3]
    db_path = tmp_path / "meter.db"
    args = ["load", str(db_path), "--no-match", "--fallback-encoding", "cp1252"]
    result = CliRunner().invoke(cli, [*args, *map(str, wire + papers)])
    assert result.exit_code == 0, result.output
    db = sqlite3.connect(db_path)
    rows = db.execute("SELECT id, title, source_file FROM articles").fetchall()
    assert len(rows) == len(wire) + len(papers)
    for aid, title, source in rows:
        if title is not None:
            assert any(c.isalpha() for c in title) and "\x19" not in title, source
        furniture = db.execute(
            'SELECT start, "end" FROM article_boilerplate WHERE article_id = ? AND kind IN '
            "('rule', 'wire-header', 'sign-off')",
            [aid],
        ).fetchall()
        if "/PA/" in source:
            assert furniture, f"{source}: the wire's header block and rules are furniture"
        claims = db.execute(
            "SELECT content_start, content_end FROM claims WHERE article_id = ?", [aid]
        ).fetchall()
        for cs, ce in claims:
            assert not any(cs < e and s < ce for s, e in furniture), source


def test_lines_of_only_spaces_of_any_kind_are_skipped():
    text = "First line of the story.\n\u00a0\u2003\n\x19\nSecond line.\n"
    assert [ln.text for ln in lines(text)] == ["First line of the story.", "Second line."]
    assert find_boilerplate(text) == []
