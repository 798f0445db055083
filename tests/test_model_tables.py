"""Rules that read the model's own tables read those of the pipeline that
parsed the text (``--model``), not the default model's."""

from __future__ import annotations

from loader.attribution.coref_text import _lemma_index
from loader.nlp import default_model_name, get_nlp, pipeline_of


def test_a_doc_knows_the_pipeline_that_parsed_it():
    default = get_nlp()
    named = get_nlp(default_model_name())  # loaded again: another pipeline object
    assert named is not default
    assert pipeline_of(named("Jane Doe said so.")) is named
    assert pipeline_of(default("Jane Doe said so.")) is default


def test_the_lemma_tables_come_from_the_parsing_pipeline():
    named = get_nlp(default_model_name())
    doc = named("Sentencing Smith, the judge said he was sorry.")
    lemmatizer = named.get_pipe("lemmatizer")
    # the very table of that pipeline, read through the Doc it parsed
    assert _lemma_index(doc, "verb") == frozenset(
        lemmatizer.lookups.get_table("lemma_index")["verb"]
    )
    assert "sentence" in _lemma_index(doc, "verb")
