"""Incremental article reuse: redo only the links a load or removal can change.

A pair's link in the full match (``reuse.find_reuse``) depends on the two
articles' shingle sets without their outlets' boilerplate (S), on which of
their shared shingles are in at most MAX_SHINGLE_ARTICLES articles' S (the
candidate rule's document frequency, df), on their dates and wire flags and
on the claim direction votes between them; the shared-source step of a link
on the links into its two articles and the S of those and of their sources.
Boilerplate and df are archive-wide counts, so after articles are added,
removed or changed (``match_article_changes``), ``update_reuse``:

1. takes the changed articles out of the index and puts them back
   (loader/matching/reuse_index.py), keeping every count exact;
2. compares each touched outlet's boilerplate before and after (its article
   count moves the threshold, its new articles move the counts): the
   outlet's articles holding a shingle that entered or left it have a new S;
3. finds every shingle whose df crossed MAX_SHINGLE_ARTICLES: candidacy of
   pairs among the articles holding it may change, so they are all redone;
4. recomputes every link of the articles of 1-3 from the exact postings, and
   re-directs the stored links between articles whose claims were regrouped
   (their votes may differ);
5. redoes the shared-source step for every link touching an article whose
   links or S changed, or a neighbour of an article whose S changed.

Nothing is sampled or approximated, so the result is the full match's
whatever the order and batching of loads (tests/test_matching_incremental.py,
tests/test_reuse_update.py). The work is bounded by the changed articles'
shingles and the postings of at most MAX_SHINGLE_ARTICLES articles each, plus
the articles a boilerplate or df change touches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from loader.matching import reuse_index as rx
from loader.matching import thresholds as T
from loader.matching.direction import Side, is_wire_outlet
from loader.matching.reuse import (
    Reuse,
    article_shingles,
    make_link,
    pair_vote,
    passes,
    resolve_shared,
    source_maps,
)
from loader.matching.rows import INSERT_REUSE, reuse_row
from loader.matching.sql import chunks

Entry = tuple[int | None, list[int]]  # (outlet, shingle list) as indexed


class View:
    """The index as it now stands, read on demand and cached for one update:
    each article's shingle list, S and side, and each shingle's postings."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.sizes = rx.outlet_sizes(conn)
        self.boiler = {o: rx.boilerplate(conn, o, n) for o, n in self.sizes.items()}
        self.boiler_any: set[int] = set().union(*self.boiler.values())
        self.lists: dict[int, list[int]] = {}
        self.outlets: dict[int, int | None] = {}
        self.sides: dict[int, Side] = {}
        self.sets: dict[int, set[int]] = {}
        self.full_sizes: dict[int, int] = {}  # distinct shingles with quotations
        self.postings: dict[int, tuple[int, list[int] | None]] = {}

    def load(self, ids: Iterable[int]) -> None:
        for chunk, marks in chunks(i for i in ids if i not in self.lists):
            for aid, published, name, domain, kind, outlet_id, size, blob in self.conn.execute(
                f"""SELECT a.id, a.published, o.name, o.domain, o.kind, r.outlet_id, r.size,
                           r.shingles
                    FROM reuse_articles r JOIN articles a ON a.id = r.article_id
                    LEFT JOIN outlets o ON o.id = a.outlet_id WHERE r.article_id IN ({marks})""",
                chunk,
            ):
                self.lists[aid] = rx.unpack(blob)
                self.full_sizes[aid] = size
                self.outlets[aid] = outlet_id
                self.sides[aid] = Side(aid, published, is_wire_outlet(name, domain, kind))

    def __getitem__(self, aid: int) -> set[int]:
        """S: the article's shingles without its outlet's boilerplate."""
        if aid not in self.sets:
            self.load([aid])
            self.sets[aid] = set(self.lists[aid]) - self.boiler.get(self.outlets[aid], set())
        return self.sets[aid]

    def size(self, aid: int) -> int:
        """The denominator of containment (``reuse._shingle_sets``): S plus
        the article's quoted-only shingles."""
        shingles = self[aid]
        return len(shingles) + self.full_sizes[aid] - len(set(self.lists[aid]))

    def posting(self, shingle: int) -> tuple[int, list[int] | None]:
        """(df, the articles whose S holds it); (more than MAX_SHINGLE_ARTICLES,
        None) when too common to be a candidate shingle."""
        if shingle not in self.postings:
            rows = self.conn.execute(
                "SELECT article_id, outlet_id FROM reuse_postings WHERE shingle = ? LIMIT ?",
                [shingle, -1 if self._boiler_somewhere(shingle) else T.MAX_SHINGLE_ARTICLES + 1],
            ).fetchall()
            ids = [a for a, o in rows if shingle not in self.boiler.get(o, ())]
            cap = len(ids) > T.MAX_SHINGLE_ARTICLES
            self.postings[shingle] = (len(ids), None if cap else ids)
        return self.postings[shingle]

    def present(self, ids: Iterable[int]) -> set[int]:
        """The given articles that are in the index."""
        ids = set(ids)
        self.load(ids)
        return {a for a in ids if a in self.lists}

    def _boiler_somewhere(self, shingle: int) -> bool:
        return shingle in self.boiler_any


