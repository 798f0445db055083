"""Cross-article speakers: one row per real person or body, and the aliases file."""

from __future__ import annotations

import pytest
import sqlite_utils

from loader.aliases import AliasesError, apply_to_database, parse_aliases
from loader.names import name_keys, name_tokens, same_word, token_key
from loader.schema import ensure_schema
from loader.speakers import (
    SpeakerKey,
    Usage,
    count_usage,
    descriptions_compatible,
    make_key,
    upsert_speaker,
)


@pytest.fixture
def conn():
    db = sqlite_utils.Database(memory=True)
    ensure_schema(db)
    return db.conn


def up(conn, name, kind="person", description=None, aliases=(), article=1, **kw):
    return upsert_speaker(conn, name, kind, description, list(aliases), article, **kw)


def aliases_of(conn, speaker_id):
    rows = conn.execute(
        "SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias", [speaker_id]
    )
    return [r[0] for r in rows]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Araghchi", "Araqchi"),
        ("Mohammed", "Muhammad"),
        ("Mohammad", "Mohamed"),
        ("Hussein", "Husayn"),
        ("Sadeq", "Sadiq"),
        ("Qalibaf", "Ghalibaf"),
        ("Sabbagh", "Sabagh"),
        ("Araghchi", "Araghci"),  # a dropped letter: the near-spelling rule
    ],
)
def test_transliterations_are_one_word(a, b):
    assert same_word(a, b)


@pytest.mark.parametrize(("a", "b"), [("Fuad", "Saddam"), ("Mahmoud", "Mohammed"), ("Ali", "Omar")])
def test_different_names_stay_apart(a, b):
    assert not same_word(a, b)


def test_particles_are_dropped():
    assert name_tokens("Mohammed Shia al-Sudani") == ["mohammed", "shia", "sudani"]
    assert name_tokens("Mohammad Kazem Al-e Sadeq") == ["mohammad", "kazem", "sadeq"]
    assert name_keys("Al-Sudani") == name_keys("Sudani") == [token_key("Sudani")]


def test_spelling_variants_are_one_speaker(conn):
    first = up(conn, "Abbas Araghchi", description="Iranian Foreign Minister", article=1)
    second = up(conn, "Abbas Araqchi", description="Iranian Foreign Minister", article=2)
    assert first == second
    assert aliases_of(conn, first) == ["Abbas Araghchi", "Abbas Araqchi"]


def test_given_names_with_and_without_middle_name(conn):
    full = up(conn, "Mohammed Shia al-Sudani", description="Iraqi Prime Minister")
    assert up(conn, "Muhammad al-Sudani", article=2) == full
    assert up(conn, "Mohammad Shia Sudani", article=3) == full


def test_longer_spelling_becomes_the_canonical_name(conn):
    short = up(conn, "Mohammed al-Sudani")
    assert up(conn, "Mohammed Shia al-Sudani", article=2) == short
    name = conn.execute("SELECT name FROM speakers WHERE id = ?", [short]).fetchone()[0]
    assert name == "Mohammed Shia al-Sudani"


def test_bare_surname_joins_the_only_full_name(conn):
    fuad = up(conn, "Fuad Hussein", description="Iraqi Foreign Minister")
    assert up(conn, "Hussein", article=2) == fuad
    assert "Hussein" in aliases_of(conn, fuad)


def test_bare_surname_uses_the_title_to_choose(conn):
    fuad = up(conn, "Fuad Hussein", description="Iraqi Foreign Minister")
    up(conn, "Saddam Hussein", description="Iraqi President", article=2)
    assert up(conn, "Hussein", description="Iraqi foreign minister", article=3) == fuad


def test_ambiguous_bare_surname_gets_its_own_row(conn):
    fuad = up(conn, "Fuad Hussein")
    saddam = up(conn, "Saddam Hussein", article=2)
    bare = up(conn, "Hussein", article=3)
    assert bare not in (fuad, saddam)
    assert up(conn, "Hussein", article=4) == bare  # and stays one row


