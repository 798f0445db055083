"""Finding attribution spans (source, cue, content) in a parsed Doc.

Each pattern is a small function over a spaCy ``Doc`` so it can be tested one
sentence at a time. Speakers are resolved afterwards (see ``coref``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from loader.models import Attribution, Span

REPORTING_LEMMAS = frozenset(
    """say tell add state stress emphasize emphasise note warn claim insist announce
    reveal describe explain argue believe think write tweet post report confirm deny
    suggest urge call condemn praise accuse reaffirm express""".split()
)


def overlaps(span: Span, excluded: Sequence[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in excluded)


def subtree_span(doc: Doc, token: Token) -> Span:
    last = doc[token.right_edge.i]
    return doc[token.left_edge.i].idx, last.idx + len(last)


def find_attributions(doc: Doc, excluded: Sequence[Span] = ()) -> list[Attribution]:
    """Reporting verb + subject + complement, one sentence at a time."""
    found: list[Attribution] = []
    for sent in doc.sents:
        if overlaps((sent.start_char, sent.end_char), excluded):
            continue
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in REPORTING_LEMMAS:
                continue
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            comp = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")]
            if not subj or not comp:
                continue
            src = subtree_span(doc, subj[0])
            found.append(
                Attribution(
                    kind="indirect",
                    content=[subtree_span(doc, comp[0])],
                    cue=[(tok.idx, tok.idx + len(tok))],
                    source=[src],
                    speaker_mention=doc.text[src[0] : src[1]],
                    cue_text=tok.text,
                    cue_lemma=tok.lemma_.lower(),
                    cue_class="speech",
                    sentence=(sent.start_char, sent.end_char),
                )
            )
    return found
