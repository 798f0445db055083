"""The database schema: the interface users query with SQL.

Tables are declared in SQL rather than inferred from the first row so that
column types, CHECK constraints and foreign keys are fixed and documented
(docs/schema.md mirrors this file). ``ensure_schema`` is idempotent; it is run
before every load and every match, so an older database gains new tables.
"""

from __future__ import annotations

import json
import sqlite3

import sqlite_utils

from loader.models import join_content
from loader.transaction import transaction

SCHEMA_VERSION = 4

TABLES = """
CREATE TABLE IF NOT EXISTS outlets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    domain TEXT,
    kind TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    outlet_id INTEGER REFERENCES outlets(id),
    title TEXT,
    url TEXT,
    published TEXT,
    published_basis TEXT,
    dateline TEXT,
    author TEXT,
    language TEXT,
    source_file TEXT NOT NULL,
    source_record TEXT,
    content_hash TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    loaded_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS article_boilerplate (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS speakers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'group')),
    description TEXT,
    key TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS speaker_aliases (
    speaker_id INTEGER NOT NULL REFERENCES speakers(id),
    alias TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (speaker_id, alias)
);
CREATE TABLE IF NOT EXISTS speaker_alias_articles (
    speaker_id INTEGER NOT NULL REFERENCES speakers(id),
    alias TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    PRIMARY KEY (speaker_id, alias, article_id)
);
CREATE TABLE IF NOT EXISTS claim_groups (
    id INTEGER PRIMARY KEY,
    speaker_id INTEGER REFERENCES speakers(id),
    summary TEXT,
    claims_count INTEGER NOT NULL DEFAULT 0,
    outlets_count INTEGER NOT NULL DEFAULT 0,
    independent_outlets_count INTEGER NOT NULL DEFAULT 0,
    first_claim_id INTEGER REFERENCES claims(id),
    fidelity TEXT,
    status TEXT,
    first_article_id INTEGER REFERENCES articles(id),
    first_published TEXT,
    conflict TEXT,
    verdict_id INTEGER REFERENCES verdicts(id)
);
CREATE TABLE IF NOT EXISTS verdicts (
    id INTEGER PRIMARY KEY,
    claim_keys TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT,
    evidence_url TEXT,
    by_name TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claim_group_suggestions (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims(id),
    other_claim_id INTEGER NOT NULL REFERENCES claims(id),
    score REAL NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'confirmed', 'rejected'))
);
CREATE TABLE IF NOT EXISTS claim_pair_decisions (
    id INTEGER PRIMARY KEY,
    claim_key TEXT NOT NULL,
    other_claim_key TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('confirmed', 'rejected')),
    decided_at TEXT NOT NULL,
    UNIQUE (claim_key, other_claim_key)
);
CREATE TABLE IF NOT EXISTS claims (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    speaker_id INTEGER REFERENCES speakers(id),
    speaker_mention TEXT,
    speaker_description TEXT,
    cue TEXT,
    cue_lemma TEXT,
    cue_class TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed', 'outlet')),
    content TEXT NOT NULL,
    sentence TEXT,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    content_spans TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    source_start INTEGER,
    source_end INTEGER,
    stated_on TEXT,
    stated_when TEXT,
    relayed_by TEXT,
    group_id INTEGER REFERENCES claim_groups(id),
    fidelity TEXT,
    diff TEXT
);
CREATE TABLE IF NOT EXISTS article_reuse (
    earlier_article_id INTEGER NOT NULL REFERENCES articles(id),
    later_article_id INTEGER NOT NULL REFERENCES articles(id),
    containment REAL NOT NULL,
    basis TEXT NOT NULL,
    reverse_containment REAL,
    shared_words INTEGER,
    PRIMARY KEY (earlier_article_id, later_article_id)
);
CREATE TABLE IF NOT EXISTS diplo_meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
"""

