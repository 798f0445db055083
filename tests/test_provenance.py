"""Provenance on wire copy (issue 15): direction from evidence, every pair found,
shared sources, outlet kinds. Crafted passages only."""

from __future__ import annotations

import random
import sqlite3

import pytest
import sqlite_utils
from click.testing import CliRunner

from loader.cli import cli
from loader.matching import direction as D
from loader.matching.reuse import ArticleText, _shingle_sets, find_reuse, passes
from loader.schema import ensure_schema
from tests.matching_corpus import Corpus

# A wire story and two papers that each rewrite part of it in their own words.
WIRE = (
    "The lighthouse keeper on Gull Rock has rescued three sailors whose yacht "
    "struck the reef during the storm on Tuesday night, the coastguard said. "
    "The keeper rowed out twice in heavy seas before dawn and brought the men "
    "ashore wrapped in blankets from the lamp room. A coastguard spokesman "
    "praised the rescue as the bravest he had seen in twenty years of service. "
    "The yacht was later towed into harbour by the lifeboat crew from Port Ellen."
)
PAPER_A = (
    "HERO of the week is a lonely lamp man. "
    "The lighthouse keeper on Gull Rock has rescued three sailors whose yacht "
    "struck the reef during the storm on Tuesday night. Our readers will "
    "remember the island from the famous painting that hangs in the town hall. "
    "The keeper rowed out twice in heavy seas before dawn, locals told us over "
    "tea in the harbour cafe where fishermen gather every morning."
)
PAPER_B = (
    "Brave beacon man saves sailors. A coastguard spokesman "
    "praised the rescue as the bravest he had seen in twenty years of service. "
    "Villagers lined the quay with flasks of soup and cheered loudly. "
    "The yacht was later towed into harbour by the lifeboat crew from Port Ellen, "
    "and its owner said he would never sail in winter again."
)


def side(id: int, published: str | None = None, wire: bool = False) -> D.Side:
    return D.Side(id, published, wire)


EVEN = D.Evidence(0.3, 0.3, 0.0)


# --- 1. direction: each rule alone ------------------------------------------


def test_times_with_zones_decide_times_without_do_not():
    a = side(1, "2024-03-01T09:00:00+00:00")
    b = side(2, "2024-03-01T08:00:00-02:00")  # 10:00 UTC: later than a
    assert D.by_publication_time(a, b, EVEN) == (a, b, D.BASIS_TIMES)
    naive = side(3, "2024-03-01T07:00:00")
    assert D.by_publication_time(a, naive, EVEN) is None
    assert D.by_publication_time(side(4, "2024-03-01"), side(5, "2024-03-02"), EVEN) is None


def test_dates_decide_only_when_the_days_differ():
    a, b = side(1, "2024-03-02"), side(2, "2024-03-01")
    assert D.by_publication_date(a, b, EVEN) == (b, a, D.BASIS_DATES)
    assert D.by_publication_date(side(1, "2024-03-01"), side(2, "2024-03-01T10:00"), EVEN) is None
    assert D.by_publication_date(side(1, "2024-03-01"), side(2), EVEN) is None


def test_the_wire_is_the_origin_when_dates_do_not_decide():
    wire, paper = side(7, wire=True), side(3)
    # the paper is far more contained in the wire than the reverse would say
    # nothing here: the outlet's kind comes first
    ev = D.Evidence(0.05, 0.6, 0.5)
    earlier, later, basis = D.by_wire_agency(paper, wire, ev)
    assert (earlier, later) == (wire, paper)
    assert basis == D.BASIS_WIRE.format(dates=D.DATES_UNKNOWN)
    assert D.by_wire_agency(side(1, wire=True), side(2, wire=True), ev) is None
    assert D.by_wire_agency(side(1), side(2), ev) is None


