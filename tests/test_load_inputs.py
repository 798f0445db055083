"""diplo load: formats, metadata, idempotence and every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from loader.cli import cli

ARTICLE = (
    "Minister says talks will resume\n\n"
    "BAGHDAD (Example News) — Foreign Minister Jane Doe said on Monday that talks with "
    "the neighbours would resume next week.\n"
)
OTHER = "Officials said the border crossing reopened after three days of closure.\n"


def run(*args: str):
    result = CliRunner().invoke(cli, ["load", *args])
    return result


def rows(db_path: Path, table: str) -> list[dict]:
    db = sqlite_utils.Database(db_path)
    return list(db[table].rows) if db[table].exists() else []


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return write(tmp_path / "in" / "good.txt", ARTICLE)


def assert_failed_but_good_loaded(result, db: Path, needle: str, bad_name: str) -> None:
    assert result.exit_code == 1, result.output
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1, result.stderr
    assert bad_name in error_lines[0] and needle in error_lines[0], error_lines[0]
    sources = [r["source_file"] for r in rows(db, "articles")]
    assert len(sources) == 1 and sources[0].endswith("good.txt")
    assert not any(bad_name in s for s in sources)


def test_loads_text_with_metadata_from_dateline_and_title(tmp_path, good):
    db = tmp_path / "t.db"
    result = run(str(db), str(good))
    assert result.exit_code == 0, result.output
    (article,) = rows(db, "articles")
    assert article["title"] == "Minister says talks will resume"
    assert article["dateline"] == "Baghdad"
    assert article["published"] is None  # "on Monday" is not a publication date
    assert article["author"] is None and article["url"] is None
    (outlet,) = rows(db, "outlets")
    assert outlet["name"] == "Example News" and article["outlet_id"] == outlet["id"]
    assert "1 article loaded" in result.stderr and "0 errors" in result.stderr


def test_claims_are_real_spacy_output_with_valid_offsets(tmp_path, good):
    db = tmp_path / "t.db"
    assert run(str(db), str(good)).exit_code == 0
    (article,) = rows(db, "articles")
    claims = rows(db, "claims")
    assert claims, "the reporting verb 'said' should yield a claim"
    for claim in claims:
        assert article["text"][claim["content_start"] : claim["content_end"]] == claim["content"]
    assert any("talks with the neighbours would resume" in c["content"] for c in claims)


def test_loading_twice_changes_nothing_and_new_files_add(tmp_path, good):
    db = tmp_path / "t.db"
    assert run(str(db), str(good)).exit_code == 0
    before = {t: len(rows(db, t)) for t in ("articles", "claims", "speakers", "outlets")}
    second = run(str(db), str(good))
    assert second.exit_code == 0
    assert "0 articles loaded (1 already present, 0 with updated metadata)" in second.stderr
    assert {t: len(rows(db, t)) for t in before} == before
    third = run(str(db), str(write(tmp_path / "in2" / "other.txt", OTHER)))
    assert third.exit_code == 0
    assert len(rows(db, "articles")) == 2


def test_front_matter_metadata(tmp_path):
    path = write(
        tmp_path / "fm.md",
        "---\ntitle: A headline\noutlet: The Daily\nurl: https://www.daily.example/a\n"
        "published: 2024-12-01\nauthor: Sam Writer\nlanguage: en\n---\n" + OTHER,
    )
    db = tmp_path / "t.db"
    assert run(str(db), str(path)).exit_code == 0
    (article,) = rows(db, "articles")
    assert article["title"] == "A headline"
    assert article["published"] == "2024-12-01" and article["published_basis"] == "metadata"
    assert article["author"] == "Sam Writer" and article["language"] == "en"
    assert article["text"] == OTHER  # offsets index the body, not the front matter
    (outlet,) = rows(db, "outlets")
    assert outlet == {
        "id": outlet["id"],
        "name": "The Daily",
        "domain": "daily.example",
        "kind": None,
    }


def test_json_and_jsonl_scraper_fields(tmp_path):
    jsonl = write(
        tmp_path / "feed.jsonl",
        json.dumps(
            {
                "maintext": OTHER,
                "title": "Crossing reopens",
                "date_publish": "2024-11-30 08:15:00",
                "source_domain": "news.example.org",
                "url": "https://news.example.org/x",
            }
        )
        + "\n\n"
        + json.dumps({"text": ARTICLE.replace("Jane", "John"), "published": "1 December 2024"})
        + "\n",
    )
    single = write(
        tmp_path / "one.json", json.dumps({"text": "Prices rose 4% in May, the bureau said."})
    )
    db = tmp_path / "t.db"
    result = run(str(db), str(jsonl), str(single))
    assert result.exit_code == 0, result.output
    articles = {a["source_record"]: a for a in rows(db, "articles")}
    assert articles["line 1"]["published"] == "2024-11-30T08:15:00"  # its time of day kept
    assert articles["line 1"]["title"] == "Crossing reopens"
    assert articles["line 3"]["published"] == "2024-12-01"
    assert articles[None]["source_file"].endswith("one.json")
    outlets = {o["name"]: o for o in rows(db, "outlets")}
    assert outlets["news.example.org"]["domain"] == "news.example.org"


def test_manifest_picked_up_from_directory(tmp_path, good):
    write(
        tmp_path / "in" / "manifest.yml",
        "good.txt:\n  published: 2024-12-02\n  author: A. Reporter\n",
    )
    db = tmp_path / "t.db"
    result = run(str(db), str(tmp_path / "in"))
    assert result.exit_code == 0, result.output
    (article,) = rows(db, "articles")
    assert article["published"] == "2024-12-02" and article["author"] == "A. Reporter"


def test_publication_line_counts_but_caption_and_body_dates_do_not(tmp_path):
    captioned = write(
        tmp_path / "in" / "c.txt",
        "Talks resume\n\nJane Doe, L, and John Roe, Jan. 18, 2025.\n\n"
        "On November 27, 2024 the ministers met, officials said.\n",
    )
    published = write(tmp_path / "in" / "p.txt", "Published: 3 March 2025\n\n" + OTHER)
    db = tmp_path / "t.db"
    assert run(str(db), str(captioned), str(published)).exit_code == 0
    by_file = {Path(a["source_file"]).name: a for a in rows(db, "articles")}
    assert by_file["c.txt"]["published"] is None
    assert by_file["p.txt"]["published"] == "2025-03-03"
    assert by_file["p.txt"]["published_basis"] == "publication-line"


def test_boilerplate_marked_and_never_claimed(tmp_path):
    text = (
        "Ministers meet\n"
        "The minister said the talks were useful.\n"
        "Read more: Officials said the talks were a failure\n"
        "Jane Doe, L, and John Roe, R, said nothing, Jan. 18, 2025.\n"
        "By Sam Writer\n"
    )
    db = tmp_path / "t.db"
    assert run(str(db), str(write(tmp_path / "b.txt", text))).exit_code == 0
    (article,) = rows(db, "articles")
    kinds = {b["kind"] for b in rows(db, "article_boilerplate")}
    assert {"read-more", "caption", "byline"} <= kinds and "title" not in kinds
    assert article["author"] == "Sam Writer"
    spans = [(b["start"], b["end"]) for b in rows(db, "article_boilerplate")]
    for claim in rows(db, "claims"):
        assert not any(s < claim["content_end"] and claim["content_start"] < e for s, e in spans)
    assert article["text"] == text  # boilerplate stays, so offsets stay valid


# --- bad input: one line naming the file, others still load, exit status 1 ---


def test_missing_path(tmp_path, good):
    db = tmp_path / "t.db"
    result = run(str(db), str(tmp_path / "nope.txt"), str(good))
    assert_failed_but_good_loaded(result, db, "no such file", "nope.txt")


def test_directory_without_articles(tmp_path, good):
    (tmp_path / "empty").mkdir()
    write(tmp_path / "empty" / "notes.csv", "a,b\n")
    db = tmp_path / "t.db"
    result = run(str(db), str(tmp_path / "empty"), str(good))
    assert_failed_but_good_loaded(result, db, "no articles", "empty")


@pytest.mark.parametrize("content", ["", "   \n\t\n  "])
def test_empty_or_whitespace_file(tmp_path, good, content):
    bad = write(tmp_path / "blank.txt", content)
    db = tmp_path / "t.db"
    assert_failed_but_good_loaded(run(str(db), str(bad), str(good)), db, "empty", "blank.txt")


def test_binary_file(tmp_path, good):
    bad = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    db = tmp_path / "t.db"
    assert_failed_but_good_loaded(run(str(db), str(bad), str(good)), db, "binary", "image.txt")


def test_not_utf8_refused_by_default_and_decoded_with_fallback(tmp_path, good):
    bad = write(
        tmp_path / "cp.txt",
        "The minister said the caf\u00e9 \u201cwas closed\u201d.\n".encode("cp1252"),
    )
    db = tmp_path / "t.db"
    assert_failed_but_good_loaded(
        run(str(db), str(bad), str(good)), db, "not valid UTF-8", "cp.txt"
    )
    result = run(str(db), "--fallback-encoding", "cp1252", str(bad))
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "cp.txt" in warnings[0] and "cp1252" in warnings[0]
    texts = [a["text"] for a in rows(db, "articles")]
    assert any("caf\u00e9 \u201cwas closed\u201d" in t for t in texts)


def test_file_over_size_limit(tmp_path, good):
    bad = write(tmp_path / "big.txt", "word " * 400)
    db = tmp_path / "t.db"
    result = run(str(db), "--max-bytes", "1000", str(bad), str(good))
    assert_failed_but_good_loaded(result, db, "limit", "big.txt")


@pytest.mark.parametrize(
    "content",
    [
        "---\ntitle: never closed\n" + OTHER,
        "---\ntitle: [unbalanced\n---\n" + OTHER,
        "---\n- just\n- a list\n---\n" + OTHER,
        "---\npublished: not a date at all\n---\n" + OTHER,
    ],
)
def test_malformed_front_matter(tmp_path, good, content):
    bad = write(tmp_path / "fm.md", content)
    db = tmp_path / "t.db"
    result = run(str(db), str(bad), str(good))
    assert_failed_but_good_loaded(result, db, "", "fm.md")
    assert "front matter" in result.stderr or "publication date" in result.stderr


def test_malformed_json_line_reports_line_number(tmp_path, good):
    bad = write(
        tmp_path / "feed.jsonl",
        json.dumps({"text": OTHER})
        + "\n"
        + '{"text": "broken\n'
        + json.dumps({"text": ARTICLE})
        + "\n",
    )
    db = tmp_path / "t.db"
    result = run(str(db), str(bad), str(good))
    assert_failed_but_good_loaded(result, db, "line 2", "feed.jsonl")  # and line 1 did not land


def test_manifest_entry_for_missing_file(tmp_path, good):
    manifest = write(
        tmp_path / "m.yml", "good.txt:\n  author: Somebody\nghost.txt:\n  author: Nobody\n"
    )
    db = tmp_path / "t.db"
    result = run(str(db), "--manifest", str(manifest), str(good))
    assert result.exit_code == 1
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert "m.yml" in line and "ghost.txt" in line
    (article,) = rows(db, "articles")
    assert article["author"] == "Somebody"


def test_database_path_that_is_not_sqlite(tmp_path, good):
    db = write(tmp_path / "notes.db", "these are my notes, not a database\n")
    result = run(str(db), str(good))
    assert result.exit_code != 0
    assert "notes.db" in result.stderr and "not a SQLite database" in result.stderr
    assert db.read_text() == "these are my notes, not a database\n"


def test_article_lands_whole_or_not_at_all(tmp_path, good, monkeypatch):
    """A failure while writing one article's claims leaves no trace of it."""
    import loader.store

    real = loader.store.upsert_speaker
    calls = {"n": 0}

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            real(*args, **kwargs)  # something is written before the failure
            raise RuntimeError("disk on fire")
        return real(*args, **kwargs)

    monkeypatch.setattr(loader.store, "upsert_speaker", flaky)
    db = tmp_path / "t.db"
    with pytest.raises(RuntimeError):
        loader.store.write_article(_open(db), _record(ARTICLE), _analysed(ARTICLE).attributions)
    assert rows(db, "articles") == [] and rows(db, "claims") == [] and rows(db, "speakers") == []


