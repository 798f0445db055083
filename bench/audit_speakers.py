"""Audit the speakers a load produced: the mistakes a reader of the speaker
pages would notice first, counted.

There is no gold standard for who is who across PolNeAR, so this counts
symptoms that are wrong whatever the truth is:

* person names that are not a plain name (a title, an honorific, a number, a
  possessive or a dateline dash in ``speakers.name``);
* person rows whose aliases give both genders ("Mr. Clinton" and "Mrs. Clinton");
* aliases that name something a person owns or someone related to them
  ("Donald Trump's wife") rather than the person;
* pairs of person rows that should be one: same surname key and given names
  that fit ("Donald J. Trump" beside "Donald Trump").

    diplo load /tmp/train.db ../shared/eval/polnear/train/text/
    python bench/audit_speakers.py /tmp/train.db [--examples 5]
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
from collections import defaultdict

POSSESSIVE_NOUN = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+)*[a-z][\w-]*$")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("--examples", type=int, default=5)
    args = ap.parse_args()

    from loader.names import given_compatible, name_tokens
    from loader.speakers import SpeakerKey, _genders, _plain_name

    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    people = conn.execute(
        """SELECT s.id, s.name, s.key, count(c.id) FROM speakers s
           LEFT JOIN claims c ON c.speaker_id = s.id
           WHERE s.kind = 'person' GROUP BY s.id"""
    ).fetchall()
    aliases: dict[int, list[str]] = defaultdict(list)
    for speaker_id, alias in conn.execute("SELECT speaker_id, alias FROM speaker_aliases"):
        aliases[speaker_id].append(alias)
    named = [p for p in people if len(name_tokens(p[1])) > 1]

    def show(title: str, rows: list, fmt) -> None:
        print(f"{title}: {len(rows)}")
        for row in sorted(rows, key=lambda r: -r[-1])[: args.examples]:
            print("    " + fmt(row))

    print(
        f"person rows: {len(people)} ({len(named)} with a full name), claims: "
        f"{sum(p[3] for p in people)}"
    )
    show(
        "person names that are not a plain name",
        [p for p in named if not SpeakerKey.parse(p[2]).role and not _plain_name(p[1])],
        lambda p: f"{p[1]!r} ({p[3]} claims)",
    )
    show(
        "person rows with aliases of both genders",
        [p for p in people if len(_genders(aliases[p[0]])) > 1],
        lambda p: f"{p[1]!r} ({p[3]} claims)",
    )
    owned = [
        (p[1], a, p[3])
        for p in people
        for a in aliases[p[0]]
        if POSSESSIVE_NOUN.search(a) and not a.lower().endswith(("'s", "’s"))
    ]
    show("person aliases that are a possessive phrase", owned, lambda r: f"{r[1]!r} on {r[0]!r}")
    by_surname: dict[str, list] = defaultdict(list)
    for p in named:
        by_surname[p[2].split("|")[0]].append(p)
    split = [
        (a[1], b[1], a[3] + b[3])
        for rows in by_surname.values()
        for i, a in enumerate(rows)
        for b in rows[i + 1 :]
        if given_compatible(name_tokens(a[1])[:-1], name_tokens(b[1])[:-1])
    ]
    show("pairs of person rows that fit one name", split, lambda r: f"{r[0]!r} / {r[1]!r}")
    print("most quoted people:")
    for p in sorted(people, key=lambda p: -p[3])[:15]:
        print(f"    {p[3]:5d}  {p[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
