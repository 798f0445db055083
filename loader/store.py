"""Writing one analysed article to SQLite, all or nothing.

Writes go through plain SQL on the connection inside an explicit
``BEGIN``/``COMMIT``: sqlite-utils' insert helpers commit on their own, which
would break the guarantee that an article lands whole (article, claims,
speakers) or not at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

import sqlite_utils

from loader.aliases import AliasRules
from loader.models import ArticleRecord, Attribution
from loader.speakers import Usage, count_usage, upsert_speaker
from loader.transaction import Rollback, transaction


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Written:
    article_id: int | None  # None: this content was already in the database
    claims: int = 0
    speakers: int = 0


def article_exists(db: sqlite_utils.Database, text: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM articles WHERE content_hash = ?", [content_hash(text)]
    ).fetchone()
    return row is not None


def _outlet_id(conn, record: ArticleRecord) -> int | None:
    name = record.outlet or record.domain
    if not name:
        return None
    row = conn.execute("SELECT id, domain FROM outlets WHERE name = ?", [name]).fetchone()
    if row:
        if record.domain and not row[1]:
            conn.execute("UPDATE outlets SET domain = ? WHERE id = ?", [record.domain, row[0]])
        set_outlet_kind(conn, row[0], record.outlet_kind)
        return row[0]
    return conn.execute(
        "INSERT INTO outlets (name, domain, kind) VALUES (?, ?, ?)",
        [name, record.domain, record.outlet_kind],
    ).lastrowid


def set_outlet_kind(conn, outlet_id: int, kind: str | None) -> bool:
    """Record the kind an input states for an outlet ("wire"); the latest
    statement wins, silence changes nothing. True when it changed."""
    if kind is None:
        return False
    return (
        conn.execute(
            "UPDATE outlets SET kind = ? WHERE id = ? AND kind IS NOT ?", [kind, outlet_id, kind]
        ).rowcount
        > 0
    )


def _kind_of(conn, record: ArticleRecord) -> str | None:
    row = conn.execute(
        "SELECT kind FROM outlets WHERE name = ?", [record.outlet or record.domain]
    ).fetchone()
    return row[0] if row else None


def write_article(
    db: sqlite_utils.Database,
    record: ArticleRecord,
    attributions: list[Attribution],
    aliases: AliasRules | None = None,
) -> Written:
    """Insert the article, its boilerplate ranges, speakers and claims in one transaction.

    A joint statement ("Lavrov and Fidan said") arrives as one Attribution per
    speaker with the same spans and becomes one claim row per speaker, so each
    speaker's page lists it. ``aliases`` are the user's merge/split rules.
    """
    conn = db.conn
    digest = content_hash(record.text)
    with transaction(conn):
        if conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", [digest]).fetchone():
            return Written(None)
        speakers_before = conn.execute("SELECT count(*) FROM speakers").fetchone()[0]
        article_id = _insert_article(conn, record, digest)
        used = Usage()
        for a in attributions:
            speaker_id = None
            if a.speaker:
                # Only name-like surface forms become aliases, never "he" or "they".
                speaker_id = upsert_speaker(
                    conn,
                    a.speaker,
                    a.speaker_kind or "person",
                    a.speaker_description,
                    a.speaker_aliases,
                    article_id,
                    aliases,
                    record.source_file,
                    used,
                )
            conn.execute(INSERT_CLAIM, _claim_row(record, article_id, speaker_id, a))
        count_usage(conn, used, article_id)
        speakers_after = conn.execute("SELECT count(*) FROM speakers").fetchone()[0]
    return Written(article_id, len(attributions), speakers_after - speakers_before)


def _insert_article(conn, record: ArticleRecord, digest: str) -> int:
    """The article row and its boilerplate ranges; returns the new article id."""
    article_id = conn.execute(
        """INSERT INTO articles (outlet_id, title, url, published, published_basis, dateline,
               author, language, source_file, source_record, content_hash, text, loaded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            _outlet_id(conn, record),
            record.title,
            record.url,
            record.published,
            record.published_basis,
            record.dateline,
            record.author,
            record.language,
            record.source_file,
            record.record,
            digest,
            record.text,
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        ],
    ).lastrowid
    conn.executemany(
        'INSERT INTO article_boilerplate (article_id, start, "end", kind) VALUES (?, ?, ?, ?)',
        [(article_id, b.start, b.end, b.kind) for b in record.boilerplate],
    )
    return article_id


