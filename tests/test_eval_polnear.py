"""The PolNeAR scorer: brat parsing, pairing, per-role matching, and a real-corpus run."""

from __future__ import annotations

from pathlib import Path

import pytest

from loader.eval_polnear import (
    Counts,
    GoldAttribution,
    gold_kind,
    matches,
    pair,
    read_ann,
    read_split,
    score_article,
)
from loader.models import Attribution

TEXT = "“We are ready,” Araghchi said. The ministry said talks would resume."

ANN = (
    "T1\tSource 16 24\tAraghchi\n"
    "T2\tCue 25 29\tsaid\n"
    "T3\tContent 0 15\t“We are ready,”\n"
    "T4\tAttribution 25 29\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tSource 31 43\tThe ministry\n"
    "T6\tCue 44 48\tsaid\n"
    "T7\tContent 49 60;61 67\ttalks would resume\n"
    "T8\tAttribution-no-source 44 48\tsaid\n"
    "E2\tAttribution-no-source:T8 Cue:T6 Content:T7 Source:T5\n"
    "T9\tDiscard 0 5\tboiler\nplate running onto the next line\n"
    "E3\tAttribution-no-source:T8 \n"
)


def test_read_ann_events_and_discontinuous_spans():
    gold = read_ann(ANN)
    assert len(gold) == 2  # E3 has neither cue nor content
    assert gold[0] == GoldAttribution(cue=[(25, 29)], source=[(16, 24)], content=[(0, 15)])
    assert gold[1].content == [(49, 60), (61, 67)]
    assert gold[1].source == [(31, 43)]


def test_loose_match_ignores_edge_punctuation_and_quotes():
    text = "He said “talks will resume.” Then"
    assert matches(text, [(8, 28)], [(9, 26)], "loose")
    assert not matches(text, [(8, 28)], [(9, 26)], "exact")
    assert not matches(text, [(8, 20)], [(9, 26)], "loose")
    assert matches(text, [(8, 20)], [(9, 26)], "overlap")
    assert not matches(text, [(0, 2)], [(9, 26)], "overlap")


def test_pairing_is_one_to_one_and_prefers_cue_overlap():
    gold = [
        GoldAttribution(cue=[(25, 29)], source=[(16, 24)], content=[(0, 15)]),
        GoldAttribution(cue=[(44, 48)], source=[(31, 43)], content=[(49, 68)]),
    ]
    preds = [
        Attribution(kind="indirect", content=[(49, 68)], cue=[(44, 48)]),
        # overlaps only gold 1's content, which the cue match above already took: unpaired
        Attribution(kind="indirect", content=[(50, 60)], cue=[(60, 62)]),
        Attribution(kind="direct", content=[(0, 15)], cue=[(25, 29)]),
    ]
    assert sorted(pair(preds, gold)) == [(0, 1), (2, 0)]


def test_score_counts_each_role_over_pairs():
    gold = read_ann(ANN)
    preds = [
        Attribution(kind="direct", content=[(0, 15)], cue=[(25, 29)], source=[(16, 24)]),
        # right cue, source with an extra space, content one span where gold has two
        Attribution(kind="indirect", content=[(49, 67)], cue=[(44, 48)], source=[(31, 44)]),
        # a false positive with no source
        Attribution(kind="indirect", content=[(0, 3)], cue=[(5, 7)]),
    ]
    counts = Counts()
    score_article(counts, TEXT, preds, gold)
    p, r, f = counts.prf("all", "cue", "exact")
    assert (p, r) == (2 / 3, 1.0)
    p, r, f = counts.prf("all", "source", "exact")
    assert (p, r) == (0.5, 0.5)
    p, r, f = counts.prf("all", "source", "loose")
    assert (p, r) == (1.0, 1.0)
    p, r, f = counts.prf("all", "content", "exact")
    assert (p, r) == (1 / 3, 0.5)
    p, r, f = counts.prf("all", "content", "overlap")
    assert (p, r) == (2 / 3, 1.0)
    assert f == pytest.approx(0.8)
    # the breakdown: gold 0 is a direct quote
    assert counts.prf("direct", "content", "exact")[1] == 1.0
    assert counts.prf("indirect", "content", "exact")[1] == 0.0


