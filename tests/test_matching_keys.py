"""Stable claim keys follow a claim whose span moved, never a neighbour."""

from __future__ import annotations

from loader.matching.keys import KeyIndex, claim_key


def test_keys_resolve_exact_moved_and_gone():
    index = KeyIndex([(1, "h1", 10, 60), (2, "h1", 70, 120), (3, "h2", 10, 60)])
    assert index.resolve(claim_key("h1", 10, 60)) == 1
    assert index.resolve(claim_key("h1", 15, 60)) == 1  # a trimmed "that "
    assert index.resolve(claim_key("h1", 62, 118)) == 2
    assert index.resolve(claim_key("h1", 55, 75)) is None  # straddles two claims
    assert index.resolve(claim_key("h3", 10, 60)) is None  # article gone
    assert index.resolve(claim_key("h1", 200, 260)) is None  # claim gone


def test_group_summary_drops_that_quote_marks_and_the_quote_comma():
    from loader.matching.run import _summary

    assert _summary("“We are working to reach an agreement with Iraq,”") == (
        "We are working to reach an agreement with Iraq"
    )
    assert _summary("that Iran is ready to expand ties") == "Iran is ready to expand ties"
