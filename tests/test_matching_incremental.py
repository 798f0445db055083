"""Incremental matching gives what a full match gives (loader/matching/incremental.py).

A small corpus of crafted articles (speakers repeating statements across
outlets, with cuts, changed words and figures, copied paragraphs, undated
and dated reports) is inserted in random splits; after each load the
incremental match runs, sometimes an article is removed; at the end the
database must equal a full match of the same database. Groups are compared
by their members, not their ids.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from loader.matching import match
from loader.matching import thresholds as T
from loader.matching.incremental import update_matches
from loader.remove import remove_article
from tests.matching_corpus import Corpus

STATEMENTS = [
    ("Ana Ruiz", "We will sign the water agreement with our neighbours before the end of March"),
    ("Ana Ruiz", "The border crossings will reopen for trucks carrying food and medicine"),
    ("Ana Ruiz", "We will sign the water agreement only if the dam inspections are complete"),
    ("Omar Said", "Our army has withdrawn 15 battalions from the northern provinces this week"),
    ("Omar Said", "No foreign troops will be allowed to stay on our soil after the election"),
    ("Lena Berg", "The central bank will keep interest rates unchanged until inflation falls"),
]
OUTLETS = ["Reuters", "Daily", "Herald", "Post"]  # Reuters: a wire by the lexicon
COPIED = "The talks in the capital lasted four hours and ended without a joint statement from either delegation."


def variant(rng: random.Random, content: str) -> str:
    words = content.split()
    pick = rng.random()
    if pick < 0.3:
        return content
    if pick < 0.5:
        return " ".join(words[: max(8, len(words) - 3)])  # cut short
    if pick < 0.7:
        i = rng.randrange(1, len(words) - 1)
        return " ".join(words[:i] + ["really"] + words[i + 1 :])  # a word changed
    if pick < 0.85:
        return content.replace("15", "14").replace("March", "April")  # a figure changed
    return " ".join(words[: len(words) // 2] + ["and", "more", "talks", "will", "follow"])


def corpus_plan(seed: int, articles: int = 16) -> list[dict]:
    """Articles as (text, outlet, published, claims [(speaker, content, kind)])."""
    rng = random.Random(seed)
    plan = []
    for n in range(articles):
        claims = []
        parts = [f"Report {n} from the {rng.choice(['north', 'south', 'coast'])} desk."]
        for speaker, content in rng.sample(STATEMENTS, rng.randint(1, 3)):
            said = variant(rng, content)
            kind = rng.choice(["direct", "direct", "indirect"])
            parts.append(
                f"{speaker} said: “{said}”." if kind == "direct" else f"{speaker} said that {said}."
            )
            claims.append((speaker, said, kind))
        if rng.random() < 0.4:
            parts.append(COPIED)
        if rng.random() < 0.3:
            claims.append((None, parts[0], "outlet"))
        plan.append(
            {
                "text": " ".join(parts),
                "outlet": rng.choice(OUTLETS + [None]),
                "published": rng.choice([None, "2026-03-01", "2026-03-02", "2026-05-20"]),
                "claims": claims,
            }
        )
    return plan


def insert(corpus: Corpus, article: dict) -> int:
    aid = corpus.article(article["text"], article["outlet"], article["published"])
    for speaker, content, kind in article["claims"]:
        if kind == "outlet":
            corpus.claim(aid, None, content, "outlet")
        else:
            corpus.claim(aid, speaker, content, kind)
    return aid


def snapshot(path: Path) -> dict:
    """Everything matching writes, with group ids replaced by their members."""
    conn = sqlite3.connect(path)
    members: dict[int, tuple[int, ...]] = {}
    for gid, cid in conn.execute("SELECT group_id, id FROM claims ORDER BY id"):
        members.setdefault(gid, ())
        members[gid] += (cid,)
    groups = sorted(
        (members[row[0]], *row[1:])
        for row in conn.execute(
            """SELECT id, speaker_id, summary, claims_count, outlets_count,
                      independent_outlets_count, first_claim_id, fidelity, status,
                      first_article_id, first_published, conflict, verdict_id
               FROM claim_groups"""
        )
    )
    out = {
        "groups": groups,
        "claims": conn.execute("SELECT id, fidelity, diff FROM claims ORDER BY id").fetchall(),
        "suggestions": sorted(
            conn.execute(
                "SELECT claim_id, other_claim_id, score, state FROM claim_group_suggestions"
            ).fetchall()
        ),
        "reuse": sorted(conn.execute("SELECT * FROM article_reuse").fetchall()),
        "pairs": sorted(conn.execute("SELECT * FROM match_pairs").fetchall()),
        "postings": sorted(conn.execute("SELECT * FROM match_postings").fetchall()),
    }
    conn.close()
    return out


def full_match_of(path: Path, tmp: Path) -> dict:
    copy = tmp / f"full-{path.stem}.db"
    with sqlite3.connect(path) as source, sqlite3.connect(copy) as target:
        source.backup(target)  # the write-ahead log too, which a file copy would miss
    match(sqlite_utils.Database(copy))
    return snapshot(copy)


@pytest.mark.parametrize("seed", range(6))
def test_random_splits_of_loads_give_the_full_match(tmp_path, seed):
    rng = random.Random(seed)
    plan = corpus_plan(seed)
    corpus = Corpus(tmp_path / f"inc-{seed}.db")
    loaded: list[int] = []
    position = 0
    while position < len(plan):
        size = rng.randint(1, 5)
        for article in plan[position : position + size]:
            loaded.append(insert(corpus, article))
        position += size
        if loaded and rng.random() < 0.3:  # diplo remove, between loads
            remove_article(corpus.conn, loaded.pop(rng.randrange(len(loaded))))
        if rng.random() < 0.3:  # a later load states an outlet's kind (reuse direction)
            with corpus.conn:
                corpus.conn.execute(
                    "UPDATE outlets SET kind = ? WHERE name = 'Post'",
                    [rng.choice(["wire", "newspaper"])],
                )
        update_matches(corpus.db)
    got = snapshot(corpus.path)
    assert len({g[0] for g in got["groups"] if len(g[0]) > 1}) >= 2  # the corpus groups
    assert got == full_match_of(corpus.path, tmp_path)


def test_one_full_load_and_article_by_article_loads_agree(tmp_path):
    plan = corpus_plan(99, articles=12)
    whole = Corpus(tmp_path / "whole.db")
    for article in plan:
        insert(whole, article)
    match(whole.db)
    single = Corpus(tmp_path / "single.db")
    for article in plan:
        insert(single, article)
        update_matches(single.db)
    assert snapshot(single.path) == snapshot(whole.path)


def test_a_bigram_crossing_the_posting_cap_rebuilds_its_block(tmp_path, monkeypatch):
    # With a cap of 3, the fourth claim sharing "will sign" makes that bigram
    # common: pairs that relied on it must go, as a full match would find.
    monkeypatch.setattr(T, "MAX_POSTING", 3)
    corpus = Corpus(tmp_path / "cap.db")
    said = "We will sign the deal with the northern partners this spring"
    for n, outlet in enumerate(OUTLETS):
        corpus.quoted(
            "Ana Ruiz", said.replace("spring", ["spring", "summer", "year", "week"][n]), outlet
        )
        update_matches(corpus.db)
    assert snapshot(corpus.path) == full_match_of(corpus.path, tmp_path)


def test_without_an_index_the_first_update_is_a_full_match(tmp_path):
    corpus = Corpus(tmp_path / "old.db")
    for article in corpus_plan(5, articles=6):
        insert(corpus, article)
    update_matches(corpus.db)
    meta = corpus.conn.execute("SELECT value FROM diplo_meta WHERE key = 'match_index'").fetchone()
    assert meta is not None
    assert snapshot(corpus.path) == full_match_of(corpus.path, tmp_path)


def test_seed_files_loaded_in_two_runs_match_as_one_full_match(tmp_path, seeds_dir):
    from click.testing import CliRunner

    from loader.cli import cli

    files = sorted(str(p) for p in seeds_dir.glob("*.txt"))
    db = tmp_path / "two.db"
    manifest = ["--manifest", str(seeds_dir / "manifest.yml")]
    for part in (files[1::2], files[0::2]):
        result = CliRunner().invoke(cli, ["load", str(db), *part, *manifest])
        assert result.exit_code == 0, result.output
    got = snapshot(db)
    assert got["reuse"] and any(len(g[0]) > 1 for g in got["groups"])
    assert got == full_match_of(db, tmp_path)


def test_diplo_remove_and_diplo_match_keep_the_full_result(tmp_path, seeds_dir):
    from click.testing import CliRunner

    from loader.cli import cli

    db = tmp_path / "rm.db"
    runner = CliRunner()
    manifest = ["--manifest", str(seeds_dir / "manifest.yml")]
    assert runner.invoke(cli, ["load", str(db), str(seeds_dir), *manifest]).exit_code == 0
    before = snapshot(db)
    result = runner.invoke(cli, ["match", str(db)])  # nothing changed: nothing moves
    assert result.exit_code == 0, result.output
    assert snapshot(db) == before
    removed = sorted(seeds_dir.glob("*.txt"))[4]  # 004, the origin 002 was rewritten from
    result = runner.invoke(cli, ["remove", str(db), str(removed)])
    assert result.exit_code == 0, result.output
    after = snapshot(db)
    assert after != before and after == full_match_of(db, tmp_path)
    assert runner.invoke(cli, ["match", str(db), "--full"]).exit_code == 0
    assert snapshot(db) == after


def test_an_article_without_claims_still_counts_for_reuse(tmp_path):
    corpus = Corpus(tmp_path / "bare.db")
    for article in corpus_plan(3, articles=6):
        insert(corpus, article)
    update_matches(corpus.db)
    story = corpus.conn.execute("SELECT text FROM articles ORDER BY length(text) DESC").fetchone()
    corpus.article(story[0] + " Copied by the aggregator.", "Aggregator", "2026-06-01")
    update_matches(corpus.db)  # no claim changed: only the new article can tell reuse
    got = snapshot(corpus.path)
    assert any(row[1] == 7 for row in got["reuse"])
    assert got == full_match_of(corpus.path, tmp_path)
    update_matches(corpus.db)  # nothing changed at all: nothing moves
    assert snapshot(corpus.path) == got
