"""Reading articles from disk: plain text, front matter, JSON, JSONL, manifests.

Everything here turns files into :class:`ArticleRecord` values and nothing
else: no language analysis, no database. Problems are raised as
:class:`InputError` carrying the file name, so the CLI can print one line per
bad file and carry on with the rest.
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from loader import safe_yaml
from loader.metadata import is_valid_unicode, normalise_published, outlet_from_url, value_problem
from loader.models import ArticleRecord

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES
MANIFEST_NAMES = ("manifest.yml", "manifest.yaml")
DEFAULT_MAX_BYTES = 5_000_000

FRONT_MATTER_FIELDS = ("title", "outlet", "url", "published", "author", "language", "domain")
# Field names common scrapers emit (news-please, trafilatura, newspaper3k, ...)
JSON_FIELD_ALIASES = {
    "text": ("text", "maintext", "content", "body", "article_text", "raw_text"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url"),
    "published": ("published", "date_publish", "date", "publish_date", "pubdate", "datePublished"),
    "outlet": ("outlet", "source_name", "sitename", "publisher", "source_domain"),
    "domain": ("domain", "source_domain", "hostname"),
    "author": ("author", "authors", "byline"),
    "language": ("language", "lang"),
    # the outlet's kind ("wire"): a plain "kind" in scraped JSON means other things
    "kind": ("outlet_kind",),
}


class InputError(Exception):
    """A problem with one input; ``str()`` is the one-line message for users."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self):
        # Exceptions pickle as cls(*args); ours takes two arguments, not the
        # message, and worker processes (--processes) send errors back.
        return (type(self), (self.path, self.problem))


@dataclass
class Decoded:
    text: str
    warning: str | None = None
    skipped: int = 0  # characters before ``text`` in the file as read: 1 for a UTF-8 BOM


@dataclass
class Manifest:
    """File name -> metadata, from ``manifest.yml`` or ``--manifest``."""

    path: str
    base: Path
    entries: dict[str, dict] = field(default_factory=dict)

    def lookup(self, file: Path) -> dict:
        for key in (_relative(file, self.base), file.name):
            if key in self.entries:
                return self.entries[key]
        return {}

    def missing(self, loading: list[Path]) -> list[str]:
        """Entries naming a file that neither exists nor is being loaded: errors.

        An entry may name a file by its path relative to the manifest or, for a
        manifest kept elsewhere (``--manifest``), by its bare file name.
        """
        names = {_relative(f, self.base) for f in loading} | {f.name for f in loading}
        return [k for k in self.entries if k not in names and not _exists(self.base / k)]


def _exists(path: Path) -> bool:
    """``exists`` that says False for a name the system refuses (too long)."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def _relative(file: Path, base: Path) -> str:
    try:
        return file.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return file.name


def read_manifest(path: Path) -> Manifest:
    label = str(path)
    try:
        data = safe_yaml.read_file(path, "manifest")
    except safe_yaml.Refused as e:
        raise InputError(label, str(e)) from None
    if data is None:
        data = {}
    if isinstance(data, dict) and "articles" in data:
        data = data["articles"]
    if isinstance(data, list):  # [{file: x, outlet: ...}, ...]
        entries = {}
        for item in data:
            if not isinstance(item, dict) or "file" not in item:
                raise InputError(label, "each manifest list item needs a 'file' key")
            entries[str(item["file"])] = {k: v for k, v in item.items() if k != "file"}
        data = entries
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise InputError(label, "manifest must map file names to metadata mappings")
    return Manifest(path=label, base=path.parent, entries={str(k): v for k, v in data.items()})


def _one_line(e: Exception, limit: int = 300) -> str:
    text = " ".join(str(e).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class ReadOptions:
    """How strictly files are read; the CLI's --max-bytes and --fallback-encoding."""

    max_bytes: int = DEFAULT_MAX_BYTES
    fallback_encoding: str | None = None  # e.g. "cp1252": decode non-UTF-8 with a warning


FALLBACK_ENCODINGS = ("cp1252", "latin-1")


UTF16_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _binary_problem(raw: bytes) -> str | None:
    """Why the bytes cannot be an article's text, or None.

    A NUL byte anywhere means binary (or UTF-16): no news text holds one, and
    stored it would cut the text short in C-string tools.
    """
    if raw.startswith(UTF16_BOMS):
        return "UTF-16 or UTF-32 text, not UTF-8; save it as UTF-8"
    if b"\x00" in raw:
        return "binary file (contains NUL bytes), not an article"
    return None


