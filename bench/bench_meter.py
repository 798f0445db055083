"""Benchmark: real UK news as it is written (issue 14), wire and papers apart.

Loads the METER showbiz corpus (``../shared/eval/meter-showbiz``: PA wire copy
under ``PA/``, nine national papers under ``newspapers/``) into a temporary
database with ``diplo load`` as a user would, and prints the figures the
issue's "Measured" section defines. A benchmark, not a test: the figures go to
docs/accuracy.md ("Real news: UK wire and papers").

    nice PYTHONPATH=. .venv/bin/python bench/bench_meter.py [--corpus DIR] [--keep DB]

The measurement never reuses the code it measures: quotation marks, hard
wraps, paragraphs and persons are found here by rules of this file alone
(word lists included), and only the stored rows (claims, speakers, aliases,
titles) are read from the product. The definitions:

* **quoted-text coverage**: passages between quotation marks (“…”, "…",
  ``…'', ‘…’, British '…' told apart from apostrophes; a passage left open
  runs to its paragraph's end, the multi-paragraph convention) of four or more
  words, in body text (after the wire's header block). Coverage = non-space
  characters of those passages inside a content span of a ``direct`` or
  ``mixed`` claim that has a speaker row, over all their non-space characters.
* **claims cut at a hard wrap**: a claim with a content span that ends at a
  line end which is a hard wrap (inside a paragraph of a hard-wrapped text)
  while the sentence goes on: the line ends in none of . ! ? , ; : or a dash
  (closing quotes or brackets after them allowed).
* **speaker rows per person**: a person is a (given name, surname) pair read
  from a claim's speaker mention (two Title-case words ending a comma-separated
  part of the mention, post-nominals stripped, the first word never met in
  lowercase anywhere in the corpus, so not "Sentencing" nor "Former").
  A claim quotes that person when its article names them in full and its
  mention holds their surname (any case) or given name, and no other person
  named in full in that article shares it. For every person quoted so
  three or more times: the distinct speaker rows of those claims.
* **names**: speaker names and aliases with a post-nominal, a control
  character, or (persons) a leading lowercase word, role word or common word
  (one met in lowercase in the corpus, courtesy and peerage titles aside).
* **titles made of punctuation**: article titles without a letter.
* **speed**: ``diplo load --no-match`` against ``nlp.pipe`` (batches of 64,
  as the loader feeds it) on the very texts it stored, in one process with the
  model already loaded, as CPU time of this process (best of ``--repeat``):
  wall time on a shared machine swings by more than the difference measured.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sqlite3
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "eval" / "meter-showbiz"
MIN_WORDS = 4
MIN_QUOTES = 3
BATCH = 64  # texts per nlp.pipe batch, as loader.pipeline feeds them

# ---------------------------------------------------------------- paragraphs

# A paragraph ends at a blank line, at the wire's paragraph mark ("<" ending
# a line) or before a control byte (0x19) or an indented line opening the next.
_PARA_BREAK = re.compile(r"\n[ \t\r]*\n|<[ \t]*\r?\n|\r?\n(?=[\x00-\x08\x0b-\x1f]|[ \t]+\S)")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, by the breaks above."""
    spans, start = [], 0
    for m in _PARA_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


_RULE = re.compile(r"^\s*[-=_*]{10,}\s*$")


def body_start(text: str) -> int:
    """Where the story starts: after the wire's header block (the last rule
    line among the first ten lines), else 0."""
    start = pos = 0
    for number, line in enumerate(text.splitlines(keepends=True)):
        if number >= 10:
            break
        pos += len(line)
        if _RULE.match(line):
            start = pos
    return start


# ------------------------------------------------------------- quote scanner

DOUBLE_PAIRS = {"“": "”", "``": "''", '"': '"', "„": "“", "«": "»"}
SINGLE_OPEN = {"‘": "’", "'": "'"}
NESTING = frozenset(["``", "“", "«"])
# 'n' (rock 'n' roll), 'em, 'til, 'cause, 'tis, 'twas, 'eck ("'eck"), '90s
_ELISION = re.compile(r"(?:n'|n’|em\b|til\b|cause\b|tis\b|twas\b|eck\b|ello\b|\d\d?s?\b)", re.I)
_MARK = re.compile(r"``|''|[“”\"„«»‘’']")
_OPEN_BEFORE = set(" \t\r\n([{—–-/\x19<") | set(DOUBLE_PAIRS) | {"‘"}