@dataclass
class Changes:
    removed: dict[int, Entry] = field(default_factory=dict)  # as indexed before
    added: dict[int, Entry] = field(default_factory=dict)  # as indexed now
    old_boiler: dict[int, set[int]] = field(default_factory=dict)  # touched outlets, before

    @property
    def articles(self) -> set[int]:
        return set(self.removed) | set(self.added)


def update_reuse(conn, regrouped_articles: set[int], votes) -> set[int]:
    """Bring reuse_links and article_reuse up to date (inside the caller's
    transaction); the articles whose stored links changed.

    regrouped_articles: articles with claims in a regrouped component, whose
    direction votes (``votes``, read from the stored groups) may differ."""
    changes = _reindex(conn)
    if not changes.articles and not regrouped_articles:
        return set()
    view = View(conn)
    delta = _boilerplate_moves(view, changes)
    s_changed = _new_sets(view, changes, delta)
    dirty = view.present(s_changed | _df_crossings(view, changes, delta))
    old, new = _relink(view, dirty, changes, votes)
    old_votes, new_votes = _redirect(view, regrouped_articles - dirty, votes)
    old.update(old_votes)
    new.update(new_votes)
    changed = {p for p in set(old) | set(new) if old.get(p) != new.get(p)}
    near = {a for p in changed for a in p} | s_changed
    near |= {a for p in set(old) | set(new) if set(p) & s_changed for a in p}
    return _resolve(view, near)


def _reindex(conn) -> Changes:
    """Take changed articles out of the index and put them back as they are now."""
    ids = {r[0] for r in conn.execute("SELECT article_id FROM match_article_changes")}
    conn.execute("DELETE FROM match_article_changes")
    changes = Changes()
    if not ids:
        return changes
    fresh = _shingle_now(conn, ids)
    touched = {entry[0] for entry in fresh.values()}
    for chunk, marks in chunks(ids):
        touched.update(
            r[0]
            for r in conn.execute(
                f"SELECT outlet_id FROM reuse_articles WHERE article_id IN ({marks})", chunk
            )
        )
    touched.discard(None)
    sizes = rx.outlet_sizes(conn)
    changes.old_boiler = {o: rx.boilerplate(conn, o, sizes.get(o, 0)) for o in touched}
    for aid in sorted(ids):
        entry = rx.drop_article(conn, aid)
        if entry is not None:
            changes.removed[aid] = entry
    for aid, (outlet_id, shingles, size) in sorted(fresh.items()):
        rx.add_article(conn, aid, outlet_id, shingles, size)
        changes.added[aid] = (outlet_id, shingles)
    return changes


