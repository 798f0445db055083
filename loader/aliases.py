"""User corrections to speaker merging: the aliases file (docs/aliases.md).

Automatic merging (``loader.speakers``) will sometimes join two people or
keep one person apart. An aliases file states the truth and wins:

* a **merge** rule lists names that are one speaker, under a canonical name;
* a **split** rule says a name, in some articles or with some description,
  is a different speaker.

Rules apply twice, so that editing the file fixes the database without a
reload: while an article is written (``AliasRules.rewrite`` inside
``upsert_speaker``) and, at the end of every ``diplo load``, to the rows
already stored (``apply_to_database``). Both are idempotent.
"""

from __future__ import annotations

import fnmatch
import sqlite3
from dataclasses import dataclass, field, replace
from pathlib import Path

from loader import safe_yaml
from loader.names import fold
from loader.speakers import drop_if_unused, make_key, move_article_names, upsert_speaker
from loader.transaction import transaction

FILE_NAMES = ("aliases.yml", "aliases.yaml")
KINDS = ("person", "organization", "group")


class AliasesError(ValueError):
    """The aliases file cannot be used; ``str()`` names the file and the problem."""


@dataclass
class Merge:
    name: str  # canonical name
    names: list[str]
    kind: str | None = None

    def matches(self, name: str, kind: str) -> bool:
        if self.kind and kind != self.kind:
            return False
        return fold(name) in {fold(n) for n in (self.name, *self.names)}


@dataclass
class Split:
    name: str  # the name extraction gives
    to: str  # the distinct speaker it becomes
    articles: list[str] = field(default_factory=list)  # globs on the article path
    description: str | None = None  # words the speaker description must contain
    kind: str | None = None

    def matches(self, name: str, description: str | None, source_file: str | None) -> bool:
        if fold(name) != fold(self.name):
            return False
        if self.articles:
            if not source_file:
                return False
            base = Path(source_file).name
            if not any(
                fnmatch.fnmatch(source_file, g) or fnmatch.fnmatch(base, g) for g in self.articles
            ):
                return False
        if self.description:
            if not description or fold(self.description) not in fold(description):
                return False
        return True


@dataclass
class AliasRules:
    merges: list[Merge] = field(default_factory=list)
    splits: list[Split] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # the files they came from

    def __bool__(self) -> bool:
        return bool(self.merges or self.splits)

    def extend(self, other: AliasRules) -> None:
        self.merges += other.merges
        self.splits += other.splits
        self.sources += other.sources

    def rewrite(
        self, name: str, kind: str, description: str | None, source_file: str | None
    ) -> tuple[str, str, str | None, bool]:
        """(name, kind, description, forced) after the first rule that applies.

        Splits are tried before merges: a split is the narrower statement.
        """
        for rule in self.splits:
            if rule.matches(name, description, source_file):
                return rule.to, rule.kind or kind, description, True
        for rule in self.merges:
            if rule.matches(name, kind):
                return rule.name, rule.kind or kind, description, True
        return name, kind, description, False


