"""Quotations in reuse (issue 15): never wording shared with another article,
but part of what an article says, so they count in its size (the denominator
of containment). Crafted passages only."""

from __future__ import annotations

import sqlite3

from click.testing import CliRunner

from loader.cli import cli
from loader.matching.reuse import ArticleText, article_shingles, find_reuse, shingle_list
from tests.conftest import load_texts

SOURCE = (
    "The county council has voted to close the old swimming baths on Mill Lane at "
    "the end of the summer because the roof is no longer safe for the public. "
    "Engineers found cracks in three of the iron beams last spring."
)
# One sentence of the source, then a long quotation of someone the source
# never mentions: an article mostly of its own.
OWN_QUOTES = (
    "The county council has voted to close the old swimming baths on Mill Lane at "
    "the end of the summer. "
    'Retired lifeguard Nora Pike said: "I taught half this town to swim in that '
    "water, and my grandchildren had their first lessons there too. Every winter we "
    "held a candle-lit gala for the hospital, and the band played on the balcony "
    'until the windows steamed up."'
)


def test_quoted_words_are_not_shingles_but_count_in_the_size():
    plain, size = article_shingles(OWN_QUOTES)
    assert plain == shingle_list(OWN_QUOTES)
    assert size > 2 * len(set(plain))  # the quotation is most of the article
    unquoted = OWN_QUOTES.replace('"', "")
    assert article_shingles(SOURCE)[1] == len(set(shingle_list(SOURCE)))  # no quotes
    assert len(shingle_list(unquoted)) > len(plain)


def test_an_article_of_its_own_quotes_is_not_scored_a_copy_of_what_it_shares_a_line_with():
    (link,) = find_reuse([ArticleText(1, 1, None, SOURCE), ArticleText(2, 2, None, OWN_QUOTES)])
    shared = len(set(shingle_list(SOURCE)) & set(shingle_list(OWN_QUOTES)))
    containment = link.containment if link.later_article_id == 2 else link.reverse_containment
    # over its narrative alone the article would be mostly copy
    assert shared / len(set(shingle_list(OWN_QUOTES))) > 0.75
    assert containment < 0.5
    assert containment == round(shared / article_shingles(OWN_QUOTES)[1], 4)


def test_two_articles_quoting_one_speaker_still_share_nothing_in_the_quote():
    quote = OWN_QUOTES[OWN_QUOTES.index("Retired") :]
    a = "Swimmers gathered outside the town hall on Friday. " + quote
    b = "A crowd with banners met the councillors at the gates. " + quote
    assert find_reuse([ArticleText(1, 1, None, a), ArticleText(2, 2, None, b)]) == []


def test_the_cached_shingles_keep_the_size(tmp_path):
    """A second match reads the stored shingles and sizes (reuse_articles): the
    same containment as the first."""
    db = load_texts(tmp_path, {"source.txt": SOURCE, "own.txt": OWN_QUOTES})

    def reuse():
        assert CliRunner().invoke(cli, ["match", str(db)]).exit_code == 0
        return (
            sqlite3.connect(db)
            .execute(
                "SELECT earlier_article_id, later_article_id, containment, reverse_containment"
                " FROM article_reuse"
            )
            .fetchall()
        )

    first = reuse()
    stored = sqlite3.connect(db).execute("SELECT size FROM reuse_articles").fetchall()
    assert first and len(stored) == 2 and all(size > 0 for (size,) in stored)
    assert reuse() == first
    assert max(first[0][2:]) < 0.5