def test_full_name_adopts_a_surname_only_row_with_the_same_title(conn):
    bare = up(conn, "Lavrov", description="Russian Foreign Minister")
    assert up(conn, "Sergey Lavrov", description="Russian Foreign Minister", article=2) == bare
    name = conn.execute("SELECT name FROM speakers WHERE id = ?", [bare]).fetchone()[0]
    assert name == "Sergey Lavrov"


# Two speakers from two articles: one row or two, by the rule that decides.
ROLE = "Iranian foreign minister"


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        pytest.param(
            ("Fuad Hussein", {"description": "Iraqi Foreign Minister"}),
            ("Saddam Hussein", {"description": "former Iraqi President"}),
            False,
            id="person-shared-surname-different-first-names",
        ),
        pytest.param(
            ("Russian Foreign Ministry", {"kind": "organization"}),
            ("Russia's Ministry of Foreign Affairs", {"kind": "organization"}),
            True,
            id="body-by-role-words",
        ),
        pytest.param(
            (ROLE, {"description": ROLE}),
            (ROLE, {"description": ROLE}),
            False,
            id="unnamed-role-per-article",
        ),
    ],
)
def test_one_row_or_two(conn, first, second, same):
    a = up(conn, first[0], article=1, **first[1])
    b = up(conn, second[0], article=2, **second[1])
    assert (a == b) is same


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ("Iraqi Foreign Minister", "Iranian Foreign Minister", False),
        ("Iraqi Foreign Minister", "Iraqi President", False),
        ("Iran's Foreign Minister", "Iranian FM", True),
        (None, "Iraqi President", True),
    ],
)
def test_titles_that_contradict(a, b, compatible):
    assert descriptions_compatible(a, b) is compatible


def test_generic_bodies_and_groups_are_per_article(conn):
    assert up(conn, "ministry", kind="organization", article=1) != up(
        conn, "ministry", kind="organization", article=2
    )
    one = up(conn, "analysts", kind="group", article=1)
    assert one == up(conn, "analysts", kind="group", article=1)
    assert one != up(conn, "analysts", kind="group", article=2)


def test_merge_rule_forces_one_speaker(conn):
    rules = parse_aliases(
        {"merge": [{"name": "Abbas Araghchi", "names": ["Seyed Abbas Araghchi", "FM Araghchi"]}]},
        "aliases.yml",
    )
    a = up(conn, "Abbas Araghchi", rules=rules)
    assert up(conn, "FM Araghchi", article=2, rules=rules) == a
    assert "FM Araghchi" in aliases_of(conn, a)


def test_split_rule_by_article(conn):
    rules = parse_aliases(
        {"split": [{"name": "Hussein", "as": "Saddam Hussein", "articles": ["archive/*.txt"]}]},
        "aliases.yml",
    )
    fuad = up(conn, "Fuad Hussein")
    kw = {"rules": rules}
    assert up(conn, "Hussein", article=2, source_file="news/today.txt", **kw) == fuad
    saddam = up(conn, "Hussein", article=3, source_file="archive/1990.txt", **kw)
    assert saddam != fuad
    name = conn.execute("SELECT name FROM speakers WHERE id = ?", [saddam]).fetchone()[0]
    assert name == "Saddam Hussein"


def _claim(conn, article_id, source_file, speaker_id, description=None):
    conn.execute(
        "INSERT OR IGNORE INTO articles (id, source_file, content_hash, text, loaded_at) "
        "VALUES (?, ?, ?, 'x', 'now')",
        [article_id, source_file, f"h{article_id}"],
    )
    return conn.execute(
        "INSERT INTO claims (article_id, speaker_id, speaker_description, kind, content, "
        "content_start, content_end) VALUES (?, ?, ?, 'indirect', 'x', 0, 1)",
        [article_id, speaker_id, description],
    ).lastrowid


