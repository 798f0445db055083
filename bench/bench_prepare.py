"""Benchmark: what ``loader.prepare`` changes in the extraction.

``prepare_text`` (hard-wrapped text to whole paragraphs, with an offset map)
is what the load pipeline parses; this compares it with the text as read. It runs the
extraction (``loader.attribution.extract_doc``, boilerplate excluded as the
loader does) on the METER wire stories twice, on the text as read and on the
prepared text with every span mapped back, and prints the figures of
bench/bench_meter.py that preparation should move: claims cut at a hard wrap
(bench_meter's own definition and wrap finder), quoted-text coverage, and
speaker names, mentions and aliases holding a control character. It also
times ``prepare_text`` on 0.25, 0.5 and 1 MB of wire copy (linear?).

    nice env PYTHONPATH=. .venv/bin/python bench/bench_prepare.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_meter as meter  # noqa: E402  (the measurement's own rules)

from loader.attribution import extract_doc  # noqa: E402
from loader.boilerplate import prepare  # noqa: E402
from loader.models import ArticleRecord, Attribution  # noqa: E402
from loader.nlp import get_nlp  # noqa: E402
from loader.prepare import prepare_text  # noqa: E402


def analyse(text: str, prepared: bool) -> list[tuple[Attribution, list[list[int]]]]:
    """Claims with their content spans in the text as read."""
    excluded = [(b.start, b.end) for b in prepare(ArticleRecord("bench", text)).boilerplate]
    if not prepared:
        return [(a, [list(s) for s in a.content]) for a in extract_doc(get_nlp()(text), excluded)]
    p = prepare_text(text)
    mapped = [p.map.prepared_span(s, e) for s, e in excluded]
    claims = extract_doc(get_nlp()(p.text), mapped)
    return [(a, [list(span) for span in p.map.spans(a.content)]) for a in claims]


def figures(texts: list[str], prepared: bool) -> str:
    claims = cut = inside = total = controls = 0
    for text in texts:
        found = analyse(text, prepared)
        wraps = meter.hard_wraps(text)
        claims += len(found)
        cut += sum(1 for _a, spans in found if meter.cut_at_wrap(text, spans, wraps))
        covered = bytearray(len(text))
        for a, spans in found:
            labels = [a.speaker or "", a.speaker_mention or "", *a.speaker_aliases]
            controls += sum(1 for label in labels if meter._CONTROL.search(label))
            if a.kind in ("direct", "mixed") and a.speaker:
                for s, e in spans:
                    covered[s:e] = b"\x01" * (e - s)
        for qs, qe in meter.quoted_passages(text):
            chars = [i for i in range(qs, qe) if not text[i].isspace()]
            total += len(chars)
            inside += sum(covered[i] for i in chars)
    share = inside / total if total else 0.0
    return (
        f"{claims} claims, {cut} cut at a hard wrap, quoted-text coverage {share:.3f}, "
        f"{controls} speaker names/mentions/aliases with a control character"
    )


def speed(texts: list[str], size: int = 1 << 20) -> str:
    text = "\n\n".join(texts)
    text = (text * (size // max(len(text), 1) + 1))[:size]
    out = []
    for part in (size // 4, size // 2, size):
        started = time.process_time()
        prepare_text(text[:part])
        out.append(f"{part / (1 << 20):.2f} MB {time.process_time() - started:.3f}s")
    return "prepare_text (CPU): " + ", ".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=meter.CORPUS)
    args = parser.parse_args()
    files = meter.corpus_files(args.corpus)["wire"]
    if not files:
        sys.exit(f"{args.corpus}: no PA/ wire stories found")
    texts = []
    for path in files:
        with path.open(encoding="cp1252", newline="") as f:  # as the loader reads it
            texts.append(f.read())
    print(f"{len(texts)} wire stories")
    print(speed(texts))
    print("as read:  " + figures(texts, prepared=False))
    print("prepared: " + figures(texts, prepared=True))


if __name__ == "__main__":
    main()
