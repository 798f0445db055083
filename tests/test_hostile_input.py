"""Hostile and broken input (issue 17, the loader's half).

Every bad input is one ``error:`` line naming the file, a non-zero exit, the
good files loaded, nothing of the bad file stored and no traceback; a
database diplo must not touch is left byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlite_utils
import yaml
from click.testing import CliRunner

from loader import safe_yaml
from loader.cli import cli

GOOD = (
    "Ministers meet in Baghdad\n\n"
    "Foreign Minister Jane Doe said on Monday that the talks would resume next week.\n"
)
BODY = "Officials said the border crossing reopened after three days of closure.\n"
OTHER = "The mayor said the bridge would reopen in the spring after repairs.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def load(*args: str):
    return CliRunner().invoke(cli, ["load", "--no-match", *args])


def articles(db: Path) -> list[dict]:
    if not db.exists():
        return []
    table = sqlite_utils.Database(db)["articles"]
    return list(table.rows) if table.exists() else []


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def assert_refused(result, db: Path, bad_name: str, needle: str = "") -> str:
    """One error line naming the bad file, exit 1, only the good file stored."""
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1, result.output
    (line,) = error_lines(result)
    assert bad_name in line and needle in line, line
    sources = [Path(a["source_file"]).name for a in articles(db)]
    assert sources == ["good.txt"], sources
    return line


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write(tmp_path / "good" / "good.txt", GOOD)


# --- YAML: dates stay text, aliases and nesting bounded ---


@pytest.mark.parametrize("date", ["2024-13-45", "2024-02-30", "2024-01-01T25:61:00"])
def test_impossible_unquoted_date_in_front_matter(tmp_path, good, date):
    bad = write(tmp_path / "bad.md", f"---\ntitle: Talks\npublished: {date}\n---\n{BODY}")
    db = tmp_path / "t.db"
    assert_refused(load(str(db), str(bad), str(good)), db, "bad.md", "publication date")


@pytest.mark.parametrize("date", ["2024-13-45", "2024-02-30", "2024-01-01T25:61:00"])
def test_impossible_unquoted_date_in_manifest(tmp_path, good, date):
    folder = tmp_path / "in"
    write(folder / "bad.txt", BODY)
    write(folder / "manifest.yml", f"bad.txt:\n  published: {date}\n")
    db = tmp_path / "t.db"
    line = assert_refused(load(str(db), str(folder), str(good)), db, "manifest.yml", "date")
    assert "bad.txt" in line


def test_valid_unquoted_dates_still_read(tmp_path):
    path = write(tmp_path / "a.md", f"---\npublished: 2024-02-29 08:15:00\n---\n{BODY}")
    db = tmp_path / "t.db"
    assert load(str(db), str(path)).exit_code == 0
    # the time of day is kept: it orders two reports of one day (issue 15)
    assert articles(db)[0]["published"] == "2024-02-29T08:15:00"


def billion_laughs(levels: int = 9) -> str:
    doc = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    previous = "a"
    for name in "bcdefghijk"[: levels - 1]:
        doc += f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    return doc + f"title: *{previous}\n"


def test_alias_bomb_in_front_matter_is_refused(tmp_path, good):
    bomb = billion_laughs()
    assert len(bomb) < 400
    bad = write(tmp_path / "bomb.md", f"---\n{bomb}---\n{BODY}")
    db = tmp_path / "t.db"
    assert_refused(load(str(db), str(bad), str(good)), db, "bomb.md", "alias")


def test_alias_bomb_in_manifest_is_refused(tmp_path, good):
    folder = tmp_path / "in"
    write(folder / "a.txt", BODY)
    write(folder / "manifest.yml", billion_laughs(10).replace("title:", "a.txt:"))
    db = tmp_path / "t.db"
    result = load(str(db), str(folder), str(good))
    assert "Traceback" not in result.output and result.exit_code == 1
    (line,) = error_lines(result)
    assert "manifest.yml" in line and "alias" in line
    # the article still loads, without the manifest's metadata
    assert sorted(Path(a["source_file"]).name for a in articles(db)) == ["a.txt", "good.txt"]


def test_safe_yaml_keeps_text_as_written():
    data = safe_yaml.load(
        "a: yes\nb: 0123\nc: 1:20\nd: 2024-13-45\ne:\nf: ~\ng: 1.10\nh: !!timestamp 2024-02-30\n"
    )
    assert data == {
        "a": "yes",
        "b": "0123",
        "c": "1:20",
        "d": "2024-13-45",
        "e": None,
        "f": None,
        "g": "1.10",
        "h": "2024-02-30",
    }
    merged = safe_yaml.load("base: &b {outlet: The Daily}\nx.txt:\n  <<: *b\n  title: T\n")
    assert merged["x.txt"] == {"outlet": "The Daily", "title": "T"}


@pytest.mark.parametrize(
    "doc, problem",
    [
        (billion_laughs(), "alias"),
        ("a: &x [*x]\n", "alias"),
        ("[" * 100_000, "nested"),
        ("a: " + "[" * 80 + "]" * 80 + "\n", "nested"),
        ('a: "Ali said \\ud800 hi"\n', "surrogate"),
    ],
)
def test_safe_yaml_refuses_hostile_documents(doc, problem):
    with pytest.raises(yaml.YAMLError, match=problem):
        safe_yaml.load(doc)


# --- JSON ---


def test_deeply_nested_json(tmp_path, good):
    bad = write(tmp_path / "deep.json", "[" * 100_000)
    db = tmp_path / "t.db"
    assert_refused(load(str(db), str(bad), str(good)), db, "deep.json", "nested too deeply")


def test_deeply_nested_jsonl_line(tmp_path, good):
    bad = write(tmp_path / "deep.jsonl", json.dumps({"text": BODY}) + "\n" + "[" * 100_000 + "\n")
    db = tmp_path / "t.db"
    assert_refused(load(str(db), str(bad), str(good)), db, "deep.jsonl", "line 2")


@pytest.mark.parametrize(
    "record",
    [
        '{"text": "Ali said \\ud800 hi to the reporters on Monday."}',
        '{"text": "Ali said hi.", "title": "Talks \\udfff"}',
        '{"text": "Ali said \\u0000 hi to the reporters."}',
    ],
)
def test_lone_surrogate_or_nul_in_json(tmp_path, good, record):
    bad = write(tmp_path / "bad.json", record)
    db = tmp_path / "t.db"
    assert_refused(load(str(db), str(bad), str(good)), db, "bad.json")


def test_raw_line_separator_inside_a_jsonl_string_is_not_a_line_break(tmp_path):
    text = "The minister said\u2028the talks would resume next week."
    path = write(tmp_path / "feed.jsonl", json.dumps({"text": text}, ensure_ascii=False) + "\n")
    db = tmp_path / "t.db"
    result = load(str(db), str(path))
    assert result.exit_code == 0, result.output
    assert articles(db)[0]["text"] == text


# --- metadata values: text of bounded length ---


@pytest.mark.parametrize(
    "front, problem",
    [
        ("title: [a, b]", "title must be text, not a list"),
        ("title: {a: b}", "title must be text, not a mapping"),
        ("outlet: [The Daily]", "outlet must be text"),
        ("url: {href: 'https://example.org'}", "url must be text"),
        ("author: {name: Sam}", "author must be text"),
        ("author: [Sam, [Nested]]", "author must be text"),
        ("language: [en, fr]", "language must be text"),
        ("published: [2024-12-01]", "published must be text"),
        ("title: " + "x" * 1001, "over the 1,000-character limit"),
        ("url: https://example.org/" + "a" * 5000, "url is"),
        ('title: "Tab\\x07bell"', "control characters"),
    ],
)
def test_metadata_value_of_the_wrong_type_or_size(tmp_path, good, front, problem):
    bad = write(tmp_path / "bad.md", f"---\n{front}\n---\n{BODY}")
    db = tmp_path / "t.db"
    assert_refused(load(str(db), str(bad), str(good)), db, "bad.md", problem)


def test_json_metadata_must_be_text(tmp_path, good):
    bad = write(tmp_path / "bad.json", json.dumps({"text": BODY, "title": 2024}))
    db = tmp_path / "t.db"
    assert_refused(load(str(db), str(bad), str(good)), db, "bad.json", "not a number")


def test_an_author_list_is_joined(tmp_path):
    path = write(tmp_path / "a.json", json.dumps({"text": BODY, "authors": ["A. One", "B. Two"]}))
    db = tmp_path / "t.db"
    assert load(str(db), str(path)).exit_code == 0
    assert articles(db)[0]["author"] == "A. One, B. Two"


# --- BOM, line endings, NUL ---


def test_bom_before_front_matter(tmp_path):
    path = write(
        tmp_path / "bom.md", b"\xef\xbb\xbf---\ntitle: Talks resume\n---\n" + GOOD.encode()
    )
    db = tmp_path / "t.db"
    result = load(str(db), str(path))
    assert result.exit_code == 0, result.output
    (article,) = articles(db)
    assert article["title"] == "Talks resume"
    assert article["text"] == GOOD  # the BOM is not part of the text
    claims = list(sqlite_utils.Database(db)["claims"].rows)
    assert claims
    for claim in claims:
        assert article["text"][claim["content_start"] : claim["content_end"]] == claim["content"]


def test_bom_without_front_matter_and_extract_offsets_index_the_file(tmp_path):
    raw = b"\xef\xbb\xbf" + GOOD.encode()
    path = write(tmp_path / "bom.txt", raw)
    db = tmp_path / "t.db"
    assert load(str(db), str(path)).exit_code == 0
    assert articles(db)[0]["text"] == GOOD
    out = CliRunner().invoke(cli, ["extract", str(path)])
    as_read = raw.decode("utf-8")  # the BOM is one character of the file as read
    (row,) = [json.loads(line) for line in out.stdout.splitlines()]
    (start, end), *_ = row["attributions"][0]["cue"]
    assert as_read[start:end] == "said"


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_bom_before_json(tmp_path, suffix):
    path = write(tmp_path / f"bom{suffix}", b"\xef\xbb\xbf" + json.dumps({"text": BODY}).encode())
    db = tmp_path / "t.db"
    result = load(str(db), str(path))
    assert result.exit_code == 0, result.output
    assert articles(db)[0]["text"] == BODY


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_front_matter_with_any_line_ending(tmp_path, newline):
    body = BODY.replace("\n", newline)
    text = newline.join(["---", "title: Crossing reopens", "outlet: The Daily", "---", ""]) + body
    path = write(tmp_path / "fm.md", text)
    db = tmp_path / "t.db"
    result = load(str(db), str(path))
    assert result.exit_code == 0, result.output
    (article,) = articles(db)
    assert article["title"] == "Crossing reopens"
    assert article["text"] == body


def test_nul_byte_after_the_first_8_kb(tmp_path, good):
    bad = write(tmp_path / "late.txt", (BODY * 200).encode() + b"\x00" + BODY.encode())
    assert bad.stat().st_size > 8192
    db = tmp_path / "t.db"
    assert_refused(load(str(db), str(bad), str(good)), db, "late.txt", "binary")


def test_utf16_is_named(tmp_path, good):
    bad = write(tmp_path / "wide.txt", BODY.encode("utf-16"))
    db = tmp_path / "t.db"
    assert_refused(load(str(db), str(bad), str(good)), db, "wide.txt", "UTF-16")


# --- folders: symlink loops, unreadable folders ---


def test_symlink_loops_are_errors_and_the_rest_loads(tmp_path):
    folder = tmp_path / "in"
    write(folder / "good.txt", GOOD)
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "back")  # a folder link leading back up
    os.symlink("self.txt", folder / "self.txt")  # a link to itself
    db = tmp_path / "t.db"
    result = load(str(db), str(folder))
    assert "Traceback" not in result.output and result.exit_code == 1
    lines = error_lines(result)
    assert len(lines) == 2, lines
    assert any("sub/back" in line and "loop" in line for line in lines)
    assert any("self.txt" in line and "loop" in line for line in lines)
    assert [Path(a["source_file"]).name for a in articles(db)] == ["good.txt"]


def test_a_linked_folder_is_followed(tmp_path):
    write(tmp_path / "elsewhere" / "b.txt", OTHER)
    folder = tmp_path / "in"
    write(folder / "good.txt", GOOD)
    os.symlink(tmp_path / "elsewhere", folder / "linked")
    db = tmp_path / "t.db"
    result = load(str(db), str(folder))
    assert result.exit_code == 0, result.output
    assert sorted(Path(a["source_file"]).name for a in articles(db)) == ["b.txt", "good.txt"]


SETPRIV = shutil.which("setpriv")


def run_bound_by_modes(*args: str) -> subprocess.CompletedProcess:
    """``python -m loader ARGS`` bound by file modes. Root reads and writes
    everything, so as root the two capabilities that let it are dropped."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        if SETPRIV is None:
            pytest.skip("running as root without setpriv: file modes cannot be tested")
        prefix = [SETPRIV, "--bounding-set=-dac_override,-dac_read_search", "--"]
    return subprocess.run(
        [*prefix, sys.executable, "-m", "loader", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def restore_modes(tmp_path):
    """Give every folder back its modes so pytest can clean up."""
    yield
    for path in [tmp_path, *tmp_path.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)


def test_unreadable_subfolder_and_unreadable_path_folder(tmp_path, restore_modes):
    folder = tmp_path / "in"
    write(folder / "good.txt", GOOD)
    write(folder / "locked" / "hidden.txt", OTHER)
    write(tmp_path / "shut" / "c.txt", BODY)
    (folder / "locked").chmod(0)
    (tmp_path / "shut").chmod(0)  # a folder given on the command line (its aliases.yml lookup)
    db = tmp_path / "t.db"
    result = run_bound_by_modes("load", "--no-match", str(db), str(folder), str(tmp_path / "shut"))
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    lines = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert len(lines) == 2, lines
    assert any("locked" in x and "cannot read directory" in x for x in lines)
    assert any("shut" in x and "cannot read" in x for x in lines)
    (stored,) = articles(db)
    assert stored["source_file"].endswith("good.txt")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def loaded_database(base: Path) -> Path:
    write(base / "in" / "good.txt", GOOD)
    db = base / "db" / "t.db"
    db.parent.mkdir()
    result = CliRunner().invoke(cli, ["load", str(db), str(base / "in")])
    assert result.exit_code == 0, result.output
    return db


def test_read_only_database_file(tmp_path, restore_modes):
    db = loaded_database(tmp_path)
    db.chmod(0o444)
    before = digest(db)
    for args in (["load", str(db), str(tmp_path / "in")], ["match", str(db)]):
        result = run_bound_by_modes(*args)  # nothing new to load, and still a clear line
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr, result.stderr
        (line,) = result.stderr.strip().splitlines()
        assert f"cannot write {db}" in line and "read-only" in line
    for args in (["suggestions", str(db)], ["export", "claimreview", str(db)]):
        result = run_bound_by_modes(*args)  # commands that only read still work
        assert result.returncode == 0, result.stderr
    assert digest(db) == before


def test_database_in_a_read_only_folder(tmp_path, restore_modes):
    db = loaded_database(tmp_path)
    db.parent.chmod(0o555)
    result = run_bound_by_modes("load", str(db), str(tmp_path / "in"))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    (line,) = result.stderr.strip().splitlines()
    assert f"cannot write {db}" in line and "folder" in line


# --- someone else's database ---


def other_application(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT);"
        "INSERT INTO accounts (owner) VALUES ('somebody');"
        "CREATE INDEX accounts_owner ON accounts (owner);"
    )
    conn.close()
    return path


def assert_untouched(db: Path, before: str) -> None:
    assert digest(db) == before
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-journal").exists()
    with open(db, "rb") as f:
        header = f.read(20)
    assert header[18:20] == b"\x01\x01"  # still rollback-journal mode, not WAL


@pytest.mark.parametrize("command", ["load", "match", "verdict", "remove", "confirm"])
def test_another_applications_database_is_left_untouched(tmp_path, good, command):
    db = other_application(tmp_path / "other.db")
    before = digest(db)
    args = {
        "load": ["load", str(db), str(good)],
        "match": ["match", str(db)],
        "verdict": ["verdict", str(db), "1", "--status", "false"],
        "remove": ["remove", str(db), "1"],
        "confirm": ["confirm", str(db), "1"],
    }[command]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    (line,) = result.stderr.strip().splitlines()
    assert "other.db" in line and "accounts" in line and "--force" in line
    assert_untouched(db, before)


def test_force_adds_the_diplo_tables_beside_theirs(tmp_path, good):
    db = other_application(tmp_path / "other.db")
    result = load("--force", str(db), str(good))
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT owner FROM accounts").fetchall() == [("somebody",)]
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    conn.close()
    assert load(str(db), str(good)).exit_code == 0  # a diplo database from now on


def test_diplo_table_of_another_shape(tmp_path, good):
    db = tmp_path / "odd.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE claims (id INTEGER PRIMARY KEY, note TEXT)")
    conn.close()
    before = digest(db)
    for force in ([], ["--force"]):
        result = load(*force, str(db), str(good))
        assert result.exit_code == 1 and "Traceback" not in result.output, result.output
        (line,) = result.stderr.strip().splitlines()
        assert "odd.db" in line and "'claims' lacks columns" in line
    assert_untouched(db, before)