def _can_open_single(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1 : i + 2]
    if before not in _OPEN_BEFORE or not after or after.isspace():
        return False
    return not _ELISION.match(text, i + 1)


def _can_close_single(text: str, i: int, end: int) -> bool:
    """A closing single mark: after a non-space, before a non-letter."""
    before = text[i - 1]
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() and not after.isalnum()


def _plural_possessive(text: str, i: int, end: int) -> bool:
    """ "the Beckhams' home": s' then a lowercase word, while another candidate
    closer follows later in the paragraph."""
    if text[i - 1] not in "sS" or not re.match(r" [a-z]", text[i + 1 : i + 3]):
        return False
    return any(_can_close_single(text, j, end) for j in range(i + 1, end) if text[j] in "'’")


def _closer_at(text: str, i: int, end: int, closer: str) -> bool:
    if not text.startswith(closer, i):
        return False
    if closer in "'’":
        return _can_close_single(text, i, end) and not _plural_possessive(text, i, end)
    return True


def _opener_at(text: str, i: int, start: int) -> str | None:
    """The opening mark at ``i``, if one opens a quotation there."""
    if text.startswith("``", i):
        return "``"
    ch = text[i]
    if ch in DOUBLE_PAIRS or (ch in SINGLE_OPEN and _can_open_single(text, i, start)):
        return ch
    return None


def _find_closer(text: str, opener: str, inner: int, end: int) -> int:
    """Where the quotation opened by ``opener`` closes, or ``end``; a mark
    that is its own kind's unambiguous opener nests ("``a ``b'' c''")."""
    closer = DOUBLE_PAIRS.get(opener) or SINGLE_OPEN[opener]
    depth, j = 0, inner
    while j < end:
        if opener in NESTING and opener != closer and text.startswith(opener, j):
            depth += 1
            j += len(opener)
            continue
        if _closer_at(text, j, end, closer):
            if depth == 0:
                return j
            depth -= 1
            j += len(closer)
            continue
        j += 1
    return end


