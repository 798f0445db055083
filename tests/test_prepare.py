"""Text preparation with an offset map (issue 14): hard-wrapped text becomes
whole paragraphs for the parser, and every prepared offset and span maps back
to the text as read exactly.

Property tests run over texts drawn by a seeded random generator (so a failure
names its seed and reproduces): words wrapped at a random width, paragraphs
shown by each convention the wire and the papers use.
"""

from __future__ import annotations

import random
import re
import textwrap

import pytest

from loader.prepare import CONTROL, OffsetMap, prepare_text, wrap_width
from tests.conftest import SEEDS

WORDS = (
    "the council said it would review plans for a new bridge over river after residents "
    "complained about traffic noise and costs Mr Hale told reporters: ``We have waited "
    "long enough.'' 'It is clear,' she said, it's the Beckhams' o'clock rock 'n' roll "
    "“quoted” ‘single’ 1999 £4m 50% (in brackets) – – judge prosecutor"
).split()

# How a paragraph break is written: a blank line; the wire's mark and control
# byte; a control byte alone; an indented next line; a blank line with CRLF.
BREAKS = ["\n\n", "<\n\x19", "\n\x19", "\n    ", "<\n\x19  ", "\n \n"]


def paragraph(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 90))) + "."


def wrapped_text(seed: int) -> tuple[str, list[str]]:
    """A hard-wrapped text and the paragraphs it was made from."""
    rng = random.Random(seed)
    width = rng.randint(55, 95)
    paragraphs = [paragraph(rng) for _ in range(rng.randint(3, 9))]
    breaks = rng.sample(BREAKS, k=rng.randint(1, 3))
    trailing = rng.choice(["", " ", "  "])  # spaces some wire lines end with
    crlf = rng.random() < 0.3
    pieces = []
    for i, para in enumerate(paragraphs):
        lines = textwrap.wrap(para, width, break_on_hyphens=False, break_long_words=False)
        pieces.append((trailing + "\n").join(lines))
        if i + 1 < len(paragraphs):
            pieces.append(rng.choice(breaks))
    text = "".join(pieces) + rng.choice(["", "\n", "<\n\x19\n"])
    if crlf:
        text = text.replace("\n", "\r\n")
    return text, paragraphs


SEEDS_RANGE = range(200)


@pytest.mark.parametrize("seed", SEEDS_RANGE)
def test_wrapped_text_becomes_its_paragraphs(seed):
    text, paragraphs = wrapped_text(seed)
    prepared = prepare_text(text)
    assert prepared.wrap_width is not None
    got = [" ".join(line.split()) for line in prepared.text.split("\n") if line.strip()]
    assert got == paragraphs


@pytest.mark.parametrize("seed", SEEDS_RANGE)
def test_offsets_map_back_and_forth_exactly(seed):
    text, _ = wrapped_text(seed)
    prepared = prepare_text(text)
    omap = prepared.map
    assert omap.prepared_length == len(prepared.text)
    assert omap.original_length == len(text)
    previous = -1
    for p in range(len(prepared.text) + 1):
        o = omap.start(p)
        assert o >= previous  # order is kept
        previous = o
        assert omap.to_prepared(o) == p
        if p < len(prepared.text):
            char = prepared.text[p]
            if text[o] != char:  # a character standing for layout
                assert char in " \n"
                assert not text[o : omap.end(p + 1)].strip(" \t\r\n<\x19")


@pytest.mark.parametrize("seed", SEEDS_RANGE)
def test_every_original_character_kept_maps_to_itself(seed):
    text, _ = wrapped_text(seed)
    prepared = prepare_text(text)
    omap = prepared.map
    for o, char in enumerate(text):
        p = omap.to_prepared(o)
        if not char.isspace() and char not in "<\x19":
            assert prepared.text[p] == char
            assert omap.start(p) == o


_MARK_AT_LINE_END = re.compile(r"<(?=[ \t\r]*\n)")


@pytest.mark.parametrize("seed", SEEDS_RANGE[:60])
def test_spans_map_to_original_spans_with_the_same_words(seed):
    text, _ = wrapped_text(seed)
    prepared = prepare_text(text)
    rng = random.Random(seed)
    for _ in range(50):
        s = rng.randrange(len(prepared.text))
        e = rng.randrange(s, len(prepared.text) + 1)
        os_, oe = prepared.map.span(s, e)
        assert 0 <= os_ <= oe <= len(text)
        original = CONTROL.sub("", _MARK_AT_LINE_END.sub("", text[os_:oe]))
        assert original.split() == prepared.text[s:e].split()


@pytest.mark.parametrize("seed", SEEDS_RANGE)
def test_prepared_text_holds_no_control_character(seed):
    text, _ = wrapped_text(seed)
    assert CONTROL.search(prepare_text(text).text) is None


def unwrapped_text(seed: int) -> str:
    """One paragraph per line, as most web news is written."""
    rng = random.Random(seed)
    paragraphs = []
    for _ in range(rng.randint(1, 12)):
        sentences = rng.randint(1, 6)
        paragraphs.append(
            " ".join(paragraph(rng)[: rng.randint(20, 200)] for _ in range(sentences))
        )
    return rng.choice(["\n", "\n\n"]).join(paragraphs) + rng.choice(["", "\n"])