# --- serving while loading: --into-copy ---


def test_into_copy_swaps_in_a_new_file_and_old_readers_keep_theirs(tmp_path, good):
    db = tmp_path / "news.db"
    assert load(str(db), str(good)).exit_code == 0
    reader = sqlite3.connect(f"{db.as_uri()}?immutable=1", uri=True)  # datasette serve -i
    assert reader.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    inode = db.stat().st_ino
    more = write(tmp_path / "more" / "other.txt", OTHER)
    result = load("--into-copy", str(db), str(more))
    assert result.exit_code == 0, result.output
    assert db.stat().st_ino != inode  # a new file took the name
    assert reader.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    assert reader.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    reader.close()
    fresh = sqlite3.connect(f"{db.as_uri()}?immutable=1", uri=True)
    assert fresh.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    fresh.close()
    assert not (tmp_path / "news.db.diplo-copy").exists()
    wal = tmp_path / "news.db-wal"  # SQLite would read frames found there as the new file's
    assert not wal.exists() or wal.stat().st_size == 0
    plain = sqlite3.connect(db)
    assert plain.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    assert plain.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    plain.close()


def test_into_copy_discards_a_stale_copy_and_failure_leaves_the_original(tmp_path, good):
    db = tmp_path / "news.db"
    assert load(str(db), str(good)).exit_code == 0
    write(tmp_path / "news.db.diplo-copy", b"half a copy from a killed run")
    assert load("--into-copy", str(db), str(write(tmp_path / "m" / "o.txt", OTHER))).exit_code == 0
    assert not (tmp_path / "news.db.diplo-copy").exists()
    assert len(articles(db)) == 2
    before = digest(db)
    bad_aliases = write(tmp_path / "bad.yml", b"merge: [\xff\n")
    result = load("--into-copy", "--aliases", str(bad_aliases), str(db), str(good))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "bad.yml" in result.stderr and "not valid UTF-8" in result.stderr
    assert digest(db) == before and not (tmp_path / "news.db.diplo-copy").exists()