def test_rules_reapplied_to_stored_rows(conn):
    a = up(conn, "Ali Khamenei", article=1)
    b = up(conn, "Supreme Leader", article=2)
    assert a != b
    _claim(conn, 1, "one.txt", a)
    _claim(conn, 2, "two.txt", b)
    conn.commit()
    rules = parse_aliases(
        {"merge": [{"name": "Ali Khamenei", "names": ["Supreme Leader"]}]}, "aliases.yml"
    )
    assert apply_to_database(conn, rules) == 1
    rows = conn.execute("SELECT id, name FROM speakers").fetchall()
    assert len(rows) == 1 and rows[0][1] == "Ali Khamenei"
    assert "Supreme Leader" in aliases_of(conn, rows[0][0])
    assert {r[0] for r in conn.execute("SELECT speaker_id FROM claims")} == {rows[0][0]}
    assert apply_to_database(conn, rules) == 0  # idempotent


def test_split_reapplied_moves_only_matching_claims(conn):
    fuad = up(conn, "Fuad Hussein")
    keep = _claim(conn, 1, "news/a.txt", fuad, "Iraqi Foreign Minister")
    move = _claim(conn, 2, "news/b.txt", fuad, "Iraqi President")
    conn.commit()
    rules = parse_aliases(
        {"split": [{"name": "Fuad Hussein", "as": "Saddam Hussein", "description": "president"}]},
        "aliases.yml",
    )
    assert apply_to_database(conn, rules) == 1
    owner = dict(conn.execute("SELECT id, speaker_id FROM claims").fetchall())
    assert owner[keep] == fuad and owner[move] != fuad
    name = conn.execute("SELECT name FROM speakers WHERE id = ?", [owner[move]]).fetchone()[0]
    assert name == "Saddam Hussein"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([1, 2], "top-level"),
        ({"merge": [{"names": ["a"]}]}, "needs 'name'"),
        ({"merge": [{"name": "A"}]}, "needs 'names'"),
        ({"merge": [{"name": "A", "names": ["B"], "kind": "robot"}]}, "kind must be"),
        ({"split": [{"name": "A", "articles": ["x"]}]}, "needs 'as'"),
        ({"split": [{"name": "A", "as": "B"}]}, "'articles' or 'description'"),
        ({"split": [{"name": "A", "as": "B", "article": "x"}]}, "unknown key"),
    ],
)
def test_bad_aliases_files_are_refused(data, message):
    with pytest.raises(AliasesError, match=message):
        parse_aliases(data, "aliases.yml")


ARTICLE = (
    "Iranian Foreign Minister Abbas Araghchi said on Sunday that talks would resume.\n"
    "Araghchi added that Iraq was a close partner.\n"
)


def test_load_refuses_a_bad_aliases_file(tmp_path):
    from click.testing import CliRunner

    from loader.cli import cli

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "bad.yml"
    bad.write_text("merge:\n  - names: [x]\n", encoding="utf-8")
    db_path = tmp_path / "x.db"
    result = CliRunner().invoke(
        cli, ["load", str(db_path), str(tmp_path / "in"), "--aliases", str(bad)]
    )
    assert result.exit_code != 0
    assert "bad.yml: merge entry 1: needs 'name'" in result.output
    db = sqlite_utils.Database(db_path)
    assert not db["articles"].exists() or db["articles"].count == 0


def test_aliases_yml_in_a_loaded_directory_is_used(tmp_path):
    from click.testing import CliRunner

    from loader.cli import cli

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "aliases.yml").write_text(
        "merge:\n  - name: Seyed Abbas Araghchi\n    names: [Abbas Araghchi]\n", encoding="utf-8"
    )
    db_path = tmp_path / "elsewhere" / "x.db"
    db_path.parent.mkdir()
    result = CliRunner().invoke(cli, ["load", str(db_path), str(folder)])
    assert result.exit_code == 0, result.output
    names = [r[0] for r in sqlite_utils.Database(db_path).execute("SELECT name FROM speakers")]
    assert names == ["Seyed Abbas Araghchi"]


def test_one_word_person_joins_a_body_of_that_name(conn):
    body = up(conn, "Hezbollah", kind="organization", article=1)
    assert up(conn, "Hezbollah", kind="person", article=2) == body
    assert up(conn, "Abbas Araghchi", article=3) != body


def load_article(conn, n, *speakers):
    """One article's speakers as the loader writes them: upsert each, then count."""
    used = Usage()
    ids = [upsert_speaker(conn, name, "person", None, [name], n, used=used) for name in speakers]
    count_usage(conn, used)
    return ids


