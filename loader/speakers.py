"""One canonical speaker row per real person or body, across articles.

Extraction names speakers within one article (``attribution.coref``); this
module maps those names to rows of ``speakers`` so that spelling variants of
one person land on one row and every surface form lands in
``speaker_aliases``. The rules, in order:

1. An aliases file (``loader.aliases``) may force a name onto a canonical
   name (merge) or onto a different person (split); forced names skip the
   fuzzy steps below.
2. **People** are keyed by the transliteration key of their surname plus the
   keys of their given names (``loader.names``): ``person:<surname>|<given>``.
   A new name joins an existing row with the same surname key when the given
   names fit (one list within the other, initials allowed), so Abbas
   Araqchi joins Abbas Araghchi and Mohammed al-Sudani joins Mohammed Shia
   al-Sudani, while Fuad Hussein and Saddam Hussein stay apart.
3. A **bare surname** ("Hussein" in an article that never gives a first
   name) joins a full-name row only when exactly one such row fits - same
   surname, no contradicting title (an Iraqi foreign minister is not an Iraqi
   president, and "Mrs. Clinton" is not a man), or when one of the people
   who fit is how the corpus names nearly everyone with that surname (90 % of
   the articles that name any of them in full, and at least 5). Otherwise it
   gets a surname-only row. When a full name later arrives whose title and
   honorifics do not contradict the only surname-only row of that surname, and
   no other full name with that surname exists, that row is renamed to the
   full name: the same person, now known better. Either way round, "Obama"
   and "Barack Obama" end up one row whichever article came first.
4. **Bodies** are keyed by their role words ("Russian Foreign Ministry" =
   "Russia's Ministry of Foreign Affairs"). A body named only by generic words
   ("the ministry", "Foreign Ministry", "the government") means different
   bodies in different articles, so it is keyed per article.
   A body named by its initials ("U.N.", "IAEA") is the one body whose
   spelled-out name has those initials ("United Nations", "International
   Atomic Energy Agency"), whichever came first, and the row takes the
   spelled-out name: wire copy uses both, and a reader looking for what the
   United Nations said must find both outlets' figures.
5. **Groups** ("analysts", "Iraqi officials") and unnamed roles ("the Iranian
   foreign minister" where no name was given) are kept per article: two
   outlets' "analysts" are not the same people.

Everything is deterministic: the same inputs in the same order give the same
rows. A person's canonical name is the full name most articles used for them
(``speaker_aliases.articles`` counts them): one outlet's "Billionaire Donald
Trump" or a headline's run-on name must not rename a person hundreds of
articles call "Donald Trump". Among equals the one with more name words wins,
then the one seen first. Matching a new full name checks it against every full
name a row was known by, not only the current one, so the order articles
arrive in does not decide whether "Donald J. Trump" joins "Donald Trump".
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field, replace
from typing import Protocol

from loader.lexicon.bodies import GENERIC_ORG_WORDS, INITIAL_SKIPS
from loader.lexicon.people import (
    HONORIFIC_GENDER,
    HONORIFICS,
    LOWERCASE_NAME_PREFIXES,
    NAME_PARTICLES,
    TITLE_WORDS,
)
from loader.lexicon.places import COUNTRIES
from loader.names import (
    clean_label,
    fold,
    given_compatible,
    name_keys,
    name_tokens,
    role_tokens,
    same_word,
)


class NameRewriter(Protocol):
    """What the speaker table needs of the user's aliases file
    (``loader.aliases.AliasRules``): its rewrite of a name. A protocol, so
    that this module does not import the one that imports it."""

    def rewrite(
        self, name: str, kind: str, description: str | None, source_file: str | None
    ) -> tuple[str, str, str | None, bool]: ...


__all__ = [
    "fold",
    "speaker_key",
    "make_key",
    "SpeakerKey",
    "upsert_speaker",
    "count_usage",
    "move_article_names",
    "drop_if_unused",
    "Usage",
    "descriptions_compatible",
]


@dataclass(frozen=True)
class SpeakerKey:
    """The identity of a speaker row, stored as text in ``speakers.key``.

    The stored text is what users' databases and aliases files depend on, so
    ``str()`` writes exactly these shapes, and ``parse`` reads them back:

    * ``person:<surname key>|<given-name keys>`` (``#f``: a surname-only row
      the honorifics call a woman);
    * ``group:<folded name>`` and ``role:<kind>:<folded name>`` (unnamed roles);
    * ``<kind>:<role words>`` for bodies;
    * ``@<article id>`` after a row kept per article; ``#<row id>`` after a
      key an aliases-file merge found taken.
    """

    kind: str  # the row's kind: person | organization | group
    name: str  # person: surname key; others: folded name or sorted role words
    given: str = ""  # person: keys of the given names, space-separated
    role: bool = False  # an unnamed role ("role:<kind>:<name>")
    article: int | None = None  # kept per article
    tag: str | None = None  # "f", or the row id of a merge clash

    @property
    def is_person(self) -> bool:
        """A named person's row (not an unnamed role of kind person)."""
        return self.kind == "person" and not self.role

    @property
    def is_body(self) -> bool:
        """A named body's row, shared across articles."""
        return self.kind == "organization" and not self.role and self.article is None

    def __str__(self) -> str:
        if self.is_person:
            text = f"person:{self.name}|{self.given}"
        elif self.role:
            text = f"role:{self.kind}:{self.name}"
        else:
            text = f"{self.kind}:{self.name}"
        if self.article is not None:
            text += f"@{self.article}"
        return text if self.tag is None else f"{text}#{self.tag}"

    @classmethod
    def parse(cls, text: str) -> SpeakerKey:
        """The key a stored ``speakers.key`` text is; ValueError for any other text."""
        m = _KEY_SUFFIXES.fullmatch(text)
        body, article, tag = m["body"], m["article"], m["tag"]
        kind, _, rest = body.partition(":")
        role = kind == "role"
        if role:
            kind, _, rest = rest.partition(":")
        name, given = rest, ""
        if kind == "person" and not role:
            name, _, given = rest.partition("|")
        key = cls(kind, name, given, role, int(article) if article else None, tag)
        if str(key) != text:
            raise ValueError(f"not a speaker key: {text!r}")
        return key

    @classmethod
    def person(cls, name: str) -> SpeakerKey:
        """A person's key: the keys of the surname and of the given names."""
        keys = name_keys(name)
        if not keys:
            return cls("person", fold(name))
        return cls("person", keys[-1], " ".join(keys[:-1]))