def test_into_copy_of_a_new_database(tmp_path, good):
    db = tmp_path / "new.db"
    result = load("--into-copy", str(db), str(good))
    assert result.exit_code == 0, result.output
    assert len(articles(db)) == 1


# --- aliases files ---


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"merge:\n  - name: A\n    names: [B\n", "malformed aliases file"),
        (b"merge:\n  - name: Caf\xe9\n    names: [B]\n", "not valid UTF-8"),
        (billion_laughs().replace("title:", "merge:").encode(), "alias"),
        (b"merge: 5\n", "'merge' must be a list"),
        (b"split:\n  - name: A\n    as: B\n    description: [x]\n", "must be text"),
    ],
)
def test_bad_aliases_file_is_one_line(tmp_path, good, content, problem):
    aliases = write(tmp_path / "aliases.yml", content)
    db = tmp_path / "t.db"
    result = load("--aliases", str(aliases), str(db), str(good))
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    (line,) = result.stderr.strip().splitlines()
    assert "aliases.yml" in line and problem in line
    assert articles(db) == []  # a bad aliases file stops the load before anything is written


def test_a_date_in_an_aliases_file_is_just_a_name(tmp_path, good):
    aliases = write(
        tmp_path / "aliases.yml", "merge:\n  - name: Jane Doe\n    names: [2024-13-45]\n"
    )
    db = tmp_path / "t.db"
    result = load("--aliases", str(aliases), str(db), str(good))
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output


