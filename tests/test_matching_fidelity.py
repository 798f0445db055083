"""Quote fidelity classes and the word-level diff."""

from __future__ import annotations

import json
import random
import re

import pytest
import sqlite_utils

from loader.matching.fidelity import classify, word_diff, word_edits
from loader.matching.normalise import segments
from tests.conftest import load_texts
from tests.matching_corpus import Corpus

ORIGIN = (
    "We are striving to reach a shared security cooperation agreement with Iraq, while "
    "continuing to strengthen security and military collaboration between our two countries."
)


@pytest.mark.parametrize(
    ("claim", "kind", "expected"),
    [
        (ORIGIN.upper().replace(",", ";"), "direct", "verbatim"),
        (
            "We are striving to reach a shared security cooperation agreement with Iraq",
            "direct",
            "excerpt",
        ),
        (ORIGIN.replace("striving", "working"), "direct", "near-verbatim"),
        (
            "We are working to reach a shared security cooperation agreement with Iraq",
            "direct",
            "near-verbatim",
        ),
        (
            ORIGIN.replace("striving", "hoping").replace("shared", "joint").replace("two", "both"),
            "direct",
            "altered",
        ),
        (ORIGIN, "indirect", "paraphrase"),
        (ORIGIN, "mixed", "verbatim"),
    ],
)
def test_fidelity_classes(claim, kind, expected):
    assert classify(ORIGIN, "direct", claim, kind) == expected


def test_truncation_is_not_an_edit_but_inner_changes_are():
    a = "one two three four five six".split()
    assert word_edits(a, a[1:4]) == 0
    assert word_edits(a, ["one", "2", "three", "four", "five", "six"]) == 1
    assert word_edits(a, ["one", "three", "four", "five", "six", "seven"]) == 1 + 0


def _random_variant(rng: random.Random, words: list[str]) -> str:
    out = []
    for w in words:
        roll = rng.random()
        if roll < 0.1:
            continue
        if roll < 0.2:
            out.append(rng.choice(["al-Asad", "Iraq's", "U.S.", "1,500", "co-operation", "—"]))
        out.append(w)
    return " ".join(out)


def _contains(words: list[str], run: list[str]) -> bool:
    return any(words[i : i + len(run)] == run for i in range(len(words) - len(run) + 1))


def test_word_diff_reconstructs_both_texts_and_never_splits_a_word():
    rng = random.Random(4)
    base = re.split(r"(?<=\s)", ORIGIN + " Tehran’s well-known stance, e.g. 2.5 per cent.")
    base_words = "".join(base).split(" ")
    for _ in range(300):
        a = _random_variant(rng, base_words)
        b = _random_variant(rng, base_words)
        ops = word_diff(a, b)
        assert {op for op, _ in ops} <= {"=", "-", "+"}
        assert "".join(t for op, t in ops if op != "-") == b
        old = "".join(t for op, t in ops if op != "+")
        assert [s.norm for s in segments(old)] == [s.norm for s in segments(a)]
        # every boundary between ops in the claim's text falls between two words
        word_bounds = {0}
        for seg in segments(b):
            word_bounds.add(max(word_bounds) + len(seg.text))
        position = 0
        for op, text in ops:
            if op != "-":
                position += len(text)
                assert position in word_bounds, (op, text)
        # a deleted run is whole words of the earlier version
        a_words = [s.norm for s in segments(a)]
        for op, text in ops:
            if op == "-":
                run = [s.norm for s in segments(text) if s.norm]
                assert _contains(a_words, run), text
        for i, (op, _) in enumerate(ops[1:], start=1):
            assert not (ops[i - 1][0] == "+" and op == "-"), "a replacement is - then +"


def test_word_diff_marks_a_replaced_word():
    ops = word_diff(ORIGIN, ORIGIN.replace("striving", "working"))
    assert ["-", "striving "] in ops and ["+", "working "] in ops
    assert ops.index(["-", "striving "]) + 1 == ops.index(["+", "working "])


def test_match_stores_fidelity_and_diff_against_the_earliest(tmp_path):
    corpus = Corpus(tmp_path / "m.db")
    first = corpus.quoted("Abbas Araghchi", ORIGIN, outlet="One", published="2025-01-18")
    later = corpus.quoted(
        "Abbas Araghchi",
        "We are working to reach a shared security cooperation agreement with Iraq",
        outlet="Two",
        published="2025-01-19",
    )
    altered = corpus.quoted(
        "Abbas Araghchi",
        ORIGIN.replace("shared", "joint").replace("military", "economic").replace("two", "both"),
        outlet="Three",
        published="2025-01-20",
    )
    corpus.match()
    rows = {c: corpus.claim_row(c) for c in (first, later, altered)}
    assert rows[first]["fidelity"] == "origin"
    assert rows[later]["fidelity"] == "near-verbatim"
    assert rows[altered]["fidelity"] == "altered"
    diff = json.loads(rows[later]["diff"])
    assert "".join(t for op, t in diff if op != "-") == rows[later]["content"]
    group = corpus.group(first)
    assert group["fidelity"] == "altered"
    assert group["status"] == "fidelity-concern"


def test_only_the_quoted_words_decide_fidelity():
    framed = (
        "Cruz, Blackwell wrote “has consistently demonstrated his deep commitment to "
        "conservative principles. He works hard”"
    )
    short = "he “has consistently demonstrated his deep commitment to conservative principles.”"
    assert classify(framed, "mixed", short, "mixed") == "excerpt"
    reworded = "he “has always shown his deep commitment to conservative values.”"
    assert classify(framed, "mixed", reworded, "mixed") == "altered"


def test_a_quote_split_by_its_cue_is_verbatim_against_the_whole_quote(tmp_path):
    # One outlet breaks the quote around "Foreign Minister Fuad Hussein said",
    # the other quotes it whole: same words, so verbatim, with no cue in the diff.
    quote = (
        "We are ready to sign a comprehensive security agreement",
        "as soon as the committees finish their work",
    )
    db = load_texts(
        tmp_path,
        {
            "a.md": "---\noutlet: Alpha News\npublished: 2025-03-03\n---\n"
            "The minister spoke in Baghdad.\n"
            f'"{quote[0]}," Foreign Minister Fuad Hussein said, "{quote[1]}."\n',
            "b.md": "---\noutlet: Beta Times\npublished: 2025-03-04\n---\n"
            "Iraq is ready, officials said.\n"
            f'"{quote[0]} {quote[1]}," Foreign Minister Fuad Hussein told reporters.\n',
        },
    )
    (first, second) = (
        sqlite_utils.Database(db)
        .execute("SELECT group_id, fidelity, diff FROM claims WHERE kind = 'direct' ORDER BY id")
        .fetchall()
    )
    assert first[0] == second[0]
    assert (first[1], second[1]) == ("origin", "verbatim")
    assert "Hussein" not in second[2] and "said" not in second[2]
