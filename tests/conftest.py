from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


def load_texts(folder: Path, files: dict[str, str]) -> Path:
    """Write each article file into ``folder``, load them all with ``diplo
    load`` as a user would, and return the database's path (the load must
    succeed)."""
    from click.testing import CliRunner

    from loader.cli import cli

    paths = []
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    db_path = folder / "news.db"
    result = CliRunner().invoke(cli, ["load", str(db_path), *paths])
    assert result.exit_code == 0, result.output
    return db_path
