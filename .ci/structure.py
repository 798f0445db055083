"""The project's structural limits, checked: no module under loader/ or
datasette_diplo/ over 700 lines, no function over 60 lines.

A reader finds a rule by its name only while modules and functions stay small
(docs/architecture.md); this keeps that true as rules are added. radon's
complexity grade is checked beside it in .ci/run.

    python .ci/structure.py            # prints each violation; exit 1 if any
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOTS = ("loader", "datasette_diplo")
MAX_MODULE_LINES = 700
MAX_FUNCTION_LINES = 60


def violations(root: Path) -> list[str]:
    """Every module and function of the package trees over its limit."""
    found = []
    for package in ROOTS:
        for path in sorted((root / package).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            lines = text.count("\n") + (not text.endswith("\n"))
            if lines > MAX_MODULE_LINES:
                found.append(f"{path}: {lines} lines (limit {MAX_MODULE_LINES})")
            for node in ast.walk(ast.parse(text)):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    length = node.end_lineno - node.lineno + 1
                    if length > MAX_FUNCTION_LINES:
                        found.append(
                            f"{path}:{node.lineno}: {node.name} is {length} lines"
                            f" (limit {MAX_FUNCTION_LINES})"
                        )
    return found


def main() -> int:
    found = violations(Path(__file__).resolve().parents[1])
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
