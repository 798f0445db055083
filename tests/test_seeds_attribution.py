"""End to end over the five seed articles: what a careful reader sees.

The seeds are loaded with ``diplo load`` into a temporary database, then the
claims and speakers tables are checked.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from loader.cli import cli

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> sqlite3.Connection:
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    result = CliRunner().invoke(cli, ["load", str(path), str(SEEDS)])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    return conn


def article_id(db, prefix: str) -> int:
    (row,) = db.execute(
        "SELECT id FROM articles WHERE source_file LIKE ?", [f"%/{prefix}_%"]
    ).fetchall()
    return row["id"]


def claims(db, article: str, content: str) -> list[sqlite3.Row]:
    return db.execute(
        """SELECT c.*, s.name AS speaker, s.kind AS speaker_kind, s.id AS sid
           FROM claims c LEFT JOIN speakers s ON s.id = c.speaker_id
           WHERE c.article_id = ? AND c.content LIKE ?""",
        [article_id(db, article), f"%{content}%"],
    ).fetchall()


def test_he_said_quote_is_sudanis(db):
    (claim,) = claims(db, "000", "What is happening in Syria is inseparable")
    assert claim["kind"] == "direct"
    assert claim["speaker"] == "Mohammed Shia al-Sudani"
    assert claim["speaker_kind"] == "person"
    assert claim["speaker_mention"] == "he"
    assert claim["speaker_description"] == "Iraqi Prime Minister"


def test_araqchi_is_the_same_speaker_as_araghchi(db):
    (araqchi,) = claims(db, "003", "15 MoUs would be finalized")
    others = {
        c["sid"]
        for seed, text in [
            ("000", "the status quo in West Asia"),
            ("002", "security cooperation with Iraq is deepening"),
            ("004", "Iran and Iraq are working toward a comprehensive framework"),
        ]
        for c in claims(db, seed, text)
    }
    assert others == {araqchi["sid"]}
    aliases = {
        r[0]
        for r in db.execute(
            "SELECT alias FROM speaker_aliases WHERE speaker_id = ?", [araqchi["sid"]]
        )
    }
    assert {"Abbas Araghchi", "Abbas Araqchi", "Araghchi"} <= aliases
    # each spelling counted once per article that used it; the most used one names him
    used = dict(
        db.execute(
            "SELECT alias, articles FROM speaker_aliases WHERE speaker_id = ?", [araqchi["sid"]]
        ).fetchall()
    )
    assert used["Abbas Araqchi"] == 1
    assert used["Abbas Araghchi"] == 4  # 000, 001, 002 and 004
    name = db.execute("SELECT name FROM speakers WHERE id = ?", [araqchi["sid"]]).fetchone()[0]
    assert name == "Abbas Araghchi"
    assert (
        db.execute(
            "SELECT count(*) FROM speakers WHERE name LIKE '%Arag%' OR name LIKE '%Araq%'"
        ).fetchone()[0]
        == 1
    )


def test_statement_from_the_russian_foreign_ministry(db):
    (claim,) = claims(db, "001", "both diplomats conceded the urgent need")
    assert claim["speaker"] == "Russian Foreign Ministry"
    assert claim["speaker_kind"] == "organization"


def test_joint_speakers_each_get_the_claim(db):
    found = claims(db, "001", "commitment to Syria")
    assert sorted(c["speaker"] for c in found) == ["Abbas Araghchi", "Sergey Lavrov"]
    assert len({(c["content_start"], c["content_end"]) for c in found}) == 1


def test_unnamed_sources_are_groups_of_their_article(db):
    (claim,) = claims(db, "004", "talks will focus on bilateral relations")
    assert claim["speaker"] == "Iraqi officials"
    assert claim["speaker_kind"] == "group"


def test_nothing_from_read_more_lines_or_captions(db):
    rows = db.execute(
        """SELECT c.id, b.kind FROM claims c JOIN article_boilerplate b
           ON b.article_id = c.article_id
           AND c.content_start < b."end" AND b.start < c.content_end"""
    ).fetchall()
    assert rows == []
    texts = [r[0] for r in db.execute("SELECT coalesce(sentence, content) FROM claims")]
    assert not any("Read more" in t for t in texts)
    assert not any(", L, his Iraqi counterpart" in t for t in texts)
    # the boilerplate really was found, so the check above means something
    kinds = {r[0] for r in db.execute("SELECT kind FROM article_boilerplate")}
    assert "read-more" in kinds


def test_fuad_hussein_is_one_speaker_across_articles(db):
    rows = db.execute(
        """SELECT DISTINCT c.speaker_id, c.article_id FROM claims c
           JOIN speakers s ON s.id = c.speaker_id WHERE s.name = 'Fuad Hussein'"""
    ).fetchall()
    assert {r["article_id"] for r in rows} == {article_id(db, "002"), article_id(db, "004")}
    assert len({r["speaker_id"] for r in rows}) == 1
    assert (
        db.execute("SELECT count(*) FROM speakers WHERE name LIKE '%Hussein%'").fetchone()[0] == 1
    )
    (wrote,) = claims(db, "004", "he had arrived in Tehran")
    assert wrote["speaker"] == "Fuad Hussein"


def test_outlet_claims_have_no_speaker(db):
    (claim,) = claims(db, "000", "before entering Aleppo on November 27")
    assert claim["kind"] == "outlet"
    assert claim["speaker_id"] is None


def test_aliases_file_beside_the_database_is_applied(tmp_path):
    (tmp_path / "aliases.yml").write_text(
        "merge:\n  - name: Abbas Araghchi\n    names: [Araghchi]\n"
        "split:\n  - name: Fuad Hussein\n    as: Fuad Hussein (Kurdistan24)\n"
        "    articles: ['004_*']\n",
        encoding="utf-8",
    )
    path = tmp_path / "x.db"
    result = CliRunner().invoke(
        cli,
        [
            "load",
            str(path),
            str(SEEDS / "002_b22d4353b0c76c7f.txt"),
            str(SEEDS / "004_96406b65157693d5.txt"),
        ],
    )
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(path)
    names = {r[0] for r in conn.execute("SELECT name FROM speakers")}
    assert {"Fuad Hussein", "Fuad Hussein (Kurdistan24)"} <= names
    per_article = conn.execute(
        """SELECT a.source_file, s.name FROM claims c JOIN speakers s ON s.id = c.speaker_id
           JOIN articles a ON a.id = c.article_id WHERE s.name LIKE 'Fuad%'"""
    ).fetchall()
    assert {(f.split("/")[-1][:3], n) for f, n in per_article} == {
        ("002", "Fuad Hussein"),
        ("004", "Fuad Hussein (Kurdistan24)"),
    }
