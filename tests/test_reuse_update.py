"""Incremental article reuse (loader/matching/reuse_update.py) gives the full
match's links and index whatever the order and batching of loads, including
when a load moves an archive-wide count across a threshold: an outlet's
boilerplate (its article count moves the share, its new articles move the
counts) and a shingle's document frequency crossing MAX_SHINGLE_ARTICLES.
The thresholds are lowered so a few short articles cross them often.
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
from loader.matching.reuse import article_shingles, shingle_list
from loader.remove import remove_article
from tests.matching_corpus import Corpus

PARAGRAPHS = [
    "The harbour authority closed the eastern pier after divers found cracks in the old pilings.",
    "Fishing crews moved their boats to the western basin while engineers drew up repair plans.",
    "A spokesman for the port said repairs would cost more than the annual maintenance budget.",
    "Residents of the quay complained about lorries queuing along the narrow coastal road.",
    "The council will debate an emergency grant for the harbour at its meeting next Tuesday.",
    "Tourist ferries kept their timetable but boarded passengers from a temporary pontoon.",
    "Insurers sent assessors to examine the warehouses built on the reclaimed land nearby.",
    "Older fishermen recalled a similar closure after the storm surge three decades ago.",
]
SIGN_OFF = {
    "Gazette": "Reporting by the Gazette harbour desk, with additional reporting from our staff.",
    "Courier": "Send your news tips to the Courier newsroom by email or by post.",
    "Wire": None,
}


def plan(seed: int, articles: int = 14) -> list[tuple[str, str, str | None]]:
    rng = random.Random(seed)
    out = []
    for _ in range(articles):
        outlet = rng.choice(list(SIGN_OFF))
        parts = rng.sample(PARAGRAPHS, rng.randint(2, 4))
        if SIGN_OFF[outlet] and rng.random() < 0.8:
            parts.append(SIGN_OFF[outlet])
        date = rng.choice([None, "2026-02-01", "2026-02-02", "2026-02-05"])
        out.append((" ".join(parts), outlet, date))
    return out


def snapshot(path: Path) -> dict:
    conn = sqlite3.connect(path)
    out = {
        table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall())
        for table in (
            "article_reuse",
            "reuse_links",
            "reuse_articles",
            "reuse_postings",
            "reuse_outlet_counts",
        )
    }
    conn.close()
    return out


def full(path: Path, tmp: Path) -> dict:
    copy = tmp / f"full-{path.stem}.db"
    with sqlite3.connect(path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    match(sqlite_utils.Database(copy))
    return snapshot(copy)


@pytest.fixture
def low_thresholds(monkeypatch):
    monkeypatch.setattr(T, "MAX_SHINGLE_ARTICLES", 4)
    monkeypatch.setattr(T, "BOILERPLATE_OUTLET_SHARE", 0.5)


@pytest.mark.parametrize("seed", range(8))
def test_random_loads_and_removals_give_the_full_links_and_index(tmp_path, low_thresholds, seed):
    rng = random.Random(seed)
    corpus = Corpus(tmp_path / f"r{seed}.db")
    loaded: list[int] = []
    articles = plan(seed)
    position = 0
    while position < len(articles):
        size = rng.randint(1, 4)
        for text, outlet, date in articles[position : position + size]:
            loaded.append(corpus.article(text, outlet, date))
        position += size
        if len(loaded) > 2 and rng.random() < 0.3:
            remove_article(corpus.conn, loaded.pop(rng.randrange(len(loaded))))
        if rng.random() < 0.2:
            with corpus.conn:  # a re-dated article: its direction evidence moves
                corpus.conn.execute(
                    "UPDATE articles SET published = '2026-01-30' WHERE id = ?",
                    [rng.choice(loaded)],
                )
        update_matches(corpus.db)
    got = snapshot(corpus.path)
    assert got["article_reuse"]
    assert got == full(corpus.path, tmp_path)


def test_a_shingle_becoming_common_drops_the_links_it_made(tmp_path, monkeypatch):
    # With at most 3 articles per candidate shingle, a fourth copy of a
    # paragraph makes its shingles stock phrasing: the three earlier pairs
    # found through it must go, as a full match would drop them.
    monkeypatch.setattr(T, "MAX_SHINGLE_ARTICLES", 3)
    corpus = Corpus(tmp_path / "df.db")
    for n in range(3):
        corpus.article(f"Story {n} opens here. " + PARAGRAPHS[0] + " " + PARAGRAPHS[n + 1])
    update_matches(corpus.db)
    assert len(snapshot(corpus.path)["article_reuse"]) == 3
    corpus.article("Story 3 opens here. " + PARAGRAPHS[0] + " " + PARAGRAPHS[5])
    update_matches(corpus.db)
    got = snapshot(corpus.path)
    assert got["article_reuse"] == []
    assert got == full(corpus.path, tmp_path)


def test_an_outlets_growing_size_moves_its_boilerplate(tmp_path, monkeypatch):
    # A sign-off in 3 of 3 articles is boilerplate (3 >= 0.5 * 3); after four
    # more articles without it, 3 < 0.5 * 7: the sign-off is wording again
    # and the first three articles now share enough of it to be linked.
    monkeypatch.setattr(T, "BOILERPLATE_OUTLET_SHARE", 0.5)
    monkeypatch.setattr(T, "REUSE_MIN_SHARED", 4)
    corpus = Corpus(tmp_path / "bp.db")
    sign_off = SIGN_OFF["Gazette"] + " " + SIGN_OFF["Courier"]
    for n in range(3):
        corpus.article(f"Item {n}: " + PARAGRAPHS[n] + " " + sign_off, "Gazette")
    update_matches(corpus.db)
    assert snapshot(corpus.path)["article_reuse"] == []
    for n in range(4):
        corpus.article(f"Brief {n}: " + PARAGRAPHS[n + 3], "Gazette")
    update_matches(corpus.db)
    got = snapshot(corpus.path)
    assert {(r[0], r[1]) for r in got["article_reuse"]} == {(1, 2), (1, 3), (2, 3)}
    assert got == full(corpus.path, tmp_path)


def test_a_load_leaves_links_far_from_it_alone(tmp_path):
    # The stored link between two unrelated articles is not recomputed when
    # an article sharing nothing with them is added: a value planted in it
    # survives, while the new article's own link is found.
    corpus = Corpus(tmp_path / "far.db")
    corpus.article(PARAGRAPHS[0] + " " + PARAGRAPHS[1] + " " + PARAGRAPHS[2], "Gazette")
    corpus.article(PARAGRAPHS[0] + " " + PARAGRAPHS[1] + " " + PARAGRAPHS[3], "Courier")
    update_matches(corpus.db)
    with corpus.conn:
        corpus.conn.execute("UPDATE article_reuse SET shared_words = -7")
    corpus.article(PARAGRAPHS[5] + " " + PARAGRAPHS[6] + " " + PARAGRAPHS[7], "Wire")
    corpus.article(PARAGRAPHS[5] + " " + PARAGRAPHS[6] + " The end.", "Gazette")
    update_matches(corpus.db)
    rows = {(r[0], r[1]): r for r in snapshot(corpus.path)["article_reuse"]}
    assert {tuple(sorted(k)) for k in rows} == {(1, 2), (3, 4)}
    planted = [r for k, r in rows.items() if set(k) == {1, 2}][0]
    assert planted[5] == -7
    assert [r for k, r in rows.items() if set(k) == {3, 4}][0][5] > 0


def test_an_older_index_is_replaced_by_a_full_match(tmp_path):
    corpus = Corpus(tmp_path / "old.db")
    corpus.article(PARAGRAPHS[0] + " " + PARAGRAPHS[1], "Gazette")
    with corpus.conn:
        corpus.conn.execute("CREATE TABLE match_shingles (article_id INTEGER, shingles BLOB)")
        corpus.conn.execute("INSERT INTO diplo_meta VALUES ('match_index', '1')")
    update_matches(corpus.db)
    tables = {r[0] for r in corpus.conn.execute("SELECT name FROM sqlite_master")}
    assert "match_shingles" not in tables
    assert len(snapshot(corpus.path)["reuse_articles"]) == 1


def test_claims_grouped_later_redirect_a_stored_link(tmp_path):
    # Two undated articles share all their own wording: which came first is
    # undetermined until a third report groups their two versions of one
    # statement (each too far in time from the other to be compared, both
    # close to the third): the excerpt's article is then the derived one,
    # though neither article's shingles changed.
    corpus = Corpus(tmp_path / "votes.db")
    short = "We will sign the water agreement with our neighbours"
    long = short + " before the end of March"
    story = PARAGRAPHS[0] + " " + PARAGRAPHS[1] + " Ana Ruiz said: “{}” and “{}”."
    # quotations count in an article's size: a second quotation evens the two
    # sizes (12 quoted shingles each), so containment is symmetric
    extra = {short: "Talks resume in Geneva on Monday morning", long: "Thank you"}
    for content, day in ((short, "2026-01-01"), (long, "2026-03-01")):
        aid = corpus.article(story.format(content, extra[content]))
        claim = corpus.claim(aid, "Ana Ruiz", content)
        with corpus.conn:
            corpus.conn.execute("UPDATE claims SET stated_on = ? WHERE id = ?", [day, claim])
    update_matches(corpus.db)
    (before,) = snapshot(corpus.path)["article_reuse"]
    assert before[3].startswith("undetermined")
    aid = corpus.article(f"Ana Ruiz said: “{long}”.")
    claim = corpus.claim(aid, "Ana Ruiz", long)
    with corpus.conn:
        corpus.conn.execute("UPDATE claims SET stated_on = '2026-01-30' WHERE id = ?", [claim])
    update_matches(corpus.db)
    got = snapshot(corpus.path)
    (after,) = got["article_reuse"]
    assert (after[0], after[1]) == (2, 1) and not after[3].startswith("undetermined")
    assert got == full(corpus.path, tmp_path)


def test_the_index_keeps_quotations_in_an_articles_size(tmp_path):
    # An article built around its own quotation, matched incrementally after
    # the source: its containment is over all it says (reuse_articles.size),
    # not over its narrative alone, as in a full match.
    corpus = Corpus(tmp_path / "quoted.db")
    source = PARAGRAPHS[0] + " " + PARAGRAPHS[1]
    quote = " ".join(PARAGRAPHS[5:8])
    own = PARAGRAPHS[0] + f" The harbour master said: “{quote}”"
    corpus.article(source, "Gazette")
    update_matches(corpus.db)
    corpus.article(own, "Courier")
    update_matches(corpus.db)
    got = snapshot(corpus.path)
    (row,) = got["article_reuse"]
    plain, size = article_shingles(own)
    shared = len(set(shingle_list(source)) & set(plain))
    assert size > 2 * len(set(plain))
    assert (row[2] if row[1] == 2 else row[4]) == round(shared / size, 4)
    assert got == full(corpus.path, tmp_path)


def test_reuse_tables_of_an_older_layout_are_rebuilt(tmp_path):
    corpus = Corpus(tmp_path / "layout.db")
    corpus.article(PARAGRAPHS[0] + " " + PARAGRAPHS[1], "Gazette")
    with corpus.conn:  # reuse_articles before it kept each article's size
        corpus.conn.execute(
            "CREATE TABLE reuse_articles (article_id INTEGER PRIMARY KEY, outlet_id, shingles)"
        )
    update_matches(corpus.db)
    assert [r[0] for r in corpus.conn.execute("SELECT size FROM reuse_articles")] == [
        article_shingles(PARAGRAPHS[0] + " " + PARAGRAPHS[1])[1]
    ]
