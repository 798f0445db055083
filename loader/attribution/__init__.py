"""Attribution extraction: who said what, in one article.

``extract(text)`` is the public entry point (also ``from loader import
extract``). The work is split into small pure functions over a spaCy ``Doc``
so each pattern can be tested one sentence at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc

from loader.models import Attribution, Boilerplate, Span
from loader.nlp import get_nlp

REPORTING_LEMMAS = frozenset(
    """say tell add state stress emphasize emphasise note warn claim insist announce
    reveal describe explain argue believe think write tweet post report confirm deny
    suggest urge call condemn praise accuse reaffirm express""".split()
)


def _overlaps(span: Span, excluded: Sequence[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in excluded)


def extract_doc(doc: Doc, excluded: Sequence[Span] = ()) -> list[Attribution]:
    """Reporting verb + subject + complement, one sentence at a time."""
    found: list[Attribution] = []
    for sent in doc.sents:
        if _overlaps((sent.start_char, sent.end_char), excluded):
            continue
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in REPORTING_LEMMAS:
                continue
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            comp = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")]
            if not subj or not comp:
                continue
            s = subj[0]
            src = (doc[s.left_edge.i].idx, doc[s.right_edge.i].idx + len(doc[s.right_edge.i]))
            c = comp[0]
            content = (
                doc[c.left_edge.i].idx,
                doc[c.right_edge.i].idx + len(doc[c.right_edge.i]),
            )
            found.append(
                Attribution(
                    kind="indirect",
                    content=[content],
                    cue=[(tok.idx, tok.idx + len(tok))],
                    source=[src],
                    speaker=doc.text[src[0] : src[1]],
                    speaker_kind="person" if s.ent_type_ == "PERSON" else None,
                    speaker_mention=doc.text[src[0] : src[1]],
                    cue_text=tok.text,
                    cue_lemma=tok.lemma_.lower(),
                    cue_class="speech",
                    sentence=(sent.start_char, sent.end_char),
                )
            )
    return found


def extract(
    text: str,
    boilerplate: Iterable[Boilerplate | Span] = (),
    published: str | None = None,
    model: str | None = None,
) -> list[Attribution]:
    """Attributions in ``text``; offsets index into ``text`` itself."""
    excluded = [(b.start, b.end) if isinstance(b, Boilerplate) else tuple(b) for b in boilerplate]
    doc = get_nlp(model)(text)
    return extract_doc(doc, excluded)
