"""When a statement was made: the expression kept, the date worked out."""

from __future__ import annotations

import pytest

from loader.attribution.when import date_attributions, find_time_expressions, resolve
from loader.models import Attribution

# Sunday 19 January 2025
PUBLISHED = "2025-01-19"


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("on Sunday", PUBLISHED, "2025-01-19"),  # the publication day itself
        ("earlier Sunday", PUBLISHED, "2025-01-19"),
        ("on Friday afternoon", PUBLISHED, "2025-01-17"),
        ("on Monday", PUBLISHED, "2025-01-13"),  # latest Monday on or before
        ("last Sunday", PUBLISHED, "2025-01-12"),
        ("yesterday", PUBLISHED, "2025-01-18"),
        ("earlier today", PUBLISHED, "2025-01-19"),
        ("on November 27", PUBLISHED, "2024-11-27"),  # not after publication: last year
        ("on January 2", PUBLISHED, "2025-01-02"),
        ("on Jan. 18", PUBLISHED, "2025-01-18"),
        ("27 November", PUBLISHED, "2024-11-27"),
        ("on November 27, 2023", None, "2023-11-27"),  # a written year needs no publication date
        ("earlier this week", PUBLISHED, None),  # a week is not a day
        ("last month", PUBLISHED, None),
        ("on Sunday", None, None),  # unknown publication date: unknown day
        ("on November 27", None, None),
        ("on February 30", PUBLISHED, None),
    ],
)
def test_resolve(expression, published, expected):
    assert resolve(expression, published) == expected


def test_finds_expressions_longest_first():
    text = "Araghchi said on Friday afternoon, earlier this week and on November 27, 2024."
    found = [text[s:e] for s, e in find_time_expressions(text)]
    assert found == ["on Friday afternoon", "earlier this week", "on November 27, 2024"]


def _attribution(text: str, cue: str, content: str) -> Attribution:
    c = text.index(cue)
    s = text.index(content)
    return Attribution(
        kind="indirect",
        content=[(s, s + len(content))],
        cue=[(c, c + len(cue))],
        source=[(0, c - 1)],
        sentence=(0, len(text)),
    )


def test_expression_attached_to_the_cue():
    text = (
        "Iranian Foreign Minister Abbas Araghchi said on Sunday that security cooperation "
        "with Iraq is deepening."
    )
    a = _attribution(text, "said", "that security cooperation with Iraq is deepening")
    (a,) = date_attributions(text, [a], PUBLISHED)
    assert a.stated_when == "on Sunday"
    assert a.stated_on == "2025-01-19"


def test_time_inside_the_content_is_not_when_it_was_said():
    text = "Officials said militants entered Aleppo on November 27."
    a = _attribution(text, "said", "militants entered Aleppo on November 27")
    (a,) = date_attributions(text, [a], PUBLISHED)
    assert a.stated_when is None
    assert a.stated_on is None


def test_participial_frame_before_the_subject():
    text = (
        "Speaking at a joint press conference in Tehran on Sunday, Araghchi said Iran and "
        "Iraq are working toward a framework."
    )
    a = _attribution(text, "said", "Iran and Iraq are working toward a framework")
    a.source = [(text.index("Araghchi"), text.index("Araghchi") + 8)]
    (a,) = date_attributions(text, [a], None)
    assert a.stated_when == "on Sunday"
    assert a.stated_on is None  # no publication date: never guessed


def test_vague_expression_is_kept_without_a_date():
    text = "Earlier this week, the ministry said the border would reopen."
    a = _attribution(text, "said", "the border would reopen")
    a.source = [(text.index("the ministry"), text.index("the ministry") + 12)]
    (a,) = date_attributions(text, [a], PUBLISHED)
    assert a.stated_when == "Earlier this week"
    assert a.stated_on is None


def test_outlet_claims_are_not_dated():
    text = "Talks began on Friday afternoon at the ministry."
    a = Attribution(kind="outlet", content=[(0, len(text) - 1)], sentence=(0, len(text)))
    (a,) = date_attributions(text, [a], PUBLISHED)
    assert a.stated_when is None


def test_load_resolves_against_the_front_matter_date(tmp_path):
    import sqlite3

    from tests.conftest import load_texts

    db_path = load_texts(
        tmp_path,
        {
            "a.md": "---\npublished: 2025-01-19\n---\n"
            "Iranian Foreign Minister Abbas Araghchi said on Friday afternoon that talks with "
            "Iraq would continue.\n"
        },
    )
    rows = (
        sqlite3.connect(db_path)
        .execute("SELECT stated_when, stated_on FROM claims WHERE kind != 'outlet'")
        .fetchall()
    )
    assert rows == [("on Friday afternoon", "2025-01-17")]
