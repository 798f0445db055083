"""Opening the database a command writes to, refusing what it must not touch.

Every refusal is one line (a ``click.ClickException``) given before anything
is written, so the file stays byte for byte as it was:

* a path that is a directory, or a file that is not SQLite;
* a file or folder diplo cannot write ("cannot write …"): a read-only file,
  or a read-only folder, where SQLite cannot create its journal;
* another application's database (tables diplo did not create), unless
  ``force``: then the diplo tables are added beside them;
* diplo tables of another shape, which would fail half-way through a load.

A SQLite error later in a command (the disk fills, the file is locked too
long) is turned into one line by :func:`database_errors`.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import click
import sqlite_utils

from loader.schema import foreign_tables, is_diplo_database, shape_problems

SQLITE_HEADER = b"SQLite format 3\x00"


def _check_file(p: Path, path: str) -> bool:
    """That the path can hold a database; True when it already holds one."""
    if not p.parent.is_dir():
        raise click.ClickException(f"{path}: directory {str(p.parent)!r} does not exist")
    try:
        p.stat()
    except FileNotFoundError:
        if p.is_symlink():
            raise click.ClickException(f"{path}: a symbolic link to nothing") from None
        return False
    except OSError as e:
        raise click.ClickException(f"{path}: cannot open ({e.strerror})") from None
    if p.is_dir():
        raise click.ClickException(f"{path}: is a directory, not a SQLite database")
    try:
        with p.open("rb") as f:
            header = f.read(16)
    except OSError as e:
        raise click.ClickException(f"{path}: cannot read ({e.strerror})") from None
    if header and header != SQLITE_HEADER:
        raise click.ClickException(f"{path}: not a SQLite database")
    return bool(header)


def _check_writable(p: Path, path: str) -> None:
    """Refuse early, in words, what SQLite would refuse with a traceback later."""
    folder = p.parent
    if p.exists() and not os.access(p, os.W_OK):
        raise click.ClickException(f"cannot write {path}: the file is read-only")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise click.ClickException(
            f"cannot write {path}: its folder {str(folder)!r} is read-only"
            " (SQLite creates its journal files beside the database)"
        )


def _check_contents(p: Path, path: str, force: bool) -> None:
    """Whose tables the file holds, read through a read-only connection."""
    conn = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True)
    try:
        foreign = [] if is_diplo_database(conn) else foreign_tables(conn)
        problems = shape_problems(conn)
    except sqlite3.DatabaseError as e:
        raise click.ClickException(f"{path}: cannot read the database ({e})") from None
    finally:
        conn.close()
    if foreign and not force:
        shown = ", ".join(foreign[:5]) + (
            f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""
        )
        raise click.ClickException(
            f"{path}: holds tables diplo did not create ({shown}); it is left untouched"
            " (--force adds the diplo tables beside them)"
        )
    if problems:
        raise click.ClickException(
            f"{path}: not a database diplo can write: {'; '.join(problems)}; it is left untouched"
        )


def check_database(path: str, force: bool = False, write: bool = True) -> None:
    """Every check in the module docstring, without opening the file for writing
    (``write=False``: all but the writability check, for commands that only read)."""
    p = Path(path)
    exists = _check_file(p, path)
    if write:
        _check_writable(p, path)
    if exists:
        _check_contents(p, path, force)


def open_for_reading(path: str) -> sqlite_utils.Database | None:
    """A read-only connection when diplo may not write the file, else None.

    Commands that only read (``suggestions``, ``export``) then work on a
    published, read-only database as they are.
    """
    check_database(path, write=False)
    p = Path(path)
    if os.access(p, os.W_OK) and os.access(p.parent, os.W_OK | os.X_OK):
        return None
    with database_errors(path):
        return sqlite_utils.Database(sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True))


def open_database(path: str, force: bool = False) -> sqlite_utils.Database:
    """Open (or create) a diplo database after :func:`check_database`.

    ``force`` accepts another application's tables in the file (``diplo load --force``).
    """
    check_database(path, force)
    with database_errors(path):
        db = sqlite_utils.Database(Path(path))
        _use_wal(db.conn)
        # With WAL, NORMAL never corrupts the database; it only skips an fsync per
        # article, which dominated load time.
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
    return db


def _use_wal(conn: sqlite3.Connection, tries: int = 50) -> None:
    """Put the file in WAL mode, waiting for another process doing the same.

    Switching the journal mode needs the file to itself and SQLite answers
    "database is locked" at once, without its busy timeout, while another
    connection is opening or switching it: two loads started together on a
    new file met exactly that. A file already in WAL mode needs no switch.
    """
    for attempt in range(tries):
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or attempt == tries - 1:
                raise
            time.sleep(0.1)


COPY_SUFFIX = ".diplo-copy"


@contextlib.contextmanager
def into_copy(path: str) -> Iterator[str]:
    """Yield a copy of ``path`` to write into; on success rename it over ``path``.

    For a database served immutable (``datasette serve -i``), which must never
    change under its readers: they keep the old file (its inode) until the
    server is restarted onto the new one. The original's write lock is held
    throughout, so no other writer commits into a file about to be replaced.
    The copy is left self-contained (checkpointed, rollback-journal mode) and
    synced before the rename, and the original's ``-wal`` is emptied.
    If anything fails, or the process is killed, the original is untouched;
    a leftover copy is discarded by the next run.
    """
    p = Path(path).resolve()  # a link to the database: the copy goes beside the file
    copy = p.with_name(p.name + COPY_SUFFIX)
    lock = _write_lock(p, path) if p.exists() and p.stat().st_size else None
    try:
        _discard(copy)
        if lock is not None:
            with database_errors(path):
                _backup(p, copy)
        yield str(copy)
        with database_errors(str(copy)):
            _seal(copy)
        if lock is not None:
            with database_errors(path):
                _empty_wal(lock)
        os.replace(copy, p)
        _fsync(p.parent)
    except BaseException:
        _discard(copy)
        raise
    finally:
        if lock is not None:
            lock.close()


def _write_lock(p: Path, path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(p, timeout=30, isolation_level=None)
    with database_errors(path):
        conn.execute("BEGIN IMMEDIATE")
    return conn


def _empty_wal(lock: sqlite3.Connection) -> None:
    """Leave the original's ``-wal`` empty before the swap: SQLite opens a
    ``-wal`` it finds beside a database as that database's own, so frames of
    the old file must never be there for the new one."""
    if lock.in_transaction:
        lock.execute("ROLLBACK")
    busy = lock.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    if busy:
        raise sqlite3.OperationalError(
            "another connection kept its -wal in use, so the copy was not swapped in"
            " (stop readers that open it without -i, then run again)"
        )


def _backup(source: Path, copy: Path) -> None:
    """SQLite's online backup: a consistent copy, WAL content included."""
    src, dst = sqlite3.connect(source), sqlite3.connect(copy)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _seal(copy: Path) -> None:
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    _fsync(copy)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _discard(copy: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{copy}{suffix}")


def reports_database_errors(command: Callable) -> Callable:
    """A command taking ``db_path`` whose SQLite failures are one line each."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        with database_errors(kwargs["db_path"]):
            return command(*args, **kwargs)

    return wrapper


@contextlib.contextmanager
def database_errors(path: str) -> Iterator[None]:
    """A SQLite failure as one line naming the database, not a traceback."""
    try:
        yield
    except sqlite3.OperationalError as e:
        message = str(e)
        if "readonly" in message or "unable to open" in message:
            raise click.ClickException(f"cannot write {path}: {message}") from None
        raise click.ClickException(f"{path}: {message}") from None
    except sqlite3.DatabaseError as e:
        raise click.ClickException(f"{path}: {e}") from None
