"""Fixtures for the browser tests: a loaded seeds database and a Chromium."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

from datasette_diplo.screenshots import find_chromium, launch_chromium

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> pathlib.Path:
    """The seeds loaded (and matched) by the real loader CLI, not crafted rows."""
    path = tmp_path_factory.mktemp("browser") / "seeds.db"
    subprocess.run(
        [sys.executable, "-m", "loader", "load", str(path), str(REPO / "seeds")],
        check=True,
        cwd=REPO,
    )
    return path


@pytest.fixture(scope="module")
def browser():
    """Chromium for one test module only: Playwright's sync API keeps an event
    loop running in this thread while it is open, which would break the
    pytest-asyncio tests that run after it."""
    if find_chromium() is None:
        reason = "no chromium binary (apt-get install chromium, or set DIPLO_CHROMIUM)"
        if os.environ.get("DIPLO_REQUIRE_BROWSER"):
            pytest.fail(reason + "; DIPLO_REQUIRE_BROWSER is set (CI)")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch_chromium(p)
        yield b
        b.close()
