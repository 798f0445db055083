"""Which stored URLs may become links: http and https only.

Article URLs come from front matter and manifests, verdict evidence from the
command line; either can say ``javascript:alert(1)``, and a link made of it
runs the script when clicked. Every place that turns a stored URL into a link
or an export (the pages, render_cell, ``diplo export claimreview``) asks
:func:`http_url` first and shows anything else as plain text.

The check reads the URL the way a browser does (the WHATWG URL parser): it
strips leading and trailing C0 control characters and spaces, and removes
tabs and newlines anywhere, before reading the scheme; so ``" JavaScript:"``,
``"\\x01javascript:"`` and ``"java\\tscript:"`` are all refused, and what is
returned is that cleaned URL, the one the browser would follow.

This module imports nothing beyond the standard library so the loader can use
it without the rest of the plugin.
"""

from __future__ import annotations

import re

LINK_SCHEMES = ("http", "https")

# C0 control characters and space: what the URL parser strips from both ends.
_C0_OR_SPACE = "".join(chr(c) for c in range(0x21))
# ASCII tab and newline: what it removes anywhere in the input.
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
# A scheme: an ASCII letter, then letters, digits, "+", "-" or ".", then ":".
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


def http_url(value: object) -> str | None:
    """The URL as a browser would follow it when its scheme is http or https, else None.

    None also for anything that is not a string, and for a URL with no scheme
    (a relative link would resolve against the Datasette page, not the
    article's site).
    """
    if not isinstance(value, str):
        return None
    url = _TAB_OR_NEWLINE.sub("", value.strip(_C0_OR_SPACE))
    m = _SCHEME.match(url)
    if m is None or m.group(1).lower() not in LINK_SCHEMES:
        return None
    return url
