"""Rules that read the model's own tables read those of the pipeline that
parsed the text (``--model``), not the default model's."""

from __future__ import annotations

from loader.attribution.coref_text import _lemma_index
from loader.nlp import _load_pipeline, default_model_name, get_nlp, pipeline_of


def _another_pipeline():
    """A second pipeline object of the default model, as ``--model`` would
    load a different one (the cache would hand back the same object)."""
    return _load_pipeline.__wrapped__(default_model_name())


def test_a_doc_knows_the_pipeline_that_parsed_it():
    default = get_nlp()
    named = _another_pipeline()
    assert named is not default
    assert pipeline_of(named("Jane Doe said so.")) is named
    assert pipeline_of(default("Jane Doe said so.")) is default


def test_the_default_model_by_name_is_the_same_pipeline():
    assert get_nlp(default_model_name()) is get_nlp()


def test_the_lemma_tables_come_from_the_parsing_pipeline():
    named = _another_pipeline()
    doc = named("Sentencing Smith, the judge said he was sorry.")
    lemmatizer = named.get_pipe("lemmatizer")
    # the very table of that pipeline, read through the Doc it parsed
    assert _lemma_index(doc, "verb") == frozenset(
        lemmatizer.lookups.get_table("lemma_index")["verb"]
    )
    assert "sentence" in _lemma_index(doc, "verb")
