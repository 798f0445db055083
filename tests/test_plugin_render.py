"""Unit tests of the pieces the page templates print."""

from __future__ import annotations

from datasette_diplo.data import conflict_figures
from datasette_diplo.render import diff_segments, text_segments


def _claim(cid, start, end, kind="direct"):
    return {"claim_id": cid, "content_start": start, "content_end": end, "kind": kind}


def test_text_segments_cover_the_text_once_and_keep_every_anchor():
    text = "He said that the talks went well and that 15 MoUs were signed."
    claims = [_claim(1, 8, 62), _claim(2, 13, 31), _claim(3, 41, 62)]  # 2 and 3 inside 1
    pieces = text_segments(text, claims)
    assert "".join(p["text"] for p in pieces) == text
    anchored = [p["claim"]["claim_id"] for p in pieces if p["claim"]]
    assert sorted(anchored) == [1, 2, 3]
    assert [p["text"] for p in pieces if p["claim"] and p["claim"]["claim_id"] != 1] == ["", ""]


def test_text_segments_clamp_offsets_outside_the_text():
    pieces = text_segments("short", [_claim(1, 2, 99)])
    assert [(p["text"], bool(p["claim"])) for p in pieces] == [("sh", False), ("ort", True)]


def test_diff_segments_mark_conflicting_figures_inside_diff_pieces():
    version = {"content": "14 MoUs", "diff": [["-", "15"], ["+", "14"], ["=", " MoUs, not 150"]]}
    segs = diff_segments(version, ["15", "14"])
    assert [(s["op"], s["text"], s["conflict"]) for s in segs] == [
        ("-", "15", True),
        ("+", "14", True),
        ("=", " MoUs, not 150", False),  # 150 is a different number
    ]


def test_diff_segments_fall_back_to_plain_content():
    for diff in (None, "not json", [["?", "x"]]):
        segs = diff_segments({"content": "as said", "diff": diff}, [])
        assert segs == [{"op": "=", "text": "as said", "conflict": False}]


def test_conflict_figures_from_the_matcher_shape_ignore_claim_ids():
    conflict = [
        {"kind": "figure", "value": "15", "claim_ids": [4, 7]},
        {"kind": "date", "value": "Tuesday", "claim_ids": [5]},
    ]
    assert conflict_figures(conflict) == ["15", "Tuesday"]
    assert conflict_figures(None) == []
    assert conflict_figures({"figures": [["15"], ["14"]]}) == ["15", "14"]
