"""The text layer: what the rules read in plain text, with no parser.

Modules here take strings and character offsets, never a spaCy ``Doc``, so
any stage (metadata, boilerplate, attribution, matching) can use them
without loading spaCy: ``datelines`` (the one dateline detector) and
``quotes`` (the one quote finder). See docs/architecture.md.
"""