def _shingle_now(conn, ids: set[int]) -> dict[int, tuple[int | None, list[int], int]]:
    """(outlet, shingle list, size) of the given articles that exist, as the
    full match shingles them."""
    out = {}
    for chunk, marks in chunks(ids):
        spans: dict[int, list[tuple[int, int]]] = {}
        for aid, start, end in conn.execute(
            f'SELECT article_id, start, "end" FROM article_boilerplate WHERE article_id IN ({marks})',
            chunk,
        ):
            spans.setdefault(aid, []).append((start, end))
        for aid, outlet_id, text in conn.execute(
            f"SELECT id, outlet_id, text FROM articles WHERE id IN ({marks})", chunk
        ):
            out[aid] = (outlet_id, *article_shingles(text, spans.get(aid, [])))
    return out


def _boilerplate_moves(view: View, changes: Changes) -> dict[int, set[int]]:
    """Per touched outlet, the shingles that entered or left its boilerplate."""
    out = {}
    for outlet_id, before in changes.old_boiler.items():
        moved = before ^ view.boiler.get(outlet_id, set())
        if moved:
            out[outlet_id] = moved
    return out


def _new_sets(view: View, changes: Changes, delta: dict[int, set[int]]) -> set[int]:
    """Articles whose S changed: the changed ones, and those of an outlet
    holding a shingle that entered or left its boilerplate."""
    out = set(changes.articles)
    for outlet_id, moved in sorted(delta.items()):
        for shingle in sorted(moved):
            out.update(
                r[0]
                for r in view.conn.execute(
                    "SELECT article_id FROM reuse_postings WHERE shingle = ? AND outlet_id = ?",
                    [shingle, outlet_id],
                )
            )
    return out


def _df_crossings(view: View, changes: Changes, delta: dict[int, set[int]]) -> set[int]:
    """Articles holding a shingle whose df crossed MAX_SHINGLE_ARTICLES (in S
    before or after): the candidacy of their pairs may have changed.

    Only shingles of changed articles or of a boilerplate move can have a new
    df. Without a boilerplate set holding it, a shingle's postings are read
    up to a cap that proves it above MAX_SHINGLE_ARTICLES both before and
    after; with one, whole (rows of that outlet may not count)."""
    removed: dict[int, list[tuple[int, int | None]]] = {}
    for aid, (outlet_id, shingles) in changes.removed.items():
        for s in set(shingles):
            removed.setdefault(s, []).append((aid, outlet_id))
    added: Counter[int] = Counter()
    for _outlet, shingles in changes.added.values():
        added.update(set(shingles))
    moved = set().union(*delta.values()) if delta else set()
    old_boiler = {**view.boiler, **changes.old_boiler}
    out: set[int] = set()
    for s in sorted(set(removed) | set(added) | moved):
        whole = s in moved or view._boiler_somewhere(s)
        whole = whole or any(s in b for b in changes.old_boiler.values())
        limit = T.MAX_SHINGLE_ARTICLES + 2 + len(removed.get(s, ())) + added[s]
        rows = view.conn.execute(
            "SELECT article_id, outlet_id FROM reuse_postings WHERE shingle = ? LIMIT ?",
            [s, -1 if whole else limit],
        ).fetchall()
        if not whole and len(rows) >= limit:
            continue  # over the cap before and after
        after = [a for a, o in rows if s not in view.boiler.get(o, ())]
        then = [(a, o) for a, o in rows if a not in changes.added] + removed.get(s, [])
        before = [a for a, o in then if s not in old_boiler.get(o, ())]
        if (len(before) <= T.MAX_SHINGLE_ARTICLES) != (len(after) <= T.MAX_SHINGLE_ARTICLES):
            out.update(before)
            out.update(after)
    return out


def _reuse_of(row: tuple) -> Reuse:
    return Reuse(*row[2:])


def _stored_links(conn, ids: Iterable[int]) -> dict[tuple[int, int], Reuse]:
    """Raw links touching the given articles, by (lower id, higher id)."""
    out = {}
    for chunk, marks in chunks(ids):
        for column in ("article_id", "other_article_id"):
            for row in conn.execute(
                f"SELECT * FROM reuse_links WHERE {column} IN ({marks})", chunk
            ):
                out[(row[0], row[1])] = _reuse_of(row)
    return out


