"""YAML for the files users hand the loader: front matter, manifests, aliases files.

``yaml.safe_load`` is not safe enough for input we do not control:

* it builds ``datetime`` objects, so ``published: 2024-13-45`` (or
  ``2024-02-30``, ``T25:61:00``) raises ``ValueError`` from deep inside
  PyYAML instead of a YAML error;
* it turns ``yes`` into ``True``, ``0123`` into 83 and ``1:20`` into 80, so a
  title or a file name would be stored changed;
* aliases are expanded on use, so a 400-byte "billion laughs" document
  becomes a 226 MB title once joined into text, and one level more a
  ``MemoryError``;
* nesting is composed recursively, so ``[[[[...`` raises ``RecursionError``.

:func:`load` reads every plain scalar as text: every field these files hold
is text, and dates go through :func:`loader.metadata.normalise_date` like any
other value. Only an empty value, ``~`` or ``null`` means no value, and ``<<``
still merges a mapping. It refuses documents whose aliases would expand to more
than :data:`MAX_EXPANDED_NODES` values or that nest deeper than
:data:`MAX_DEPTH`, and strings holding a NUL or a lone surrogate
(``"\\ud800"``, which SQLite cannot store as UTF-8). Every refusal is a
``yaml.YAMLError``, so callers have one exception to turn into one line.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor

MAX_EXPANDED_NODES = 1_000_000  # values, aliases expanded: a manifest of 100,000 files fits
MAX_DEPTH = 64  # mappings and lists inside each other

# The implicit types kept: null (an empty value) and the ``<<`` merge key.
KEPT_TAGS = ("tag:yaml.org,2002:null", "tag:yaml.org,2002:merge")


class InputYAMLError(yaml.YAMLError):
    """A document refused for its shape rather than its syntax."""


class TextLoader(yaml.SafeLoader):
    """SafeLoader that keeps scalars as text and bounds aliases and nesting."""

    def __init__(self, stream) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):  # noqa: D102 - PyYAML's hook
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise InputYAMLError(
                    f"nested more than {MAX_DEPTH} levels deep (line {mark.line + 1})"
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def get_single_node(self):  # noqa: D102 - PyYAML's hook
        node = super().get_single_node()
        if node is not None:
            check_node(node)
        return node


# Only null and ``<<`` are recognised among plain scalars; everything else is text.
TextLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag in KEPT_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# An explicit tag (``!!timestamp 2024-13-45``, ``!!int``) is read as the text it holds.
for _tag in ("timestamp", "int", "float", "bool"):
    TextLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", SafeConstructor.construct_yaml_str)


def check_node(root: yaml.Node) -> None:
    """Refuse alias bombs, alias cycles and lone surrogates before anything is built.

    The size of a node is counted as if every alias were copied out, with a
    memo per node so the count itself stays linear in the document.
    """
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in in_progress:
            raise InputYAMLError("an alias refers to the value that contains it")
        in_progress.add(key)
        if isinstance(node, yaml.ScalarNode):
            _check_text(node.value, node)
            total = 1
        elif isinstance(node, yaml.SequenceNode):
            total = 1 + sum(size(child) for child in node.value)
        else:
            total = 1 + sum(size(k) + size(v) for k, v in node.value)
        if total > MAX_EXPANDED_NODES:
            raise InputYAMLError(
                f"more than {MAX_EXPANDED_NODES:,} values once aliases are expanded (an alias bomb?)"
            )
        in_progress.discard(key)
        sizes[key] = total
        return total

    size(root)


def _check_text(value: str, node: yaml.Node) -> None:
    line = node.start_mark.line + 1
    if "\x00" in value:  # "\0" in a quoted string: no name or path holds one
        raise InputYAMLError(f"line {line}: a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InputYAMLError(f"line {line}: a lone surrogate (not valid Unicode)") from None


def load(text: str) -> object:
    """Parse one YAML document of user input; ``yaml.YAMLError`` when refused."""
    try:
        return yaml.load(text, Loader=TextLoader)  # noqa: S506 - TextLoader is a SafeLoader
    except RecursionError:
        raise InputYAMLError("nested too deeply") from None


def one_line(error: Exception, limit: int = 300) -> str:
    """A PyYAML message (several lines with a caret diagram) as one short line."""
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Refused(ValueError):
    """A YAML file that cannot be used; ``str()`` is the problem, in one line."""


def read_file(path: Path, what: str) -> object:
    """A user's YAML file (a manifest, an aliases file), read through :func:`load`.

    Every way it can fail (missing, unreadable, not UTF-8, malformed, an alias
    bomb, nested too deeply) is one :class:`Refused` with the problem in words;
    callers add the file name. A UTF-8 byte-order mark is skipped.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise Refused(f"{what} not found") from None
    except OSError as e:
        raise Refused(f"cannot read ({e.strerror})") from None
    try:
        text = raw.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeDecodeError as e:
        raise Refused(f"not valid UTF-8 (byte {e.start})") from None
    if "\x00" in text:
        raise Refused("binary file (contains NUL bytes)")
    try:
        return load(text)
    except yaml.YAMLError as e:
        raise Refused(f"malformed {what} ({one_line(e)})") from None