_KEY_SUFFIXES = re.compile(r"(?P<body>.*?)(?:@(?P<article>\d+))?(?:#(?P<tag>f|\d+))?", re.DOTALL)


def _stored_key(text: str) -> SpeakerKey | None:
    """The key of a stored row; None for a key this module never writes (a
    database other tools filled, as bench/gen_claims.py does), which is then
    left as it is."""
    try:
        return SpeakerKey.parse(text)
    except ValueError:
        return None


def _person_key(name: str) -> str:
    return str(SpeakerKey.person(name))


def _org_generic(name: str) -> bool:
    return all(word in GENERIC_ORG_WORDS for word in role_tokens(name))


def make_key(
    name: str, kind: str, article_id: int | None = None, description: str | None = None
) -> SpeakerKey:
    """The key a speaker row would get (see the module rules)."""
    if kind == "group" or (description and fold(description) == fold(name)):
        return SpeakerKey(kind, fold(name), role=kind != "group", article=article_id)
    if kind == "person":
        return SpeakerKey.person(name)
    generic = _org_generic(name) and article_id is not None
    words = " ".join(sorted(role_tokens(name))) or fold(name)
    return SpeakerKey(kind, words, article=article_id if generic else None)


def speaker_key(
    name: str, kind: str, article_id: int | None = None, description: str | None = None
) -> str:
    """The UNIQUE key text a speaker row would get (see the module rules)."""
    return str(make_key(name, kind, article_id, description))


def descriptions_compatible(a: str | None, b: str | None) -> bool:
    """Could one person hold both titles? Missing titles never contradict.

    Two different countries, or two titles with no title word in common
    ("foreign minister" / "president"), contradict.
    """
    if not a or not b:
        return True
    ra, rb = role_tokens(a), role_tokens(b)
    ca, cb = ra & COUNTRIES, rb & COUNTRIES
    if ca and cb and not ca & cb:
        return False
    ta, tb = ra & TITLE_WORDS, rb & TITLE_WORDS
    return not (ta and tb and not ta & tb)


def _add_aliases(conn: sqlite3.Connection, speaker_id: int, names) -> None:
    for alias in dict.fromkeys(clean_label(n) for n in names if n and clean_label(n)):
        conn.execute(
            "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)",
            [speaker_id, alias],
        )