def test_gold_kind():
    text = "“All of it,” he said that it was “fine” and that it was over"
    assert gold_kind(text, GoldAttribution(cue=[], content=[(0, 12)])) == "direct"
    assert gold_kind(text, GoldAttribution(cue=[], content=[(21, 39)])) == "mixed"
    assert gold_kind(text, GoldAttribution(cue=[], content=[(44, 60)])) == "indirect"


def test_read_split_uses_first_annotator(tmp_path: Path):
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tlevel\tannotators\ndev\tart1\t1\tbbbb|aaaa\ntrain\tart2\t1\taaaa\n",
        encoding="utf-8",
    )
    (tmp_path / "dev" / "text" / "art1.txt").write_bytes(TEXT.replace(". ", ".\r\n").encode())
    (tmp_path / "dev" / "attributions" / "art1_bbbb.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "art1_aaaa.ann").write_text("", encoding="utf-8")
    articles = read_split(tmp_path, "dev")
    assert [a.stem for a in articles] == ["art1"]
    assert len(articles[0].gold) == 2
    assert "\r\n" in articles[0].text  # no newline translation: offsets stay valid


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear"


@pytest.mark.skipif(not CORPUS.exists(), reason="PolNeAR corpus not present")
def test_real_corpus_beats_the_naive_baseline():
    from loader.eval_polnear import predict

    articles = read_split(CORPUS, "dev")[:8]
    assert articles and all(a.gold for a in articles)
    counts = Counts()
    for article, pred in zip(articles, predict(articles), strict=True):
        for a in pred:
            for s, e in a.content + a.cue + a.source:
                assert 0 <= s < e <= len(article.text)
        score_article(counts, article.text, pred, article.gold)
    # the naive baseline scores 0.49 cue and 0.54 source exact F1 on this corpus
    assert counts.prf("all", "cue", "exact")[2] > 0.5
    assert counts.prf("all", "source", "exact")[2] > 0.55
    assert counts.prf("all", "content", "overlap")[2] > 0.6


def test_agreement_scores_other_annotators_like_the_extractor(tmp_path: Path):
    from click.testing import CliRunner

    from loader.eval_polnear import polnear

    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tlevel\tannotators\n"
        "dev\tart1\t1\taaaa|bbbb|cccc\ndev\tart2\t1\taaaa\n",
        encoding="utf-8",
    )
    for stem in ("art1", "art2"):
        (tmp_path / "dev" / "text" / f"{stem}.txt").write_text(TEXT, encoding="utf-8")
        (tmp_path / "dev" / "attributions" / f"{stem}_aaaa.ann").write_text(ANN, encoding="utf-8")
    # bbbb agrees with aaaa; cccc found only the first attribution, with a longer cue
    (tmp_path / "dev" / "attributions" / "art1_bbbb.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "art1_cccc.ann").write_text(
        "T1\tSource 16 24\tAraghchi\nT2\tCue 25 30\tsaid.\nT3\tContent 0 15\t“We are ready,”\n"
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(polnear, [str(tmp_path), "--split", "dev", "--agreement"])
    assert result.exit_code == 0, result.output
    human, extractor = result.output.split("the extractor on the same articles")
    assert "(2 annotations)" in human
    rows = {
        line.split()[1]: line.split()[2:] for line in human.splitlines() if line.startswith("all ")
    }
    # 3 of 3 predicted sources right, 3 of 4 gold found: P 1.0, R 0.75
    assert rows["source"][0] == "1.000/0.750/0.857"
    # the cue differs in its exact span ("said." / "said") but not once trimmed
    assert rows["cue"][0] == "0.667/0.500/0.571"
    assert rows["cue"][1] == "1.000/0.750/0.857"
    # only the article with several annotators is scored
    assert "1 articles" in extractor


def test_agreement_needs_an_article_with_several_annotators(tmp_path: Path):
    from click.testing import CliRunner

    from loader.eval_polnear import polnear

    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tlevel\tannotators\ndev\tart1\t1\taaaa\n", encoding="utf-8"
    )
    (tmp_path / "dev" / "text" / "art1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "dev" / "attributions" / "art1_aaaa.ann").write_text(ANN, encoding="utf-8")
    result = CliRunner().invoke(polnear, [str(tmp_path), "--agreement"])
    assert result.exit_code != 0
    assert "no articles with several annotators in split 'dev'" in result.output
