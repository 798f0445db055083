"""Claims into groups: one group per reported statement.

Plain connected components would chain: an excerpt that fits two different
statements of one speaker (both opened with the same sentence) would join
them into one group. So confident pairs are merged strongest first, and two
groups merge only if their fullest versions (the longest claim of each) are
themselves a confident match and they hold no two claims of one article (an
article that reports two statements, a live blog's successive tallies, must
not see them merged through a third article quoting both). A person's confirmation merges regardless; a
rejection removes that pair's link.
"""

from __future__ import annotations

from collections.abc import Iterable

from loader.matching.candidates import ClaimItem, score_pair


class Groups:
    """Union-find over claim ids with a representative (longest claim) per group."""

    def __init__(self, items: Iterable[ClaimItem]) -> None:
        self.items = {c.id: c for c in items}
        self.parent = {i: i for i in self.items}
        self.fullest = {i: c for i, c in self.items.items()}
        self.articles = {i: {c.article_id} for i, c in self.items.items()}

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int, check: bool = True) -> bool:
        """Merge the groups of a and b; with check, only if their fullest versions agree."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        fa, fb = self.fullest[ra], self.fullest[rb]
        if check:
            if self.articles[ra] & self.articles[rb]:
                return False  # two claims of one article are two statements
            if {fa.id, fb.id} != {a, b} and not score_pair(fa.text, fb.text).auto:
                return False
        keep, drop = min(ra, rb), max(ra, rb)
        self.parent[drop] = keep
        self.fullest[keep] = max(fa, fb, key=lambda c: (c.text.length, -c.id))
        self.articles[keep] |= self.articles.pop(drop)
        return True

    def components(self) -> list[list[ClaimItem]]:
        members: dict[int, list[ClaimItem]] = {}
        for cid in sorted(self.items):
            members.setdefault(self.find(cid), []).append(self.items[cid])
        return list(members.values())


def build_groups(
    items: list[ClaimItem],
    auto_edges: dict[tuple[int, int], float],
    decisions: dict[tuple[int, int], str],
) -> list[list[ClaimItem]]:
    """Groups from confident pairs (id pair -> score) and people's decisions."""
    groups = Groups(items)
    for pair, state in sorted(decisions.items()):
        if state == "confirmed":
            groups.union(*pair, check=False)
    for pair, _score in sorted(auto_edges.items(), key=lambda e: (-e[1], e[0])):
        if decisions.get(pair) != "rejected":
            groups.union(*pair)
    return groups.components()