def name_of(conn, speaker_id):
    return conn.execute("SELECT name FROM speakers WHERE id = ?", [speaker_id]).fetchone()[0]


def test_the_name_most_articles_use_is_the_name_whatever_the_order(conn):
    # One outlet's sentence-initial "Billionaire Donald Trump" arrives first.
    (first,) = load_article(conn, 1, "Billionaire Donald Trump")
    for n in range(2, 5):
        assert load_article(conn, n, "Donald Trump") == [first]
    assert name_of(conn, first) == "Donald Trump"
    counts = dict(
        conn.execute("SELECT alias, articles FROM speaker_aliases WHERE speaker_id = ?", [first])
    )
    assert counts == {"Billionaire Donald Trump": 1, "Donald Trump": 3}


def test_a_new_full_name_is_matched_against_every_name_a_row_was_known_by(conn):
    (row,) = load_article(conn, 1, "Billionaire Donald Trump")
    load_article(conn, 2, "Donald Trump")
    # "Donald J." does not fit "Billionaire Donald" but fits "Donald"
    assert load_article(conn, 3, "Donald J. Trump") == [row]
    # a different first name still stays apart
    (eric,) = load_article(conn, 4, "Eric Trump")
    assert eric != row


def test_a_title_or_honorific_never_becomes_the_name(conn):
    used = Usage()
    row = upsert_speaker(
        conn, "Marco Rubio", "person", None, ["Sen. Marco Rubio", "Mr. Rubio"], 1, used=used
    )
    count_usage(conn, used)
    used = Usage()
    upsert_speaker(conn, "Marco Rubio", "person", None, ["Senator Marco Rubio"], 2, used=used)
    count_usage(conn, used)
    assert name_of(conn, row) == "Marco Rubio"
    assert "Sen. Marco Rubio" in aliases_of(conn, row)


@pytest.mark.parametrize(
    ("table", "columns", "row", "column", "kind", "value"),
    [
        ("speaker_aliases", "speaker_id INTEGER, alias TEXT", "1, 'X'", "articles", int, 0),
        ("claims", "id INTEGER PRIMARY KEY, content TEXT", "1, 'x'", "relayed_by", str, None),
    ],
)
def test_an_older_database_gains_the_columns_added_since(
    tmp_path, table, columns, row, column, kind, value
):
    db = sqlite_utils.Database(tmp_path / "old.db")
    db.execute(f"CREATE TABLE {table} ({columns})")
    db.execute(f"INSERT INTO {table} VALUES ({row})")
    ensure_schema(db)
    assert db[table].columns_dict[column] is kind
    assert list(db.query(f"SELECT {column} FROM {table}")) == [{column: value}]


def test_a_bare_surname_with_an_honorific_of_the_other_gender_does_not_join(conn):
    bill = up(conn, "Bill Clinton", aliases=["Mr. Clinton"])
    assert up(conn, "Clinton", aliases=["Mr. Clinton"], article=2) == bill
    mrs = up(conn, "Clinton", aliases=["Mrs. Clinton"], article=3)
    assert mrs != bill
    assert "Mrs. Clinton" not in aliases_of(conn, bill)
    # and the next bare "Mr. Clinton" still finds Bill, the next "Mrs. Clinton" her row
    assert up(conn, "Clinton", aliases=["Mr. Clinton"], article=4) == bill
    assert up(conn, "Clinton", aliases=["Mrs. Clinton"], article=5) == mrs


def test_a_surname_only_row_is_not_renamed_to_a_full_name_it_merely_saw(conn):
    hillary = up(conn, "Hillary Clinton")
    bare = load_article(conn, 2, "Clinton")[0]
    assert bare == hillary  # the only full name takes the bare surname
    other = up(conn, "Bill Clinton", article=3)
    row = upsert_speaker(conn, "Clinton", "person", None, ["Clinton", "Hillary Clinton"], 4)
    # never a second row called "Hillary Clinton" beside the real one
    names = [r[0] for r in conn.execute("SELECT name FROM speakers WHERE kind = 'person'")]
    assert names.count("Hillary Clinton") == 1
    assert row not in (hillary, other)  # two Clintons fit: ambiguous, a row of its own
    assert name_of(conn, row) == "Clinton"


