"""Publication date and time where the input states them (issue 15): front
matter and JSON datetimes, the wire's own time stamp, and what they change in
reuse direction. Crafted passages only."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from loader.boilerplate import line_kind, prepare
from loader.cli import cli
from loader.metadata import normalise_published, numeric_date, stamp_published, stated_time
from loader.models import ArticleRecord
from tests.conftest import load_texts
from tests.test_wire import line

RULE = "  " + "-" * 72


def wire_take(stamp: str, body: str) -> str:
    """A take as it comes off the wire: the header block, then the story."""
    return f"{RULE}\n\n{RULE}\n\n        {stamp}\n{RULE}\n{body}"


FIRST = (
    "\x19By Ada Lark, PA News<\n"
    "\x19The owners of the Blue Heron ferry will stop the winter crossings to Skerry\n"
    "Island from next month because the harbour wall is crumbling, they announced.<\n"
    "\x19Islanders will have to rely on a weekly supply boat until engineers repair the\n"
    "old stone wall, which was first built by herring merchants in the last century.<\n"
)
FOLLOW_UP = (
    "\x19By Ada Lark, PA News<\n"
    "\x19Islanders on Skerry met last night to protest.<\n"
    "\x19The owners of the Blue Heron ferry will stop the winter crossings to Skerry\n"
    "Island from next month because the harbour wall is crumbling, they announced.<\n"
    "\x19Islanders will have to rely on a weekly supply boat until engineers repair the\n"
    "old stone wall, which was first built by herring merchants in the last century.<\n"
)
PAPER = (
    "FERRY AXED\n\n"
    "The owners of the Blue Heron ferry will stop the winter crossings to Skerry "
    "Island from next month because the harbour wall is crumbling. Islanders will "
    "have to rely on a weekly supply boat until engineers repair the old stone wall, "
    "our reporter on the quay heard from a very cross fisherman in a yellow coat.\n"
)


# --- times of day as written --------------------------------------------------


@pytest.mark.parametrize(
    "text, clock",
    [
        ("23:19", "23:19"),
        ("at 08:15:00Z", "08:15:00+00:00"),
        ("11:19 pm GMT", "23:19+00:00"),
        ("12:05 a.m.", "00:05"),
        ("08:15:00.250+0530", "08:15:00+05:30"),
        ("09:30 BST", "09:30"),  # a local zone name is not read: no offset invented
        ("25:10", None),
        ("13:00 pm", None),
        ("on Monday", None),
    ],
)
def test_a_stated_time_is_read_as_written(text, clock):
    assert stated_time(text) == clock


@pytest.mark.parametrize(
    "value, published",
    [
        ("2024-12-01", "2024-12-01"),
        ("2024-12-01T08:15:00Z", "2024-12-01T08:15:00+00:00"),
        ("2024-12-01 08:15", "2024-12-01T08:15"),
        ("2024-12-01T00:00", "2024-12-01T00:00"),  # midnight, because it is written
        ("Monday, 2 December 2024, 08:15 GMT", "2024-12-02T08:15+00:00"),
        ("1 December 2024", "2024-12-01"),  # the year is no clock
        ("2024-12-01T25:61:00", None),
    ],
)
def test_published_keeps_the_time_only_when_the_value_states_one(value, published):
    assert normalise_published(value) == published


def test_header_dates_are_day_first_unless_impossible():
    assert numeric_date("03", "02", "01") == "2001-02-03"
    assert numeric_date("02", "27", "99") == "1999-02-27"  # month first: no 27th month
    assert numeric_date("31", "02", "00") is None


@pytest.mark.parametrize(
    "header, published",
    [
        ("09:15 03/02/01: Page 2 (HHH) COURTS Fielding", "2001-02-03T09:15"),
        ("2001-02-03 09:15 GMT SHOWBIZ Lark", "2001-02-03T09:15+00:00"),
        ("3 Feb 2001 9:15 pm COURTS Fielding", "2001-02-03T21:15"),
        ("03/02/01 COURTS Fielding", "2001-02-03"),  # a date alone: no time invented
        ("SHOWBIZ Fielding", None),
        ("Page 2 (HHH)", None),
    ],
)
def test_the_wire_stamp_states_date_and_time(header, published):
    assert stamp_published(header) == published


def test_stamps_of_other_conventions_head_the_story():
    for stamp in ("2001-02-03 09:15 GMT SHOWBIZ Lark", "3 Feb 2001 21:15 COURTS Fielding"):
        assert line_kind(line(stamp, number=1)) == "wire-header"
        # deep in the story such a line is text
        assert line_kind(line(stamp, number=9)) is None


@pytest.mark.parametrize(
    "stamp",
    [
        "09:15 03/02/01: Page 2 (HHH) COURTS Fielding",
        "09:15 03/02/2001: Page 2 (HHH) COURTS Fielding",
        "09:15 3 Sept 2001: COURTS Fielding",
        "09:15 Sept. 3, 2001 COURTS Fielding",
        "09:15 03/02/201: Page 2 (HHH) COURTS Fielding",  # a three-digit year
        "09:15 2001-02-03 SHOWBIZ Lark",
    ],
)
def test_the_header_detector_takes_the_dates_the_stamp_reader_reads(stamp):
    """One set of date shapes (loader/text/dates.py) for both: a header line
    is furniture exactly when its date can be read."""
    read = stamp_published(stamp) is not None
    assert (line_kind(line(stamp, number=1)) == "wire-header") == read


# --- the stamp becomes the article's publication date and time -----------------


def test_prepare_reads_the_wire_stamp_as_published():
    record = prepare(
        ArticleRecord(
            text=wire_take("09:15 03/02/01: Page 1 SHOWBIZ Ferry", FIRST), source_file="t"
        )
    )
    assert (record.published, record.published_basis) == ("2001-02-03T09:15", "wire-stamp")


def test_no_stamp_no_date_and_what_the_input_states_wins():
    assert prepare(ArticleRecord(text=PAPER, source_file="p")).published is None
    stated = ArticleRecord(text=wire_take("09:15 03/02/01: Page 1", FIRST), source_file="t")
    stated.published, stated.published_basis = "2001-02-04", "metadata"
    assert prepare(stated).published == "2001-02-04"


def test_front_matter_and_json_datetimes_keep_their_time(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(
        "---\npublished: 2024-12-01T08:15:00Z\n---\n" + PAPER, encoding="utf-8"
    )
    (folder / "b.jsonl").write_text(
        json.dumps({"text": PAPER.replace("FERRY", "BOAT"), "published": "2024-12-01 07:50"})
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "news.db"
    assert CliRunner().invoke(cli, ["load", str(db), str(folder)]).exit_code == 0
    rows = sqlite3.connect(db).execute("SELECT published FROM articles ORDER BY published")
    assert [r[0] for r in rows] == ["2024-12-01T07:50", "2024-12-01T08:15:00+00:00"]


def test_a_follow_up_take_filed_the_next_day_is_not_the_papers_source(tmp_path):
    """The paper rewrote the first day's take; the next day's follow-up repeats
    it. With the stamps read, the follow-up and the paper share a source (the
    first take) instead of the follow-up being an origin of the paper."""
    db = load_texts(
        tmp_path,
        {
            "ferry1.txt": wire_take("16:27 03/02/01: Page 1 (HHH) SHOWBIZ Ferry", FIRST),
            "ferry2.txt": wire_take("08:05 04/02/01: Page 1 (HHH) SHOWBIZ Ferry", FOLLOW_UP),
            "paper.txt": PAPER,
        },
    )
    assert CliRunner().invoke(cli, ["match", str(db)]).exit_code == 0
    conn = sqlite3.connect(db)
    ids = dict(conn.execute("SELECT substr(source_file, -10), id FROM articles"))
    ids = {name.rsplit("/", 1)[-1]: aid for name, aid in ids.items()}
    links = {
        (e, later): basis
        for e, later, basis in conn.execute(
            "SELECT earlier_article_id, later_article_id, basis FROM article_reuse"
        )
    }
    first, follow_up, paper = ids["ferry1.txt"], ids["ferry2.txt"], ids["paper.txt"]
    assert links[(first, follow_up)] == "publication dates"
    assert links[(first, paper)].startswith("wire agency is the origin")
    assert links[(min(follow_up, paper), max(follow_up, paper))] == (
        f"shared source: both reuse article {first}"
    )


def test_two_versions_of_one_day_are_order_unknown_whatever_their_times():
    from datasette_diplo.data import _mark_earliest

    versions = [
        {"claim_id": 1, "published": "2024-12-01T08:15", "diff": None},
        {"claim_id": 2, "published": "2024-12-01", "diff": None},
        {"claim_id": 3, "published": "2024-12-02T07:00", "diff": None},
    ]
    _mark_earliest(versions, 1, True)
    assert [v["same_day"] for v in versions] == [True, True, False]


def test_a_lowercase_page_reference_at_the_top_is_text():
    assert line_kind(line("page 3 of the council's report says the wall is safe", number=1)) is None
