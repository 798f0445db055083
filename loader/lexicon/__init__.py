"""Word lists as data: every word the rules look for, each list defined once.

Like spaCy's ``lang/en/`` modules, these are plain Python data modules with no
logic: the rules elsewhere refer to words only through them, so "is 'readout'
a cue word?" is one search. One module per kind of word (cue words, quote marks
and dashes, titles and roles, ...); see docs/architecture.md.
"""