def test_bare_then_full_is_one_row_like_full_then_bare(conn):
    bare = load_article(conn, 1, "Obama")[0]
    assert load_article(conn, 2, "Barack Obama") == [bare]
    assert name_of(conn, bare) == "Barack Obama"
    assert load_article(conn, 3, "Obama") == [bare]
    # but a surname-only row with the other gender's honorific is not adopted
    mrs = up(conn, "Haley", aliases=["Mrs. Haley"], article=4)
    assert up(conn, "Nathan Haley", aliases=["Mr. Haley"], article=5) != mrs


def test_a_bare_surname_goes_to_the_person_the_corpus_nearly_always_means(conn):
    donald = load_article(conn, 1, "Donald Trump")[0]
    for n in range(2, 10):
        load_article(conn, n, "Donald Trump")
    eric = load_article(conn, 10, "Eric Trump")[0]
    assert load_article(conn, 11, "Trump") == [donald]
    # but not when the other one is named often enough to be meant
    hillary = load_article(conn, 20, "Hillary Clinton")[0]
    for n in range(21, 26):
        load_article(conn, n, "Hillary Clinton")
    bill = load_article(conn, 30, "Bill Clinton")[0]
    load_article(conn, 31, "Bill Clinton")
    assert load_article(conn, 32, "Clinton")[0] not in (hillary, bill)
    assert eric != donald


def _load(conn, name, article, source_file, aliases=()):
    """What write_article does for one speaker of one article."""
    used = Usage()
    row = up(conn, name, aliases=aliases, article=article, used=used)
    count_usage(conn, used, article)
    _claim(conn, article, source_file, row)
    return row


def counts_of(conn, row):
    return dict(
        conn.execute("SELECT alias, articles FROM speaker_aliases WHERE speaker_id = ?", [row])
    )


def test_a_split_moves_the_names_its_articles_used(conn):
    row = _load(conn, "Abbas Araghchi", 1, "news/a.txt", ["FM Araghchi"])
    assert _load(conn, "Abbas Araqchi", 2, "tasnim/b.txt", ["Minister Araqchi"]) == row
    assert counts_of(conn, row)["Abbas Araqchi"] == 1
    rules = parse_aliases(
        {"split": [{"name": "Abbas Araghchi", "as": "Araqchi (Tasnim)", "articles": ["tasnim/*"]}]},
        "aliases.yml",
    )
    assert apply_to_database(conn, rules) == 1
    (other,) = [r for (r,) in conn.execute("SELECT id FROM speakers WHERE id != ?", [row])]
    assert counts_of(conn, row) == {"Abbas Araghchi": 1, "FM Araghchi": 1}
    assert counts_of(conn, other) == {
        "Araqchi (Tasnim)": 0,
        "Abbas Araqchi": 1,
        "Minister Araqchi": 1,
    }
    assert apply_to_database(conn, rules) == 0
    assert counts_of(conn, other)["Abbas Araqchi"] == 1  # idempotent


def test_a_merge_keeps_which_article_used_which_name(conn):
    a = _load(conn, "Ali Khamenei", 1, "one.txt")
    b = _load(conn, "Supreme Leader", 2, "two.txt")
    rules = parse_aliases(
        {"merge": [{"name": "Ali Khamenei", "names": ["Supreme Leader"]}]}, "aliases.yml"
    )
    apply_to_database(conn, rules)
    rows = conn.execute("SELECT DISTINCT speaker_id FROM speaker_alias_articles").fetchall()
    assert rows == [(a,)] and b != a
    assert counts_of(conn, a)["Supreme Leader"] == 1