def test_dates_come_before_the_wire():
    paper, wire = side(1, "2024-03-01"), side(2, "2024-03-02", wire=True)
    assert D.decide(paper, wire, EVEN) == (paper, wire, D.BASIS_DATES)
    same_day = side(3, "2024-03-01", wire=True)
    assert D.decide(paper, same_day, EVEN)[0] == same_day
    assert "published the same day" in D.decide(paper, same_day, EVEN)[2]


def test_text_asymmetry_decides_only_for_a_copy():
    a, b = side(1), side(2)
    assert D.by_text_containment(a, b, D.Evidence(0.6, 0.2, 0.0))[:2] == (b, a)
    # both under COPY_CONTAINMENT: lengths, not derivation
    assert D.by_text_containment(a, b, D.Evidence(0.08, 0.03, 0.0)) is None
    assert D.by_shared_claims(a, b, D.Evidence(0.08, 0.03, 0.9)) is None
    earlier, later, basis = D.decide(b, a, D.Evidence(0.03, 0.08, 0.0))
    assert (earlier, later) == (a, b) and basis.startswith("undetermined: too little")
    assert D.is_undetermined(basis) and not D.is_directed(basis)


def test_rules_are_in_order_of_strength():
    assert D.RULES == (
        D.by_publication_time,
        D.by_publication_date,
        D.by_wire_agency,
        D.by_shared_claims,
        D.by_text_containment,
        D.undetermined,
    )


@pytest.mark.parametrize(
    "name, domain, kind, wire",
    [
        ("PA News", None, None, True),
        ("Press Association", None, None, True),
        ("Reuters", None, None, True),
        ("Agence France-Presse", None, None, True),
        ("Yonhap News Agency", None, None, True),
        ("Anadolu Agency", None, None, True),
        (None, "uk.reuters.com", None, True),
        ("www.apnews.com", "www.apnews.com", None, True),
        ("Sky News", "news.sky.com", None, False),
        ("The Daily Paper", None, None, False),
        ("Reuters", None, "newspaper", False),  # a stated kind wins
        ("Harbour Gazette Wire Desk", None, "wire", True),
    ],
)
def test_wire_outlets_by_name_domain_or_stated_kind(name, domain, kind, wire):
    assert D.is_wire_outlet(name, domain, kind) is wire


# --- 2. candidates: every pair over the thresholds ---------------------------


def test_a_two_sentence_brief_matches_its_source():
    brief = (
        "The lighthouse keeper on Gull Rock has rescued three sailors whose yacht "
        "struck the reef. Locals cheered."
    )
    links = find_reuse([ArticleText(1, None, None, WIRE), ArticleText(2, None, None, brief)])
    assert [(r.earlier_article_id, r.later_article_id) for r in links] in ([(1, 2)], [(2, 1)])


def test_short_threshold_needs_most_of_the_shorter_text():
    assert passes(5, 8, 400)  # a brief of 8 shingles, 5 shared
    assert not passes(5, 40, 400)  # 5 of 40: too little for a short text
    assert not passes(3, 4, 400)  # under REUSE_MIN_SHARED_SHORT
    assert passes(8, 150, 400) and not passes(7, 150, 400)


def test_every_pair_over_the_thresholds_is_found():
    """Exhaustive comparison on random texts built from a shared stock of
    phrases: find_reuse returns exactly the pairs that pass on all shingles."""
    rng = random.Random(15)
    words = [f"w{i}" for i in range(300)]
    phrases = [" ".join(rng.choices(words, k=6)) for _ in range(40)]
    articles = []
    for i in range(1, 41):
        n = rng.choice([2, 3, 8, 20])
        parts = [rng.choice(phrases) if rng.random() < 0.4 else " ".join(rng.choices(words, k=6))]
        parts += [
            rng.choice(phrases) if rng.random() < 0.4 else " ".join(rng.choices(words, k=6))
            for _ in range(n)
        ]
        articles.append(ArticleText(i, None, None, ". ".join(parts) + "."))
    _lists, sets, _df, _sizes = _shingle_sets(articles)
    expected = {
        (a.id, b.id)
        for a in articles
        for b in articles
        if a.id < b.id and passes(len(sets[a.id] & sets[b.id]), len(sets[a.id]), len(sets[b.id]))
    }
    found = {
        tuple(sorted((r.earlier_article_id, r.later_article_id))) for r in find_reuse(articles)
    }
    assert expected and found == expected


