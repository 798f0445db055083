"""The load pipeline: files -> records -> analysed articles -> database.

Analysis (spaCy + extraction) is a pure function of one record, so it can run
in worker processes; the database is written only by the parent process.
Records are fed in bounded batches so memory stays flat however many
articles a run reads.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from loader.attribution import extract
from loader.boilerplate import prepare
from loader.models import ArticleRecord, Attribution
from loader.sources import InputError, ReadOptions, Source, read_source

BATCH = 64


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
    prepare(record)
    attributions = extract(
        record.text, boilerplate=record.boilerplate, published=record.published, model=model
    )
    return Analysed(record, attributions)


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


def _analyse_in_worker(record: ArticleRecord) -> Analysed | InputError:
    try:
        return analyse(record, _worker_model)
    except Exception as e:  # one bad article must not stop the run
        return InputError(record.label, f"analysis failed ({type(e).__name__}: {e})")


def analyse_all(
    records: Iterable[ArticleRecord], model: str | None = None, processes: int = 1
) -> Iterator[Analysed | InputError]:
    """Analysed articles in input order, using ``processes`` cores."""
    if processes <= 1:
        _init_worker(model)
        for record in records:
            yield _analyse_in_worker(record)
        return
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(processes, initializer=_init_worker, initargs=(model,)) as pool:
        iterator = iter(records)
        while batch := list(islice(iterator, BATCH * processes)):
            yield from pool.imap(_analyse_in_worker, batch, chunksize=4)
