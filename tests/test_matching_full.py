"""The streamed full match (loader/matching/full.py, reuse_full.py) gives what
computing everything at once gives: article reuse equal to ``find_reuse``
over every article held in memory, and groups joined across blocks by a
person's confirmation."""

from __future__ import annotations

import pytest

from loader.matching import match
from loader.matching import thresholds as T
from loader.matching.reuse import ArticleText, find_reuse
from loader.matching.verdicts import decide_pair
from tests.matching_corpus import Corpus
from tests.test_reuse_update import plan


@pytest.mark.parametrize("seed", range(4))
def test_streamed_reuse_is_find_reuse_over_all_articles(tmp_path, monkeypatch, seed):
    monkeypatch.setattr(T, "MAX_SHINGLE_ARTICLES", 4)
    monkeypatch.setattr(T, "BOILERPLATE_OUTLET_SHARE", 0.5)
    corpus = Corpus(tmp_path / f"s{seed}.db")
    outlets = {}
    for text, outlet, date in plan(seed, articles=16):
        aid = corpus.article(text, outlet, date)
        outlets[aid] = (text, outlet, date)
    match(corpus.db)
    ids = {name: i for i, name in corpus.conn.execute("SELECT id, name FROM outlets")}
    wire = {i for i, kind in corpus.conn.execute("SELECT id, kind FROM outlets") if kind == "wire"}
    expected = find_reuse(
        ArticleText(aid, ids[outlet], date, text, wire=ids[outlet] in wire)
        for aid, (text, outlet, date) in outlets.items()
    )
    stored = corpus.conn.execute("SELECT * FROM article_reuse").fetchall()
    assert expected
    assert sorted(stored) == sorted(
        (
            r.earlier_article_id,
            r.later_article_id,
            r.containment,
            r.basis,
            r.reverse_containment,
            r.shared_words,
        )
        for r in expected
    )


def test_a_confirmation_groups_claims_of_two_speakers_and_a_speakerless_one(tmp_path):
    corpus = Corpus(tmp_path / "joined.db")
    said = "The ministry will publish the audit of the port contracts next week"
    first = corpus.quoted("Ana Ruiz", said, "Gazette", "2026-02-01")
    second = corpus.quoted("Omar Said", said, "Courier", "2026-02-01")
    third = corpus.quoted("Ana Ruiz", said + " in full", "Herald", "2026-02-02")
    article = corpus.article("An unsigned note: " + said + ".", "Post", "2026-02-02")
    loose = corpus.claim(article, None, said, "indirect")
    match(corpus.db)
    group = dict(corpus.conn.execute("SELECT id, group_id FROM claims"))
    assert group[first] == group[third] != group[second]
    decide_pair(corpus.conn, first, second, "confirmed")
    decide_pair(corpus.conn, second, loose, "confirmed")
    match(corpus.db)
    group = dict(corpus.conn.execute("SELECT id, group_id FROM claims"))
    assert group[first] == group[second] == group[third] == group[loose]
    assert corpus.conn.execute("SELECT min(id) FROM claim_groups").fetchone()[0] == 1


def test_the_match_uses_its_own_page_cache_and_gives_the_connection_back_its_own(
    tmp_path, monkeypatch
):
    from loader.matching import full

    corpus = Corpus(tmp_path / "cache.db")
    said = "The ministry will publish the audit of the port contracts next week"
    corpus.quoted("Ana Ruiz", said, "Gazette", "2026-02-01")
    corpus.quoted("Ana Ruiz", said, "Courier", "2026-02-01")
    corpus.conn.execute("PRAGMA cache_size = -1234")
    corpus.conn.execute("PRAGMA temp.cache_size = -567")
    seen = []
    grouper_run = full.Grouper.run

    def run(self):
        seen.extend(
            self.conn.execute(f"PRAGMA {db}.cache_size").fetchone()[0] for db in full.CACHES
        )
        grouper_run(self)

    monkeypatch.setattr(full.Grouper, "run", run)
    match(corpus.db)
    assert seen == [-full.CACHE_KIB, -full.CACHE_KIB]
    assert corpus.conn.execute("PRAGMA cache_size").fetchone()[0] == -1234
    assert corpus.conn.execute("PRAGMA temp.cache_size").fetchone()[0] == -567
    assert corpus.conn.execute("SELECT count(DISTINCT group_id) FROM claims").fetchone()[0] == 1
