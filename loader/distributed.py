"""Analysis on a Dask cluster (``diplo load --scheduler`` / ``--dask-local``).

Why Dask and not a bigger process pool: ``--processes`` stops at one machine,
and a million articles is about twelve core-hours of spaCy. ``dask.distributed``
already schedules work over many machines, restarts workers that die and
retries their tasks, and serves a dashboard, so the loader only has to cut the
input into batches and collect the results.

The division of labour is the one ``--processes`` uses: workers run exactly
``analyse_batch`` (a pure function of the records), and this process stays the
single SQLite writer. So a worker that dies mid-batch cannot leave anything
half-written: its batch is simply run again elsewhere (Dask reschedules tasks
of a lost worker; ``retries`` covers a task that raised), and each article is
still committed whole by the writer, or not at all.

Memory stays bounded: at most ``window`` batches are submitted but not yet
written, and input is read only as the window frees up. Results arrive as
workers finish them and are written in input order (a completed batch waits at
most for the batches submitted before it, which are in the same window), so
the database is the same, ids included, as a single-process load.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice

import click

from loader.models import ArticleRecord
from loader.pipeline import Analysed, analyse_all, analyse_batch
from loader.sources import InputError

DASK_BATCH = 16  # articles per task: big enough to amortise scheduling, small to balance
RETRIES = 2  # extra attempts for a task that raised (a lost worker is rescheduled anyway)

Analyse = Callable[[list[ArticleRecord], str | None], list[Analysed | InputError]]
Results = Iterator[Analysed | InputError]


def analyse_on_dask(
    records: Iterable[ArticleRecord],
    client,
    model: str | None = None,
    analyse: Analyse | None = None,
    batch: int = DASK_BATCH,
    window: int | None = None,
) -> Results:
    """Analysed articles in input order, computed by the workers of ``client``.

    ``analyse`` is what each task runs on a batch (``analyse_batch`` unless a
    test wants a task that misbehaves); ``window`` bounds the batches in flight
    (default: two per worker thread, so no worker idles between batches).
    """
    from distributed import as_completed

    analyse = analyse or analyse_batch  # looked up now, so a test can swap it
    iterator = iter(records)
    window = window or 2 * max(1, sum(client.nthreads().values()))
    run = uuid.uuid4().hex[:8]
    submitted: dict[str, tuple[int, list[ArticleRecord]]] = {}
    finished: dict[int, list[Analysed | InputError]] = {}
    pending = as_completed()
    next_index = written = 0
    try:
        while True:
            while next_index - written < window and (chunk := list(islice(iterator, batch))):
                future = client.submit(
                    analyse, chunk, model, key=f"diplo-analyse-{run}-{next_index}",
                    retries=RETRIES, pure=False,
                )  # fmt: skip
                submitted[future.key] = (next_index, chunk)
                pending.add(future)
                next_index += 1
            if written == next_index:
                return
            future = next(pending)
            index, chunk = submitted.pop(future.key)
            finished[index] = _collect(future, chunk)
            while written in finished:
                yield from finished.pop(written)
                written += 1
    finally:
        if submitted:  # the consumer stopped early: do not leave work on the cluster
            client.cancel([f for f in pending.futures])


def _collect(future, chunk: list[ArticleRecord]) -> list[Analysed | InputError]:
    """A finished task's results; a task that failed for good (it raised on
    every attempt, or killed every worker it ran on) fails each of its
    articles with the usual one-line error naming the file."""
    try:
        return future.result()
    except Exception as e:  # noqa: BLE001 -- any worker-side failure is reported per article
        reason = f"analysis failed on the cluster ({type(e).__name__}: {e})"
        return [InputError(record.label, reason) for record in chunk]


@contextlib.contextmanager
def dask_client(scheduler: str | None, local_workers: int | None, model: str | None = None):
    """A Client for ``--scheduler ADDRESS`` or for a new LocalCluster of
    ``--dask-local N`` single-threaded worker processes (spaCy releases the
    GIL too little for threads to help), closed on exit."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise click.ClickException(
            f"a Dask cluster needs the distributed package ({e}): "
            "pip install 'datasette-diplo[loader]'"
        ) from None

    with contextlib.ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler))
            except OSError as e:
                raise click.ClickException(
                    f"cannot reach Dask scheduler {scheduler}: {e}"
                ) from None
        else:
            stack.enter_context(_untrimmed_malloc())
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=local_workers, threads_per_worker=1, processes=True,
                    host="127.0.0.1", dashboard_address="127.0.0.1:0",
                )
            )  # fmt: skip
            client = stack.enter_context(Client(cluster))
        _announce(client)
        _load_model_everywhere(client, model)
        yield client


def _untrimmed_malloc():
    """Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, so
    memory freed after each document goes back to the system and is faulted
    in again for the next: on 100 PolNeAR articles three times the page
    faults of ``--processes`` and 2.5 s more system CPU on two workers. The
    analysis frees and reuses the same sizes document after document, so
    local workers keep glibc's default (see docs/scaling.md for remote ones)."""
    import dask
    import distributed  # noqa: F401 -- registers the distributed.* defaults

    return dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None})


def _load_model(model: str | None) -> str | None:
    """On a worker: load the model now (what the first batch would pay), or
    say why it cannot be loaded."""
    from loader.nlp import ModelNotFound, get_nlp

    try:
        get_nlp(model)
    except ModelNotFound as e:
        return str(e)
    return None


def _load_model_everywhere(client, model: str | None) -> None:
    """Each worker loads the model before work starts, all at once, so a
    worker without it fails the run with one line instead of every article
    failing. The writer itself needs no model."""
    for address, problem in client.run(_load_model, model).items():
        if problem:
            raise click.ClickException(f"Dask worker {address}: {problem}")


def _announce(client) -> None:
    workers = len(client.scheduler_info().get("workers", {}))
    link = client.dashboard_link
    try:
        import bokeh  # noqa: F401 -- the dashboard is served only when bokeh is installed
    except ImportError:
        link += " (served when bokeh is installed: pip install bokeh)"
    click.echo(f"dask: {workers} worker{'s' * (workers != 1)}, dashboard {link}", err=True)


def analysis(
    model: str | None,
    processes: int,
    scheduler: str | None = None,
    local_workers: int | None = None,
) -> Callable[[Iterable[ArticleRecord]], Results]:
    """The analysis a load uses, as a function of the records: a Dask cluster
    when one is asked for (connected or started on first use, closed when the
    results are exhausted), else ``analyse_all`` with ``processes``. Bad
    option combinations fail here, before any input is read."""
    if scheduler and local_workers:
        raise click.UsageError("--scheduler and --dask-local exclude each other")
    if (scheduler or local_workers) and processes > 1:
        raise click.UsageError(
            "--processes applies without a Dask cluster; size the cluster instead"
        )
    if not (scheduler or local_workers):
        return partial(analyse_all, model=model, processes=processes)

    def on_cluster(records: Iterable[ArticleRecord]) -> Results:
        with dask_client(scheduler, local_workers, model) as client:
            yield from analyse_on_dask(records, client, model)

    return on_cluster