def _delete_links(conn, ids: Iterable[int]) -> None:
    for chunk, marks in chunks(ids):
        for column in ("article_id", "other_article_id"):
            conn.execute(f"DELETE FROM reuse_links WHERE {column} IN ({marks})", chunk)


def _relink(view: View, dirty: set[int], changes: Changes, votes):
    """Recompute every raw link of the dirty articles; (old, new) links of
    them and of the removed ones, by (lower id, higher id)."""
    gone = dirty | set(changes.removed)
    old = _stored_links(view.conn, gone)
    _delete_links(view.conn, gone)
    new: dict[tuple[int, int], Reuse] = {}
    for aid in sorted(dirty):
        for r in _links_of(view, aid, dirty, votes):
            new[tuple(sorted((r.earlier_article_id, r.later_article_id)))] = r
    rx.write_links(view.conn, new.values())
    return old, new


def _links_of(view: View, aid: int, dirty: set[int], votes) -> list[Reuse]:
    """One article's links by ``reuse.candidate_pairs``' rule, looked up in
    the postings: pairs sharing at least REUSE_MIN_SHARED_SHORT shingles in
    2..MAX_SHINGLE_ARTICLES articles' S, kept when they ``passes``. A pair
    with another dirty article is made once, from its lower id."""
    mine = view[aid]
    shared: Counter[int] = Counter()
    for s in mine:
        _df, ids = view.posting(s)
        if ids is not None and len(ids) > 1:
            shared.update(ids)
    shared.pop(aid, None)
    out = []
    for other in sorted(shared):
        if shared[other] < T.REUSE_MIN_SHARED_SHORT or (other in dirty and other < aid):
            continue
        link = _link(view, *sorted((aid, other)), votes)
        if link is not None:
            out.append(link)
    return out


def _link(view: View, x: int, y: int, votes) -> Reuse | None:
    """The link of a candidate pair x < y, None when it does not ``passes``."""
    sx, sy = view[x], view[y]
    common = sx & sy
    if not passes(len(common), len(sx), len(sy)):
        return None
    lists = {x: view.lists[x], y: view.lists[y]}
    sizes = (view.size(x), view.size(y))
    return make_link(view.sides[x], view.sides[y], sizes, common, lists, pair_vote(votes, x, y))


def _redirect(view: View, articles: set[int], votes):
    """Recompute the stored links between articles whose claims were
    regrouped (their direction votes may differ); (old, new) of them."""
    stored = _stored_links(view.conn, articles)
    old = {p: r for p, r in stored.items() if p[0] in articles and p[1] in articles}
    new = {}
    for x, y in sorted(old):
        link = _link(view, x, y, votes)
        if link is not None:  # still a candidate: neither S nor any df moved
            new[(x, y)] = link
    rx.write_links(view.conn, new.values())
    return old, new


def _resolve(view: View, near: set[int]) -> set[int]:
    """Redo the shared-source step for every raw link touching ``near`` and
    store the result in article_reuse; the articles whose rows changed."""
    conn = view.conn
    links = _stored_links(conn, near)
    ends = {a for pair in links for a in pair}
    into = []
    for chunk, marks in chunks(ends):
        for column in ("article_id", "other_article_id"):
            into.extend(
                _reuse_of(row)
                for row in conn.execute(
                    f"SELECT * FROM reuse_links WHERE {column} IN ({marks})"
                    f" AND later_article_id = {column}",
                    chunk,
                )
            )
    maps = source_maps(into)
    fresh = {reuse_row(resolve_shared(r, maps, view)) for r in links.values()}
    stale: set[tuple] = set()
    for chunk, marks in chunks(near):
        for column in ("earlier_article_id", "later_article_id"):
            stale.update(
                conn.execute(
                    f"SELECT {rx.LINK_COLUMNS} FROM article_reuse WHERE {column} IN ({marks})",
                    chunk,
                )
            )
            conn.execute(f"DELETE FROM article_reuse WHERE {column} IN ({marks})", chunk)
    conn.executemany(INSERT_REUSE, sorted(fresh))
    return {a for row in stale ^ fresh for a in row[:2]}
