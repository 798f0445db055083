"""Canned queries the plugin registers for every diplo database.

Datasette 0.65 asks plugins through the ``canned_queries`` hook; 1.0 removed
that hook in favour of stored queries added with ``datasette.add_query``. The
definitions live here once and ``__init__.py`` hands them to whichever API
exists.

Each query names the tables it reads (``tables``): a query is offered to an
actor only when that actor may view every one of them, so denying ``claims``
in metadata also hides the queries that would print claim text
(tests/test_plugin_permissions.py checks the lists against what SQLite reads).
"""

from __future__ import annotations

QUERIES: dict[str, dict] = {
    "single_source_claims": {
        "tables": ["claim_groups", "claims", "articles", "outlets", "speakers"],
        "title": "Single-source claims",
        "description": "Statements reported by only one outlet: nobody else has confirmed them.",
        "sql": """
select g.id as group_id, s.name as speaker, coalesce(g.summary, c.content) as claim,
       o.name as outlet, a.published, g.claims_count
from claim_groups g
left join claims c on c.id = g.first_claim_id
left join articles a on a.id = c.article_id
left join outlets o on o.id = a.outlet_id
left join speakers s on s.id = g.speaker_id
where g.status = 'single-source'
order by g.id desc
limit 1000
""".strip(),
    },
    "altered_quotes": {
        "tables": ["claims", "articles", "outlets", "speakers", "claim_groups"],
        "title": "Altered quotes",
        "description": "Direct quotes whose words differ from the earliest version of the same statement.",
        "sql": """
select c.id as claim_id, c.group_id, s.name as speaker, o.name as outlet, a.published,
       c.cue, c.content as altered_wording, f.content as earliest_wording
from claims c
join articles a on a.id = c.article_id
left join outlets o on o.id = a.outlet_id
left join speakers s on s.id = c.speaker_id
left join claim_groups g on g.id = c.group_id
left join claims f on f.id = g.first_claim_id
where c.fidelity = 'altered'
order by c.id desc
limit 1000
""".strip(),
    },
    "speaker_statements": {
        "tables": ["claims", "speakers", "speaker_aliases", "articles", "outlets"],
        "title": "A speaker's statements by date",
        "description": "Everything attributed to a speaker found by their name or any name an outlet used for them (any letter case: 'Araqchi', 'the Iranian foreign minister'), oldest first; unknown dates last.",
        "sql": """
select coalesce(c.stated_on, a.published) as date, s.name as speaker, o.name as outlet,
       c.kind, c.cue, c.content, c.group_id, c.article_id
from claims c
join speakers s on s.id = c.speaker_id
join articles a on a.id = c.article_id
left join outlets o on o.id = a.outlet_id
where c.speaker_id in (
    select id from speakers where name = :speaker collate nocase
    union
    select speaker_id from speaker_aliases where alias = :speaker collate nocase
)
order by date is null, date, a.id, c.content_start
limit 1000
""".strip(),
    },
    "outlets_reusing_most": {
        "tables": ["article_reuse", "articles", "outlets"],
        "title": "Outlets that reuse others' wording most",
        "description": "For each outlet, how many of its articles take wording from another outlet's article, and how much on average (links whose direction is undetermined, and articles that only share a source, left out).",
        "sql": """
select lo.name as outlet, count(distinct r.later_article_id) as articles_reusing,
       count(*) as reuse_links, round(avg(r.containment), 3) as avg_containment,
       count(distinct ea.outlet_id) as outlets_reused
from article_reuse r
join articles la on la.id = r.later_article_id
join articles ea on ea.id = r.earlier_article_id
left join outlets lo on lo.id = la.outlet_id
where la.outlet_id is not ea.outlet_id
  and r.basis not like 'shared source%' and r.basis not like 'undetermined%'
group by la.outlet_id
order by articles_reusing desc, avg_containment desc
""".strip(),
    },
}