def _open(path: Path) -> sqlite_utils.Database:
    from loader.schema import ensure_schema

    db = sqlite_utils.Database(path)
    ensure_schema(db)
    return db


def _record(text: str):
    from loader.models import ArticleRecord

    return ArticleRecord(source_file="x.txt", text=text)


def _analysed(text: str):
    from loader.pipeline import analyse

    result = analyse(_record(text))
    assert result.attributions, "fixture article must yield claims"
    return result


@pytest.mark.parametrize(
    "lead",
    [
        "WASHINGTON (AP) — The senator said on Tuesday that the bill would pass.",
        "MACAU (Reuters) – Officials said casino revenue rose 4 percent in May.",
    ],
)
def test_wire_datelines_are_leads_not_photo_credits(lead):
    from loader.boilerplate import find_boilerplate

    assert find_boilerplate("Headline\n\n" + lead + "\n") == []


def test_photo_credit_lines_are_captions():
    from loader.boilerplate import find_boilerplate

    text = "Body text here.\nProtesters gather in Baghdad on Friday. (Photo: AFP)\n"
    (caption,) = find_boilerplate(text)
    assert caption.kind == "caption" and text[caption.start : caption.end].endswith("(Photo: AFP)")


def test_reloading_applies_newly_stated_metadata_only(tmp_path):
    folder = tmp_path / "in"
    body = "Jane Doe said on Monday that the talks would resume.\n"
    write(folder / "a.txt", body)
    write(folder / "manifest.yml", "a.txt:\n  author: A. Reporter\n")
    db = tmp_path / "t.db"
    assert run(str(db), str(folder)).exit_code == 0
    (before,) = rows(db, "articles")
    assert before["published"] is None
    claim = next(c for c in rows(db, "claims") if c["stated_when"])
    assert claim["stated_on"] is None  # no publication date, so "on Monday" stays unresolved

    write(folder / "manifest.yml", "a.txt:\n  published: 2024-12-04\n  outlet: The Daily\n")
    result = run(str(db), str(folder))
    assert result.exit_code == 0
    assert "1 with updated metadata" in result.stderr
    (after,) = rows(db, "articles")
    assert after["id"] == before["id"]
    assert after["published"] == "2024-12-04" and after["published_basis"] == "metadata"
    assert after["author"] == "A. Reporter"  # not erased by a manifest that no longer says it
    assert {o["name"] for o in rows(db, "outlets")} == {"The Daily"}
    resolved = next(c for c in rows(db, "claims") if c["id"] == claim["id"])
    assert resolved["stated_on"] == "2024-12-02"  # the Monday on or before Wednesday 4 December


def test_database_in_a_missing_directory(tmp_path, good):
    result = run(str(tmp_path / "nope" / "t.db"), str(good))
    assert result.exit_code != 0
    assert "t.db" in result.stderr and "does not exist" in result.stderr
    assert "Traceback" not in result.output