INSERT_CLAIM = """INSERT INTO claims (article_id, speaker_id, speaker_mention, speaker_description,
       cue, cue_lemma, cue_class, kind, content, sentence, content_start,
       content_end, content_spans, cue_start, cue_end, source_start, source_end,
       stated_on, stated_when, relayed_by)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""


def _claim_row(record: ArticleRecord, article_id: int, speaker_id: int | None, a: Attribution):
    """The values of one claim row, in INSERT_CLAIM's order; content and
    sentence are cut from the text as read, so offsets and text always agree."""
    cue = a.cue[0] if a.cue else (None, None)
    source = a.source[0] if a.source else (None, None)
    return [
        article_id,
        speaker_id,
        a.speaker_mention,
        a.speaker_description,
        a.cue_text,
        a.cue_lemma,
        a.cue_class,
        a.kind,
        a.content_text(record.text),
        record.text[a.sentence[0] : a.sentence[1]] if a.sentence else None,
        a.content_start,
        a.content_end,
        json.dumps([list(s) for s in a.content]),
        cue[0],
        cue[1],
        source[0],
        source[1],
        a.stated_on,
        a.stated_when,
        a.relayed_by,
    ]


METADATA_COLUMNS = ("title", "url", "published", "author", "language")


def update_metadata(db: sqlite_utils.Database, record: ArticleRecord) -> bool:
    """Apply newly stated metadata to an already loaded text; True if anything changed.

    Re-loading is how users fix metadata (an edited manifest, front matter
    added later). Only what the new input states explicitly is applied, so a
    value is never replaced by a guess or erased by silence; statement dates
    are re-resolved against a changed publication date.
    """
    from loader.attribution.when import resolve

    conn = db.conn
    digest = content_hash(record.text)
    row = conn.execute(
        "SELECT id, title, url, published, author, language, outlet_id FROM articles "
        "WHERE content_hash = ?",
        [digest],
    ).fetchone()
    if row is None:
        return False
    article_id, stored = row[0], dict(zip(METADATA_COLUMNS, row[1:6], strict=True))
    changes = {
        column: getattr(record, column)
        for column in METADATA_COLUMNS
        if getattr(record, column) is not None and getattr(record, column) != stored[column]
    }
    kind_changed = False
    with transaction(conn):
        if record.outlet or record.domain:
            before = _kind_of(conn, record)
            outlet_id = _outlet_id(conn, record)
            kind_changed = before != _kind_of(conn, record) and record.outlet_kind is not None
            if outlet_id != row[6]:
                changes["outlet_id"] = outlet_id
        if "published" in changes:
            changes["published_basis"] = record.published_basis
        if not changes and not kind_changed:
            raise Rollback  # nothing new: undo any outlet bookkeeping too
        if not changes:
            return True  # only the outlet's stated kind changed
        assignments = ", ".join(f"{column} = ?" for column in changes)
        conn.execute(
            f"UPDATE articles SET {assignments} WHERE id = ?", [*changes.values(), article_id]
        )
        if "published" in changes:
            claims = conn.execute(
                "SELECT id, stated_when FROM claims WHERE article_id = ? AND stated_when IS NOT NULL",
                [article_id],
            ).fetchall()
            conn.executemany(
                "UPDATE claims SET stated_on = ? WHERE id = ?",
                [(resolve(when, record.published), claim_id) for claim_id, when in claims],
            )
    return bool(changes)
