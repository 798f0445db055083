"""Provenance on real wire copy: the METER showbiz corpus (issue 15).

Press Association wire stories and the UK papers' stories on the same events,
1999-2000: ``PA/<date>/<story>/...`` is the wire, ``newspapers/<date>/<story>/
<story><n>_<paper>.txt`` the papers; the story folder says which wire story
each paper's story belongs to, and reuse runs wire -> papers. Prints:

- top earlier: share of papers with an earlier article whose top earlier
  article (highest containment, directed links) is a wire story of their own
  story (target >= 0.95);
- direction: share of same-story wire-paper links that run wire -> paper
  with a decided basis (target >= 0.95);
- linked: share of same-story wire-paper pairs over the reuse thresholds
  (computed exactly, all pairs of each story, on the same shingles) that
  article_reuse holds (target >= 0.95);
- copied: links between two papers that rewrote the same wire story (each
  linked to one wire article of the corpus) that say one took wording from
  the other (target 0: they share a source), beside the undetermined and
  shared-source ones; then the same for every pair of papers of one story
  (some share wording from wire takes the corpus does not hold, or only
  names and titles: nothing in the corpus says which came first).

    PYTHONPATH=. .venv/bin/python bench/bench_provenance.py [CORPUS] --db /tmp/meter.db
        [--outlets manifest|stated]

The corpus is read in place, never copied. The database is loaded with
``diplo load --fallback-encoding cp1252`` when it does not exist yet. With
``--outlets manifest`` (the default) the load gets a manifest, written to a
temporary folder, naming each file's outlet from the corpus layout (``PA``
for the wire, the paper from the file name's suffix), as an archivist would
state it; ``stated`` loads the files alone, so outlets are only what the text
states.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from loader.matching import thresholds as T
from loader.matching.reuse import shingle_list

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "meter-showbiz"
PAPERS = {
    "sun": "The Sun",
    "star": "Daily Star",
    "mirror": "Daily Mirror",
    "mail": "Daily Mail",
    "express": "Daily Express",
    "telegraph": "The Daily Telegraph",
    "times": "The Times",
    "guardian": "The Guardian",
    "independent": "The Independent",
}
_PAPER_FILE = re.compile(r"_(\w+)\.txt$")


def story_of(path: str) -> tuple[str, str, str] | None:
    """(side "wire"/"paper", date folder, story folder), or None (a readme)."""
    parts = Path(path).parts
    for side, folder in (("wire", "PA"), ("paper", "newspapers")):
        if folder in parts:
            i = parts.index(folder)
            if len(parts) - i == 4:
                return side, parts[i + 1], parts[i + 2]
    return None


def write_manifest(corpus: Path, folder: Path) -> Path:
    """File name -> outlet, from the corpus layout (bare names: the wire's
    repeated file names all belong to PA, a paper's to that paper)."""
    lines = []
    for path in sorted(corpus.rglob("*.txt")):
        place = story_of(str(path))
        if place is None:
            continue
        if place[0] == "wire":
            outlet = "PA"
        else:
            m = _PAPER_FILE.search(path.name)
            outlet = PAPERS.get(m.group(1)) if m else None
        if outlet:
            lines.append(f"{path.name}: {{outlet: {outlet!r}}}")
    manifest = folder / "manifest.yml"
    manifest.write_text("\n".join(sorted(set(lines))) + "\n", encoding="utf-8")
    return manifest


def load(corpus: Path, db: Path, outlets: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "loader", "load", str(db), str(corpus)]
        cmd += ["--fallback-encoding", "cp1252"]
        if outlets == "manifest":
            cmd += ["--manifest", str(write_manifest(corpus, Path(tmp)))]
        subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)


