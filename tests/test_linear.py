"""Extraction stays linear in an article's length on hostile input (issue 17).

Wall time on a shared 2-core machine is too noisy to assert on, so the
linearity tests count the lines of the loader's own code that run (a
deterministic operation count): four times the text must cost well under six
times the work (a quadratic scan costs sixteen). The indexes that replaced
the every-pair scans are checked against those scans on random input.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from loader.attribution import extract_doc
from loader.attribution.nesting import _outers
from loader.attribution.spans import SpanIndex, sentence, subtree_ids
from loader.cli import cli
from loader.models import Attribution
from loader.nlp import LONG_WORD, MAX_RUN, PIECE, chunks, get_nlp, parse
from loader.text.quotes import Quotes, quote_spans

LOADER = str(Path(__file__).resolve().parent.parent / "loader")


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def lines_run(fn, skip: tuple[str, ...] = ()) -> int:
    """How many lines of loader code ``fn()`` executes (loops count every pass)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def outer(frame, event, arg):
        name = frame.f_code.co_filename
        if name.startswith(LOADER) and not name.endswith(skip):
            return local
        return None

    sys.settrace(outer)
    try:
        fn()
    finally:
        sys.settrace(None)
    return count


def growth(nlp, make, n: int, skip: tuple[str, ...] = ()) -> float:
    """Work on ``make(4 * n)`` over work on ``make(n)`` (parsing excluded)."""
    small, large = nlp(make(n)), nlp(make(4 * n))
    return lines_run(lambda: extract_doc(large), skip) / lines_run(lambda: extract_doc(small), skip)


def test_a_chain_of_reports_is_linear(nlp):
    # "He said He said ...": one unpunctuated line the parser reads as reports
    # nested 1,200 deep; before, each report's content was the rest of the line
    # (14.5 times the work for four times the text)
    assert growth(nlp, lambda n: "He said " * n, 300) < 6


def test_one_attributed_sentence_repeated_is_linear(nlp):
    # every cue against every other for nesting, every sentence against every
    # claim for outlet claims, the speaker list re-sorted per resolution (7.6)
    assert growth(nlp, lambda n: " ".join(["Smith said the plan would fail."] * n), 100) < 6


def test_many_quotes_and_cues_are_linear(nlp):
    # every quote was checked for every cue; coref.py's own quote check (a
    # slogan test per name) is another module's and is left out of the count (13.2)
    text = "“We will win,” Smith said. “We will.” "
    assert growth(nlp, lambda n: text * n, 100, skip=("coref.py",)) < 6


def test_a_transcript_is_linear(nlp):
    # each speaker label looked for every label of the text (6.8 before)
    assert growth(nlp, lambda n: "JONES: the budget is late.\n" * n, 300) < 6


def test_a_sentence_never_runs_past_the_bound(nlp):
    doc = nlp("He said " * 700)
    assert max(len(s) for s in doc.sents) <= MAX_RUN
    # ordinary punctuated text keeps the parser's own sentences
    doc = nlp("Smith said the talks went well. Jones disagreed.")
    assert [s.text for s in doc.sents] == ["Smith said the talks went well.", "Jones disagreed."]


@pytest.mark.parametrize(
    "text",
    [
        '"' * 20_000,
        "He said " + '"' * 700 + " and " + "'s" * 300 + "\nNext line.",
        "a " + ".," * 2000 + " b",
        "x" * 1000,
    ],
)
def test_long_words_are_cut_and_offsets_stay_exact(nlp, text):
    assert max(len(w) for w in text.split()) > LONG_WORD
    doc = nlp.make_doc(text)
    assert doc.text == text
    for tok in doc:
        assert text[tok.idx : tok.idx + len(tok)] == tok.text
    # a wall of marks is one token per piece, not one per character
    marks = [t for t in doc if not any(ch.isalnum() for ch in t.text) and len(t) > 1]
    assert all(len(t) <= PIECE for t in marks)
    if text == '"' * 20_000:
        assert len(doc) == -(-20_000 // PIECE)


def test_text_without_long_words_is_tokenized_as_by_spacy(nlp):
    text = "He said: \"Well, it's 5km away (or so)…\" — she didn't agree."
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in nlp.tokenizer.tokenizer(text)]