def _scan_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Inner spans of top-level quotations in one paragraph; a double mark
    left open runs to the paragraph's end, a single one does only when it
    opens the paragraph (else it is taken for an apostrophe)."""
    found: list[tuple[int, int]] = []
    i = start
    while i < end:
        m = _MARK.search(text, i, end)
        if not m:
            break
        i = m.start()
        opener = _opener_at(text, i, start)
        if opener is None:
            i = m.end()
            continue
        inner = i + len(opener)
        j = _find_closer(text, opener, inner, end)
        if j < end:
            found.append((inner, j))
            i = j + len(DOUBLE_PAIRS.get(opener) or SINGLE_OPEN[opener])
        elif opener not in SINGLE_OPEN or not text[start:i].strip(" \t\r\n\x19<"):
            found.append((inner, end))
            break
        else:
            i = inner  # a lone single mark mid-paragraph: an apostrophe
    return found


def quoted_passages(text: str) -> list[tuple[int, int]]:
    """Top-level quoted passages of body text with four or more words."""
    first = body_start(text)
    spans = []
    for s, e in paragraphs(text):
        if e <= first:
            continue
        for qs, qe in _scan_paragraph(text, max(s, first), e):
            if len(text[qs:qe].split()) >= MIN_WORDS:
                spans.append((qs, qe))
    return spans


# ----------------------------------------------------------------- hard wraps


def wrap_width(text: str) -> int | None:
    """The width a text is hard-wrapped at, or None when it is not: at least
    five lines, and two thirds of the lines longer than 40 characters end
    within 12 characters of the longest such line (at most 100 wide)."""
    lengths = [len(line.rstrip()) for line in text.splitlines()]
    long = [n for n in lengths if n > 40]
    if len(long) < 5:
        return None
    width = max(long)
    near = sum(1 for n in long if n >= width - 12)
    return width if width <= 100 and near * 3 >= len(long) * 2 else None


# A line that ends a sentence or a clause: . ! ? , ; : or a dash, with any
# closing quotes or brackets after it.
_ENDS_CLAUSE = re.compile(r"[.!?,;:\-–—][\"'`”’)\]]*\s*$")


def hard_wraps(text: str) -> set[int]:
    """Offsets of mid-sentence hard wraps: the end of a line's last non-space
    character, for a line of a hard-wrapped text whose paragraph goes on
    on the next line while neither its sentence nor a clause ends there (a
    claim may well end at a comma that happens to close a line)."""
    if wrap_width(text) is None:
        return set()
    breaks = [(m.start(), m.end()) for m in _PARA_BREAK.finditer(text)]
    wraps = set()
    for m in re.finditer(r"[ \t\r]*\n", text):
        if m.end() >= len(text) or any(s <= m.start() < e or s < m.end() <= e for s, e in breaks):
            continue  # a paragraph break, not a wrap
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not _ENDS_CLAUSE.search(text[line_start : m.start()]):
            wraps.add(m.start())
    return wraps


def cut_at_wrap(text: str, spans: list[list[int]], wraps: set[int]) -> bool:
    """A content span ends at a mid-sentence hard wrap (spaces between the
    span's end and the line end allowed)."""
    for _s, e in spans:
        end = e
        while end > 0 and text[end - 1] in " \t\r\n":
            end -= 1
        if end in wraps:
            return True
    return False


# -------------------------------------------------------------------- persons

POST_NOMINALS = frozenset("QC KC MP MEP OBE CBE MBE JP".split())
# Titles that may lead a person's name as copy writes it; anything else
# capitalised there that the corpus also writes in lowercase is a common word.
TITLES = frozenset(
    "Mr Mrs Ms Miss Dr Sir Lord Lady Dame Baroness Baron Judge Justice Prof Professor "
    "Rev Father Det Insp Sgt Supt PC DC DS DI".split()
)
ROLE_WORDS = frozenset(
    "Prosecutor Prosecuting Defence Defending Counsel Detective Inspector Sergeant "
    "Constable Chief Superintendent Spokesman Spokeswoman Former Actor Actress Singer "
    "Presenter Director Chairman".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TITLE_CASE = re.compile(r"^(?:Mc|Mac|O'|O’)?[A-Z][a-z][A-Za-z'’-]*$")


def _strip_post_nominals(words: list[str]) -> list[str]:
    while words and words[-1].strip(".,") in POST_NOMINALS:
        words = words[:-1]
    return words


def full_name(mention: str, lower: set[str]) -> tuple[str, str] | None:
    """(given name, surname) named in full by a mention, lowercased."""
    for part in mention.split(","):
        words = _strip_post_nominals(part.split())
        if len(words) < 2:
            continue
        given, surname = words[-2], re.sub(r"['’]s?$", "", words[-1])
        if (
            _TITLE_CASE.match(given)
            and _TITLE_CASE.match(surname)
            and given.lower() not in lower
            and surname.lower() not in lower
            and given not in TITLES
            and given not in ROLE_WORDS
        ):
            return given.lower(), surname.lower()
    return None


@dataclass
class Claim:
    id: int
    article: int
    speaker: int | None
    mention: str


def persons_quoted(
    claims: list[Claim], texts: dict[int, str], lower: set[str], least: int = MIN_QUOTES
) -> dict[tuple[str, str], list[Claim]]:
    """{(given, surname): [claims quoting them]} for persons quoted at least
    ``least`` times, by the rule in the module docstring."""
    names = {full_name(c.mention, lower) for c in claims if c.mention}
    names.discard(None)
    quoted: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    in_article: dict[int, list[tuple[str, str]]] = {}
    for article, text in texts.items():
        flat = " ".join(text.split()).lower()
        in_article[article] = [n for n in names if f"{n[0]} {n[1]}" in flat]
    for c in claims:
        person = _quoted_person(c.mention, in_article.get(c.article, []))
        if person:
            quoted[person].append(c)
    return {n: cs for n, cs in quoted.items() if len(cs) >= least}


def _quoted_person(mention: str, named: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The one person named in full in the article whom a mention names by
    surname or given name (both, when two share one of them)."""
    words = {w.lower() for w in _WORD.findall(mention)}
    by_surname = [n for n in named if n[1] in words]
    by_given = [n for n in named if n[0] in words]
    both = [n for n in by_surname if n in by_given]
    hit = both or by_surname or by_given
    if len(hit) != 1 or (not both and _shared(hit[0], named)):
        return None
    return hit[0]


def _shared(name: tuple[str, str], named: list[tuple[str, str]]) -> bool:
    """Another person named in full in the article has the same surname or
    given name, so a mention with one of them alone is ambiguous."""
    return any(n != name and (n[1] == name[1] or n[0] == name[0]) for n in named)


# ---------------------------------------------------------------------- names

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


_TITLED_PAIR = re.compile(r"(?=\b([A-Z][a-z][\w'’-]*) ([A-Z][a-z][\w'’-]*))")
_PREPOSITIONS = frozenset("for of at from to with in on by".split())


@dataclass
class Vocabulary:
    """What the corpus itself shows about words: those it writes in lowercase
    somewhere (common words, verbs), and pairs of Title-case words it writes
    side by side ("Helen Flanagan", so "HELEN Flanagan" is a name in capitals,
    while "SHOWBIZ Elton" is a slug before a name)."""

    lower: set[str]
    titled_pairs: set[tuple[str, str]]

    @classmethod
    def of(cls, texts: list[str]) -> Vocabulary:
        lower = {w for t in texts for w in _WORD.findall(t) if w.islower()}
        pairs = {(m.group(1), m.group(2)) for t in texts for m in _TITLED_PAIR.finditer(t)}
        return cls(lower, pairs)


def _leading_fault(words: list[str], vocab: Vocabulary) -> bool:
    """A name ending in a person's name ("… Esther Rantzen", no preposition
    or comma in between) that opens with a lowercase word ("former … X"), a
    role word ("Presenter X"), a participle the corpus writes in lowercase
    ("Sentencing X", "Thrilled X") or a capitalised slug ("SHOWBIZ X")."""
    if len(words) < 2 or not _TITLE_CASE.match(words[-1]):
        return False
    if any(w.lower() in _PREPOSITIONS or w.endswith(",") for w in words):
        return False
    first = words[0]
    verb = first.lower().endswith(("ing", "ed")) and first.lower() in vocab.lower
    slug = (
        first.isupper() and len(first) > 2 and (first.title(), words[1]) not in vocab.titled_pairs
    )
    return first in ROLE_WORDS or first[0].islower() or verb or slug


def name_faults(name: str, kind: str, vocab: Vocabulary) -> list[str]:
    """What is wrong with a stored speaker name or alias, by the module's rules
    (a leading word is looked for in person and group names only: an
    organisation may well be called "Rolling Stone")."""
    faults = []
    words = name.split()
    if words and words[-1].strip(".,") in POST_NOMINALS:
        faults.append("post-nominal")
    if _CONTROL.search(name):
        faults.append("control character")
    if kind != "organization" and _leading_fault(words, vocab):
        faults.append("leading role word or verb")
    return faults


# ------------------------------------------------------------------ the load


def corpus_files(corpus: Path) -> dict[str, list[Path]]:
    """Wire stories and paper stories (the corpus's readme notes left out)."""
    wire = sorted((corpus / "PA").rglob("*.txt"))
    papers = sorted(p for p in (corpus / "newspapers").rglob("*_*.txt"))
    return {"wire": wire, "papers": papers}


def load(db: Path, files: list[Path]) -> float:
    """Seconds `diplo load --no-match` takes in this process (model loaded)."""
    from click.testing import CliRunner

    from loader.cli import cli

    args = ["load", str(db), "--no-match", "--fallback-encoding", "cp1252"]
    started = time.process_time()
    result = CliRunner().invoke(cli, [*args, *map(str, files)])
    elapsed = time.process_time() - started
    if result.exit_code != 0:
        sys.exit(f"load failed:\n{result.output[-2000:]}")
    return elapsed


def pipe_seconds(texts: list[str]) -> float:
    from loader.nlp import get_nlp

    nlp = get_nlp()
    started = time.process_time()
    for _doc in nlp.pipe(texts, batch_size=BATCH):
        pass
    return time.process_time() - started


# ---------------------------------------------------------------- the figures


@dataclass
class Part:
    """What one part of the corpus (wire or papers) holds in the database."""

    texts: dict[int, str] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    spans: dict[int, list[list[int]]] = field(default_factory=dict)  # claim id -> content
    quoting: dict[int, list[list[int]]] = field(default_factory=lambda: defaultdict(list))
    titles: list[str | None] = field(default_factory=list)


def read_parts(conn: sqlite3.Connection) -> dict[str, Part]:
    parts = {"wire": Part(), "papers": Part()}
    where = {}
    for aid, path, text, title in conn.execute("SELECT id, source_file, text, title FROM articles"):
        part = parts["wire" if "/PA/" in path else "papers"]
        part.texts[aid] = text
        part.titles.append(title)
        where[aid] = part
    rows = conn.execute(
        "SELECT id, article_id, speaker_id, speaker_mention, kind, content_spans FROM claims"
    )
    for cid, aid, sid, mention, kind, spans in rows:
        part = where[aid]
        content = json.loads(spans)
        part.claims.append(Claim(cid, aid, sid, mention or ""))
        part.spans[cid] = content
        if kind in ("direct", "mixed") and sid is not None:
            part.quoting[aid].extend(content)
    return parts


def coverage(part: Part) -> tuple[float, int, int]:
    """Share of quoted non-space characters inside a speaker's direct or mixed
    claim: (share, passages, characters)."""
    inside = total = passages = 0
    for aid, text in part.texts.items():
        covered = bytearray(len(text))
        for s, e in part.quoting.get(aid, []):
            covered[s:e] = b"\x01" * (e - s)
        for qs, qe in quoted_passages(text):
            passages += 1
            for i in range(qs, qe):
                if not text[i].isspace():
                    total += 1
                    inside += covered[i]
    return (inside / total if total else 0.0), passages, total


def cut_claims(part: Part) -> tuple[int, int, int]:
    """(claims cut at a mid-sentence hard wrap, claims, hard-wrapped articles)."""
    wraps = {aid: hard_wraps(text) for aid, text in part.texts.items()}
    cut = sum(
        1
        for c in part.claims
        if cut_at_wrap(part.texts[c.article], part.spans[c.id], wraps[c.article])
    )
    wrapped = sum(1 for text in part.texts.values() if wrap_width(text) is not None)
    return cut, len(part.claims), wrapped


def speaker_rows(part: Part, kinds: dict[int, str], vocab: Vocabulary) -> dict[str, object]:
    """Speaker rows per person quoted three or more times, and named persons
    (quoted at least once) whose claims went to a group row."""
    everyone = persons_quoted(part.claims, part.texts, vocab.lower, 1)
    often = {n: cs for n, cs in everyone.items() if len(cs) >= MIN_QUOTES}
    rows = {n: {c.speaker for c in cs if c.speaker is not None} for n, cs in often.items()}
    groups = {
        sid
        for cs in everyone.values()
        for c in cs
        if (sid := c.speaker) is not None and kinds.get(sid) == "group"
    }
    split = sorted(
        ((len(r), " ".join(n).title()) for n, r in rows.items() if len(r) > 1), reverse=True
    )
    return {
        "persons": len(rows),
        "rows per person": sum(map(len, rows.values())) / len(rows) if rows else 0.0,
        "persons with more than one row": len(split),
        "unresolved claims": sum(1 for cs in often.values() for c in cs if c.speaker is None),
        "named persons as group rows": len(groups),
        "worst": split[:5],
    }


def bad_names(conn: sqlite3.Connection, part: Part, vocab: Vocabulary) -> Counter[str]:
    """Faults of speaker names and aliases used in this part's articles."""
    ids = ",".join(map(str, part.texts)) or "0"
    rows = conn.execute(
        f"""SELECT DISTINCT s.id, s.name, s.kind, a.alias FROM speaker_alias_articles a
            JOIN speakers s ON s.id = a.speaker_id WHERE a.article_id IN ({ids})"""
    ).fetchall()
    used = {c.speaker for c in part.claims if c.speaker is not None}
    rows += conn.execute(
        f"SELECT id, name, kind, NULL FROM speakers WHERE id IN ({','.join(map(str, used)) or '0'})"
    ).fetchall()
    faults: Counter[str] = Counter()
    seen = set()
    for _sid, name, kind, alias in rows:
        for label in (name, alias):
            if label is not None and (label, kind) not in seen:
                seen.add((label, kind))
                faults.update(name_faults(label, kind, vocab))
    return faults


def punctuation_titles(part: Part) -> int:
    return sum(1 for t in part.titles if t is not None and not re.search(r"[^\W\d_]", t))


def report(conn: sqlite3.Connection) -> None:
    parts = read_parts(conn)
    vocab = Vocabulary.of([t for p in parts.values() for t in p.texts.values()])
    kinds = dict(conn.execute("SELECT id, kind FROM speakers"))
    for name, part in parts.items():
        share, passages, chars = coverage(part)
        cut, claims, wrapped = cut_claims(part)
        print(f"\n== {name}: {len(part.texts)} articles ({wrapped} hard-wrapped), {claims} claims")
        print(f"quoted-text coverage: {share:.3f} ({passages} passages, {chars} characters)")
        print(f"claims cut at a hard wrap: {cut}")
        for key, value in speaker_rows(part, kinds, vocab).items():
            print(f"{key}: {value:.2f}" if isinstance(value, float) else f"{key}: {value}")
        faults = bad_names(conn, part, vocab)
        for fault in ("post-nominal", "leading role word or verb", "control character"):
            print(f"names with a {fault}: {faults[fault]}")
        print(f"titles made of punctuation: {punctuation_titles(part)}")


def fresh_database(db: Path) -> None:
    """Remove the database and its journal files. A ``-wal`` left beside a
    new file is read as that file's own, and then the second round's load
    found "no such table: articles"."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def timed_load(files: list[Path], db: Path, repeat: int) -> tuple[float, float, int]:
    """Best-of-``repeat`` seconds of the load (into a fresh database each
    time, the last one kept at ``db``) and of nlp.pipe on the stored texts,
    alternating so both meet the same load on a shared machine."""
    pipe_seconds(["Warm up: the model loads once."])
    best_load = best_pipe = float("inf")
    for _ in range(repeat):
        fresh_database(db)
        best_load = min(best_load, load(db, files))
        with contextlib.closing(sqlite3.connect(db)) as conn:
            texts = [t for (t,) in conn.execute("SELECT text FROM articles ORDER BY id")]
        best_pipe = min(best_pipe, pipe_seconds(texts))
    return best_load, best_pipe, len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--keep", type=Path, help="load into this database and keep it")
    parser.add_argument("--db", type=Path, help="only report on an already loaded database")
    parser.add_argument("--repeat", type=int, default=2, help="timing rounds (best of)")
    args = parser.parse_args()
    if args.db:
        report(sqlite3.connect(args.db))
        return
    files = corpus_files(args.corpus)
    if not files["wire"]:
        sys.exit(f"{args.corpus}: no PA/ wire stories found")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or Path(tmp) / "meter.db"
        loaded, parsed, count = timed_load(files["wire"] + files["papers"], db, args.repeat)
        print(
            f"diplo load --no-match: {loaded:.1f}s; nlp.pipe on the same {count} texts: "
            f"{parsed:.1f}s; ratio {loaded / parsed:.3f} (best of {args.repeat})"
        )
        with contextlib.closing(sqlite3.connect(db)) as conn:
            report(conn)


if __name__ == "__main__":
    main()