def _fill_description(conn: sqlite3.Connection, speaker_id: int, description: str | None):
    if description:
        conn.execute(
            "UPDATE speakers SET description = ? WHERE id = ? AND description IS NULL",
            [description, speaker_id],
        )


def _same_surname_rows(conn: sqlite3.Connection, name: str) -> list[tuple]:
    """Person rows whose surname matches: by key range, then by near spelling."""
    keys = name_keys(name)
    if not keys:
        return []
    prefix = str(SpeakerKey("person", keys[-1]))  # "person:<surname>|" and all after it
    rows = conn.execute(
        "SELECT id, name, description, key FROM speakers WHERE key >= ? AND key < ? ORDER BY id",
        [prefix, prefix + "\uffff"],
    ).fetchall()
    if rows:
        return rows
    surname = name_tokens(name)[-1]
    if len(surname) < 6:
        return []
    # Near spellings the key cannot fold ("Araghci"): only long surnames, checked one by one.
    out = []
    for row in conn.execute(
        "SELECT id, name, description, key FROM speakers WHERE kind = 'person' "
        "AND key LIKE 'person:%' ORDER BY id"
    ):
        theirs = name_tokens(row[1])
        if theirs and same_word(surname, theirs[-1]):
            out.append(row)
    return out


_ACRONYM = re.compile(r"(?:[A-Z]\.){2,6}|[A-Z]{2,6}")


def _acronym(name: str) -> str | None:
    """ "U.N." -> "UN", "IAEA" -> "IAEA"; None for anything else."""
    name = name.strip()
    return name.replace(".", "") if _ACRONYM.fullmatch(name) else None


def _initials(name: str) -> str | None:
    """ "Institute for the Study of War" -> "ISW"; None unless every other word
    is capitalised (a "U.N. humanitarian office" is not the U.N.)."""
    letters = []
    for word in re.split(r"[\s\-]+", name.strip()):
        if word.lower() in INITIAL_SKIPS:
            continue
        if not word[:1].isupper() or _acronym(word):
            return None
        letters.append(word[0])
    return "".join(letters) if len(letters) >= 2 else None


def _find_body(conn: sqlite3.Connection, name: str) -> int | None:
    """The one body row whose name is ``name``'s initials, or the spelled-out
    name of the initials ``name`` is."""
    letters = _acronym(name)
    if letters:
        # any name the body was known by: "IDF" for the row "Israeli military"
        # that another article called "Israel Defense Forces"
        rows = conn.execute(
            """SELECT s.id, a.alias FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id
               WHERE s.kind = 'organization' AND a.alias LIKE ?""",
            [letters[0] + "%"],
        )
        hits = {i for i, n in rows if letters in (_initials(n), _acronym(n))}
    else:
        letters = _initials(name)
        if letters is None:
            return None
        rows = conn.execute(
            "SELECT id, name FROM speakers WHERE kind = 'organization'"
            " AND length(name) <= 12 AND name NOT LIKE '% %'"
        )
        hits = {i for i, n in rows if _acronym(n) == letters}
    return hits.pop() if len(hits) == 1 else None


def _insert(conn, name, kind, description, key) -> int:
    return conn.execute(
        "INSERT INTO speakers (name, kind, description, key) VALUES (?, ?, ?, ?)",
        [name, kind, description, key],
    ).lastrowid


def _full_names(conn, row: tuple) -> list[str]:
    """Every full name (given names and surname) a person row was known by."""
    surname = name_tokens(row[1])[-1:]
    names = [row[1]]
    for (alias,) in conn.execute(
        "SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY rowid", [row[0]]
    ):
        words = name_tokens(alias)
        if len(words) > 1 and surname and same_word(words[-1], surname[0]) and _plain_name(alias):
            names.append(alias)
    return names


def _plain_name(text: str) -> bool:
    """A name as written, with no title, honorific, possessive or number in it."""
    if any(ch.isdigit() for ch in text) or "'s" in fold(text) or " - " in text:
        return False
    words = text.split()
    return all(
        (w[:1].isupper() or fold(w) in NAME_PARTICLES or w.startswith(LOWERCASE_NAME_PREFIXES))
        # a title word may be a surname ("Billie Jean King"), never a first word
        and (fold(w).strip(".,") not in TITLE_WORDS or k == len(words) - 1)
        and fold(w).strip(".") not in HONORIFICS
        for k, w in enumerate(words)
    )