@pytest.mark.parametrize("seed", SEEDS_RANGE)
def test_unwrapped_text_is_unchanged_with_the_identity_map(seed):
    text = unwrapped_text(seed)
    prepared = prepare_text(text)
    assert prepared.text == text
    assert prepared.map.is_identity
    assert prepared.wrap_width is None


def test_seed_articles_are_unchanged():
    for path in sorted(SEEDS.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        prepared = prepare_text(text)
        assert prepared.text == text and prepared.map.is_identity, path


def test_control_characters_are_dropped_from_unwrapped_text_and_offsets_follow():
    text = "Short line\x19 one.\nAnother\x07 line."
    prepared = prepare_text(text)
    assert prepared.text == "Short line one.\nAnother line."
    p = prepared.text.index("one")
    assert text[prepared.map.start(p) :].startswith("one")
    assert prepared.map.span(p, p + 3) == (text.index("one"), text.index("one") + 3)


WIRE = (
    "A baker accused of rigging the marrow contest at a village show told a jury\n"
    "today that he had never touched the scales.<\n"
    "\x19Giles Fielding, 52, said: ``I have grown marrows for thirty years and I have\n"
    "never needed to cheat anybody at all, not once in all that time.''<\n"
    "\x19  ``Nobody ever asked me to step aside from the judging, and I would have\n"
    "done so gladly had they asked,'' he added.<\n"
    "\x19The trial continues.<\n"
)


def test_wire_paragraphs_are_joined_and_marks_dropped():
    prepared = prepare_text(WIRE)
    lines = prepared.text.split("\n")
    assert lines[0] == (
        "A baker accused of rigging the marrow contest at a village show told a jury "
        "today that he had never touched the scales."
    )
    assert lines[1].startswith("Giles Fielding, 52, said: ``I have grown marrows")
    assert lines[2].startswith("``Nobody ever asked")  # indentation and 0x19 gone
    assert lines[3] == "The trial continues."
    # a span across a wrap maps to the original span across the line end
    s = prepared.text.index("jury today")
    os_, oe = prepared.map.span(s, s + len("jury today"))
    assert WIRE[os_:oe] == "jury\ntoday"


def test_a_rule_is_never_joined_to_the_headline_after_it():
    text = "-" * 74 + "\nHEADLINE ON ITS OWN<\n" + WIRE.replace("village", "village fete")
    prepared = prepare_text(text)
    assert prepared.text.split("\n")[:2] == ["-" * 74, "HEADLINE ON ITS OWN"]


def test_wrap_width_needs_most_long_lines_near_one_width():
    assert wrap_width(WIRE.split("\n")) is not None
    assert wrap_width(["x" * n for n in (60, 300, 120, 500, 80)]) is None
    assert wrap_width(["short", "lines", "only"]) is None


def test_identity_map_round_trips():
    omap = OffsetMap.identity(10)
    assert omap.is_identity
    assert [omap.start(p) for p in range(11)] == list(range(11))
    assert [omap.to_prepared(o) for o in range(11)] == list(range(11))
    assert omap.span(2, 5) == (2, 5)


def test_a_short_take_that_marks_its_paragraphs_is_joined_by_its_marks():
    take = (
        "Later the organisers said that about three thousand people had come to the\n"
        "fete in the afternoon.<\n"
        "\x19``It was the best day we have had,'' one said.<\n"
        "\x19xyz\n"
    )
    prepared = prepare_text(take)
    assert prepared.wrap_width == 0  # too few lines to show a width; the marks decide
    assert prepared.text.split("\n")[0].endswith("had come to the fete in the afternoon.")


def test_a_list_of_headlines_of_one_length_is_not_wrapped_text():
    text = (
        "Story body in one long paragraph that goes on about the vote for a while.\n\n"
        "Council Votes To Close The Pier After Storm Damage\n"
        "Residents March Against The Closure Of Their Pier\n"
        "What The Pier Meant To Three Generations Of Families\n"
        "Town Looks For Money To Rebuild Its Famous Old Pier\n"
    )
    prepared = prepare_text(text)
    assert prepared.text == text and prepared.map.is_identity


def test_boilerplate_ranges_go_to_prepared_offsets_and_come_back_whole():
    from loader.boilerplate import find_boilerplate

    header = "  " + "-" * 72 + "\n\n        09:15 03/02/01: Page 2 (HHH) COURTS Fielding\n"
    text = (
        header + "  " + "-" * 72 + "\nBAKER DENIES RIGGING<\n\x19By Tom Carver, PA News<\n" + WIRE
    )
    prepared = prepare_text(text)
    ranges = [(b.start, b.end) for b in find_boilerplate(text)]
    assert ranges
    for s, e in ranges:
        ps, pe = prepared.map.prepared_span(s, e)
        assert prepared.text[ps:pe] == text[s:e]
        assert prepared.map.span(ps, pe) == (s, e)
    assert prepared.map.spans([(0, 2)]) == [prepared.map.span(0, 2)]
