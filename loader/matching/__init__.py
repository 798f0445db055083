"""Same claim across outlets: groups, quote fidelity, article reuse, signals.

Data flows one way: ``match`` reads articles and claims, and rewrites the
derived tables (claim_groups, claim_group_suggestions, article_reuse and the
claims' group_id/fidelity/diff) in one transaction. Human input (verdicts,
suggestion decisions) is stored against stable claim keys, never group ids,
so it survives re-loading and re-matching. See docs/matching.md.
"""

from loader.matching.run import MatchSummary, match

__all__ = ["MatchSummary", "match"]
