"""``diplo match``, ``verdict``, ``suggestions``, ``confirm``/``reject`` and
``export claimreview``: the command-line side of issue 4.

Registered on the main ``diplo`` group at the bottom of loader/cli.py.
"""

from __future__ import annotations

import json

import click

from loader.database import (
    database_errors,
    open_database,
    open_for_reading,
    reports_database_errors,
)
from loader.matching.claimreview import claim_reviews
from loader.matching.run import MatchSummary, match
from loader.matching.verdicts import VERDICT_STATUSES, decide_suggestion, record_verdict
from loader.schema import ensure_schema

db_argument = click.argument("db_path", metavar="DB", type=click.Path(dir_okay=False, exists=True))


def _open(db_path: str, read_only: bool = False):
    """The database, checked (loader.database) and brought to the current schema;
    with ``read_only``, a database diplo may not write is read as it is."""
    db = open_for_reading(db_path) if read_only else None
    if db is not None:
        return db
    db = open_database(db_path)
    with database_errors(db_path):
        ensure_schema(db)
    return db


def report_match(db_path: str, s: MatchSummary) -> None:
    timing = sum(s.seconds.values())
    click.echo(
        f"{db_path}: {s.claims} claims -> {s.groups} groups ({s.grouped_claims} claims in groups"
        f" of two or more), {s.suggestions} pending suggestions, {s.reuse_pairs} reused article"
        f" pairs, {s.verdicts_attached} verdicts attached in {timing:.1f}s",
        err=True,
    )


@click.command(name="match")
@db_argument
@click.option(
    "--full",
    is_flag=True,
    help="Recompute everything from scratch instead of only what changed since the last match.",
)
@reports_database_errors
def match_command(db_path: str, full: bool) -> None:
    """Bring claim groups, quote fidelity, article reuse and signals in DB up to date.

    Only the claims added, changed or removed since the last match are
    matched (the result is the same as --full's); deterministic; verdicts and
    confirmed/rejected suggestions are kept and re-attached. Thresholds:
    docs/matching.md.
    """
    from loader.matching.incremental import update_matches

    db = _open(db_path)
    report_match(db_path, match(db) if full else update_matches(db))


@click.command()
@db_argument
@click.argument("group_id", metavar="GROUP", type=int)
@click.option(
    "--status",
    type=click.Choice(VERDICT_STATUSES),
    required=True,
    help="The verdict on the statement, as a fact-checker would rate it.",
)
@click.option("--note", help="Why: what the evidence shows.")
@click.option("--evidence", "evidence_url", metavar="URL", help="Where the evidence is.")
@click.option("--by", "by_name", metavar="NAME", help="Who reached the verdict.")
@reports_database_errors
def verdict(db_path, group_id, status, note, evidence_url, by_name) -> None:
    """Record a verdict on claim group GROUP (survives re-loads and re-matching)."""
    db = _open(db_path)
    try:
        verdict_id = record_verdict(db.conn, group_id, status, note, evidence_url, by_name)
    except (LookupError, ValueError) as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"verdict {verdict_id}: group {group_id} is {status}", err=True)


@click.command()
@db_argument
@click.option(
    "--state",
    type=click.Choice(["pending", "confirmed", "rejected", "all"]),
    default="pending",
    show_default=True,
    help="Which pairs to list: still undecided, confirmed, rejected, or all.",
)
@reports_database_errors
def suggestions(db_path, state) -> None:
    """List suggested pairs of claims that may be one statement.

    Confirm or reject them with ``diplo confirm DB ID`` / ``diplo reject DB ID``.
    """
    db = _open(db_path, read_only=True)
    where = "" if state == "all" else "WHERE s.state = ?"
    rows = db.execute(
        f"""SELECT s.id, s.score, s.state, a.content, b.content, sp.name
            FROM claim_group_suggestions s
            JOIN claims a ON a.id = s.claim_id JOIN claims b ON b.id = s.other_claim_id
            LEFT JOIN speakers sp ON sp.id = a.speaker_id
            {where} ORDER BY s.score DESC, s.id""",
        [] if state == "all" else [state],
    ).fetchall()
    for sid, score, st, a, b, speaker in rows:
        click.echo(f"#{sid} score {score:.2f} [{st}] {speaker or 'unknown speaker'}")
        click.echo(f"    {a}")
        click.echo(f"    {b}")
    if not rows:
        click.echo("no suggestions", err=True)


def _decide(db_path: str, suggestion_ids: tuple[int, ...], state: str, rematch: bool) -> None:
    db = _open(db_path)
    for sid in suggestion_ids:
        try:
            a, b = decide_suggestion(db.conn, sid, state)
        except LookupError as e:
            raise click.ClickException(str(e)) from None
        click.echo(f"suggestion {sid} (claims {a} and {b}): {state}", err=True)
    if rematch:
        report_match(db_path, match(db))


suggestion_ids_argument = click.argument(
    "suggestion_ids", metavar="ID...", nargs=-1, type=int, required=True
)
no_match_option = click.option(
    "--no-match", is_flag=True, help="Do not regroup now (the next `diplo match` will)."
)


@click.command()
@db_argument
@suggestion_ids_argument
@no_match_option
@reports_database_errors
def confirm(db_path, suggestion_ids, no_match) -> None:
    """Confirm suggested pairs: their claims are one statement (then regroup)."""
    _decide(db_path, suggestion_ids, "confirmed", not no_match)


@click.command()
@db_argument
@suggestion_ids_argument
@no_match_option
@reports_database_errors
def reject(db_path, suggestion_ids, no_match) -> None:
    """Reject suggested pairs: their claims are different statements (then regroup)."""
    _decide(db_path, suggestion_ids, "rejected", not no_match)


@click.group()
def export() -> None:
    """Export data in standard formats."""


@export.command(name="claimreview")
@db_argument
@click.option("-o", "--output", type=click.File("w"), default="-", help="File (default stdout).")
@reports_database_errors
def export_claimreview(db_path, output) -> None:
    """schema.org ClaimReview JSON-LD (a list) for every group with a verdict."""
    db = _open(db_path, read_only=True)
    reviews = claim_reviews(db.conn)
    json.dump(reviews, output, ensure_ascii=False, indent=2)
    output.write("\n")
    if getattr(output, "name", "<stdout>") != "<stdout>":
        click.echo(f"{len(reviews)} claim reviews written", err=True)


COMMANDS = [match_command, verdict, suggestions, confirm, reject, export]
