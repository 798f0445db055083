"""News agencies (wires): outlets whose copy newspapers and websites reprint.

Article reuse (loader/matching/direction.py) takes a wire agency as the origin
of the wording a newspaper shares with it within a few days: papers rewrite
the wire, the wire does not rewrite the papers. An outlet is a wire when its
name, folded (case, punctuation and a trailing "News", "Agency", "Wire" or
"Newswire" dropped), is one of ``WIRE_NAMES``, or its domain is one of
``WIRE_DOMAINS`` or under one; ``kind: wire`` in a manifest or front matter
makes any other outlet one (and ``kind: newspaper`` etc. says an outlet with
a wire-like name is not).

Only agencies that sell copy to other outlets belong here, by the names and
domains they sign it with.
"""

from __future__ import annotations

# The kinds a manifest or front matter may state (outlets.kind).
OUTLET_KINDS = ("wire", "newspaper", "broadcaster", "magazine", "online")

# Words dropped from the end of an outlet name before it is looked up:
# "PA News", "Anadolu Agency", "Yonhap News Agency", "Kyodo News".
GENERIC_ENDINGS = ("news agency", "newswire", "news", "agency", "wire", "service")

# Folded names (lower case, no punctuation, GENERIC_ENDINGS dropped).
WIRE_NAMES = frozenset(
    [
        # UK and Ireland
        "pa",
        "pa media",
        "press association",
        "the press association",
        # worldwide
        "ap",
        "associated press",
        "the associated press",
        "reuters",
        "thomson reuters",
        "afp",
        "agence france presse",
        "agence francepresse",
        "bloomberg",
        "upi",
        "united press international",
        # Europe
        "dpa",
        "deutsche presseagentur",
        "deutsche presse agentur",
        "ansa",
        "efe",
        "agencia efe",
        "europa press",
        "apa",
        "anp",
        "belga",
        "tt",
        "ntb",
        "ritzau",
        "stt",
        "lusa",
        "pap",
        "ctk",
        "mti",
        "ukrinform",
        "interfax",
        "tass",
        "itartass",
        "ria novosti",
        "ria",
        # Middle East, Africa
        "anadolu",
        "irna",
        "isna",
        "fars",
        "tasnim",
        "mehr",
        "wafa",
        "mena",
        "spa",
        "saudi press",
        "wam",
        "kuna",
        "qna",
        "petra",
        "sana",
        "nna",
        "ina",
        "iraqi news",
        "apa azerbaijan",
        "apanews",
        "sapa",
        # Asia and Pacific
        "xinhua",
        "china news",
        "kyodo",
        "jiji",
        "jiji press",
        "yonhap",
        "kcna",
        "pti",
        "press trust of india",
        "ians",
        "ani",
        "uni",
        "app",
        "bernama",
        "antara",
        "vna",
        "pna",
        "aap",
        "australian associated press",
        "cna",
        "central news",
        # Americas
        "canadian press",
        "the canadian press",
        "notimex",
        "telam",
        "agencia brasil",
        "prensa latina",
    ]
)

# Domains (a subdomain matches too: "uk.reuters.com").
WIRE_DOMAINS = frozenset(
    [
        "pa.media",
        "pressassociation.com",
        "apnews.com",
        "ap.org",
        "reuters.com",
        "afp.com",
        "dpa.com",
        "dpa-international.com",
        "ansa.it",
        "efe.com",
        "xinhuanet.com",
        "news.cn",
        "irna.ir",
        "en.irna.ir",
        "tass.com",
        "tass.ru",
        "aa.com.tr",
        "kyodonews.net",
        "english.kyodonews.net",
        "yna.co.kr",
        "jiji.com",
        "interfax.com",
        "ria.ru",
        "ptinews.com",
        "bernama.com",
        "antaranews.com",
        "aap.com.au",
        "thecanadianpress.com",
        "prensa-latina.cu",
        "upi.com",
        "bloomberg.com",
        "kuna.net.kw",
        "wam.ae",
        "spa.gov.sa",
        "wafa.ps",
        "ukrinform.net",
    ]
)