def test_into_copy_killed_mid_load_leaves_the_original(tmp_path, seeds_dir):
    db = tmp_path / "news.db"
    first = write(tmp_path / "first" / "good.txt", GOOD)
    assert load(str(db), str(first)).exit_code == 0
    before = digest(db)
    copy = tmp_path / "news.db.diplo-copy"
    process = subprocess.Popen(
        [sys.executable, "-m", "loader", "load", "--into-copy", str(db), str(seeds_dir)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not copy.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert copy.exists(), "the load should have started writing its copy"
        process.kill()
    finally:
        process.wait()
    assert digest(db) == before
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    conn.close()
    result = load("--into-copy", str(db), str(seeds_dir))
    assert result.exit_code == 0, result.output
    assert len(articles(db)) == 1 + len(list(seeds_dir.glob("*.txt")))
    assert not copy.exists()


def test_concurrent_loads_into_a_new_database(tmp_path):
    db = tmp_path / "news.db"
    inputs = []
    for n in range(2):
        inputs.append(write(tmp_path / f"in{n}" / "a.txt", GOOD.replace("Jane", f"Jane{n}")))
        write(tmp_path / f"in{n}" / "b.txt", OTHER.replace("mayor", f"mayor {n}"))
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "loader", "load", str(db), str(path.parent)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in inputs
    ]
    for process in processes:
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
    assert len(articles(db)) == 4


def test_nul_in_a_manifest_key_is_one_line(tmp_path, good):
    folder = tmp_path / "in"
    write(folder / "a.txt", BODY)
    write(folder / "manifest.yml", 'a.txt:\n  title: A\n"b\\0.txt":\n  title: B\n')
    db = tmp_path / "t.db"
    result = load(str(db), str(folder), str(good))
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    (line,) = error_lines(result)
    assert "manifest.yml" in line and "NUL" in line


@pytest.mark.parametrize("target", ["loop.db", "nowhere/x.db"])
def test_database_path_that_is_a_symlink_loop_or_dangling(tmp_path, good, target):
    db = tmp_path / "loop.db"
    os.symlink(target, db)
    result = load(str(db), str(good))
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    (line,) = result.stderr.strip().splitlines()
    assert "loop.db" in line


def test_into_copy_through_a_link_replaces_the_file_not_the_link(tmp_path, good):
    real = tmp_path / "data" / "news.db"
    real.parent.mkdir()
    assert load(str(real), str(good)).exit_code == 0
    link = tmp_path / "news.db"
    os.symlink(real, link)
    more = write(tmp_path / "more" / "o.txt", OTHER)
    assert load("--into-copy", str(link), str(more)).exit_code == 0
    assert link.is_symlink() and len(articles(real)) == 2


def test_manifest_key_too_long_for_a_file_name(tmp_path, good):
    folder = tmp_path / "in"
    write(folder / "a.txt", BODY)
    write(folder / "manifest.yml", "a.txt:\n  title: A\n" + "x" * 300 + ".txt:\n  title: B\n")
    db = tmp_path / "t.db"
    result = load(str(db), str(folder), str(good))
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    (line,) = error_lines(result)
    assert "manifest.yml" in line and "does not exist" in line


def test_into_copy_refuses_to_swap_while_a_reader_pins_the_wal(tmp_path, good):
    """A reader that opened the file without -i pins frames in its -wal, which a
    new file of the same name would take for its own: no swap then."""
    from loader.database import _empty_wal

    db = tmp_path / "news.db"
    assert load(str(db), str(good)).exit_code == 0
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM articles").fetchone()
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("INSERT INTO outlets (name) VALUES ('Late News')")
    lock = sqlite3.connect(db, timeout=0.1, isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError, match="not swapped in"):
        _empty_wal(lock)
    reader.execute("COMMIT")
    _empty_wal(lock)  # the reader is done: now the -wal is emptied
    assert Path(f"{db}-wal").stat().st_size == 0
    for conn in (reader, writer, lock):
        conn.close()


def test_wal_switch_waits_for_another_process_switching(tmp_path):
    """SQLite answers "database is locked" at once (no busy timeout) while
    another connection switches the journal mode: the switch is tried again."""
    import sqlite3 as sqlite

    from loader.database import _use_wal

    real = sqlite.connect(tmp_path / "w.db")
    refusals = []

    class Busy:
        def execute(self, sql):
            if sql.endswith("= WAL") and len(refusals) < 2:
                refusals.append(sql)
                raise sqlite.OperationalError("database is locked")
            return real.execute(sql)

    _use_wal(Busy(), tries=5)
    assert len(refusals) == 2
    assert real.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_wal_switch_gives_up_and_reports_other_errors(tmp_path):
    import sqlite3 as sqlite

    from loader.database import _use_wal

    class Broken:
        def __init__(self, message):
            self.message = message

        def execute(self, sql):
            raise sqlite.OperationalError(self.message)

    with pytest.raises(sqlite.OperationalError, match="locked"):
        _use_wal(Broken("database is locked"), tries=2)
    with pytest.raises(sqlite.OperationalError, match="disk I/O"):
        _use_wal(Broken("disk I/O error"), tries=5)