def exact_pairs(conn, place: dict[int, tuple], stories: dict[int, set]) -> set[tuple[int, int]]:
    """Same-story (wire, paper) pairs over the reuse thresholds, all pairs
    compared: shared shingles >= REUSE_MIN_SHARED and the shorter text's
    containment >= REUSE_MIN_CONTAINMENT, or (a brief) shared >= 4 making
    half the shorter text."""
    boiler: dict[int, list] = defaultdict(list)
    for aid, start, end in conn.execute('SELECT article_id, start, "end" FROM article_boilerplate'):
        boiler[aid].append((start, end))
    sets = {
        aid: set(shingle_list(text, boiler[aid]))
        for aid, text in conn.execute("SELECT id, text FROM articles")
        if aid in place
    }
    out = set()
    for w, (side_w, _date_w, _story_w) in place.items():
        if side_w != "wire":
            continue
        for p, (side_p, _date_p, _story_p) in place.items():
            if side_p != "paper" or not same_story(stories, w, p):
                continue
            shared = len(sets[w] & sets[p])
            shorter = min(len(sets[w]), len(sets[p])) or 1
            share = shared / shorter
            if (shared >= 8 and share >= 0.05) or (shared >= 4 and share >= 0.5):
                out.add((w, p))
    return out


def stories_of_copies(conn, corpus: Path, place: dict[int, tuple]) -> dict[int, set]:
    """Every (date, story) folder an article's file is in, copies included.

    The corpus holds some wire takes twice, byte for byte, under two story
    folders (PA/10.08.99/bbcstreet/ repeats the bbc and street takes: its
    readme says the bbcstreet papers combine both catchlines). The loader
    stores identical files once, under the first file's name, so the one
    article belongs to each folder that holds a copy."""
    by_bytes: dict[bytes, set] = defaultdict(set)
    for path in corpus.rglob("*.txt"):
        if (story := story_of(str(path))) is not None:
            by_bytes[path.read_bytes()].add(story[1:])
    out = {aid: {story[1:]} for aid, story in place.items()}
    for aid, path in conn.execute("SELECT id, source_file FROM articles"):
        if aid in place and Path(path).is_file():
            out[aid] |= by_bytes.get(Path(path).read_bytes(), set())
    return out


def same_story(stories: dict[int, set], a: int, b: int) -> bool:
    return bool(stories.get(a, set()) & stories.get(b, set()))


def evaluate(db: Path, corpus: Path) -> dict[str, object]:
    conn = sqlite3.connect(db)
    place = {
        aid: story
        for aid, path in conn.execute("SELECT id, source_file FROM articles")
        if (story := story_of(path)) is not None
    }
    stories = stories_of_copies(conn, corpus, place)
    links = conn.execute(
        """SELECT earlier_article_id, later_article_id, containment, basis FROM article_reuse"""
    ).fetchall()
    directed = [link for link in links if not link[3].startswith(("undetermined", "shared source"))]
    figures: dict[str, object] = {}
    figures.update(_top_earlier(place, stories, directed))
    figures.update(_direction(place, stories, links))
    wanted = exact_pairs(conn, place, stories)
    have = {frozenset(link[:2]) for link in links}
    got = sum(1 for pair in wanted if frozenset(pair) in have)
    figures["linked"] = (got, len(wanted))
    figures.update(_paper_pairs(place, stories, links))
    figures["links"] = len(links)
    figures["outlets"] = dict(
        conn.execute(
            """SELECT coalesce(o.name, '(unknown)'), count(*) FROM articles a
               LEFT JOIN outlets o ON o.id = a.outlet_id GROUP BY 1 ORDER BY 2 DESC"""
        ).fetchall()
    )
    return figures


def _top_earlier(place, stories, directed) -> dict[str, object]:
    best: dict[int, tuple[float, int]] = {}
    for earlier, later, containment, _basis in directed:
        if later in place and place[later][0] == "paper":
            best[later] = max(best.get(later, (-1.0, 0)), (containment, -earlier))
    right = paper_top = other_folder = 0
    for paper, (_c, neg_earlier) in best.items():
        top = place.get(-neg_earlier)
        if top and top[0] == "wire" and same_story(stories, -neg_earlier, paper):
            right += 1
        elif top and top[0] == "paper":
            paper_top += 1
        elif top and top[0] == "wire":
            other_folder += 1
    papers = sum(1 for p in place.values() if p[0] == "paper")
    return {
        "top_earlier": (right, len(best)),
        "top_is_paper": paper_top,
        "top_other_wire": other_folder,
        "papers": papers,
    }