# --- 3. shared source ----------------------------------------------------------


def test_two_rewrites_of_one_wire_story_share_a_source():
    wire = ArticleText(1, 1, None, WIRE, wire=True)
    a = ArticleText(2, 2, None, PAPER_A)
    b = ArticleText(3, 3, None, PAPER_B + " The keeper rowed out twice in heavy seas before dawn.")
    links = {(r.earlier_article_id, r.later_article_id): r for r in find_reuse([wire, a, b])}
    assert links[(1, 2)].basis.startswith("wire agency is the origin")
    assert links[(1, 3)].basis.startswith("wire agency is the origin")
    shared = links[(2, 3)]
    assert D.is_shared_source(shared.basis) and shared.basis.endswith("article 1")


def test_a_paper_copying_another_paper_is_still_a_copy():
    own = (
        " Villagers lined the quay with flasks of soup and cheered loudly as the "
        "three men stepped onto dry land for the first time in two days."
    )
    wire = ArticleText(1, 1, None, WIRE, wire=True)
    a = ArticleText(2, 2, "2024-03-01", PAPER_A + own)
    b = ArticleText(3, 3, "2024-03-02", PAPER_B + own + " The lamp room blankets were dry.")
    links = {(r.earlier_article_id, r.later_article_id): r for r in find_reuse([wire, a, b])}
    assert links[(2, 3)].basis == D.BASIS_DATES


def test_shared_source_makes_one_source_for_the_independent_count(tmp_path):
    corpus = Corpus(tmp_path / "s.db")
    quote = "The keeper rowed out twice in heavy seas before dawn"
    a = corpus.article(PAPER_A, outlet="Harbour Times")
    b = corpus.article(PAPER_B + " " + quote + ", the coastguard said.", outlet="Island Echo")
    corpus.article(WIRE, outlet="Reuters")
    corpus.claim(a, "Coastguard", quote, kind="indirect")
    corpus.claim(b, "Coastguard", quote, kind="indirect")
    corpus.match()
    rows = {
        (r["earlier_article_id"], r["later_article_id"]): r["basis"]
        for r in corpus.db.query("SELECT * FROM article_reuse")
    }
    assert D.is_shared_source(rows[(a, b)])
    group = next(corpus.db.query("SELECT * FROM claim_groups WHERE claims_count = 2"))
    assert group["outlets_count"] == 2 and group["independent_outlets_count"] == 1
    assert group["status"] == "single-source"


# --- outlets.kind: stated in manifests and front matter ------------------------


def _load(tmp_path, *args):
    return CliRunner().invoke(cli, ["load", str(tmp_path / "k.db"), *args, "--no-match"])


