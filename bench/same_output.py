"""Prove a refactor changed nothing: extraction and speaker output against a reference.

A change meant to move code (not behaviour) must leave every attribution and
every speaker assignment exactly as it was. This script records both from the
current code and compares them with a reference recorded from main before the
change:

* ``diplo extract --format jsonl`` over PolNeAR train and dev text (every
  attribution with its offsets, cue, speaker mention and kind);
* every claim's speaker after a PolNeAR train load (article file, content
  offsets -> speaker name, kind and key), i.e. the cross-article merging too.

    python bench/same_output.py record /tmp/ref        # on main, before the change
    python bench/same_output.py compare /tmp/ref       # after: prints differences

``--polnear`` points at the corpus (default ``../shared/eval/polnear``);
``--no-load`` skips the train load (minutes) when only extraction matters.
Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

SPLITS = ("train", "dev")


def _extract(polnear: Path, split: str, out: Path) -> None:
    text_dir = polnear / split / "text"
    with out.open("w", encoding="utf-8") as f:
        subprocess.run(
            [sys.executable, "-m", "loader", "extract", str(text_dir), "--format", "jsonl"],
            stdout=f,
            check=True,
        )


def _speakers(polnear: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "train.db"
        subprocess.run(
            [sys.executable, "-m", "loader", "load", str(db), str(polnear / "train" / "text")],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        conn = sqlite3.connect(db)
        rows = conn.execute(
            """select a.source_file, c.content_start, c.content_end, c.kind,
                      s.name, s.kind, s.key, c.relayed_by
               from claims c join articles a on a.id = c.article_id
               left join speakers s on s.id = c.speaker_id
               order by a.source_file, c.content_start, c.content_end, c.kind"""
        ).fetchall()
        conn.close()
    with out.open("w", encoding="utf-8") as f:
        for row in rows:
            name = Path(row[0]).name
            f.write(json.dumps([name, *row[1:]], ensure_ascii=False) + "\n")


def record(polnear: Path, folder: Path, load: bool) -> None:
    """Write the current output into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for split in SPLITS:
        _extract(polnear, split, folder / f"extract-{split}.jsonl")
    if load:
        _speakers(polnear, folder / "speakers-train.jsonl")


def _lines(path: Path) -> list[str]:
    """The file's lines, an extract line's path reduced to its file name, so a
    reference recorded with another spelling of the corpus path still compares."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if isinstance(row, dict) and "path" in row:
            row["path"] = Path(row["path"]).name
        out.append(json.dumps(row, ensure_ascii=False))
    return out


def _compare_file(ref: Path, new: Path, limit: int = 20) -> int:
    a = _lines(ref)
    b = _lines(new)
    if a == b:
        print(f"{ref.name}: identical ({len(a)} lines)")
        return 0
    diff = list(difflib.unified_diff(a, b, str(ref), str(new), lineterm="", n=0))
    changed = sum(1 for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---"))
    print(f"{ref.name}: {changed} lines differ")
    for line in diff[: limit + 2]:
        print("  " + line[:300])
    return 1


def compare(polnear: Path, folder: Path, load: bool) -> int:
    """Record the current output beside the reference and report differences."""
    with tempfile.TemporaryDirectory() as tmp:
        now = Path(tmp)
        record(polnear, now, load)
        status = 0
        for ref in sorted(folder.glob("*.jsonl")):
            if not load and ref.name.startswith("speakers"):
                continue
            status |= _compare_file(ref, now / ref.name)
    return status


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("record", "compare"))
    ap.add_argument("folder", type=Path)
    ap.add_argument("--polnear", type=Path, default=Path("../shared/eval/polnear"))
    ap.add_argument("--no-load", action="store_true")
    args = ap.parse_args()
    if not (args.polnear / "train" / "text").is_dir():
        print(f"{args.polnear}: no PolNeAR corpus there", file=sys.stderr)
        return 2
    if args.mode == "record":
        record(args.polnear, args.folder, not args.no_load)
        return 0
    return compare(args.polnear, args.folder, not args.no_load)


if __name__ == "__main__":
    sys.exit(main())