def decode(raw: bytes, label: str, fallback: str | None = None) -> Decoded:
    """UTF-8; other encodings only when the user asked for a fallback.

    Silently guessing an encoding corrupts names and quotes, so by default a
    non-UTF-8 file is refused with a hint; with ``fallback`` it is decoded and
    a warning names the file. A UTF-8 byte-order mark is not part of the text
    (``skipped`` counts it, so offsets into the file as read stay right).
    """
    problem = _binary_problem(raw)
    if problem:
        raise InputError(label, problem)
    skipped = 1 if raw.startswith(codecs.BOM_UTF8) else 0
    raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return Decoded(raw.decode("utf-8"), skipped=skipped)
    except UnicodeDecodeError as e:
        position = e.start + 3 * skipped
    if fallback is None:
        raise InputError(
            label,
            f"not valid UTF-8 (byte {position}); re-run with --fallback-encoding cp1252 "
            "(or latin-1) to decode it",
        )
    text = raw.decode(fallback, errors="strict" if fallback != "cp1252" else "replace")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 8:
        raise InputError(label, "binary file (control bytes), not an article")
    return Decoded(
        text, f"not valid UTF-8 (byte {position}); decoded as {fallback}", skipped=skipped
    )


_OPENING = re.compile(r"---(?:\r\n|\r|\n)")
_LINE_END = re.compile(r"\r\n|\r|\n")
_CLOSINGS = ("---", "...")


def split_front_matter(text: str, label: str) -> tuple[dict, int]:
    """Return (metadata, offset of the body) for ``---``-delimited YAML.

    Lines may end in ``\\n``, ``\\r\\n`` or a lone ``\\r`` (old Mac editors), as
    YAML itself allows.
    """
    opening = _OPENING.match(text)
    if not opening:
        return {}, 0
    start = pos = opening.end()
    for end in _LINE_END.finditer(text, start):
        if text[pos : end.start()] in _CLOSINGS:
            return _parse_front_matter(text[start:pos], label), end.end()
        pos = end.end()
    if text[pos:] in _CLOSINGS:
        return _parse_front_matter(text[start:pos], label), len(text)
    raise InputError(label, "malformed front matter: no closing '---' line")


def _parse_front_matter(block: str, label: str) -> dict:
    try:
        meta = safe_yaml.load(block)
    except yaml.YAMLError as e:
        raise InputError(label, f"malformed front matter ({_one_line(e)})") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(label, "malformed front matter: expected 'key: value' lines")
    return meta


def _clean_meta(meta: dict, label: str) -> dict:
    """Keep known fields as checked text (loader.metadata.VALUE_CHECKS); normalise
    the publication date. An author may be a list of names (scrapers emit one).
    ``kind`` (the outlet's kind, "wire") becomes ``outlet_kind``."""
    out: dict = {}
    for key in FRONT_MATTER_FIELDS:
        value = meta.get(key)
        if value is None or value == "" or value == []:
            continue
        if key == "author" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = ", ".join(v.strip() for v in value)
        problem = value_problem(key, value)
        if problem:
            raise InputError(label, problem)
        if value.strip():
            out[key] = value.strip()
    kind = meta.get("kind")
    if kind not in (None, ""):
        problem = value_problem("kind", kind)
        if problem:
            raise InputError(label, problem)
        out["outlet_kind"] = kind.strip().lower()
    if "published" in out:
        iso = normalise_published(out["published"])
        if iso is None:
            raise InputError(label, f"unreadable publication date {out['published']!r}")
        out["published"] = iso
    return out


def _apply_meta(record: ArticleRecord, meta: dict) -> None:
    for key, value in meta.items():
        setattr(record, key, value)
    if "published" in meta:
        record.published_basis = "metadata"
    if record.url and not record.domain:
        record.domain = outlet_from_url(record.url)


def read_text_file(
    path: Path, label: str, raw: bytes, warnings: list[str], fallback: str | None = None
) -> ArticleRecord:
    decoded = decode(raw, label, fallback)
    if decoded.warning:
        warnings.append(f"{label}: {decoded.warning}")
    text = decoded.text
    meta, offset = split_front_matter(text, label)
    body = text[offset:]
    if not body.strip():
        raise InputError(
            label, "empty article (no text)" if not meta else "front matter but no text"
        )
    record = ArticleRecord(source_file=label, text=body, text_offset=decoded.skipped + offset)
    _apply_meta(record, _clean_meta(meta, label))
    return record


