"""Article reuse: the 002/004 seed rewrite, independent reports, outlet boilerplate."""

from __future__ import annotations

import pytest
import sqlite_utils
from click.testing import CliRunner

from loader.cli import cli
from loader.matching.reuse import BASIS_DATES, ArticleText, find_reuse
from tests.conftest import SEEDS
from tests.matching_corpus import Corpus

SEED_002 = SEEDS / "002_b22d4353b0c76c7f.txt"
SEED_004 = SEEDS / "004_96406b65157693d5.txt"


def _seed_corpus(tmp_path) -> tuple[Corpus, dict[str, int]]:
    corpus = Corpus(tmp_path / "m.db")
    ids = {}
    for path in sorted(SEEDS.glob("*.txt")):
        ids[path.name[:3]] = corpus.article(path.read_text(encoding="utf-8"))
    quotes = {
        "002": [
            "We are working to reach a shared security cooperation agreement with Iraq",
            "Iran is ready to expand economic, cultural, and political ties",
        ],
        "004": [
            "We are striving to reach a shared security cooperation agreement with Iraq, while "
            "continuing to strengthen security and military collaboration between our two countries",
            "Iran is ready to expand economic, political, and cultural cooperation with Iraq",
        ],
    }
    for seed, contents in quotes.items():
        for content in contents:
            corpus.claim(ids[seed], "Abbas Araghchi", content, kind="indirect")
    return corpus, ids


def test_seed_rewrite_is_the_top_pair_with_004_as_origin(tmp_path):
    corpus, ids = _seed_corpus(tmp_path)
    corpus.match()
    rows = list(corpus.db.query("SELECT * FROM article_reuse ORDER BY containment DESC"))
    assert (rows[0]["earlier_article_id"], rows[0]["later_article_id"]) == (ids["004"], ids["002"])
    assert "asymmetric containment" in rows[0]["basis"]
    assert "publication dates unknown" in rows[0]["basis"]
    assert rows[0]["shared_words"] > 50


def test_seed_rewrite_end_to_end_from_the_seed_files(tmp_path):
    db_path = tmp_path / "seeds.db"
    result = CliRunner().invoke(cli, ["load", str(db_path), str(SEEDS)])
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(db_path)
    files = {r["id"]: r["source_file"] for r in db["articles"].rows}
    top = next(db.query("SELECT * FROM article_reuse ORDER BY containment DESC"))
    assert files[top["earlier_article_id"]].endswith(SEED_004.name)
    assert files[top["later_article_id"]].endswith(SEED_002.name)


def test_independent_reports_of_one_event_are_not_reuse():
    a = ArticleText(
        1,
        1,
        None,
        "Iraqi Foreign Minister Fuad Hussein arrived in Tehran on Sunday for talks with "
        "Iranian officials on border security, trade and water, his ministry said in a statement "
        "released after he landed at the airport in the Iranian capital.",
    )
    b = ArticleText(
        2,
        2,
        None,
        "Fuad Hussein, Iraq's top diplomat, landed in the Iranian capital at the weekend. "
        "Officials there expect discussions to centre on trade, water and the long frontier the "
        "neighbours share, according to people briefed on the agenda.",
    )
    assert find_reuse([a, b]) == []


def test_dates_decide_direction_when_known():
    text = (
        "The ministers agreed to reopen the crossing at Mandali, to extend the electricity "
        "contract for another year and to set up a committee on water sharing in the basin."
    )
    early = ArticleText(1, 1, "2025-01-02", text + " Reporting by the wire desk.")
    late = ArticleText(2, 2, "2025-01-01", text)
    (row,) = find_reuse([early, late])
    assert (row.earlier_article_id, row.later_article_id) == (2, 1)
    assert row.basis == BASIS_DATES


@pytest.mark.parametrize(
    "dates, said",
    [(("2025-01-01", "2025-01-01"), "published the same day"), ((None, "2025-01-01"), "unknown")],
)
def test_on_one_day_the_text_decides_and_the_basis_says_why(dates, said):
    text = (
        "The ministers agreed to reopen the crossing at Mandali, to extend the electricity "
        "contract for another year and to set up a committee on water sharing in the basin."
    )
    rewrite = ArticleText(1, 1, dates[0], text + " Reporting by the wire desk, with more lines.")
    origin = ArticleText(2, 2, dates[1], text)
    (row,) = find_reuse([rewrite, origin])
    assert row.basis != BASIS_DATES and "containment" in row.basis
    assert said in row.basis and ("unknown" in row.basis) == (said == "unknown")


@pytest.mark.parametrize("outlet", [7, None])
def test_outlet_boilerplate_is_not_reuse(outlet):
    signoff = (
        "Kurdistan24 is an independent broadcaster based in Erbil covering the Kurdistan Region, "
        "Iraq and the wider Middle East; follow our live coverage on the website and the app."
    )
    stories = [
        "Farmers near Duhok said the late rains saved the wheat harvest this spring.",
        "The regional parliament met to discuss the budget law and public sector salaries.",
        "A new road linking Erbil and Koya opened to traffic after three years of work.",
        "Teachers in Sulaimani returned to classes after a two week strike over pay.",
    ]
    articles = [ArticleText(i, outlet, None, f"{s}\n{signoff}") for i, s in enumerate(stories)]
    pairs = find_reuse(articles)
    if outlet is None:
        assert pairs, "without a known outlet the shared paragraph is ordinary reuse"
    else:
        assert pairs == []