INDEXES = [
    ("articles", ["outlet_id"]),
    ("articles", ["published"]),
    ("article_boilerplate", ["article_id"]),
    ("speaker_aliases", ["alias"]),
    ("speaker_alias_articles", ["article_id"]),
    ("claims", ["article_id"]),
    ("claims", ["speaker_id"]),
    ("claims", ["group_id"]),
    ("claims", ["kind"]),
    ("claims", ["stated_on"]),
    ("claim_groups", ["speaker_id"]),
    ("claim_groups", ["first_claim_id"]),
    ("claim_groups", ["status"]),
    ("claim_groups", ["outlets_count"]),
    ("claim_groups", ["first_article_id"]),
    ("claim_groups", ["verdict_id"]),
    ("claim_group_suggestions", ["claim_id"]),
    ("claim_group_suggestions", ["other_claim_id"]),
    ("article_reuse", ["later_article_id"]),
    # Pages (datasette_diplo): the altered-quotes list and the strongest reuse links.
    ("claims", ["fidelity"]),
    ("article_reuse", ["containment"]),
    # Pages: a speaker's timeline and descriptions are sorted and grouped from
    # these covering indexes alone, without reading claim or article rows.
    ("claims", ["speaker_id", "stated_on", "article_id", "content_start", "speaker_description"]),
    ("articles", ["id", "outlet_id", "published"]),
]

FTS = [
    ("claims", ["content"]),
    ("articles", ["title", "text"]),
]

VIEWS = {
    "claims_view": """
        SELECT claims.id, claims.kind, speakers.name AS speaker, claims.speaker_mention,
               claims.cue, claims.content, outlets.name AS outlet,
               articles.published, claims.stated_on, claims.stated_when,
               claims.relayed_by, claims.group_id, claims.article_id
        FROM claims
        JOIN articles ON articles.id = claims.article_id
        LEFT JOIN outlets ON outlets.id = articles.outlet_id
        LEFT JOIN speakers ON speakers.id = claims.speaker_id
    """,
}


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create every table, index and FTS trigger the loader relies on.

    Two loads started together on a new file may both find a table missing and
    both create it; the one that loses sees "already exists" and simply runs
    again, finding everything made.
    """
    try:
        _ensure_schema(db)
    except sqlite3.OperationalError as e:
        if "already exists" not in str(e):
            raise
        if db.conn.in_transaction:
            db.conn.rollback()
        _ensure_schema(db)


def _ensure_schema(db: sqlite_utils.Database) -> None:
    db.conn.executescript(TABLES)
    _add_missing_columns(db)
    _join_content_pieces(db)
    for table, columns in INDEXES:
        db[table].create_index(columns, if_not_exists=True)
    for table, columns in FTS:
        if not db[table].detect_fts():
            db[table].enable_fts(columns, create_triggers=True, tokenize="porter")
        _narrow_fts_update_trigger(db, table, columns)
    db.execute(
        "INSERT OR REPLACE INTO diplo_meta (key, value) VALUES ('schema_version', ?)",
        [str(SCHEMA_VERSION)],
    )
    db.conn.commit()


# Columns added after a table first shipped: (table, column, definition). A
# database written by an older version gains them on its next load, so nobody
# has to start over.
ADDED_COLUMNS = [
    ("speaker_aliases", "articles", "INTEGER NOT NULL DEFAULT 0"),
    ("claims", "relayed_by", "TEXT"),
    ("outlets", "kind", "TEXT"),
]


def _join_content_pieces(db: sqlite_utils.Database) -> None:
    """Claims stored before ``claims.content`` became the pieces joined by
    " … " held the whole range, cue included; rewrite those once (the FTS
    trigger re-indexes them) so one database never mixes the two."""
    done = db.execute("SELECT 1 FROM diplo_meta WHERE key = 'content_pieces_joined'").fetchone()
    if done or "content_spans" not in {r[1] for r in db.execute('PRAGMA table_info("claims")')}:
        return
    rows = db.execute(
        """SELECT c.id, c.content_spans, a.text FROM claims c
           JOIN articles a ON a.id = c.article_id
           WHERE c.content_spans IS NOT NULL AND json_array_length(c.content_spans) > 1"""
    ).fetchall()
    for claim_id, spans, text in rows:
        content = join_content(text, [tuple(s) for s in json.loads(spans)])
        db.execute("UPDATE claims SET content = ? WHERE id = ?", [content, claim_id])
    db.execute(
        "INSERT OR IGNORE INTO diplo_meta (key, value) VALUES ('content_pieces_joined', '1')"
    )


def _add_missing_columns(db: sqlite_utils.Database) -> None:
    for table, column, definition in ADDED_COLUMNS:
        have = {row[1] for row in db.execute(f'PRAGMA table_info("{table}")')}
        if column not in have:
            db.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {definition}')


def _narrow_fts_update_trigger(db: sqlite_utils.Database, table: str, columns: list[str]) -> None:
    """Re-index full text only when an indexed column changes.

    sqlite-utils' update trigger fires on any column, so ``diplo match``
    writing group_id/fidelity/diff to every claim would rewrite the whole
    claims index each time.
    """
    name = f"{table}_au"
    row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name])
    sql = (row.fetchone() or [None])[0]
    if sql is None or " UPDATE OF " in sql:
        return
    cols = ", ".join(f'"{c}"' for c in columns)
    narrowed = sql.replace(f'AFTER UPDATE ON "{table}"', f'AFTER UPDATE OF {cols} ON "{table}"', 1)
    if narrowed == sql:
        return
    with db.conn:
        db.execute(f'DROP TRIGGER "{name}"')
        db.execute(narrowed)


def ensure_views(db: sqlite_utils.Database) -> None:
    """The final pass of a load: convenience views over the core tables.

    Each view is dropped and made again under the write lock, in one
    transaction: two loads finishing together on one file otherwise both drop
    it, then the second to create it fails with "already exists".
    """
    with transaction(db.conn):
        for name, sql in VIEWS.items():
            db.conn.execute(f'DROP VIEW IF EXISTS "{name}"')
            db.conn.execute(f'CREATE VIEW "{name}" AS {sql}')


# --- Whose database is this? Checked before anything is written ---
#
# ``diplo load other.db`` on another application's SQLite file used to add
# sixty tables, indexes and triggers to it and switch it to WAL. These checks
# read ``sqlite_master`` only, so a refused file is left byte for byte as it
# was.


def _declared_tables() -> dict[str, set[str]]:
    """Table name -> the columns TABLES declares, read by SQLite itself."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(TABLES)
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: {r[1] for r in conn.execute(f'PRAGMA table_info("{n}")')} for n in names}
    finally:
        conn.close()


