"""The ``diplo`` console script.

The package installs without spaCy and the other loader packages so that the
plugin can be published alone (``pip install datasette-diplo``); ``diplo`` then
needs the ``loader`` extra, and a traceback ending in "No module named
'sqlite_utils'" would not tell the user that.
"""

from __future__ import annotations

import sys

# Top-level modules of the ``loader`` extra (pyproject.toml), by import name.
LOADER_MODULES = frozenset({"sqlite_utils", "spacy", "yaml", "dateutil", "rapidfuzz"})


def main() -> None:
    """Run the click group, or say in one line which install step is missing."""
    try:
        from loader.cli import cli
    except ModuleNotFoundError as exc:
        missing = (exc.name or "").split(".")[0]
        if missing not in LOADER_MODULES:
            raise
        sys.exit(
            f"diplo: the loader needs packages that are not installed (no module {missing!r}); "
            "install them with: pip install 'datasette-diplo[loader]'"
        )
    cli(prog_name="diplo")