def test_chunks_cut_at_paragraphs_then_sentences():
    text = "First paragraph here.\n" + "Word. " * 50 + "\nLast."
    pieces = chunks(text, 100)
    assert "".join(pieces) == text
    assert all(len(p) <= 100 for p in pieces)
    assert pieces[0] == "First paragraph here.\n"
    assert all(p.endswith((". ", "\n")) for p in pieces[:-1])
    assert chunks("x" * 250, 100) == ["x" * 100, "x" * 100, "x" * 50]


def test_text_over_max_length_is_parsed_in_pieces(nlp, monkeypatch):
    import loader.nlp

    monkeypatch.setattr(loader.nlp, "CHUNK", 400)
    monkeypatch.setattr(nlp, "max_length", 1000)  # spaCy's E088 for anything longer
    paragraphs = [f"Minister {name} said the talks would resume." for name in ("Ali", "Bo", "Cy")]
    text = "\n".join(paragraphs * 20)  # about 2,700 characters
    (doc,) = parse(nlp, [text])
    assert doc.text == text and len(doc.text) > nlp.max_length
    found = extract_doc(doc)
    assert len(found) == 60
    last = found[-1]
    assert text[last.content[0][0] : last.content[0][1]] == "the talks would resume"


def test_an_article_over_its_time_budget_is_refused_and_the_rest_load(tmp_path, monkeypatch):
    import loader.pipeline

    slow = tmp_path / "slow.txt"
    slow.write_text("He said " * 2000, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Officials said the border crossing reopened.\n", encoding="utf-8")
    monkeypatch.setattr(loader.pipeline, "budget", lambda chars: 0.001 if chars > 1000 else 60)
    db = tmp_path / "t.db"
    result = CliRunner().invoke(cli, ["load", str(db), str(slow), str(good)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "slow.txt" in errors[0] and "budget" in errors[0]
    import sqlite_utils

    sources = [r["source_file"] for r in sqlite_utils.Database(db)["articles"].rows]
    assert len(sources) == 1 and sources[0].endswith("good.txt")


def _random_spans(rng: random.Random, n: int, size: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        s = rng.randrange(size)
        out.append((s, s + rng.randrange(0, 12)))
    return out


def test_span_index_answers_as_the_pairwise_scan():
    rng = random.Random(5)
    for _ in range(200):
        spans = _random_spans(rng, rng.randrange(0, 8), 60)
        index = SpanIndex(spans)
        for q in _random_spans(rng, 10, 70):
            assert index.overlaps(q) == any(q[0] < e and s < q[1] for s, e in spans)


def test_quote_lookups_answer_as_the_scans():
    rng = random.Random(7)
    for _ in range(200):
        text = "".join(rng.choice('ab "“”\n') for _ in range(80))
        quotes = Quotes(quote_spans(text))
        assert quotes.ordered
        shuffled = list(quotes)
        rng.shuffle(shuffled)
        for q in (quotes, Quotes(shuffled)):
            for s, e in _random_spans(rng, 10, 85):
                assert q.containing(s) == next(((a, b) for a, b in q if a <= s < b), None)
                assert q.overlapping(s, e) == [(a, b) for a, b in q if a < e and s < b]
                assert q.enclosing(s, e) == any(a <= s and e <= b for a, b in q)
                assert q.within(s, e) == any(s <= a and b <= e for a, b in q)
                assert q.ends_at(e) == any(b == e for _, b in q)


def test_subtrees_and_sentences_match_spacy(nlp):
    text = (
        "The senator, who had voted against the bill last year, said on Tuesday that "
        "she would not support it unless the tax cuts were removed.\nHe said He said He said"
    )
    doc = nlp(text)
    for tok in doc:
        assert subtree_ids(tok) == [t.i for t in tok.subtree]
        assert (sentence(tok).start, sentence(tok).end) == (tok.sent.start, tok.sent.end)


def test_outer_attribution_found_as_by_the_pairwise_scan():
    rng = random.Random(11)
    for _ in range(300):
        found = []
        for _ in range(rng.randrange(1, 7)):
            cs = rng.randrange(50)
            content = sorted(_random_spans(rng, rng.randrange(1, 3), 50))
            found.append(Attribution(kind="indirect", content=content, cue=[(cs, cs + 3)]))
        expected = [
            next(
                (
                    b
                    for b in found
                    if b is not a
                    and any(s <= a.cue[0][0] and a.cue[0][1] <= e for s, e in b.content)
                ),
                None,
            )
            for a in found
        ]
        assert _outers(found) == expected
