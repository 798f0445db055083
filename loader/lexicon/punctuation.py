"""Quote marks, dashes and sentence punctuation: each set defined once.

The sets below grew apart in the modules that used them, and some still
differ on purpose or by drift; each name says which job its set does, and
where two sets for one job differ the comment says how (merging them changes
output, so that is a separate, measured step).
"""

from __future__ import annotations

# --- quote marks ---------------------------------------------------------------

# Double quote marks in text: straight, curly, guillemets, low-9 and reversed-9.
QUOTE_MARKS = '"“”«»„‟'
# The quote finder's marks by direction (loader/text/quotes.py).
OPENING_MARKS = "“«„"
CLOSING_MARKS = "”»‟"
STRAIGHT_MARK = '"'
# Characters after which a straight mark opens a quote (besides whitespace).
OPENING_CONTEXT = "([{—–-:;,/"
# The quote finder's conventions (loader/text/quotes.py), by opening
# mark: the marks that may close it. “…” (and the typo “…“), „…“ or „…”
# (German, Polish), «…», ‹…›, ‚…‘; straight and doubled-apostrophe marks
# and the wire's ``…'' are rules of their own there.
CURLY_DOUBLE_OPEN = "“"
CURLY_DOUBLE_CLOSE = "”"
PAIRED_MARKS = {"„": "“”", "«": "»", "‹": "›", "‚": "‘’"}
WIRE_OPEN = "``"
DOUBLED_APOSTROPHE = "''"
# Single marks: an opening one may be an apostrophe eliding a word's start
# ('90s, rock 'n' roll, 'em), a closing one the apostrophe of a plural
# possessive (the Beckhams' home) or of a word's end (it's, o'clock).
SINGLE_OPEN = "‘'"
SINGLE_LOW = "‚"
# Every closing mark, of any convention (what may end a report before a quote).
CLOSING_QUOTE_MARKS = "”»›’'\"“‘"
SINGLE_CLOSE = "'’"
# Word starts after which an opening single mark is an apostrophe.
ELIDED_STARTS = ("n'", "n’", "em", "til", "cause", "cos", "tis", "twas", "ello", "ere", "appen")
# Quote tokens as spaCy writes them, by direction (the line-break component).
OPENING_QUOTE_TOKENS = frozenset(["“", "``"])
CLOSING_QUOTE_TOKENS = frozenset(["”"])
STRAIGHT_QUOTE_TOKENS = frozenset(['"', "''"])
# Single and double marks, straight and curly, stripped from a claim's ends
# before matching (loader/matching/run.py) and from a page's headline.
STRIPPED_QUOTES = "\"“”‘’'"
# Every mark the PolNeAR scorer strips from span edges and reads as quoting,
# single marks, angle quotes and the backtick included (loader/eval_polnear.py).
EVAL_QUOTE_MARKS = "\"'“”‘’«»„‟‹›`"
# What the scorer trims from span edges for its "loose" criterion: space,
# punctuation, dashes, brackets and those quote marks.
EVAL_EDGE = " \t\r\n.,;:!?-—–()[]" + EVAL_QUOTE_MARKS

# --- dashes --------------------------------------------------------------------

# What span trimming drops at a span's edges: space, commas, colons, dashes.
EDGE_TRIM = " \t\r\n,;:—–-"
# Sentence-final marks trimmed from a content's end.
END_TRIM = ".!?"
# Marks that set a modifier off from the name before it ("Barkley, who ...").
SET_OFF = (",", "--", "—", "–")
# Dash tokens: em and en dashes, a doubled hyphen, a hyphen standing alone.
DASHES = frozenset(["—", "–", "--", "-"])
# The dash tokens that are never a hyphen ("ERBIL (Kurdistan24) — Iranian ...").
LONG_DASHES = DASHES - {"-"}
# What closes an apposition after a name (", the Iranian president,"):
# clause punctuation, a bracket or a long dash (loader/attribution/coref_text.py).
APPOSITION_ENDS = frozenset([",", ".", ";", ")", "("]) | LONG_DASHES
# What closes the title inside an apposition ("an economist, who ..."): a
# comma, a semicolon, an opening bracket or a long dash.
TITLE_ENDS = frozenset([",", ";", "("]) | LONG_DASHES
# Marks that make a phrase a list or a clause, not a short name ("Jane Doe,
# the mayor", "Doe (D-Ore.)", "Doe; Roe"): loader/attribution/coref_text.py.
PHRASE_BREAKS = frozenset([",", "(", ";"])
# The dash after a dateline's place ("RIYADH, Nov 12 (Reuters) - ..."): one
# of these, or two hyphens (loader/text/datelines.py).
DATELINE_DASHES = DASHES
# The marks a horizontal rule is drawn with ("-----", "=====", "— — —").
RULE_MARKS = "-=_*~—–"
# The dash opening a signature line under a quote ("- Bernie Sanders").
SIGNATURE_DASHES = frozenset("- — –".split())
# A dash between spaces closing an inserted phrase ("John Podesta — Clinton's
# chief of staff —"), longest first as they are tried.
SPACED_DASHES = (" — ", " -- ", " – ", " - ")

# --- sentence ends -------------------------------------------------------------

# Tokens after which a sentence may end inside a line.
SENTENCE_ENDS = frozenset([".", "!", "?", "…", ";", ":"])
# What ends a sentence or introduces speech at the end of a line (closing
# quotes and brackets aside): such a line is no headline.
LINE_ENDS = frozenset([".", "!", "?", "…", ":"])
# Closing quotes and brackets looked past at a line's end.
CLOSERS = frozenset(['"', "”", "’", "'", ")", "]"])