def _json_field(obj: dict, name: str):
    for alias in JSON_FIELD_ALIASES[name]:
        value = obj.get(alias)
        if value not in (None, "", []):
            return value
    return None


def record_from_json(obj: object, label: str, where: str) -> ArticleRecord:
    if not isinstance(obj, dict):
        raise InputError(label, f"{where}: expected a JSON object, got {type(obj).__name__}")
    text = _json_field(obj, "text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(label, f"{where}: no article text (expected 'text' or 'maintext')")
    if not is_valid_unicode(text):
        raise InputError(label, f"{where}: text is not valid Unicode (a lone surrogate)")
    if "\x00" in text:
        raise InputError(label, f"{where}: text contains NUL characters")
    meta = {k: _json_field(obj, k) for k in JSON_FIELD_ALIASES if k != "text"}
    meta = _clean_meta({k: v for k, v in meta.items() if v is not None}, f"{label} ({where})")
    record = ArticleRecord(source_file=label, text=text, record=where)
    _apply_meta(record, meta)
    return record


def read_json_file(
    path: Path, label: str, raw: bytes, warnings: list[str], fallback: str | None = None
) -> list[ArticleRecord]:
    """Parse a whole .json/.jsonl file up front: one bad line rejects the file."""
    decoded = decode(raw, label, fallback)
    if decoded.warning:
        warnings.append(f"{label}: {decoded.warning}")
    text = decoded.text
    if not text.strip():
        raise InputError(label, "empty file")
    records: list[ArticleRecord] = []
    if path.suffix.lower() == ".json":
        data = _parse_json(text, label, None)
        items = data if isinstance(data, list) else [data]
        for i, obj in enumerate(items, 1):
            record = record_from_json(obj, label, f"item {i}" if len(items) > 1 else "record")
            if len(items) == 1:
                record.record = None
            records.append(record)
        return records
    # JSON Lines end in "\n" only: str.splitlines would also cut at a U+2028
    # that JSON allows raw inside a string.
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        obj = _parse_json(line, label, lineno)
        records.append(record_from_json(obj, label, f"line {lineno}"))
    if not records:
        raise InputError(label, "no JSON records")
    return records


def _parse_json(text: str, label: str, lineno: int | None) -> object:
    """``json.loads`` with its failures as one line: syntax, and nesting too
    deep for Python's recursion limit (``'[' * 100000``)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        line = lineno if lineno is not None else e.lineno
        raise InputError(label, f"line {line}: malformed JSON ({e.msg})") from None
    except RecursionError:
        where = f"line {lineno}: " if lineno is not None else ""
        raise InputError(label, f"{where}JSON nested too deeply") from None


@dataclass
class Source:
    """One file to read, with the manifest that covers it (if any)."""

    path: Path
    label: str
    manifest: Manifest | None = None


def _stat(path: Path, label: str, errors: list[InputError]) -> os.stat_result | None:
    """``os.stat`` (following links) with its failure as an error naming the path."""
    try:
        return path.stat()
    except OSError as e:
        problem = "no such file or directory" if e.errno == errno.ENOENT else None
        if e.errno == errno.ELOOP:
            problem = "symbolic link loop (it leads back to itself)"
        errors.append(InputError(label, problem or f"cannot read ({e.strerror})"))
        return None


def _directory_manifest(folder: Path, given: str, errors: list[InputError]) -> Manifest | None:
    for name in MANIFEST_NAMES:
        try:
            present = (folder / name).is_file()
        except OSError:
            present = False  # the folder itself is reported as unreadable
        if present:
            try:
                return read_manifest(folder / name)
            except InputError as e:
                errors.append(e)
            return None
    return None


def article_files(top: Path, given: str, errors: list[InputError]) -> list[Path]:
    """Article files under ``top``, following links to folders.

    A folder that cannot be read, a link that cannot be followed and a link
    leading back to a folder it sits in are errors naming them, not silent
    skips: the user would otherwise believe those articles were loaded.
    Hidden files and folders (``.git``) are skipped.
    """
    found: list[Path] = []
    top_stat = top.stat()
    pending = [(top, frozenset({(top_stat.st_dev, top_stat.st_ino)}))]
    while pending:
        folder, ancestors = pending.pop()
        label = given if folder == top else os.path.join(given, folder.relative_to(top).as_posix())
        try:
            names = sorted(e.name for e in os.scandir(folder) if not e.name.startswith("."))
        except OSError as e:
            errors.append(InputError(label, f"cannot read directory ({e.strerror})"))
            continue
        for name in names:
            path = folder / name
            info = _stat(path, os.path.join(label, name), errors)
            if info is None:
                continue
            if stat.S_ISDIR(info.st_mode):
                identity = (info.st_dev, info.st_ino)
                if identity in ancestors:
                    errors.append(
                        InputError(os.path.join(label, name), "symbolic link loop (skipped)")
                    )
                else:
                    pending.append((path, ancestors | {identity}))
            elif (
                stat.S_ISREG(info.st_mode)
                and path.suffix.lower() in ARTICLE_SUFFIXES
                and name not in MANIFEST_NAMES
            ):
                found.append(path)
    return sorted(found)


def discover(paths: list[str], manifest: Manifest | None, errors: list[InputError]) -> list[Source]:
    """Expand the command-line paths into article files, recording bad paths."""
    sources: list[Source] = []
    for given in paths:
        p = Path(given)
        info = _stat(p, given, errors)
        if info is None:
            continue
        if stat.S_ISREG(info.st_mode):
            sources.append(Source(p, given, manifest))
            continue
        if not stat.S_ISDIR(info.st_mode):
            errors.append(InputError(given, "not a regular file or a directory"))
            continue
        local = manifest or _directory_manifest(p, given, errors)
        reported = len(errors)
        found = article_files(p, given, errors)
        if not found and len(errors) == reported:
            errors.append(
                InputError(given, "directory contains no articles (.txt, .md, .json, .jsonl)")
            )
        sources.extend(
            Source(f, os.path.join(given, f.relative_to(p).as_posix()), local) for f in found
        )
        if local is not None and local is not manifest:
            errors.extend(missing_entries(local, found))
    return sources


def missing_entries(manifest: Manifest, loading: list[Path]) -> list[InputError]:
    return [
        InputError(manifest.path, f"entry {key!r} names a file that does not exist")
        for key in manifest.missing(loading)
    ]


def read_source(source: Source, options: ReadOptions, warnings: list[str]) -> list[ArticleRecord]:
    """All articles in one file, with manifest metadata applied on top.

    The error boundary of one file: whatever goes wrong while reading it
    (including a bug, ``RecursionError`` or ``MemoryError``) is one
    :class:`InputError` naming it, and none of its records or warnings are
    kept, so the caller can go on with the other files.
    """
    mine: list[str] = []
    try:
        records = _read_source(source, options, mine)
    except InputError:
        raise
    except RecursionError:
        raise InputError(source.label, "nested too deeply to read") from None
    except MemoryError:
        raise InputError(source.label, "too large to read into memory") from None
    except Exception as e:  # the boundary: one bad file must not stop the run
        raise InputError(
            source.label, f"cannot read ({type(e).__name__}: {_one_line(e)})"
        ) from None
    warnings.extend(mine)
    return records


def _read_source(source: Source, options: ReadOptions, warnings: list[str]) -> list[ArticleRecord]:
    label = source.label
    try:
        size = source.path.stat().st_size
    except OSError as e:
        raise InputError(label, f"cannot read ({e.strerror})") from None
    max_bytes = options.max_bytes
    if size > max_bytes:
        raise InputError(
            label, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)"
        )
    if size == 0:
        raise InputError(label, "empty file")
    try:
        raw = source.path.read_bytes()
    except OSError as e:
        raise InputError(label, f"cannot read ({e.strerror})") from None
    suffix = source.path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        records = read_json_file(source.path, label, raw, warnings, options.fallback_encoding)
    else:
        records = [read_text_file(source.path, label, raw, warnings, options.fallback_encoding)]
    if source.manifest is not None:
        meta = source.manifest.lookup(source.path)
        if meta:
            cleaned = _clean_meta(meta, f"{source.manifest.path} ({source.path.name})")
            for record in records:
                _apply_meta(record, cleaned)
    return records