def test_an_older_database_gets_split_quotes_without_their_cue(tmp_path):
    db = sqlite_utils.Database(tmp_path / "old.db")
    ensure_schema(db)
    text = "“We are ready,” he said, “for a fair deal.”"
    db.execute(
        "INSERT INTO articles (id, source_file, content_hash, text, loaded_at) "
        "VALUES (1, 'a.txt', 'h', ?, 'now')",
        [text],
    )
    db.execute(
        "INSERT INTO claims (id, article_id, kind, content, content_start, content_end, "
        "content_spans) VALUES (1, 1, 'direct', ?, 0, ?, ?)",
        [text, len(text), "[[0, 15], [25, 43]]"],
    )
    # as a database written before the change: the marker is not there yet
    db.execute("DELETE FROM diplo_meta WHERE key = 'content_pieces_joined'")
    db.conn.commit()
    ensure_schema(db)
    assert (
        db.execute("SELECT content FROM claims").fetchone()[0]
        == "“We are ready,” … “for a fair deal.”"
    )
    # and full-text search follows
    hits = db.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'said'").fetchall()
    assert hits == []


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("U.N.", "United Nations"),
        ("UN", "United Nations"),
        ("IAEA", "International Atomic Energy Agency"),
        ("ISW", "Institute for the Study of War"),
        ("OPEC", "Organization of the Petroleum Exporting Countries"),
        ("ADL", "Anti-Defamation League"),
    ],
)
@pytest.mark.parametrize("short_first", [True, False])
def test_a_body_named_by_its_initials_is_the_body_spelled_out(conn, short, full, short_first):
    # one outlet's "The U.N. said 550 trucks" and another's "the United Nations
    # said more than 600" were two speakers, so the figures never met
    order = [(short, 1), (full, 2)] if short_first else [(full, 1), (short, 2)]
    ids = [up(conn, name, kind="organization", article=n) for name, n in order]
    assert ids[0] == ids[1]
    assert name_of(conn, ids[0]) == full
    assert set(aliases_of(conn, ids[0])) == {short, full}
    # the row is found again by either name
    assert up(conn, full, kind="organization", article=3) == ids[0]
    assert up(conn, short, kind="organization", article=4) == ids[0]


def test_initials_join_only_one_body_and_only_a_whole_name(conn):
    un = up(conn, "United Nations", kind="organization")
    office = up(conn, "U.N. humanitarian office", kind="organization")
    assert office != un
    assert up(conn, "UNHO", kind="organization") != office
    # two bodies with the same initials: which one "ICC" is cannot be told
    court = up(conn, "International Criminal Court", kind="organization")
    cricket = up(conn, "International Cricket Council", kind="organization")
    icc = up(conn, "ICC", kind="organization")
    assert icc not in (court, cricket)
    assert up(conn, "US", kind="person") not in (un, court)


def test_a_bodys_country_is_one_word_however_the_outlet_writes_it(conn):
    # AP and Reuters write "U.S.", AFP "US": three rows for one department
    ids = {
        up(conn, name, kind="organization", article=n)
        for n, name in enumerate(
            ["U.S. State Department", "US State Department", "United States State Department"]
        )
    }
    assert len(ids) == 1
    council = up(conn, "U.N. Security Council", kind="organization")
    assert up(conn, "United Nations Security Council", kind="organization") == council
    assert up(conn, "UN Security Council", kind="organization") == council
    assert up(conn, "U.K. Foreign Office", kind="organization") == up(
        conn, "British Foreign Office", kind="organization"
    )


def test_an_army_by_any_of_its_names_is_one_body(conn):
    # Reuters' "Israeli military", Al Jazeera's "Israeli army", the "Israel Defense
    # Forces" and "IDF" were four speakers, so two outlets' accounts never met
    military = up(conn, "Israeli military", kind="organization", article=1)
    assert up(conn, "Israeli army", kind="organization", article=2) == military
    assert up(conn, "Israel Defense Forces", kind="organization", article=3) == military
    assert up(conn, "IDF", kind="organization", article=4) == military
    assert up(conn, "Syrian military", kind="organization") != up(
        conn, "Free Syrian Army", kind="organization"
    )