def _genders(names) -> set[str]:
    """Genders the honorifics among ``names`` give ("Mrs. Clinton" -> f)."""
    return {
        HONORIFIC_GENDER[w]
        for n in names
        if (w := fold(n).split(" ", 1)[0].rstrip(".")) in HONORIFIC_GENDER
    }


def _genders_agree(conn, surface: list[str], speaker_id: int) -> bool:
    """A bare "Mrs. Clinton" never joins a row another article called "Mr. Clinton"."""
    mine = _genders(surface)
    if not mine:
        return True
    theirs = _genders(
        a
        for (a,) in conn.execute(
            "SELECT alias FROM speaker_aliases WHERE speaker_id = ?", [speaker_id]
        )
    )
    return not theirs or bool(mine & theirs)


def _find_person(conn, name: str, description: str | None, surface: list[str]) -> int | None:
    words = name_tokens(name)
    rows = _same_surname_rows(conn, name)
    if not words or not rows:
        return None
    given = words[:-1]
    full = [r for r in rows if len(name_tokens(r[1])) > 1]
    bare = [r for r in rows if len(name_tokens(r[1])) <= 1]
    if given:
        for row in full:
            if any(
                given_compatible(given, name_tokens(known)[:-1]) for known in _full_names(conn, row)
            ):
                return row[0]
        # Adopt the one surname-only row when nobody else could own it: the mirror
        # of a bare surname joining the only full name, so the order articles
        # arrive in does not decide whether "Obama" and "Barack Obama" are one row.
        if len(bare) == 1 and not full:
            if descriptions_compatible(description, bare[0][2]) and _genders_agree(
                conn, surface, bare[0][0]
            ):
                conn.execute(
                    "UPDATE speakers SET name = ?, key = ? WHERE id = ?",
                    [name, _person_key(name), bare[0][0]],
                )
                return bare[0][0]
        return None
    fits = [
        r
        for r in full
        if descriptions_compatible(description, r[2]) and _genders_agree(conn, surface, r[0])
    ]
    if len(fits) == 1:
        return fits[0][0]
    if bare:
        return bare[0][0]
    return _dominant(conn, fits)


# A bare surname several people fit goes to one of them only when that one is
# how the corpus names nearly everyone with that surname: a reader takes
# "Trump" for Donald Trump when Eric Trump is named in 2 articles and Donald in
# 300, but not "Clinton" when Bill is named in 30 articles and Hillary in 200.
DOMINANT_SHARE = 0.9
DOMINANT_MIN_ARTICLES = 5


def _dominant(conn, rows: list[tuple]) -> int | None:
    if len(rows) < 2:
        return None
    named = []
    for row in rows:
        (articles,) = conn.execute(
            "SELECT coalesce(max(articles), 0) FROM speaker_aliases WHERE speaker_id = ? "
            "AND alias = (SELECT name FROM speakers WHERE id = ?)",
            [row[0], row[0]],
        ).fetchone()
        named.append((articles, row[0]))
    named.sort(reverse=True)
    top, total = named[0][0], sum(n for n, _ in named)
    if top >= DOMINANT_MIN_ARTICLES and top >= DOMINANT_SHARE * total:
        return named[0][1]
    return None


def _row_with_key(conn: sqlite3.Connection, key: SpeakerKey | str) -> int | None:
    row = conn.execute("SELECT id FROM speakers WHERE key = ?", [str(key)]).fetchone()
    return row[0] if row else None


def _existing_row(
    conn: sqlite3.Connection,
    key: SpeakerKey,
    name: str,
    description: str | None,
    surface: list[str],
    forced: bool,
) -> int | None:
    """The row this speaker joins: the one with its key (when the honorifics
    agree), else the person or body the rules of the module docstring find.
    A name the aliases file forced only ever takes its own key."""
    speaker_id = _row_with_key(conn, key)
    if forced:
        return speaker_id
    if speaker_id is not None and not _genders_agree(conn, surface, speaker_id):
        speaker_id = None
    if speaker_id is None and key.is_person:
        speaker_id = _find_person(conn, name, description, surface)
        if speaker_id is None and len(name_tokens(name)) == 1:
            # a one-word "person" that another article knew as a body ("Hezbollah")
            speaker_id = _row_with_key(conn, speaker_key(name, "organization"))
    if key.is_body:
        speaker_id = _body_by_initials(conn, key, name, speaker_id)
    return speaker_id


