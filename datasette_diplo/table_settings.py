"""The plugin's Datasette settings for every database holding the diplo tables.

Datasette keys table settings (facets, sort, label column, full-text search,
descriptions) by database name, so a ``metadata.yml`` written for ``news.db``
did nothing for ``archive.db``: no facets, and ``claims_view?_search=`` returned
every row. The plugin supplies these itself for any database with the diplo
tables (settings.py: the ``get_metadata`` hook on Datasette 0.65, the
configuration and metadata tables at startup on 1.0); whatever the user's own
metadata or configuration says for a table wins, key by key.

Every table and column of loader/schema.py is described here
(tests/test_plugin_settings.py checks it).
"""

from __future__ import annotations

DATABASE_DESCRIPTION = (
    "Articles, the claims drawn from them, and how the same claim travelled between outlets."
)

TABLES: dict[str, dict] = {
    "outlets": {
        "description": 'News outlets, from metadata or a dateline such as "ERBIL (Kurdistan24)".',
        "label_column": "name",
        "sort": "name",
        "columns": {
            "name": "Outlet name as given in metadata or the dateline",
            "domain": "Web domain when known (NULL otherwise)",
            "kind": "The outlet's kind as stated by metadata (wire, newspaper, ...), or NULL; "
            "a wire agency is the origin of wording a paper shares with it",
        },
    },
    "articles": {
        "description": "One row per loaded article; text is stored whole so claim offsets "
        "stay valid.",
        "label_column": "title",
        "sort_desc": "published",
        "facets": ["outlet_id"],
        "fts_table": "articles_fts",
        "fts_pk": "id",
        "columns": {
            "outlet_id": "The outlet that published it",
            "title": "Title from metadata, else the first non-empty line",
            "url": "Source URL when known",
            "published": "Publication date (and time when stated) from metadata, an "
            "explicit publication line or a wire header's time stamp; NULL when unknown "
            "(never guessed)",
            "published_basis": "Where the publication date came from",
            "dateline": "Place and outlet stated at the start of the text",
            "author": "Byline when known",
            "language": "Language code when known",
            "source_file": "The file the article was read from",
            "source_record": "Record key inside a multi-record file (JSON list, JSONL, manifest)",
            "content_hash": "SHA-256 of the text; loading the same text twice changes nothing",
            "text": "The full article text, boilerplate included (marked in article_boilerplate)",
            "loaded_at": "When the loader stored it (UTC)",
        },
    },
    "article_boilerplate": {
        "description": "Ranges of article text that are boilerplate (read-more "
        "lines, captions, bylines); no claim is drawn from them.",
        "columns": {
            "article_id": "The article",
            "start": "Start character offset in articles.text",
            "end": "End character offset (exclusive)",
            "kind": "Which kind of boilerplate",
        },
    },
    "speakers": {
        "description": "Canonical speakers (people, organisations, groups), one row per "
        "real-world speaker.",
        "label_column": "name",
        "sort": "name",
        "facets": ["kind"],
        "columns": {
            "name": "Canonical name",
            "kind": "person, organization or group",
            "description": "Role or title most often given",
            "key": "Normalised key used to merge mentions across articles",
        },
    },
    "speaker_aliases": {
        "description": "Every name an outlet used for a speaker.",
        "columns": {
            "speaker_id": "The canonical speaker",
            "alias": "A name or mention used for them",
            "articles": "How many articles used this name for them (the most "
            "used full name is the speaker's name)",
        },
    },
    "speaker_alias_articles": {
        "description": "Which article used which name for which speaker (what "
        "speaker_aliases.articles counts).",
        "columns": {
            "speaker_id": "The canonical speaker",
            "alias": "The name",
            "article_id": "The article that used it",
        },
    },
    "claims": {
        "description": "Attributed statements drawn from articles, with character offsets into "
        "the article text.",
        "sort": "id",
        "facets": ["speaker_id", "kind", "fidelity"],
        "fts_table": "claims_fts",
        "fts_pk": "id",
        "columns": {
            "article_id": "The article the claim was drawn from",
            "speaker_id": "The canonical speaker (NULL when unresolved)",
            "speaker_mention": "The speaker as named in this article",
            "speaker_description": "How this article describes the speaker",
            "cue": 'The cue as written ("said", "stressed", "according to")',
            "cue_lemma": "Dictionary form of the cue verb",
            "cue_class": "What the cue reports: speech, belief, intention, decree or perception",
            "kind": "direct (quoted), indirect (reported), mixed, or outlet (the "
            "outlet's own assertion)",
            "content": "The claim's wording (the pieces of a split or continued quote "
            "joined by ' … ', without the cue between them)",
            "sentence": "The whole sentence it came from",
            "content_start": "Start character offset of the content in articles.text",
            "content_end": "End character offset (exclusive)",
            "content_spans": "JSON list of [start, end] pieces when the content is discontinuous",
            "cue_start": "Start offset of the cue",
            "cue_end": "End offset of the cue",
            "source_start": "Start offset of the speaker mention",
            "source_end": "End offset of the speaker mention",
            "stated_on": "Date the statement was made, when the text says so",
            "relayed_by": 'Who passed the statement on ("IRNA" in "Araqchi said ..., '
            'IRNA reported"), else NULL',
            "stated_when": 'The text\'s own words for when ("on Tuesday")',
            "group_id": "The claim group (the same statement across outlets)",
            "fidelity": "How this version compares with the group's earliest "
            "(verbatim, excerpt, near-verbatim, altered, paraphrase)",
            "diff": "JSON word-level diff against the earliest version, a list of [op, "
            'text] with op "=", "-" or "+"',
        },
    },
    "claim_groups": {
        "description": "One row per statement, grouping every outlet's report of it.",
        "label_column": "summary",
        "sort_desc": "outlets_count",
        "facets": ["status", "fidelity", "speaker_id"],
        "columns": {
            "speaker_id": "The canonical speaker",
            "summary": "Short label for the statement",
            "claims_count": "Reports of it",
            "outlets_count": "Outlets that reported it",
            "independent_outlets_count": "Outlets whose article is not a copy of "
            "another's in the group",
            "first_claim_id": "The earliest known version",
            "fidelity": "Worst fidelity among the group's quotes",
            "status": "single-source, corroborated, conflicting or fidelity-concern",
            "first_article_id": "Article of the first appearance",
            "first_published": "Earliest known publication date (NULL when no date is known)",
            "conflict": "JSON record of the figures or dates that differ between versions",
            "verdict_id": "A human verdict, if any",
        },
    },
    "verdicts": {
        "description": "Human verdicts on claim groups; kept across reloads, matched back to "
        "groups by their claims.",
        "label_column": "status",
        "sort_desc": "created_at",
        "facets": ["status"],
        "columns": {
            "claim_keys": "JSON keys of the claims the verdict was given on (stable "
            "across re-matching)",
            "status": "true, false, misleading, unverified...",
            "note": "The reviewer's note",
            "evidence_url": "Link to the evidence",
            "by_name": "Who gave the verdict",
            "created_at": "When (UTC)",
        },
    },
    "claim_group_suggestions": {
        "description": "Borderline matches awaiting a person's decision "
        "(diplo CLI confirms or rejects them).",
        "sort_desc": "score",
        "facets": ["state"],
        "columns": {
            "claim_id": "One claim",
            "other_claim_id": "The claim it may be the same statement as",
            "score": "Match score",
            "state": "pending, confirmed or rejected",
        },
    },
    "claim_pair_decisions": {
        "description": "A person's confirm/reject decisions on suggested "
        "matches, keyed by stable claim keys so they survive "
        "re-loading and re-matching.",
        "sort_desc": "decided_at",
        "facets": ["state"],
        "columns": {
            "claim_key": "Stable key of one claim (article content hash and character offsets)",
            "other_claim_key": "Stable key of the other claim",
            "state": "confirmed or rejected",
            "decided_at": "When the decision was recorded (UTC)",
        },
    },
    "article_reuse": {
        "description": "Wording one article took from another, by directional "
        "containment of word shingles.",
        "sort_desc": "containment",
        "columns": {
            "earlier_article_id": "The source article",
            "later_article_id": "The article that reuses its wording",
            "containment": "Share of the later article found in the earlier one (0 to 1)",
            "basis": "How the direction was decided (publication dates, a wire agency, "
            "asymmetric containment; undetermined), or 'shared source' when both reuse a third",
            "reverse_containment": "Share of the earlier article found in the later one",
            "shared_words": "Number of shared words",
        },
    },
    "claims_view": {
        "description": "Claims with speaker, outlet and date joined in, for browsing and faceting.",
        "sort_desc": "published",
        "facets": ["speaker", "outlet", "kind"],
        "fts_table": "claims_fts",
        "fts_pk": "id",
    },
    "diplo_meta": {
        "description": "Bookkeeping (schema version).",
        "hidden": True,
        "columns": {"key": "Setting name", "value": "Setting value"},
    },
    # The incremental matching index (loader/matching/index.py, docs/matching.md):
    # bookkeeping a reader never needs, so hidden but described.
    "match_claims": {
        "description": "Incremental matching index (docs/matching.md): each matched "
        "claim's block and bigram hashes.",
        "hidden": True,
        "columns": {
            "claim_id": "Claim",
            "block": "Speaker id the claim is compared within (0: the outlet's own claims)",
            "article_id": "Article",
            "day": "Date as a day number",
            "bigrams": "Hashes of its word bigrams",
        },
    },
    "match_postings": {
        "description": "Incremental matching index: claims by word bigram within a speaker.",
        "hidden": True,
        "columns": {
            "block": "Speaker id (0: the outlet's own claims)",
            "bigram": "Hash of the bigram",
            "claim_id": "Claim",
        },
    },
    "match_pairs": {
        "description": "Incremental matching index: every scored pair of claims.",
        "hidden": True,
        "columns": {
            "claim_id": "Claim (lower id)",
            "other_claim_id": "Claim (higher id)",
            "score": "Pair score",
            "auto": "1 when confident enough to group",
        },
    },
    "match_changes": {
        "description": "Incremental matching index: claims changed or removed since the last match.",
        "hidden": True,
        "columns": {"claim_id": "Claim", "group_id": "The group it was in"},
    },
    "reuse_articles": {
        "description": "Incremental reuse index: each article's word 3-shingle hashes.",
        "hidden": True,
        "columns": {
            "article_id": "Article",
            "outlet_id": "Its outlet when indexed",
            "shingles": "CRC-32 hashes of its shingles in text order",
        },
    },
    "reuse_postings": {
        "description": "Incremental reuse index: articles by shingle.",
        "hidden": True,
        "columns": {"shingle": "Shingle hash", "article_id": "Article", "outlet_id": "Its outlet"},
    },
    "reuse_outlet_counts": {
        "description": "Incremental reuse index: in how many of an outlet's articles each "
        "shingle is (the boilerplate rule).",
        "hidden": True,
        "columns": {"outlet_id": "Outlet", "shingle": "Shingle hash", "n": "Articles"},
    },
    "reuse_links": {
        "description": "Incremental reuse index: reuse links before the shared-source step.",
        "hidden": True,
        "columns": {
            "article_id": "Article (lower id)",
            "other_article_id": "Article (higher id)",
            "earlier_article_id": "Earlier article",
            "later_article_id": "Later article",
            "containment": "Share of the later article in the earlier",
            "basis": "What decided the direction",
            "reverse_containment": "Share of the earlier article in the later",
            "shared_words": "Later article's words in shared shingles",
        },
    },
    "match_article_changes": {
        "description": "Incremental reuse index: articles changed since the last match.",
        "hidden": True,
        "columns": {"article_id": "Article"},
    },
}

# The columns Datasette's claims table shows by default: who, the cue, the
# claim text and its links. The other 15 (offsets, the sentence, the diff...)
# stay in the JSON and CSV and come back with one click ("Show all columns"),
# or by choosing columns with ``_col``/``_nocol`` (then nothing is hidden).
READABLE_COLUMNS = {
    "claims": [
        "id",
        "article_id",
        "speaker_id",
        "speaker_mention",
        "cue",
        "kind",
        "content",
        "stated_on",
        "group_id",
        "fidelity",
    ],
}
