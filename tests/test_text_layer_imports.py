"""The text layer (loader/text/) reads plain text: matching uses the quote
finder without loading spaCy through loader.attribution."""

from __future__ import annotations

import subprocess
import sys


def test_matching_imports_no_parser():
    code = (
        "import sys, loader.matching.run, loader.matching.fidelity, loader.matching.reuse\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'thinc'}))\n"
        "print(any(m.startswith('loader.attribution') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == "[]"
    assert out[1] == "False"
