"""Synthetic claims corpus for the grouping benchmark.

Statements by many speakers, each reported by one to five outlets within a
few days, with the variations real reports show: verbatim, cut short, a word
or two changed, reordered, a figure changed. Every claim sits at its real
offsets inside a generated article, so ``diplo match`` runs on it unchanged.
One statement in five is a topic sibling of an earlier one (same speaker and
day, the first half of its words): grouping it would be a false match.
The true statement of every claim is kept in ``bench_truth`` so the
benchmark can also report pairwise precision and recall.

    PYTHONPATH=. /work/venv/bin/python bench/gen_claims.py OUT.db --claims 10000 [--seed 1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
from pathlib import Path

import sqlite_utils

from loader.schema import ensure_schema

SYLLABLES = "ba ka ri mo ten sul vra de ni lo pha zer qui ast om el tu gra fen dal".split()
FUNCTION = "the of to and a in that is for on with as by at from its their will has".split()
CLAIMS_PER_SPEAKER = 50
CLAIMS_PER_ARTICLE = 5
OUTLETS = 60
SIBLINGS = 0.2  # share of statements that borrow half an earlier statement's words


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    ordered = sorted(words)
    rng.shuffle(ordered)  # the Zipf rank must not follow the alphabet
    return ordered


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.vocab = vocabulary(self.rng)
        self.weights = [1 / (rank + 10) for rank in range(len(self.vocab))]
        cumulative, total = [], 0.0
        for w in self.weights:
            total += w
            cumulative.append(total)
        self.cumulative = cumulative

    def words(self, n: int) -> list[str]:
        content = self.rng.choices(self.vocab, cum_weights=self.cumulative, k=n)
        out = []
        for w in content:
            out.append(w)
            if self.rng.random() < 0.45:
                out.append(self.rng.choice(FUNCTION))
        if self.rng.random() < 0.3:
            out.insert(self.rng.randrange(len(out)), str(self.rng.randint(2, 500)))
        return out

    def variant(self, base: list[str]) -> list[str]:
        rng = self.rng
        roll = rng.random()
        words = list(base)
        if roll < 0.35:
            return words  # verbatim
        if roll < 0.55:  # excerpt
            cut = rng.randint(max(8, len(words) // 2), len(words))
            start = rng.randint(0, len(words) - cut)
            return words[start : start + cut]
        if roll < 0.8:  # one or two words changed
            for _ in range(rng.randint(1, 2)):
                words[rng.randrange(len(words))] = rng.choice(self.vocab[:3000])
            return words
        if roll < 0.9:  # a figure changed or added
            digits = [i for i, w in enumerate(words) if w.isdigit()]
            if digits:
                words[digits[0]] = str(int(words[digits[0]]) + rng.randint(1, 5))
            return words
        i = rng.randrange(len(words) - 3)  # a phrase moved
        words[i : i + 3] = reversed(words[i : i + 3])
        return words


def generate(path: Path, claims: int, seed: int = 1) -> None:
    gen = Generator(seed)
    rng = gen.rng
    if path.exists():
        path.unlink()
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    db.execute("CREATE TABLE bench_truth (claim_id INTEGER PRIMARY KEY, statement INTEGER)")
    conn = db.conn
    speakers = max(1, claims // CLAIMS_PER_SPEAKER)
    start_day = dt.date(2025, 1, 1).toordinal()
    reports = []  # (day, outlet, speaker, statement, words, kind)
    statement = 0
    while len(reports) < claims:
        statement += 1
        speaker = rng.randint(1, speakers)
        day = start_day + rng.randint(0, 364)
        base = gen.words(rng.randint(8, 30))
        if reports and rng.random() < SIBLINGS:
            # a different statement on the same topic: the same speaker, half
            # of an earlier statement's words; it must not join that group
            earlier = reports[rng.randrange(len(reports))]
            speaker, day = earlier[2], earlier[0]
            half = earlier[4][: len(earlier[4]) // 2]
            base = half + base[len(half) :] if len(base) > len(half) + 4 else half + base
        for copy in range(min(rng.choice((1, 1, 2, 2, 3, 4, 5)), claims - len(reports))):
            words = base if copy == 0 else gen.variant(base)
            kind = "direct" if rng.random() < 0.6 else "indirect"
            reports.append(
                (day + rng.randint(0, 3), rng.randint(1, OUTLETS), speaker, statement, words, kind)
            )
    reports.sort(key=lambda r: (r[0], r[1]))
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO outlets (id, name) VALUES (?, ?)",
        [(i, f"Outlet {i}") for i in range(1, OUTLETS + 1)],
    )
    conn.executemany(
        "INSERT INTO speakers (id, name, kind, key) VALUES (?, ?, 'person', ?)",
        [(i, f"Speaker {i}", f"person:speaker {i}") for i in range(1, speakers + 1)],
    )
    article_id = claim_id = 0
    i = 0
    while i < len(reports):
        day, outlet = reports[i][0], reports[i][1]
        chunk = []
        # one article: same day, same outlet, never two reports of one statement
        while (
            i < len(reports)
            and len(chunk) < CLAIMS_PER_ARTICLE
            and reports[i][0] == day
            and reports[i][1] == outlet
            and all(reports[i][3] != c[3] for c in chunk)
        ):
            chunk.append(reports[i])
            i += 1
        article_id += 1
        parts, claim_rows = [], []
        offset = 0
        for _day, _outlet, speaker, stmt, words, kind in chunk:
            filler = " ".join(gen.words(rng.randint(10, 25))).capitalize() + ". "
            content = " ".join(words)
            lead = (
                f"Speaker {speaker} said “" if kind == "direct" else f"Speaker {speaker} said that "
            )
            start = offset + len(filler) + len(lead)
            sentence = filler + lead + content + ("”. " if kind == "direct" else ". ")
            parts.append(sentence)
            claim_id += 1
            claim_rows.append((claim_id, speaker, kind, content, start, start + len(content), stmt))
            offset += len(sentence)
        text = "".join(parts)
        conn.execute(
            """INSERT INTO articles (id, outlet_id, published, source_file, content_hash, text,
                   loaded_at) VALUES (?, ?, ?, ?, ?, ?, '2026-01-01')""",
            [
                article_id,
                outlet,
                dt.date.fromordinal(day).isoformat(),
                f"synthetic/{article_id}.txt",
                hashlib.sha256(text.encode()).hexdigest(),
                text,
            ],
        )
        conn.executemany(
            """INSERT INTO claims (id, article_id, speaker_id, kind, content, cue,
                   content_start, content_end) VALUES (?, ?, ?, ?, ?, 'said', ?, ?)""",
            [(c, article_id, s, k, t, a, b) for c, s, k, t, a, b, _ in claim_rows],
        )
        conn.executemany(
            "INSERT INTO bench_truth VALUES (?, ?)", [(r[0], r[-1]) for r in claim_rows]
        )
    conn.execute("COMMIT")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.claims, args.seed)
    print(f"{args.out}: {args.claims} claims")


if __name__ == "__main__":
    main()