def test_kind_wire_from_front_matter_and_manifest(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text(
        "---\noutlet: Harbour Desk\nkind: Wire\n---\n" + WIRE, encoding="utf-8"
    )
    (tmp_path / "in" / "b.txt").write_text(PAPER_A, encoding="utf-8")
    (tmp_path / "in" / "manifest.yml").write_text(
        "b.txt: {outlet: Island Echo, kind: newspaper}\n", encoding="utf-8"
    )
    result = _load(tmp_path, str(tmp_path / "in"))
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(tmp_path / "k.db")
    kinds = {r["name"]: r["kind"] for r in db["outlets"].rows}
    assert kinds == {"Harbour Desk": "wire", "Island Echo": "newspaper"}


def test_an_unknown_kind_is_one_error_line_and_the_rest_loads(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text(
        "---\noutlet: Harbour Desk\nkind: agency\n---\n" + WIRE, encoding="utf-8"
    )
    (tmp_path / "in" / "b.txt").write_text(PAPER_A, encoding="utf-8")
    result = _load(tmp_path, str(tmp_path / "in"))
    assert result.exit_code != 0
    errors = [line for line in result.output.splitlines() if "a.md" in line]
    assert len(errors) == 1 and "kind must be one of" in errors[0]
    db = sqlite_utils.Database(tmp_path / "k.db")
    assert db["articles"].count == 1


def test_reloading_with_a_stated_kind_updates_the_outlet(tmp_path):
    (tmp_path / "a.md").write_text("---\noutlet: Harbour Desk\n---\n" + WIRE, encoding="utf-8")
    assert _load(tmp_path, str(tmp_path / "a.md")).exit_code == 0
    (tmp_path / "a.md").write_text(
        "---\noutlet: Harbour Desk\nkind: wire\n---\n" + WIRE, encoding="utf-8"
    )
    assert _load(tmp_path, str(tmp_path / "a.md")).exit_code == 0
    db = sqlite_utils.Database(tmp_path / "k.db")
    assert [r["kind"] for r in db["outlets"].rows] == ["wire"]


def test_an_old_database_gains_the_kind_column(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE outlets (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, domain TEXT)"
    )
    conn.execute("INSERT INTO outlets (name) VALUES ('Reuters')")
    conn.commit()
    conn.close()
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    assert list(db["outlets"].rows) == [{"id": 1, "name": "Reuters", "domain": None, "kind": None}]


# --- 4. honest ties -------------------------------------------------------------

QUOTE = "We will never sell the harbour to a foreign company at any price"
REWORDED = "We would never ever sell the old harbour to any foreign company at any price"


def _tie_corpus(tmp_path, dates: tuple) -> tuple[Corpus, list[int]]:
    corpus = Corpus(tmp_path / "t.db")
    claims = []
    for n, (outlet, content, published) in enumerate(
        [
            ("Island Echo", REWORDED, dates[0]),
            ("Reuters", QUOTE, dates[1]),
            ("Harbour Times", QUOTE, dates[2]),
        ]
    ):
        aid = corpus.article(f"Story {n}. The mayor said: “{content}”.", outlet, published)
        claims.append(corpus.claim(aid, "Mayor Dunn", content))
    corpus.match()
    return corpus, claims


def _fidelity(corpus: Corpus, claims: list[int]) -> list[str]:
    rows = dict(corpus.conn.execute("SELECT id, fidelity FROM claims").fetchall())
    return [rows[c] for c in claims]


@pytest.mark.parametrize("dates", [(None, None, None), ("2024-03-01",) * 3])
def test_no_dates_or_equal_dates_crown_no_origin(tmp_path, dates):
    corpus, claims = _tie_corpus(tmp_path, dates)
    assert corpus.conn.execute("SELECT count(*) FROM article_reuse").fetchone()[0] == 0
    # the identical copies are verbatim of each other, never "altered" against
    # the first-listed rewrite; the rewrite is altered against both
    assert _fidelity(corpus, claims) == ["altered", "verbatim", "verbatim"]
    group = next(corpus.db.query("SELECT * FROM claim_groups WHERE claims_count = 3"))
    assert group["fidelity"] == "altered" and group["status"] == "fidelity-concern"


def test_known_dates_judge_against_the_origin(tmp_path):
    corpus, claims = _tie_corpus(tmp_path, ("2024-03-02", "2024-03-01", "2024-03-03"))
    assert _fidelity(corpus, claims) == ["altered", "origin", "verbatim"]


def test_reuse_orders_undated_reports(tmp_path):
    """The wire rule orders undated reports: a paper reusing the wire's text
    comes after it, so the wire's version is the origin."""
    corpus = Corpus(tmp_path / "r.db")
    wire = corpus.article(WIRE + f" The mayor said: “{QUOTE}”.", "Reuters")
    paper = corpus.article(PAPER_A + f" The mayor said: “{QUOTE}”.", "Island Echo")
    c_wire = corpus.claim(wire, "Mayor Dunn", QUOTE)
    c_paper = corpus.claim(paper, "Mayor Dunn", QUOTE)
    corpus.match()
    assert _fidelity(corpus, [c_wire, c_paper]) == ["origin", "verbatim"]


# --- the plugin shows shared sources and unknown order as such -------------------


@pytest.mark.asyncio
async def test_pages_show_shared_sources_and_unknown_order(tmp_path):
    from datasette.app import Datasette

    corpus = Corpus(tmp_path / "news.db")
    wire = corpus.article(WIRE, "Reuters")
    a = corpus.article(PAPER_A, "Harbour Times")
    b = corpus.article(PAPER_B + " The keeper rowed out twice in heavy seas before dawn.", "Echo")
    corpus.match()
    (tmp_path / "ties").mkdir()
    tie, claims = _tie_corpus(tmp_path / "ties", (None, None, None))
    gid = next(tie.db.query("SELECT id FROM claim_groups WHERE claims_count = 3"))["id"]
    ds = Datasette([str(corpus.path), str(tie.path)])

    article = (await ds.client.get(f"/-/diplo/news/articles/{a}.json")).json()
    assert [r["earlier_article_id"] for r in article["reused_from"]] == [wire]
    assert [r["article_id"] for r in article["shares_source_with"]] == [b]
    html = (await ds.client.get(f"/-/diplo/news/articles/{a}")).text
    assert "Shares a source with" in html

    # the story picture draws a link with an arrowhead only when it is directed
    reuse = (await ds.client.get(f"/-/diplo/news/reuse.json?story={a}")).json()
    links = reuse["story"]["links"]
    undirected = [link for link in links if not link["directed"]]
    assert len(links) == 3 and len(undirected) == 1
    assert {undirected[0]["earlier_article_id"], undirected[0]["later_article_id"]} == {a, b}

    group = (await ds.client.get(f"/-/diplo/t/groups/{gid}.json")).json()
    assert group["group"]["order_known"] is False
    assert not any(v["is_earliest"] for v in group["versions"])
    assert all(v["order_unknown"] for v in group["versions"])
    html = (await ds.client.get(f"/-/diplo/t/groups/{gid}")).text
    assert "(earliest)" not in html and html.count("(order unknown)") == 3


def test_claimreview_names_no_first_appearance_when_the_order_is_unknown(tmp_path):
    from loader.matching.claimreview import claim_reviews

    corpus, claims = _tie_corpus(tmp_path, (None, None, None))
    gid = next(corpus.db.query("SELECT id FROM claim_groups WHERE claims_count = 3"))["id"]
    result = CliRunner().invoke(cli, ["verdict", str(corpus.path), str(gid), "--status", "mixed"])
    assert result.exit_code == 0, result.output
    (review,) = claim_reviews(corpus.conn)
    assert "firstAppearance" not in review["itemReviewed"]
    assert len(review["itemReviewed"]["appearance"]) == 3


def test_a_later_wire_take_and_a_paper_share_the_earlier_dated_take():
    """Two wire takes dated apart: the paper rewrote the first; the second
    repeats it. The paper and the second take share a source, the first take."""
    first = ArticleText(1, 1, "2024-03-01", WIRE, wire=True)
    second = ArticleText(
        2, 1, "2024-03-02", WIRE + " The three sailors were said to be recovering well.", wire=True
    )
    paper = ArticleText(3, 2, None, PAPER_A)
    links = {
        (r.earlier_article_id, r.later_article_id): r.basis
        for r in find_reuse([first, second, paper])
    }
    assert links[(1, 2)] == D.BASIS_DATES
    assert links[(1, 3)].startswith("wire agency is the origin")
    assert links[(2, 3)] == D.BASIS_SHARED.format(source=1)
    # undated takes: only containment orders them, so the later take stays an origin
    undated = [ArticleText(a.id, a.outlet_id, None, a.text, wire=True) for a in (first, second)]
    links = {
        (r.earlier_article_id, r.later_article_id): r.basis for r in find_reuse([*undated, paper])
    }
    assert links[(2, 3)].startswith("wire agency is the origin")
