"""diplo remove: an article taken out leaves the database as if never loaded."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from loader.cli import cli
from tests.conftest import load_texts

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# the one seed that spells him "Araqchi"
ARAQCHI = "003_c1db4c521ae475a3.txt"


def _state(db: Path) -> dict:
    """What a reader of the database sees, without row ids."""
    conn = sqlite3.connect(db)
    q = lambda sql: sorted(conn.execute(sql).fetchall())  # noqa: E731
    state = {
        "articles": q("SELECT content_hash, source_file FROM articles"),
        "claims": q(
            "SELECT a.content_hash, c.content_start, c.content_end, s.name FROM claims c "
            "JOIN articles a ON a.id = c.article_id LEFT JOIN speakers s ON s.id = c.speaker_id"
        ),
        "speakers": q("SELECT name, kind, description FROM speakers"),
        "aliases": q(
            "SELECT s.name, alias, articles FROM speaker_aliases JOIN speakers s ON s.id = speaker_id"
        ),
        "outlets": q("SELECT name FROM outlets"),
        "fts": q("SELECT rowid FROM claims_fts"),
        "groups": q("SELECT claims_count, outlets_count, status FROM claim_groups"),
        "reuse": q(
            "SELECT e.content_hash, l.content_hash FROM article_reuse r "
            "JOIN articles e ON e.id = r.earlier_article_id "
            "JOIN articles l ON l.id = r.later_article_id"
        ),
        "broken": conn.execute("PRAGMA foreign_key_check").fetchall(),
    }
    state["fts"] = len(state["fts"])
    conn.close()
    return state


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """The seeds loaded twice over: all five, and all but one."""
    root = tmp_path_factory.mktemp("remove")
    seeds = root / "seeds"
    shutil.copytree(SEEDS, seeds)
    runner = CliRunner()
    for name, skip in (("all.db", None), ("without.db", ARAQCHI)):
        paths = [str(p) for p in sorted(seeds.glob("*.txt")) if p.name != skip]
        result = runner.invoke(cli, ["load", str(root / name), *paths])
        assert result.exit_code == 0, result.output
        conn = sqlite3.connect(root / name)  # fold the WAL in, so a copy is whole
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
    return root


def test_removing_an_article_is_as_if_it_was_never_loaded(loaded, tmp_path):
    db = tmp_path / "news.db"
    shutil.copy(loaded / "all.db", db)
    before = _state(db)
    result = CliRunner().invoke(cli, ["remove", str(db), str(loaded / "seeds" / ARAQCHI)])
    assert result.exit_code == 0, result.output
    after = _state(db)
    expected = _state(loaded / "without.db")
    assert after["broken"] == []
    for key in ("articles", "claims", "speakers", "aliases", "outlets", "fts", "groups", "reuse"):
        assert after[key] == expected[key], key
    assert after["claims"] != before["claims"]
    # the spelling only that article used is gone from Araghchi's names
    assert not any("Araqchi" in alias for _, alias, _ in after["aliases"])
    assert any(alias == "Abbas Araghchi" for _, alias, _ in after["aliases"])


def test_loading_it_again_restores_it(loaded, tmp_path):
    db = tmp_path / "news.db"
    shutil.copy(loaded / "all.db", db)
    before = _state(db)
    runner = CliRunner()
    assert runner.invoke(cli, ["remove", str(db), str(loaded / "seeds" / ARAQCHI)]).exit_code == 0
    result = runner.invoke(cli, ["load", str(db), str(loaded / "seeds" / ARAQCHI)])
    assert result.exit_code == 0, result.output
    after = _state(db)
    for key in ("articles", "claims", "speakers", "aliases", "outlets", "fts", "groups", "reuse"):
        assert after[key] == before[key], key


def test_a_reference_that_matches_nothing_is_an_error_and_the_rest_goes(loaded, tmp_path):
    db = tmp_path / "news.db"
    shutil.copy(loaded / "all.db", db)
    conn = sqlite3.connect(db)
    (first,) = conn.execute("SELECT min(id) FROM articles").fetchone()
    conn.close()
    result = CliRunner().invoke(cli, ["remove", str(db), "999", str(first), "nowhere.txt"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2 and "999" in errors[0] and "nowhere.txt" in errors[1]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles WHERE id = ?", [first]).fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (4,)
    conn.close()


def test_a_name_the_aliases_file_gives_survives_a_removal(tmp_path):
    # The file makes the one outlet's spelling the name; removing articles
    # that used the other spelling must not put the most-used name back.
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (tmp_path / "aliases.yml").write_text(
        "merge:\n  - name: Abbas Araqchi\n    names: [Abbas Araghchi]\n", encoding="utf-8"
    )
    db = tmp_path / "news.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["load", str(db), str(seeds)]).exit_code == 0
    conn = sqlite3.connect(db)
    names = lambda: {r[0] for r in conn.execute("SELECT name FROM speakers")}  # noqa: E731
    assert "Abbas Araqchi" in names()
    first = conn.execute("SELECT id FROM articles WHERE source_file LIKE '%000_%'").fetchone()[0]
    result = runner.invoke(cli, ["remove", str(db), str(first)])
    assert result.exit_code == 0, result.output
    assert "Abbas Araqchi" in names() and "Abbas Araghchi" not in names()
    conn.close()


def test_a_file_is_found_by_its_text_however_its_path_is_written(loaded, tmp_path, monkeypatch):
    # loaded with absolute paths; removed with a path relative to elsewhere
    db = tmp_path / "news.db"
    shutil.copy(loaded / "all.db", db)
    monkeypatch.chdir(loaded / "seeds")
    result = CliRunner().invoke(cli, ["remove", str(db), ARAQCHI])
    assert result.exit_code == 0, result.output
    after = _state(db)
    assert after["claims"] == _state(loaded / "without.db")["claims"]
    # a directory names every article loaded from it
    result = CliRunner().invoke(cli, ["remove", str(db), "."])
    assert result.exit_code == 0, result.output
    assert _state(db)["articles"] == []


def test_removing_the_article_that_spelled_a_body_out_gives_back_its_initials(tmp_path):
    db = load_texts(
        tmp_path,
        {
            "ap.txt": "The U.N. said 550 trucks entered Gaza on Wednesday.\n",
            "reuters.txt": "The United Nations said more than 600 trucks entered Gaza.\n",
        },
    )
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT name FROM speakers").fetchall() == [("United Nations",)]
    conn.close()
    result = CliRunner().invoke(cli, ["remove", str(db), str(tmp_path / "reuters.txt")])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT name FROM speakers").fetchall() == [("U.N.",)]
    assert conn.execute("SELECT alias FROM speaker_aliases").fetchall() == [("U.N.",)]