# The stored key text is a contract with users' databases: each shape as
# ``make_key`` writes it, and read back field by field.
@pytest.mark.parametrize(
    ("name", "kind", "article", "description", "text", "fields"),
    [
        ("Abbas Araghchi", "person", 3, None, "person:arakxa|abas", ("person", "arakxa", "abas")),
        ("Hussein", "person", None, None, "person:hasan|", ("person", "hasan", "")),
        ("analysts", "group", 7, None, "group:analysts@7", ("group", "analysts", "")),
        (
            "Iranian foreign minister",
            "person",
            2,
            "Iranian foreign minister",
            "role:person:iranian foreign minister@2",
            ("person", "iranian foreign minister", ""),
        ),
        (
            "Russian Foreign Ministry",
            "organization",
            5,
            None,
            "organization:foreign ministry russia",
            ("organization", "foreign ministry russia", ""),
        ),
        ("the ministry", "organization", 5, None, "organization:ministry@5", None),
    ],
)
def test_speaker_keys_are_todays_text(name, kind, article, description, text, fields):
    key = make_key(name, kind, article, description)
    assert str(key) == text
    assert SpeakerKey.parse(text) == key
    if fields is not None:
        assert (key.kind, key.name, key.given) == fields


@pytest.mark.parametrize(
    ("text", "person", "body", "article", "tag"),
    [
        ("person:klintan|#f", True, False, None, "f"),
        ("person:trump|donald#12", True, False, None, "12"),
        ("organization:un", False, True, None, None),
        ("organization:ministry@5", False, False, 5, None),
        ("role:organization:the ministry@9", False, False, 9, None),
        ("group:#nevertrump fans@4", False, False, 4, None),
    ],
)
def test_speaker_keys_round_trip(text, person, body, article, tag):
    key = SpeakerKey.parse(text)
    assert str(key) == text
    assert (key.is_person, key.is_body, key.article, key.tag) == (person, body, article, tag)


def test_a_surname_only_woman_gets_her_own_key(conn):
    him = up(conn, "Mr. Clinton", aliases=["Mr. Clinton"])
    her = up(conn, "Clinton", aliases=["Mrs. Clinton"], article=2)
    keys = dict(conn.execute("SELECT id, key FROM speakers"))
    assert her != him
    assert SpeakerKey.parse(keys[her]).tag == "f"
    assert SpeakerKey.parse(keys[him]).tag is None


def test_text_that_is_no_speaker_key_is_refused():
    with pytest.raises(ValueError, match="not a speaker key"):
        SpeakerKey.parse("person:no-bar")


def test_one_fold_for_names_and_matching():
    # names.fold is the only fold: matching's words fold apostrophes the same way,
    # the modifier-letter one of transliterations ("Qurʼan") included
    from loader.matching.normalise import norm_word
    from loader.names import fold

    assert fold("Qurʼan") == fold("Qur’an") == "qur'an"
    assert norm_word("Qurʼan") == norm_word("Qur’an") == norm_word("Qur'an") == "quran"
    assert norm_word("Ṣadr’s") == "sadr"


def test_a_row_with_a_key_of_another_tool_is_left_as_it_is(conn):
    # bench/gen_claims.py writes keys like "person:speaker 1" (no "|"); a load
    # into such a database must not stop on them
    conn.execute(
        "INSERT INTO speakers (name, kind, key) VALUES ('Speaker Araghchiyan', 'person', "
        "'person:speaker 1')"
    )
    theirs = conn.execute("SELECT id FROM speakers").fetchone()[0]
    assert up(conn, "Araghchiyan", aliases=["Araghchiyan"]) == theirs  # settled, not refused
    row = conn.execute("SELECT name, key FROM speakers WHERE id = ?", [theirs]).fetchone()
    assert row == ("Speaker Araghchiyan", "person:speaker 1")


def test_control_characters_never_reach_a_stored_name_or_alias(conn):
    from loader.speakers import Usage, count_usage

    used = Usage()
    sid = up(conn, "\x19Esther\tGrant", aliases=["\x19Grant", "Esther Grant"], used=used)
    count_usage(conn, used, 1)
    (name,) = conn.execute("SELECT name FROM speakers WHERE id = ?", [sid]).fetchone()
    assert name == "Esther Grant"
    assert aliases_of(conn, sid) == ["Esther Grant", "Grant"]
    per_article = {a for (a,) in conn.execute("SELECT alias FROM speaker_alias_articles")}
    assert per_article == {"Esther Grant", "Grant"}
