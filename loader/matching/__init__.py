"""Same claim across outlets: groups, quote fidelity, article reuse, signals.

Data flows one way: ``match`` reads articles and claims, and rewrites the
derived tables (claim_groups, claim_group_suggestions, article_reuse and the
claims' group_id/fidelity/diff) in one transaction. Human input (verdicts,
suggestion decisions) is stored against stable claim keys, never group ids,
so it survives re-loading and re-matching. See docs/matching.md.
"""

# Imported on first use, not here: the plugin reads loader.matching.direction
# (which link has a direction) in a container with only Datasette installed,
# where run's sqlite-utils is absent.


def __getattr__(name: str):
    if name in ("match", "MatchSummary"):
        from loader.matching import run

        return getattr(run, name)
    raise AttributeError(f"module 'loader.matching' has no attribute {name!r}")


__all__ = ["MatchSummary", "match"]
