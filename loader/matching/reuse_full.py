"""Article reuse over the whole archive in bounded memory (the full match).

The same links as ``reuse.find_reuse`` over every article, but computed from
the reuse index (loader/matching/reuse_index.py) rather than from every
article's shingles held at once:

1. every article is shingled in id order and indexed (``Rebuild``);
2. SQLite counts each shingle's document frequency over the outlets'
   non-boilerplate postings in one pass over the postings, which are stored
   in shingle order, and copies the postings of the candidate shingles
   (2..MAX_SHINGLE_ARTICLES articles) to a temporary table;
3. for each article, in id order, SQLite lists the later articles sharing at
   least REUSE_MIN_SHARED_SHORT candidate shingles with it; those that
   ``passes`` become links, directed with the claims' votes read from the
   stored groups;
4. the shared-source step runs link by link from the links' source maps.

Memory: the outlets' boilerplate sets, the links and their source maps (a
few hundred bytes per link), and a bounded cache of article shingle sets;
nothing grows with the number of articles that do not reuse each other.
"""

from __future__ import annotations

from collections import defaultdict

from loader.matching import reuse_index as rx
from loader.matching import thresholds as T
from loader.matching.reuse import Reuse, article_shingles, resolve_shared, source_maps
from loader.matching.reuse_update import View, _link
from loader.matching.rows import INSERT_REUSE, reuse_row

CACHE_ARTICLES = 20_000  # article shingle lists kept between uses


def full_reuse(conn, votes) -> int:
    """Rebuild the reuse index and article_reuse from every article (inside
    the caller's transaction); the number of links."""
    _index_all(conn)
    view = View(conn)
    _candidate_postings(conn, view)
    links: list[Reuse] = []
    batch: list[Reuse] = []
    for (aid,) in conn.execute(
        "SELECT article_id FROM temp.reuse_candidates_by_article"
    ).fetchall():
        for other, _shared in conn.execute(
            """SELECT q.article_id, count(*) FROM temp.reuse_candidates p
               JOIN temp.reuse_candidates q ON q.shingle = p.shingle AND q.article_id > p.article_id
               WHERE p.article_id = ? GROUP BY q.article_id HAVING count(*) >= ?
               ORDER BY q.article_id""",
            [aid, T.REUSE_MIN_SHARED_SHORT],
        ).fetchall():
            link = _link(view, aid, other, votes)
            if link is not None:
                batch.append(link)
        if len(view.lists) > CACHE_ARTICLES:
            _forget(view)
        if len(batch) > 5000:
            rx.write_links(conn, batch)
            links.extend(batch)
            batch = []
    rx.write_links(conn, batch)
    links.extend(batch)
    conn.execute("DROP TABLE temp.reuse_candidates")
    conn.execute("DROP TABLE temp.reuse_candidates_by_article")
    conn.execute("DROP TABLE temp.reuse_boiler")
    maps = source_maps(links)
    conn.execute("DELETE FROM article_reuse")
    for start in range(0, len(links), 5000):
        chunk = links[start : start + 5000]
        conn.executemany(INSERT_REUSE, [reuse_row(resolve_shared(r, maps, view)) for r in chunk])
        if len(view.lists) > CACHE_ARTICLES:
            _forget(view)
    return len(links)


def _forget(view: View) -> None:
    for cache in (view.lists, view.outlets, view.sides, view.sets, view.full_sizes):
        cache.clear()


def _index_all(conn) -> None:
    """Shingle every article in id order into a fresh index."""
    index = rx.Rebuild(conn)
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for aid, start, end in conn.execute('SELECT article_id, start, "end" FROM article_boilerplate'):
        spans[aid].append((start, end))
    for aid, outlet_id, text in conn.execute(
        "SELECT id, outlet_id, text FROM articles ORDER BY id"
    ):
        index.add(aid, outlet_id, *article_shingles(text, spans.pop(aid, [])))
    index.finish([])


def _candidate_postings(conn, view: View) -> None:
    """Temporary tables of the candidate shingles' postings without outlet
    boilerplate: by shingle, and the articles holding any."""
    conn.execute("DROP TABLE IF EXISTS temp.reuse_boiler")
    conn.execute(
        "CREATE TEMP TABLE reuse_boiler (outlet_id, shingle, PRIMARY KEY (outlet_id, shingle))"
    )
    conn.executemany(
        "INSERT INTO temp.reuse_boiler VALUES (?, ?)",
        sorted((o, s) for o, shingles in view.boiler.items() for s in shingles),
    )
    counted = """SELECT p.shingle, p.article_id FROM reuse_postings p
        WHERE NOT EXISTS (SELECT 1 FROM temp.reuse_boiler b
                          WHERE b.outlet_id = p.outlet_id AND b.shingle = p.shingle)"""
    conn.execute("DROP TABLE IF EXISTS temp.reuse_candidates")
    conn.execute(
        """CREATE TEMP TABLE reuse_candidates (shingle, article_id,
           PRIMARY KEY (article_id, shingle)) WITHOUT ROWID"""
    )
    conn.execute(
        f"""INSERT INTO temp.reuse_candidates
            SELECT c.shingle, c.article_id FROM ({counted}) c JOIN (
                SELECT shingle FROM ({counted}) GROUP BY shingle
                HAVING count(*) BETWEEN 2 AND ?) d ON d.shingle = c.shingle
            ORDER BY c.article_id, c.shingle""",
        [T.MAX_SHINGLE_ARTICLES],
    )
    conn.execute(
        "CREATE INDEX temp.reuse_candidates_shingle ON reuse_candidates (shingle, article_id)"
    )
    conn.execute("DROP TABLE IF EXISTS temp.reuse_candidates_by_article")
    conn.execute(
        """CREATE TEMP TABLE reuse_candidates_by_article AS
           SELECT DISTINCT article_id FROM temp.reuse_candidates ORDER BY article_id"""
    )
