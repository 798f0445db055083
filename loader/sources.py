"""Reading articles from disk: plain text, front matter, JSON, JSONL, manifests.

Everything here turns files into :class:`ArticleRecord` values and nothing
else: no language analysis, no database. Problems are raised as
:class:`InputError` carrying the file name, so the CLI can print one line per
bad file and carry on with the rest.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from loader.metadata import normalise_date, outlet_from_url
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
        return [k for k in self.entries if k not in names and not (self.base / k).exists()]


def _relative(file: Path, base: Path) -> str:
    try:
        return file.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return file.name


def read_manifest(path: Path) -> Manifest:
    label = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(label, "manifest not found") from None
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise InputError(label, f"malformed manifest ({_one_line(e)})") from None
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


def _one_line(e: Exception) -> str:
    return " ".join(str(e).split())


@dataclass
class ReadOptions:
    """How strictly files are read; the CLI's --max-bytes and --fallback-encoding."""

    max_bytes: int = DEFAULT_MAX_BYTES
    fallback_encoding: str | None = None  # e.g. "cp1252": decode non-UTF-8 with a warning


FALLBACK_ENCODINGS = ("cp1252", "latin-1")


def decode(raw: bytes, label: str, fallback: str | None = None) -> Decoded:
    """UTF-8; other encodings only when the user asked for a fallback.

    Silently guessing an encoding corrupts names and quotes, so by default a
    non-UTF-8 file is refused with a hint; with ``fallback`` it is decoded and
    a warning names the file.
    """
    if b"\x00" in raw[:8192]:
        raise InputError(label, "binary file (contains NUL bytes), not an article")
    try:
        return Decoded(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        position = e.start
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
    return Decoded(text, f"not valid UTF-8 (byte {position}); decoded as {fallback}")


def split_front_matter(text: str, label: str) -> tuple[dict, int]:
    """Return (metadata, offset of the body) for ``---``-delimited YAML."""
    if not (text.startswith("---\n") or text.startswith("---\r\n")):
        return {}, 0
    first_nl = text.index("\n") + 1
    pos = first_nl
    while True:
        nl = text.find("\n", pos)
        line = text[pos : nl if nl != -1 else len(text)].rstrip("\r")
        if line in ("---", "..."):
            body = nl + 1 if nl != -1 else len(text)
            break
        if nl == -1:
            raise InputError(label, "malformed front matter: no closing '---' line")
        pos = nl + 1
    try:
        meta = yaml.safe_load(text[first_nl:pos])
    except yaml.YAMLError as e:
        raise InputError(label, f"malformed front matter ({_one_line(e)})") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(label, "malformed front matter: expected 'key: value' lines")
    return meta, body


def _clean_meta(meta: dict, label: str) -> dict:
    """Keep known fields as strings; normalise the publication date."""
    out: dict = {}
    for key in FRONT_MATTER_FIELDS:
        value = meta.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        out[key] = str(value).strip() if not hasattr(value, "isoformat") else value
    if "published" in out:
        iso = normalise_date(out["published"])
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
    record = ArticleRecord(source_file=label, text=body, text_offset=offset)
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
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(label, f"line {e.lineno}: malformed JSON ({e.msg})") from None
        items = data if isinstance(data, list) else [data]
        for i, obj in enumerate(items, 1):
            record = record_from_json(obj, label, f"item {i}" if len(items) > 1 else "record")
            if len(items) == 1:
                record.record = None
            records.append(record)
        return records
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(label, f"line {lineno}: malformed JSON ({e.msg})") from None
        records.append(record_from_json(obj, label, f"line {lineno}"))
    if not records:
        raise InputError(label, "no JSON records")
    return records


@dataclass
class Source:
    """One file to read, with the manifest that covers it (if any)."""

    path: Path
    label: str
    manifest: Manifest | None = None


def discover(paths: list[str], manifest: Manifest | None, errors: list[InputError]) -> list[Source]:
    """Expand the command-line paths into article files, recording bad paths."""
    sources: list[Source] = []
    for given in paths:
        p = Path(given)
        if not p.exists():
            errors.append(InputError(given, "no such file or directory"))
            continue
        if p.is_file():
            sources.append(Source(p, given, manifest))
            continue
        local = manifest
        if local is None:
            for name in MANIFEST_NAMES:
                if (p / name).is_file():
                    try:
                        local = read_manifest(p / name)
                    except InputError as e:
                        errors.append(e)
                    break
        found = [
            f
            for f in sorted(p.rglob("*"))
            if f.is_file()
            and f.suffix.lower() in ARTICLE_SUFFIXES
            and f.name not in MANIFEST_NAMES
            and not any(part.startswith(".") for part in f.relative_to(p).parts)
        ]
        if not found:
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
    """All articles in one file, with manifest metadata applied on top."""
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
