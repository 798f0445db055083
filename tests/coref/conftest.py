from __future__ import annotations

import pytest

from loader.nlp import get_nlp


@pytest.fixture(scope="session")
def nlp():
    """One spaCy pipeline for every speaker table (loading it is the slow part)."""
    return get_nlp()
