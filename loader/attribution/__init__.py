"""Attribution extraction: who said what, in one article.

``extract(text)`` is the public entry point (also ``from loader import
extract``). Stages, each a small pure function over a spaCy ``Doc``:

1. ``patterns.find_attributions`` - source, cue and content spans;
2. ``coref.resolve_speakers`` - the mention ("he", "Araqchi") to a canonical
   name within the article, with kind and description;
3. ``outlet.outlet_claims`` - checkable sentences in the outlet's own voice;
4. ``when.date_attributions`` - the time expression of each statement and the
   date it names, given the publication date.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from loader.attribution.coref import resolve_speakers
from loader.attribution.outlet import outlet_claims
from loader.attribution.patterns import find_attributions
from loader.attribution.spans import article_text
from loader.attribution.when import date_attributions
from loader.models import Attribution, Boilerplate, Span
from loader.nlp import get_nlp, parse
from loader.prepare import attributions_to_original, excluded_to_prepared, prepare_text


def extract_doc(
    doc: Doc,
    excluded: Iterable[Span] = (),
    published: str | None = None,
    dateline: Span | None = None,
) -> list[Attribution]:
    """All stages over an already parsed Doc (the benchmark parses separately);
    ``dateline`` is the one the loader's metadata found, in the Doc's offsets."""
    excluded = list(excluded)
    attributions = find_attributions(doc, excluded, dateline)
    attributions = resolve_speakers(doc, attributions, excluded)
    attributions = attributions + outlet_claims(doc, attributions, excluded)
    return date_attributions(article_text(doc), attributions, published)


def extract(
    text: str,
    boilerplate: Iterable[Boilerplate | Span] = (),
    published: str | None = None,
    model: str | None = None,
) -> list[Attribution]:
    """Attributions in ``text``; offsets index into ``text`` itself (the
    parser reads it prepared, see loader/prepare.py)."""
    excluded = [(b.start, b.end) if isinstance(b, Boilerplate) else tuple(b) for b in boilerplate]
    prepared = prepare_text(text)
    (doc,) = parse(get_nlp(model), [prepared.text])
    found = extract_doc(doc, excluded_to_prepared(prepared, excluded), published)
    return attributions_to_original(found, prepared, text)
