"""diplo: load news articles into SQLite as attributed claims."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("datasette-diplo")
except PackageNotFoundError:  # running from a checkout without installing
    __version__ = "0.0.0"


def extract(text: str, **kwargs):  # noqa: ANN201 - re-exported API
    """Attributions in a string; see :func:`loader.attribution.extract`."""
    from loader.attribution import extract as _extract

    return _extract(text, **kwargs)


__all__ = ["__version__", "extract"]
