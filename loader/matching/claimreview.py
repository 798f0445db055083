"""schema.org ClaimReview JSON-LD for groups that carry a human verdict.

Only what the database knows is written: a missing URL, date or outlet is
left out rather than guessed, and so is a URL whose scheme is not http or
https (a ``javascript:`` article URL or evidence link must never reach a
fact-checking site's page through the export). The reviewed claim carries every report of it
as ``appearance`` and the earliest as ``firstAppearance``.
"""

from __future__ import annotations

import sqlite3

from datasette_diplo.urls import http_url


def _creative_work(row: sqlite3.Row) -> dict:
    work: dict = {"@type": "CreativeWork"}
    url = http_url(row["url"])
    if url:
        work["url"] = url
    if row["title"]:
        work["headline"] = row["title"]
    if row["published"]:
        work["datePublished"] = row["published"]
    if row["outlet"]:
        work["publisher"] = {"@type": "Organization", "name": row["outlet"]}
    return work


def claim_reviews(conn: sqlite3.Connection) -> list[dict]:
    """One ClaimReview per group with a verdict, ordered by group id."""
    previous = conn.row_factory
    conn.row_factory = sqlite3.Row
    try:
        groups = conn.execute(
            """SELECT g.id, g.summary, g.first_claim_id, g.first_published, g.status AS group_status,
                      g.claims_count, fc.fidelity AS first_fidelity,
                      s.name AS speaker, s.kind AS speaker_kind,
                      v.status, v.note, v.evidence_url, v.by_name, v.created_at
               FROM claim_groups g JOIN verdicts v ON v.id = g.verdict_id
               LEFT JOIN speakers s ON s.id = g.speaker_id
               LEFT JOIN claims fc ON fc.id = g.first_claim_id
               ORDER BY g.id"""
        ).fetchall()
        return [_review(g, _appearances(conn, g)) for g in groups]
    finally:
        conn.row_factory = previous


def _appearances(conn: sqlite3.Connection, g: sqlite3.Row) -> list[dict]:
    """Each article carrying the group once, the first version's article first."""
    rows = conn.execute(
        """SELECT DISTINCT a.id, a.url, a.title, a.published, o.name AS outlet,
                  c.id = ? AS is_first
           FROM claims c JOIN articles a ON a.id = c.article_id
           LEFT JOIN outlets o ON o.id = a.outlet_id
           WHERE c.group_id = ? ORDER BY is_first DESC, a.published IS NULL,
                 a.published, a.id""",
        [g["first_claim_id"], g["id"]],
    ).fetchall()
    seen: set[int] = set()
    works = []
    for row in rows:
        if row["id"] not in seen:
            seen.add(row["id"])
            works.append(_creative_work(row))
    return works


def _review(g: sqlite3.Row, works: list[dict]) -> dict:
    """The ClaimReview of one group with a verdict; a firstAppearance only
    when the order is known, an evidence URL only when it is http(s)."""
    claim: dict = {"@type": "Claim"}
    if g["speaker"]:
        kind = "Person" if g["speaker_kind"] == "person" else "Organization"
        claim["author"] = {"@type": kind, "name": g["speaker"]}
    if g["first_published"]:
        claim["datePublished"] = g["first_published"]
    if works and _first_known(g):
        claim["firstAppearance"] = works[0]
    if works:
        claim["appearance"] = works
    review: dict = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": g["summary"],
        "itemReviewed": claim,
        "reviewRating": {"@type": "Rating", "alternateName": g["status"]},
        "datePublished": g["created_at"][:10],
    }
    if g["by_name"]:
        review["author"] = {"@type": "Person", "name": g["by_name"]}
    if g["note"]:
        review["reviewBody"] = g["note"]
    citation = http_url(g["evidence_url"])
    if citation:
        review["citation"] = citation
    review["identifier"] = f"diplo-group-{g['id']}"
    return review


def _first_known(g: sqlite3.Row) -> bool:
    """Matching names no origin when it cannot tell which report came first
    (docs/matching.md, "Order unknown"): then there is no firstAppearance."""
    return g["claims_count"] < 2 or g["first_fidelity"] in ("origin", None)