def _direction(place, stories, links) -> dict[str, object]:
    right = total = 0
    bases: dict[str, int] = defaultdict(int)
    for earlier, later, _c, basis in links:
        a, b = place.get(earlier), place.get(later)
        if not (a and b) or not same_story(stories, earlier, later):
            continue
        if {a[0], b[0]} != {"wire", "paper"}:
            continue
        total += 1
        ok = a[0] == "wire" and not basis.startswith(("undetermined", "shared source"))
        right += ok
        bases[re.sub(r" \(.*|: .*", "", basis) + (" (right)" if ok else " (wrong)")] += 1
    return {"direction": (right, total), "direction_bases": dict(bases)}


def _kind(basis: str) -> str:
    if basis.startswith("shared source"):
        return "shared source"
    return "undetermined" if basis.startswith("undetermined") else "copied"


def _paper_pairs(place, stories, links) -> dict[str, object]:
    """Links between two papers of one story: all of them, and those between
    papers that rewrote the same wire story (each has a link from one wire
    article of the corpus, whatever its direction)."""
    wires_of: dict[int, set[int]] = defaultdict(set)
    for earlier, later, _c, _basis in links:
        for paper, other in ((later, earlier), (earlier, later)):
            if place.get(paper, ("",))[0] == "paper" and place.get(other, ("",))[0] == "wire":
                wires_of[paper].add(other)
    every: dict[str, int] = defaultdict(int)
    same_wire: dict[str, int] = defaultdict(int)
    for earlier, later, _c, basis in links:
        a, b = place.get(earlier), place.get(later)
        if a and b and a[0] == b[0] == "paper" and same_story(stories, earlier, later):
            every[_kind(basis)] += 1
            if wires_of[earlier] & wires_of[later]:
                same_wire[_kind(basis)] += 1
    return {"paper_pairs": dict(every), "same_wire_pairs": dict(same_wire)}


def _share(pair: tuple[int, int]) -> str:
    got, total = pair
    return f"{got / total:.3f} ({got}/{total})" if total else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--db", required=True, help="database; loaded first if missing")
    parser.add_argument("--outlets", choices=("manifest", "stated"), default="manifest")
    args = parser.parse_args()
    db = Path(args.db)
    if not db.exists():
        load(Path(args.corpus), db, args.outlets)
    f = evaluate(db, Path(args.corpus))
    print(f"articles: {f['papers']} papers; outlets {f['outlets']}")
    print(f"reuse links: {f['links']}")
    print(f"top earlier is own story's wire: {_share(f['top_earlier'])}")
    print(f"  papers whose top earlier is another paper: {f['top_is_paper']}")
    print(f"  papers whose top earlier is a wire story of another folder: {f['top_other_wire']}")
    print(f"direction wire -> paper (same story): {_share(f['direction'])}")
    for basis, n in sorted(f["direction_bases"].items()):
        print(f"  {n:5d}  {basis}")
    print(f"same-story wire-paper pairs over thresholds linked: {_share(f['linked'])}")
    for label, key in (
        ("links between papers rewriting one wire story", "same_wire_pairs"),
        ("all same-story paper-paper links", "paper_pairs"),
    ):
        pairs = f[key]
        print(
            f"{label}: copied {pairs.get('copied', 0)}, "
            f"undetermined {pairs.get('undetermined', 0)}, "
            f"shared source {pairs.get('shared source', 0)}"
        )
    print(f"(thresholds: REUSE_MIN_SHARED {T.REUSE_MIN_SHARED})")


if __name__ == "__main__":
    main()
