"""Plain data records passed along the pipeline: files -> articles -> claims.

They are dataclasses rather than dicts so that every stage agrees on field
names, and they hold only primitives so they pickle cheaply to worker
processes (``--processes``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

Span = tuple[int, int]

# What kind of attitude a cue reports. The pages filter on it so a reader can
# see what someone *said* apart from what they are reported to believe or plan.
CUE_CLASSES = ("speech", "belief", "intention", "decree", "perception")


@dataclass
class Boilerplate:
    """A stretch of article text that must never yield a claim."""

    start: int
    end: int
    kind: str  # read-more | caption | repeated | byline | share | publication-line | wire: rule, wire-header, sign-off, wire-note, slug


@dataclass
class ArticleRecord:
    """One article as read from disk, before any language analysis.

    Every metadata field is ``None`` unless the file, the manifest or an
    explicit line of the text states it: we never guess.
    """

    source_file: str
    text: str
    record: str | None = None  # "line 3" / "item 2" for JSON inputs
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date
    published_basis: str | None = None  # metadata | publication-line | dateline | wire-stamp
    author: str | None = None
    language: str | None = None
    outlet: str | None = None
    outlet_kind: str | None = None  # "wire", "newspaper", ... as stated (kind: in metadata)
    domain: str | None = None
    dateline: str | None = None  # the place named in the dateline
    dateline_span: tuple[int, int] | None = None  # its characters in ``text`` (not stored)
    text_offset: int = 0  # where ``text`` starts inside the file (front matter)
    boilerplate: list[Boilerplate] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How errors and progress name this article."""
        return f"{self.source_file} ({self.record})" if self.record else self.source_file


CONTENT_JOIN = " … "


def join_content(text: str, spans: Sequence[Span]) -> str:
    """The wording alone: a quote split by its cue ("“A,” he said, “B.”") or
    continued in a later paragraph is its pieces joined by " … ", so that
    comparing two outlets' versions never compares the cue between them."""
    return CONTENT_JOIN.join(text[s:e] for s, e in sorted(spans))


@dataclass
class Attribution:
    """Who said what: one attributed claim inside one article.

    Offsets are character offsets into the article text. ``content`` may hold
    several spans (a quote continued in the next paragraph); ``speaker`` is the
    canonical name within the article (``None`` when unresolved or for
    claims in the outlet's own voice).
    """

    kind: str  # direct | indirect | mixed | outlet
    content: list[Span]
    cue: list[Span] = field(default_factory=list)
    source: list[Span] = field(default_factory=list)
    speaker: str | None = None
    speaker_kind: str | None = None  # person | organization | group
    speaker_description: str | None = None
    speaker_mention: str | None = None
    speaker_aliases: list[str] = field(default_factory=list)
    cue_text: str | None = None
    cue_lemma: str | None = None
    cue_class: str | None = None  # one of CUE_CLASSES
    sentence: Span | None = None
    stated_when: str | None = None
    stated_on: str | None = None
    # index of the source mention's head token in the parsed Doc, for coref
    source_token: int | None = None
    # index of the cue's head token (the verb, or "according")
    cue_token: int | None = None
    # who passed the statement on, when it reaches the article through another
    # attribution ("…, IRNA reported"): that attribution's source, as written
    relayed_by: str | None = None
    # inside another attribution's content (only relayed statements are kept so)
    nested: bool = False

    @property
    def content_start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def content_end(self) -> int:
        return max(e for _, e in self.content)

    def content_text(self, text: str) -> str:
        """What ``claims.content`` stores (see :func:`join_content`)."""
        return join_content(text, self.content)

    def to_json(self) -> dict:
        """The record ``diplo extract --format jsonl`` prints."""
        d = asdict(self)
        for key in ("cue", "source", "content"):
            d[key] = [list(s) for s in d[key]]
        if d["sentence"] is not None:
            d["sentence"] = list(d["sentence"])
        return d
