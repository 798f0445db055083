"""Every number that decides a match, in one place (documented in docs/matching.md).

They are module constants rather than options because a threshold changes what
the data means: two databases matched with different values are not
comparable. Change them here, re-run the benchmarks, and update the docs.
"""

from __future__ import annotations

# --- Claim grouping -------------------------------------------------------

# Texts shorter than this (in words) are never grouped automatically: short
# phrases ("the talks were constructive") recur as different statements.
MIN_AUTO_WORDS = 8

# Pair score (0..1, see candidates.score_pair) at or above which two claims by
# the same speaker are grouped without asking anyone.
AUTO_SCORE = 0.75

# Pair score at or above which a pair that is not grouped automatically is
# stored as a suggestion for a person to confirm or reject.
SUGGEST_SCORE = 0.5

# Weights of the two parts of the pair score: weighted word containment of the
# shorter text in the longer, and word-bigram containment (word order).
WORD_WEIGHT = 0.75
BIGRAM_WEIGHT = 0.25

# Weight of a function word relative to a content word in word containment:
# sharing "the", "is", "to" says little about sharing a statement.
STOPWORD_WEIGHT = 0.2

# Claims whose dates (article publication, else the date the claim states)
# are further apart than this are not compared. Unknown dates never block.
TIME_WINDOW_DAYS = 30

# Reports whose figures differ are grouped (as ``conflicting``) only when
# their dates are at most this many days apart (or unknown); further apart,
# a different figure is more likely an update, and the pair is only suggested.
CONFLICT_WINDOW_DAYS = 3

# Candidate generation: a word bigram found in more claims than this within one
# speaker's block is too common to find candidates with ("of the").
MAX_POSTING = 200

# Candidate generation: pairs must share at least this many word bigrams.
MIN_SHARED_BIGRAMS = 2

# Conflicting figures are checked between every pair of a group up to this
# size; larger groups compare each claim with the group's earliest version.
MAX_PAIRWISE_GROUP = 60

# A stored claim key (verdicts, decisions) follows its claim to a moved span
# only when at least this share of the shorter span still overlaps: enough to
# follow a trimmed "that", not to jump to a neighbouring claim.
MIN_SPAN_OVERLAP = 0.5

# --- Quote fidelity -------------------------------------------------------

# A quote that differs from the earliest version by at most this many word
# edits (inserted, deleted or replaced words, truncation at either end not
# counted) is "near-verbatim"; more is "altered".
NEAR_VERBATIM_EDITS = 2

# --- Article reuse --------------------------------------------------------

# Shingle length in words for article reuse.
SHINGLE_WORDS = 3

# A shingle found in at least this many articles of one outlet (and in at
# least BOILERPLATE_OUTLET_SHARE of them) is that outlet's boilerplate.
BOILERPLATE_MIN_ARTICLES = 3
BOILERPLATE_OUTLET_SHARE = 0.1

# A shingle found in more articles than this is stock phrasing, not reuse.
MAX_SHINGLE_ARTICLES = 50

# Article pairs are stored when they share at least this many shingles and
# the shorter text's containment in the other reaches REUSE_MIN_CONTAINMENT,
# or (a brief) they share at least REUSE_MIN_SHARED_SHORT shingles making at
# least REUSE_SHORT_CONTAINMENT of the shorter text. Candidates are found
# from exact shingle postings: every pair over these thresholds is found.
REUSE_MIN_SHARED = 8
REUSE_MIN_CONTAINMENT = 0.05
REUSE_MIN_SHARED_SHORT = 4
REUSE_SHORT_CONTAINMENT = 0.5

# A later article whose containment in an earlier one from another outlet is
# at least this is a copy of it: its outlet is not an independent source.
COPY_CONTAINMENT = 0.1

# When no publication dates decide the direction, the two containments must
# differ by at least this much (absolute) to call one article the derived one.
ASYMMETRY_MARGIN = 0.02
