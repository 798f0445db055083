"""Verdicts and suggestion decisions surviving re-matching and re-loading;
ClaimReview export; determinism and all-or-nothing writes of ``diplo match``."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest
import sqlite_utils
from click.testing import CliRunner

from loader.cli import cli
from tests.conftest import ROOT, SEEDS
from tests.matching_corpus import Corpus

QUOTE = (
    "We are striving to reach a shared security cooperation agreement with Iraq, while "
    "continuing to strengthen security and military collaboration between our two countries"
)
OTHER = "The border crossing at Mandali will reopen to trucks and passenger traffic next month"


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def corpus(tmp_path):
    c = Corpus(tmp_path / "m.db")
    c.first = c.quoted("Abbas Araghchi", QUOTE, "Wire", "2025-01-18")
    c.second = c.quoted("Abbas Araghchi", QUOTE.split(",")[0], "Daily", "2025-01-19")
    c.other = c.quoted("Fuad Hussein", OTHER, "Daily", "2025-01-19")
    c.match()
    return c


def _reinsert_claims_shuffled(corpus: Corpus) -> None:
    """A re-extraction: new claim ids, and spans shifted by a character."""
    rows = list(corpus.db.query("SELECT * FROM claims ORDER BY id DESC"))
    with corpus.conn:
        corpus.conn.execute("UPDATE claims SET group_id = NULL")
        corpus.conn.execute("DELETE FROM claim_group_suggestions")
        corpus.conn.execute("DELETE FROM claim_groups")
        corpus.conn.execute("DELETE FROM claims")
    for row in rows:
        row.pop("id")
        row["content_end"] -= 1
        row["content"] = row["content"][:-1]
        corpus.db["claims"].insert(row)


def test_verdict_survives_rematch_and_reextraction(corpus):
    group = corpus.group_of(corpus.first)
    invoke(
        "verdict", str(corpus.path), str(group), "--status", "misleading",
        "--note", "no agreement was drafted", "--evidence", "https://example.org/e", "--by", "Ana",
    )  # fmt: skip
    _reinsert_claims_shuffled(corpus)
    invoke("match", str(corpus.path))
    verdicts = list(
        corpus.db.query(
            """SELECT g.id, v.status, v.by_name FROM claim_groups g
               JOIN verdicts v ON v.id = g.verdict_id"""
        )
    )
    assert len(verdicts) == 1
    new_first = corpus.conn.execute(
        "SELECT id FROM claims WHERE content LIKE 'We are striving%'"
    ).fetchone()[0]
    assert new_first != corpus.first
    assert verdicts[0]["id"] == corpus.group_of(new_first)
    assert (verdicts[0]["status"], verdicts[0]["by_name"]) == ("misleading", "Ana")


def test_a_later_verdict_supersedes_an_earlier_one(corpus):
    group = str(corpus.group_of(corpus.first))
    invoke("verdict", str(corpus.path), group, "--status", "unverified")
    invoke("verdict", str(corpus.path), group, "--status", "false", "--by", "Ana")
    invoke("match", str(corpus.path))
    row = next(
        corpus.db.query(
            "SELECT v.status FROM claim_groups g JOIN verdicts v ON v.id = g.verdict_id"
        )
    )
    assert row["status"] == "false"
    assert corpus.db["verdicts"].count == 2, "the earlier verdict stays as history"


def test_verdict_on_a_missing_group_is_an_error(corpus):
    result = CliRunner().invoke(cli, ["verdict", str(corpus.path), "999", "--status", "true"])
    assert result.exit_code != 0 and "no claim group 999" in result.output


def test_verdict_survives_a_reload(tmp_path):
    db_path = tmp_path / "seeds.db"
    invoke("load", str(db_path), str(SEEDS / "004_96406b65157693d5.txt"))
    db = sqlite_utils.Database(db_path)
    claim = next(db.query("SELECT id, group_id FROM claims WHERE content LIKE '%striving%'"))
    invoke("verdict", str(db_path), str(claim["group_id"]), "--status", "unverified")
    invoke("load", str(db_path), str(SEEDS))
    claim = next(db.query("SELECT group_id FROM claims WHERE content LIKE '%striving%'"))
    row = next(
        db.query(
            "SELECT v.status FROM claim_groups g JOIN verdicts v ON v.id = g.verdict_id "
            "WHERE g.id = ?",
            [claim["group_id"]],
        )
    )
    assert row["status"] == "unverified"
    assert (
        db.execute("SELECT count(*) FROM claim_groups WHERE verdict_id IS NOT NULL").fetchone()[0]
        == 1
    )


def test_confirm_and_reject_survive_rematching(tmp_path):
    c = Corpus(tmp_path / "m.db")
    a = c.quoted("Fuad Hussein", "The talks were very constructive", "One")
    b = c.quoted("Fuad Hussein", "The talks were very constructive", "Two")
    x = c.quoted("Fuad Hussein", "Our borders are closed to smugglers", "One")
    y = c.quoted("Fuad Hussein", "Our borders are closed to all smugglers", "Two")
    c.match()
    listing = invoke("suggestions", str(c.path))
    assert "The talks were very constructive" in listing
    ids = {
        (r["claim_id"], r["other_claim_id"]): r["id"] for r in c.db["claim_group_suggestions"].rows
    }
    invoke("confirm", str(c.path), str(ids[(a, b)]))
    invoke("reject", str(c.path), str(ids[(x, y)]))
    _reinsert_claims_shuffled(c)
    invoke("match", str(c.path))
    claim = {
        row["content"]: row["id"]
        for row in c.db.query("SELECT id, content FROM claims ORDER BY id")
    }
    talks = [r["id"] for r in c.db.query("SELECT id FROM claims WHERE content LIKE 'The talks%'")]
    borders = [
        r["id"] for r in c.db.query("SELECT id FROM claims WHERE content LIKE 'Our borders%'")
    ]
    assert len(claim) == 3  # the two "talks" claims share one content
    assert c.group_of(talks[0]) == c.group_of(talks[1])
    assert c.group_of(borders[0]) != c.group_of(borders[1])
    states = sorted(r["state"] for r in c.db["claim_group_suggestions"].rows)
    assert states == ["confirmed", "rejected"]
    assert "no suggestions" in CliRunner().invoke(cli, ["suggestions", str(c.path)]).output


def test_claimreview_export_shape(corpus, tmp_path):
    group = corpus.group_of(corpus.first)
    with corpus.conn:
        corpus.conn.execute("UPDATE articles SET url = 'https://wire.example/1' WHERE id = 1")
    invoke("verdict", str(corpus.path), str(group), "--status", "false", "--by", "Ana")
    out = tmp_path / "cr.json"
    invoke("export", "claimreview", str(corpus.path), "-o", str(out))
    (review,) = json.loads(out.read_text())
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"].startswith("We are striving")
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "false"}
    assert review["author"] == {"@type": "Person", "name": "Ana"}
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == {"@type": "Person", "name": "Abbas Araghchi"}
    assert claim["datePublished"] == "2025-01-18"
    assert claim["firstAppearance"]["url"] == "https://wire.example/1"
    assert claim["firstAppearance"]["publisher"] == {"@type": "Organization", "name": "Wire"}
    assert [w["datePublished"] for w in claim["appearance"]] == ["2025-01-18", "2025-01-19"]
    assert "url" not in claim["appearance"][1], "unknown URLs are left out, not invented"
    assert json.loads(invoke("export", "claimreview", str(corpus.path))) == [review]


def _dump(db_path) -> dict:
    db = sqlite_utils.Database(db_path)
    return {
        "groups": list(db.query("SELECT * FROM claim_groups ORDER BY id")),
        "claims": list(db.query("SELECT id, group_id, fidelity, diff FROM claims ORDER BY id")),
        "suggestions": list(db.query("SELECT * FROM claim_group_suggestions ORDER BY id")),
        "reuse": list(db.query("SELECT * FROM article_reuse ORDER BY 1, 2")),
    }


def test_match_is_deterministic_across_runs_and_hash_seeds(tmp_path):
    db_path = tmp_path / "seeds.db"
    invoke("load", str(db_path), str(SEEDS))
    dumps = []
    for seed in ("1", "2"):
        copy = tmp_path / f"copy{seed}.db"
        with sqlite3.connect(db_path) as src, sqlite3.connect(copy) as dst:
            src.backup(dst)  # the database is in WAL mode: copying the file is not enough
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        for _ in range(2):
            subprocess.run(
                [sys.executable, "-m", "loader", "match", str(copy)], check=True, env=env, cwd=ROOT
            )
            dumps.append(_dump(copy))
    assert dumps[0]["groups"] and dumps[0]["reuse"]
    assert all(d == dumps[0] for d in dumps[1:])


def test_failed_match_leaves_previous_groups(corpus, monkeypatch):
    before = _dump(corpus.path)
    with corpus.conn:
        corpus.conn.execute("DELETE FROM claim_group_suggestions")
    corpus.quoted("Abbas Araghchi", QUOTE, "Third", "2025-01-20")

    def boom(*_args):
        raise RuntimeError("disk full")

    monkeypatch.setattr("loader.matching.full.attach_verdicts", boom)
    with pytest.raises(RuntimeError):
        corpus.match()
    after = _dump(corpus.path)
    assert after["groups"] == before["groups"]
    assert after["reuse"] == before["reuse"]


def test_load_no_match_leaves_groups_alone(tmp_path):
    db_path = tmp_path / "x.db"
    invoke("load", "--no-match", str(db_path), str(SEEDS))
    db = sqlite_utils.Database(db_path)
    assert db["claim_groups"].count == 0
    invoke("match", str(db_path))
    assert db["claim_groups"].count > 0
    assert db.execute("SELECT count(*) FROM claims WHERE group_id IS NULL").fetchone()[0] == 0
