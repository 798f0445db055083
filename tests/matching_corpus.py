"""Crafted databases for the matching tests: articles and claims inserted
directly, so the tests exercise matching independent of extraction quality.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import sqlite_utils

from loader.matching import match
from loader.schema import ensure_schema


class Corpus:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite_utils.Database(path)
        ensure_schema(self.db)
        self.conn = self.db.conn

    def speaker(self, name: str, kind: str = "person") -> int:
        row = self.conn.execute("SELECT id FROM speakers WHERE name = ?", [name]).fetchone()
        if row:
            return row[0]
        with self.conn:
            return self.conn.execute(
                "INSERT INTO speakers (name, kind, key) VALUES (?, ?, ?)",
                [name, kind, f"{kind}:{name.lower()}"],
            ).lastrowid

    def outlet(self, name: str) -> int:
        row = self.conn.execute("SELECT id FROM outlets WHERE name = ?", [name]).fetchone()
        if row:
            return row[0]
        with self.conn:
            return self.conn.execute("INSERT INTO outlets (name) VALUES (?)", [name]).lastrowid

    def article(
        self,
        text: str,
        outlet: str | None = None,
        published: str | None = None,
        url: str | None = None,
        title: str | None = None,
    ) -> int:
        with self.conn:
            return self.conn.execute(
                """INSERT INTO articles (outlet_id, title, url, published, source_file,
                       content_hash, text, loaded_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00')""",
                [
                    self.outlet(outlet) if outlet else None,
                    title,
                    url,
                    published,
                    f"crafted-{hashlib.sha1(text.encode()).hexdigest()[:8]}.txt",
                    hashlib.sha256(text.encode()).hexdigest(),
                    text,
                ],
            ).lastrowid

    def claim(
        self,
        article_id: int,
        speaker: str | None,
        content: str,
        kind: str = "direct",
        cue: str = "said",
    ) -> int:
        text = self.conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        start = text[0].find(content)
        assert start >= 0, f"claim text not in article {article_id}: {content!r}"
        speaker_id = self.speaker(speaker) if speaker else None
        with self.conn:
            return self.conn.execute(
                """INSERT INTO claims (article_id, speaker_id, kind, content, cue,
                       content_start, content_end, content_spans)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    article_id,
                    speaker_id,
                    kind,
                    content,
                    cue,
                    start,
                    start + len(content),
                    json.dumps([[start, start + len(content)]]),
                ],
            ).lastrowid

    def quoted(
        self,
        speaker: str,
        content: str,
        outlet: str | None = None,
        published: str | None = None,
        kind: str = "direct",
        filler: str = "",
    ) -> int:
        """One article carrying one claim; returns the claim id."""
        self.serial = getattr(self, "serial", 0) + 1
        lead = f"({outlet or 'Desk'} {self.serial}) {speaker} said"
        lead += " on a visit" if kind != "direct" else ":"
        body = f"“{content}”" if kind == "direct" else f"that {content}"
        article = self.article(f"{lead} {body}. {filler}".strip(), outlet, published)
        return self.claim(article, speaker, content, kind)

    def match(self):
        return match(self.db)

    def group_of(self, claim_id: int) -> int:
        return self.conn.execute("SELECT group_id FROM claims WHERE id = ?", [claim_id]).fetchone()[
            0
        ]

    def group(self, claim_id: int) -> dict:
        cur = self.db.execute("SELECT * FROM claim_groups WHERE id = ?", [self.group_of(claim_id)])
        cols = [d[0] for d in cur.description]
        return dict(zip(cols, cur.fetchone(), strict=True))

    def claim_row(self, claim_id: int) -> dict:
        cur = self.db.execute("SELECT * FROM claims WHERE id = ?", [claim_id])
        cols = [d[0] for d in cur.description]
        return dict(zip(cols, cur.fetchone(), strict=True))
