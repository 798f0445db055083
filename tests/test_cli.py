"""The diplo command group: help, version, extract output, parallel loading."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import sqlite_utils
from click.testing import CliRunner

from loader import __version__
from loader.cli import cli
from tests.conftest import load_texts

FRONT = "---\ntitle: Headline\n---\n"
BODY = "The minister said that the border would reopen on Monday.\n"


def _commands(group, path=()):
    for name, command in group.commands.items():
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))


def test_version_and_help_document_every_option():
    runner = CliRunner()
    assert __version__ in runner.invoke(cli, ["--version"]).output
    commands = dict(_commands(cli))
    assert {("load",), ("extract",), ("match",), ("eval", "polnear")} <= set(commands)
    for path, command in commands.items():
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, path
        assert command.help, f"diplo {' '.join(path)} has no description"
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"diplo {' '.join(path)} {param.opts} has no help text"
                assert param.opts[0] in result.output


def test_python_dash_m_loader_runs():
    done = subprocess.run(
        [sys.executable, "-m", "loader", "--help"], capture_output=True, text=True, check=True
    )
    assert "load" in done.stdout and "extract" in done.stdout


def _diplo_without(module: str, *args: str) -> subprocess.CompletedProcess:
    """Run the console script's entry point with ``module`` hidden, as an
    install without it would have."""
    script = (
        f"import sys; sys.modules[{module!r}] = None; sys.argv = ['diplo', *{args!r}];"
        "from loader.entry import main; main()"
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)


def test_diplo_without_the_loader_extra_says_what_to_install():
    # A plugin-only install (pip install datasette-diplo, as a published
    # container has) lacks sqlite-utils and spaCy.
    done = _diplo_without("sqlite_utils", "load", "x.db")
    assert done.returncode == 1
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert "'sqlite_utils'" in line and "pip install 'datasette-diplo[loader]'" in line


def test_diplo_entry_point_does_not_hide_other_import_errors():
    done = _diplo_without("loader.pipeline", "--version")
    assert done.returncode == 1
    assert "Traceback" in done.stderr and "loader.pipeline" in done.stderr


def test_extract_offsets_index_the_file_as_read(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text(FRONT + BODY, encoding="utf-8", newline="")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert record["path"] == str(path)
    with open(path, encoding="utf-8", newline="") as f:
        raw = f.read()
    (attribution,) = record["attributions"]
    assert set(attribution) == {"cue", "source", "content", "speaker", "kind", "relayed_by"}
    (cue,) = attribution["cue"]
    assert raw[cue[0] : cue[1]] == "said"
    (content,) = attribution["content"]
    assert raw[content[0] : content[1]].startswith("that the border would reopen")


def test_extract_table_format_is_for_people(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--format", "table", str(path)])
    assert result.exit_code == 0
    assert "said" in result.output and "indirect" in result.output


def test_clip_marks_what_it_cuts():
    from loader.cli import clip

    assert clip("expressed shared alarm at", 22) == "expressed shared alar…"
    assert len(clip("expressed shared alarm at", 22)) == 22
    assert clip("said", 22) == "said"
    assert clip("a\nb  c", 22) == "a b c"


def test_parallel_load_matches_serial_load(tmp_path: Path, seeds_dir: Path):
    serial, parallel = tmp_path / "serial.db", tmp_path / "parallel.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["load", str(serial), str(seeds_dir)]).exit_code == 0
    result = runner.invoke(cli, ["load", str(parallel), str(seeds_dir), "--processes", "2"])
    assert result.exit_code == 0, result.output

    def snapshot(path):
        db = sqlite_utils.Database(path)
        return sorted(
            (r["content_hash"], r["content_start"], r["content_end"], r["kind"])
            for r in db.query(
                "select articles.content_hash, content_start, content_end, kind "
                "from claims join articles on articles.id = claims.article_id"
            )
        )

    assert snapshot(serial) == snapshot(parallel)
    assert len(snapshot(serial)) > 5


def test_parallel_load_reports_a_bad_file_and_loads_the_rest(tmp_path: Path, seeds_dir: Path):
    bad = tmp_path / "in" / "bad.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"\x00\x01binary")
    db = tmp_path / "p.db"
    result = CliRunner().invoke(
        cli, ["load", str(db), str(bad), str(seeds_dir), "--processes", "2", "--no-match"]
    )
    assert result.exit_code == 1
    assert "bad.txt" in result.stderr and "binary" in result.stderr
    assert sqlite_utils.Database(db)["articles"].count == 5


def test_input_error_survives_pickling():
    import pickle

    from loader.sources import InputError

    error = pickle.loads(pickle.dumps(InputError("a.txt", "empty file")))
    assert (error.path, error.problem, str(error)) == ("a.txt", "empty file", "a.txt: empty file")


def test_documented_wheel_name_is_the_one_the_build_makes():
    # The publishing commands name the wheel by path; a version bump in
    # pyproject.toml must not leave them pointing at a file that is not built.
    import re
    import tomllib

    root = Path(__file__).resolve().parent.parent
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    expected = f"datasette_diplo-{project['version']}-py3-none-any.whl"
    for doc in ("README.md", "docs/publishing.md"):
        named = set(re.findall(r"datasette_diplo-[^\s/]+?\.whl", (root / doc).read_text()))
        assert named == {expected}, doc


def test_a_split_quote_is_stored_without_the_cue_between_its_pieces(tmp_path: Path):
    # Comparing two outlets' wording must not compare "he said" with "she added".
    text = (
        "The minister spoke in Baghdad.\n"
        "“We are ready,” he said, “for a fair and balanced agreement with our neighbours.”\n"
    )
    db = sqlite_utils.Database(load_texts(tmp_path, {"a.txt": text}))
    path = tmp_path / "a.txt"
    ((content, start, end, spans),) = db.execute(
        "SELECT content, content_start, content_end, content_spans FROM claims"
    ).fetchall()
    pieces = [text[s:e] for s, e in json.loads(spans)]
    assert pieces == ["“We are ready,”", "“for a fair and balanced agreement with our neighbours.”"]
    assert content == " … ".join(pieces) and "he said" not in content
    assert text[start:end].startswith(pieces[0]) and text[start:end].endswith(pieces[1])
    # the table view shows the same wording
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "table"])
    assert "“We are ready,” … “for a fair" in result.output