DECLARED = _declared_tables()
FTS_SHADOWS = ("", "_data", "_idx", "_docsize", "_config", "_content")


def diplo_names() -> set[str]:
    """Every table and view a diplo database holds (FTS tables and their shadows included)."""
    fts = {f"{table}_fts{suffix}" for table, _ in FTS for suffix in FTS_SHADOWS}
    return set(DECLARED) | fts | set(VIEWS)


def foreign_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables and views in the file that diplo did not create (SQLite's own excepted)."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name"
    ).fetchall()
    ours = diplo_names()
    return [n for (n,) in rows if n not in ours and not n.startswith("sqlite_")]


def is_diplo_database(conn: sqlite3.Connection) -> bool:
    """True once a diplo load has stamped the file (``diplo_meta.schema_version``);
    from then on other tables in it are the user's own business."""
    try:
        row = conn.execute("SELECT 1 FROM diplo_meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError:
        return False
    return row is not None


def shape_problems(conn: sqlite3.Connection) -> list[str]:
    """Diplo tables present with another shape: columns missing that no
    migration (ADDED_COLUMNS) adds. Writing into them would fail half-way."""
    addable = {(table, column) for table, column, _ in ADDED_COLUMNS}
    problems = []
    for table, columns in DECLARED.items():
        have = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        missing = sorted(c for c in columns - have if (table, c) not in addable)
        if have and missing:
            problems.append(
                f"table {table!r} lacks column{'s' * (len(missing) > 1)} " + ", ".join(missing)
            )
    return problems