def _names(value, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return list(value)
    raise AliasesError(f"{where}: expected a name or a list of names")


def _kind(entry: dict, where: str) -> str | None:
    kind = entry.get("kind")
    if kind is not None and kind not in KINDS:
        raise AliasesError(f"{where}: kind must be one of {', '.join(KINDS)}")
    return kind


def _entries(data: dict, section: str, path: str) -> list:
    entries = data.get(section) or []
    if not isinstance(entries, list):
        raise AliasesError(f"{path}: '{section}' must be a list of entries")
    return entries


def _description(entry: dict, where: str) -> str | None:
    description = entry.get("description")
    if description is not None and not isinstance(description, str):
        raise AliasesError(f"{where}: 'description' must be text")
    return description


def parse_aliases(data: object, path: str) -> AliasRules:
    """Rules from the YAML structure; every mistake is an error naming the entry."""
    if data is None:
        return AliasRules(sources=[path])
    if not isinstance(data, dict) or set(data) - {"merge", "split"}:
        raise AliasesError(f"{path}: expected top-level keys 'merge' and/or 'split'")
    rules = AliasRules(sources=[path])
    for n, entry in enumerate(_entries(data, "merge", path), 1):
        where = f"{path}: merge entry {n}"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise AliasesError(f"{where}: needs 'name' (the canonical name)")
        if "names" not in entry:
            raise AliasesError(f"{where}: needs 'names' (the spellings to merge)")
        unknown = set(entry) - {"name", "names", "kind"}
        if unknown:
            raise AliasesError(f"{where}: unknown key {sorted(unknown)[0]!r}")
        rules.merges.append(
            Merge(entry["name"].strip(), _names(entry["names"], where), _kind(entry, where))
        )
    for n, entry in enumerate(_entries(data, "split", path), 1):
        where = f"{path}: split entry {n}"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise AliasesError(f"{where}: needs 'name' (the name to split off)")
        if not isinstance(entry.get("as"), str) or not entry["as"].strip():
            raise AliasesError(f"{where}: needs 'as' (the name of the other speaker)")
        unknown = set(entry) - {"name", "as", "articles", "description", "kind"}
        if unknown:
            raise AliasesError(f"{where}: unknown key {sorted(unknown)[0]!r}")
        if "articles" not in entry and "description" not in entry:
            raise AliasesError(f"{where}: needs 'articles' or 'description' to say which ones")
        rules.splits.append(
            Split(
                entry["name"].strip(),
                entry["as"].strip(),
                _names(entry["articles"], where) if "articles" in entry else [],
                _description(entry, where),
                _kind(entry, where),
            )
        )
    return rules


def load_aliases(path: str | Path) -> AliasRules:
    """Read one aliases file."""
    p = Path(path)
    try:
        data = safe_yaml.read_file(p, "aliases file")
    except safe_yaml.Refused as e:
        raise AliasesError(f"{p}: {e}") from None
    try:
        return parse_aliases(data, str(p))
    except AliasesError:
        raise
    except Exception as e:  # the boundary of one file: one line, never a traceback
        raise AliasesError(
            f"{p}: cannot use ({type(e).__name__}: {safe_yaml.one_line(e)})"
        ) from None


def find_alias_files(db_path: str, paths: list[str], explicit: str | None) -> list[Path]:
    """The files a load uses, in priority order (first matching rule wins).

    ``--aliases FILE`` first, then ``aliases.yml`` beside the database, then
    ``aliases.yml`` at the top of each directory given to ``diplo load``.
    """
    found: list[Path] = []
    if explicit:
        found.append(Path(explicit))
    places = [Path(db_path).resolve().parent] + [
        Path(p) for p in paths if _looks(Path(p), Path.is_dir)
    ]
    for place in places:
        for name in FILE_NAMES:
            candidate = place / name
            if _looks(candidate, Path.is_file) and candidate.resolve() not in {
                f.resolve() for f in found
            }:
                found.append(candidate)
                break
    return found


def _looks(path: Path, check) -> bool:
    """``is_file``/``is_dir`` that answers False where it may not look (the
    load reports that folder itself as unreadable)."""
    try:
        return check(path)
    except OSError:
        return False


def load_rules(files: list[Path]) -> AliasRules:
    rules = AliasRules()
    for f in files:
        rules.extend(load_aliases(f))
    return rules


def apply_to_database(conn: sqlite3.Connection, rules: AliasRules) -> int:
    """Re-apply the rules to stored speakers; returns how many claims moved or rows merged.

    Runs in its own transaction. Merges join every row whose canonical name
    is listed; splits move the matching claims to the other speaker's row.
    """
    if not rules:
        return 0
    changed = 0
    with transaction(conn):
        for split in rules.splits:
            changed += _apply_split(conn, split, rules)
        for merge in rules.merges:
            changed += _apply_merge(conn, merge)
    return changed


def _apply_split(conn: sqlite3.Connection, rule: Split, rules: AliasRules) -> int:
    """Move the claims a split rule matches to the other speaker's row."""
    changed = 0
    rows = [
        r
        for r in conn.execute("SELECT id, name, kind FROM speakers ORDER BY id")
        if fold(r[1]) == fold(rule.name)
    ]
    for speaker_id, name, kind in rows:
        claims = conn.execute(
            """SELECT c.id, c.article_id, c.speaker_description, a.source_file
               FROM claims c JOIN articles a ON a.id = c.article_id
               WHERE c.speaker_id = ? ORDER BY c.id""",
            [speaker_id],
        ).fetchall()
        moved: dict[int, int] = {}  # article -> the row its claims went to
        for claim_id, article_id, description, source_file in claims:
            if not rule.matches(name, description, source_file):
                continue
            target = upsert_speaker(
                conn, name, kind, description, [], article_id, rules, source_file
            )
            if target != speaker_id:
                conn.execute("UPDATE claims SET speaker_id = ? WHERE id = ?", [target, claim_id])
                moved[article_id] = target
                changed += 1
        for article_id, target in moved.items():
            _move_names(conn, article_id, speaker_id, target)
        drop_if_unused(conn, speaker_id)
    return changed


def _apply_merge(conn: sqlite3.Connection, rule: Merge) -> int:
    """Join every row a merge rule lists into one, named and keyed by the rule."""
    rows = [
        r
        for r in conn.execute("SELECT id, name, kind, key FROM speakers ORDER BY id")
        if rule.matches(r[1], r[2])
    ]
    if not rows:
        return 0
    kind = rule.kind or rows[0][2]
    key = make_key(rule.name, kind)
    target = next((r[0] for r in rows if r[3] == str(key)), rows[0][0])
    others = [r[0] for r in rows if r[0] != target]
    for other in others:
        _absorb(conn, target, other)
    clash = conn.execute(
        "SELECT id FROM speakers WHERE key = ? AND id != ?", [str(key), target]
    ).fetchone()
    if clash is not None:
        key = replace(key, tag=str(target))
    conn.execute(
        "UPDATE speakers SET name = ?, kind = ?, key = ? WHERE id = ?",
        [rule.name, kind, str(key), target],
    )
    for alias in (rule.name, *rule.names):
        conn.execute(
            "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)",
            [target, alias],
        )
    return len(others)


def _absorb(conn: sqlite3.Connection, target: int, other: int) -> None:
    """Row ``other`` becomes row ``target``: its claims, groups and names move."""
    conn.execute("UPDATE claims SET speaker_id = ? WHERE speaker_id = ?", [target, other])
    conn.execute("UPDATE claim_groups SET speaker_id = ? WHERE speaker_id = ?", [target, other])
    conn.execute(
        """INSERT INTO speaker_aliases (speaker_id, alias, articles)
           SELECT ?, alias, articles FROM speaker_aliases WHERE speaker_id = ? AND true
           ON CONFLICT (speaker_id, alias)
           DO UPDATE SET articles = articles + excluded.articles""",
        [target, other],
    )
    conn.execute(
        """INSERT OR IGNORE INTO speaker_alias_articles (speaker_id, alias, article_id)
           SELECT ?, alias, article_id FROM speaker_alias_articles
           WHERE speaker_id = ?""",
        [target, other],
    )
    conn.execute("DELETE FROM speaker_alias_articles WHERE speaker_id = ?", [other])
    conn.execute("DELETE FROM speaker_aliases WHERE speaker_id = ?", [other])
    conn.execute("DELETE FROM speakers WHERE id = ?", [other])


def _move_names(conn: sqlite3.Connection, article_id: int, source: int, target: int) -> None:
    """The names an article used go with its claims, once none of them is left
    on the old row (a split by description can leave some behind); the split
    row then lists only names its articles used, besides its own."""
    left = conn.execute(
        "SELECT 1 FROM claims WHERE speaker_id = ? AND article_id = ? LIMIT 1",
        [source, article_id],
    ).fetchone()
    if left:
        return
    move_article_names(conn, article_id, source, target)
    conn.execute(
        """DELETE FROM speaker_aliases
           WHERE speaker_id = ? AND articles = 0
             AND alias != (SELECT name FROM speakers WHERE id = ?)
             AND NOT EXISTS (SELECT 1 FROM speaker_alias_articles x
                             WHERE x.speaker_id = speaker_aliases.speaker_id
                               AND x.alias = speaker_aliases.alias)""",
        [target, target],
    )