def _body_by_initials(
    conn: sqlite3.Connection, key: SpeakerKey, name: str, speaker_id: int | None
) -> int | None:
    """A body known by its initials and its spelled-out name is one row, named
    by the spelled-out name (module rule 4)."""
    if speaker_id is None:
        speaker_id = _find_body(conn, name)
    if speaker_id is not None and _acronym(name) is None:
        current = conn.execute("SELECT name FROM speakers WHERE id = ?", [speaker_id])
        letters = _acronym(current.fetchone()[0])
        if letters and _initials(name) == letters:
            # the spelled-out name names the row, and its key finds it from now on
            conn.execute(
                "UPDATE speakers SET name = ?, key = ? WHERE id = ?", [name, str(key), speaker_id]
            )
    return speaker_id


def upsert_speaker(
    conn: sqlite3.Connection,
    name: str,
    kind: str,
    description: str | None,
    aliases: list[str],
    article_id: int | None = None,
    rules: NameRewriter | None = None,
    source_file: str | None = None,
    used: Usage | None = None,
) -> int:
    """Insert or find the speaker row; never commits (the caller's transaction).

    ``used`` collects, per speaker row, the names this article used, so the
    caller can count each name once per article (``count_usage``).
    """
    # never a control character in a stored name or alias (the wire's 0x19 byte)
    name = clean_label(name) or name
    surface = [name, *(a for a in map(clean_label, aliases) if a)]
    forced = False
    if rules is not None:
        name, kind, description, forced = rules.rewrite(name, kind, description, source_file)
    key = make_key(name, kind, article_id, description)
    if key.is_person and len(name_tokens(name)) == 1 and not forced:
        # two surname-only rows when the honorifics say two people: "Mr. Clinton"
        # and "Mrs. Clinton" in articles that never give a first name
        if _genders(surface) == {"f"}:
            key = replace(key, tag="f")
    speaker_id = _existing_row(conn, key, name, description, surface, forced)
    if speaker_id is None:
        speaker_id = _insert(conn, name, kind, description, str(key))
    else:
        _fill_description(conn, speaker_id, description)
    names = [name, *surface]
    _add_aliases(conn, speaker_id, names)
    if used is None and not forced:
        settle_name(conn, speaker_id)  # else count_usage settles it once per article
    if used is not None:
        used.names.setdefault(speaker_id, set()).update(n.strip() for n in names if n and n.strip())
        if forced:
            used.forced.add(speaker_id)
    return speaker_id


@dataclass
class Usage:
    """The names one article used for each speaker row it touched."""

    names: dict[int, set[str]] = field(default_factory=dict)
    forced: set[int] = field(default_factory=set)  # rows named by the aliases file


def count_usage(conn: sqlite3.Connection, used: Usage, article_id: int | None = None) -> None:
    """Count one more article for each name it used, then let each person row
    take the full name most articles used (see the module docstring). Rows the
    aliases file names keep the user's name.

    Which article used which name is kept too (``speaker_alias_articles``), so
    that an aliases-file split, which moves an article's claims to another
    row, can move the names that article used with them.
    """
    for speaker_id, used_names in used.names.items():
        names = sorted(used_names)  # a set: rows written in one order every run
        conn.executemany(
            "UPDATE speaker_aliases SET articles = articles + 1 WHERE speaker_id = ? AND alias = ?",
            [(speaker_id, n) for n in names],
        )
        if article_id is not None:
            conn.executemany(
                "INSERT OR IGNORE INTO speaker_alias_articles (speaker_id, alias, article_id) "
                "VALUES (?, ?, ?)",
                [(speaker_id, n, article_id) for n in names],
            )
        if speaker_id not in used.forced:
            settle_name(conn, speaker_id)


def forget_article_names(
    conn: sqlite3.Connection, article_id: int, speaker_id: int | None = None
) -> list[tuple[int, str]]:
    """Take one article out of the counts of the names it used (for one speaker
    row, or all); a name no article uses any more goes, unless it is the row's
    name. Returns the (speaker, name) pairs it used."""
    where = "article_id = ?" + (" AND speaker_id = ?" if speaker_id is not None else "")
    params = [article_id] + ([speaker_id] if speaker_id is not None else [])
    used = conn.execute(
        f"SELECT speaker_id, alias FROM speaker_alias_articles WHERE {where}", params
    ).fetchall()
    conn.execute(f"DELETE FROM speaker_alias_articles WHERE {where}", params)
    for row_id, name in used:
        conn.execute(
            "UPDATE speaker_aliases SET articles = max(articles - 1, 0) "
            "WHERE speaker_id = ? AND alias = ?",
            [row_id, name],
        )
        conn.execute(
            "DELETE FROM speaker_aliases WHERE speaker_id = ? AND alias = ? AND articles = 0 "
            "AND alias != (SELECT name FROM speakers WHERE id = ?)",
            [row_id, name, row_id],
        )
    return [(r[0], r[1]) for r in used]


