"""The load pipeline: files -> records -> analysed articles -> database.

Analysis (spaCy + extraction) is a pure function of one record, so it can run
in worker processes; the database is written only by the parent process.
Records are fed in bounded batches so memory stays flat however many
articles a run reads.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from loader.attribution import extract_doc
from loader.boilerplate import prepare
from loader.budget import OverBudget, budget, time_budget
from loader.models import ArticleRecord, Attribution
from loader.nlp import get_nlp, parse
from loader.prepare import attributions_to_original, excluded_to_prepared, prepare_text
from loader.sources import InputError, ReadOptions, Source, read_source

BATCH = 64  # articles per nlp.pipe call in one process


@dataclass
class Analysed:
    record: ArticleRecord
    attributions: list[Attribution]


@dataclass
class RunLog:
    """What went wrong or needs a mention, in the order it happened."""

    errors: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def analyse(record: ArticleRecord, model: str | None = None) -> Analysed:
    """One article: text-stated metadata, boilerplate, then attributions."""
    return analyse_batch([record], model)[0]


def analyse_batch(
    records: list[ArticleRecord], model: str | None = None
) -> list[Analysed | InputError]:
    """Analyse several articles with one ``nlp.pipe`` call (much faster than
    one ``nlp()`` call per text); a failure is confined to its own article."""
    nlp = get_nlp(model)
    ready_records = [prepare(record) for record in records]
    # the parser reads whole paragraphs (loader/prepare.py); spans go back
    # to the text as read before anything is stored
    prepared = [prepare_text(r.text) for r in ready_records]
    try:
        docs = list(parse(nlp, [p.text for p in prepared]))
    except Exception:
        if len(records) == 1:
            return [_failed(records[0], sys.exc_info()[1])]
        return [result for r in records for result in analyse_batch([r], model)]
    results: list[Analysed | InputError] = []
    for record, doc, ready in zip(ready_records, docs, prepared, strict=True):
        excluded = excluded_to_prepared(ready, [(b.start, b.end) for b in record.boilerplate])
        dateline = record.dateline_span and excluded_to_prepared(ready, [record.dateline_span])[0]
        seconds = budget(len(record.text))
        try:
            with time_budget(seconds):
                attributions = extract_doc(doc, excluded, record.published, dateline)
                attributions = attributions_to_original(attributions, ready, record.text)
            results.append(Analysed(record, attributions))
        except OverBudget:
            message = f"analysis took longer than its budget of {seconds:.0f} s; article not loaded"
            results.append(InputError(record.label, message))
        except Exception as e:  # one bad article must not stop the run
            results.append(_failed(record, e))
    return results


def _failed(record: ArticleRecord, error: BaseException | None) -> InputError:
    return InputError(record.label, f"analysis failed ({type(error).__name__}: {error})")


def iter_records(
    sources: Iterable[Source], options: ReadOptions, log: RunLog, on_file=None
) -> Iterator[ArticleRecord]:
    """Read files one at a time; a bad file is logged and skipped whole."""
    for source in sources:
        try:
            records = read_source(source, options, log.warnings)
        except InputError as e:
            log.errors.append(e)
            records = []
        if on_file:
            on_file(source)
        yield from records


_worker_model: str | None = None


def _init_worker(model: str | None) -> None:
    global _worker_model
    _worker_model = model


def _analyse_in_worker(records: list[ArticleRecord]) -> list[Analysed | InputError]:
    return analyse_batch(records, _worker_model)


def analyse_all(
    records: Iterable[ArticleRecord], model: str | None = None, processes: int = 1
) -> Iterator[Analysed | InputError]:
    """Analysed articles in input order, using ``processes`` cores.

    Input is consumed in bounded slices so memory does not grow with the
    number of articles (Pool.imap alone would read the whole input ahead).
    """
    iterator = iter(records)
    if processes <= 1:
        while batch := list(islice(iterator, BATCH)):
            yield from analyse_batch(batch, model)
        return
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(processes, initializer=_init_worker, initargs=(model,)) as pool:
        while batch := list(islice(iterator, BATCH * processes)):
            chunks = [batch[i : i + BATCH // 4] for i in range(0, len(batch), BATCH // 4)]
            for results in pool.imap(_analyse_in_worker, chunks):
                yield from results