def move_article_names(conn: sqlite3.Connection, article_id: int, source: int, target: int) -> None:
    """Move the names one article used from row ``source`` to row ``target``
    (an aliases-file split moved all that article's claims), with their
    counts; a name no article uses any more leaves ``source``."""
    for _source, name in forget_article_names(conn, article_id, source):
        conn.execute(
            "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)",
            [target, name],
        )
        if conn.execute(
            "INSERT OR IGNORE INTO speaker_alias_articles (speaker_id, alias, article_id) "
            "VALUES (?, ?, ?)",
            [target, name, article_id],
        ).rowcount:
            conn.execute(
                "UPDATE speaker_aliases SET articles = articles + 1 "
                "WHERE speaker_id = ? AND alias = ?",
                [target, name],
            )


def drop_if_unused(conn: sqlite3.Connection, speaker_id: int) -> bool:
    """Delete a row no claim and no claim group points at any more (an
    aliases-file split moved all its claims, or its only article was removed),
    with its names; True when it went."""
    used = conn.execute(
        """SELECT 1 FROM claims WHERE speaker_id = ?
           UNION ALL SELECT 1 FROM claim_groups WHERE speaker_id = ? LIMIT 1""",
        [speaker_id, speaker_id],
    ).fetchone()
    if used:
        return False
    conn.execute("DELETE FROM speaker_alias_articles WHERE speaker_id = ?", [speaker_id])
    conn.execute("DELETE FROM speaker_aliases WHERE speaker_id = ?", [speaker_id])
    conn.execute("DELETE FROM speakers WHERE id = ?", [speaker_id])
    return True


def settle_name(conn: sqlite3.Connection, speaker_id: int) -> None:
    """Let a person row take the plain full name most of its articles used, and
    a body row named after a spelled-out name no article uses any more go back
    to its initials."""
    row = conn.execute(
        "SELECT id, name, kind, key FROM speakers WHERE id = ?", [speaker_id]
    ).fetchone()
    if row is not None and row[2] == "organization":
        _settle_initials(conn, row)
    if row is None or row[2] != "person":
        return
    key = _stored_key(row[3])
    if key is None or not key.is_person or not key.given:
        return  # a surname-only row stays one: its full name may be anyone's
    surname = key.name
    best = None
    for rowid, alias, articles in conn.execute(
        "SELECT rowid, alias, articles FROM speaker_aliases WHERE speaker_id = ?", [speaker_id]
    ):
        keys = name_keys(alias)
        if len(keys) < 2 or keys[-1] != surname or not _plain_name(alias):
            continue
        rank = (articles, len(keys), -rowid)
        if best is None or rank > best[0]:
            best = (rank, alias)
    if best is not None and best[1] != row[1]:
        conn.execute("UPDATE speakers SET name = ? WHERE id = ?", [best[1], speaker_id])


def _settle_initials(conn: sqlite3.Connection, row: tuple) -> None:
    """A body named after a spelled-out name no article uses any more (its
    article was removed) goes back to the initials its articles still use."""
    speaker_id, name, _kind, key = row
    stored = _stored_key(key)
    if _initials(name) is None or stored is None or stored.article is not None:
        return
    names = conn.execute(
        "SELECT alias, articles FROM speaker_aliases WHERE speaker_id = ? ORDER BY rowid",
        [speaker_id],
    ).fetchall()
    if any(alias == name and articles > 0 for alias, articles in names):
        return
    used = [(articles, alias) for alias, articles in names if articles > 0 and _acronym(alias)]
    if used:
        best = max(used, key=lambda u: u[0])[1]  # max keeps the first of equals
        conn.execute(
            "UPDATE speakers SET name = ?, key = ? WHERE id = ?",
            [best, speaker_key(best, "organization"), speaker_id],
        )
        conn.execute(  # the spelled-out name stayed only as the row's name
            "DELETE FROM speaker_aliases WHERE speaker_id = ? AND alias = ? AND articles = 0",
            [speaker_id, name],
        )
