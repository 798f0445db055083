"""The people and bodies speaker resolution finds, and where an article names them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from loader.lexicon.people import GENDERED_NOUNS
from loader.names import (
    clean_label,
    role_tokens,
)

__all__ = ["Entity", "Mention", "clean_label", "holds_roles", "one_organization", "one_person"]


@dataclass(eq=False)
class Entity:
    """One person or body the article talks about."""

    name: str
    kind: str  # person | organization | group
    description: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    gender: str | None = None  # "m" / "f" from honorifics or resolved pronouns
    role_only: bool = False  # a role with no name ("the Iranian foreign minister")
    forms: Counter = field(default_factory=Counter)  # full-name spellings, how often

    def add_alias(self, text: str) -> None:
        text = clean_label(text)
        if text and text.lower() not in {a.lower() for a in self.aliases}:
            self.aliases.append(text)

    def add_description(self, desc: str | None) -> None:
        """The first title given, unless it was one word ("Prince") and a fuller
        one ("Saudi Arabia's foreign minister") comes along."""
        if not desc:
            return
        if self.description is None or (
            len(self.description.split()) == 1 and len(desc.split()) > 1
        ):
            self.description = desc
        self.roles |= role_tokens(desc)


@dataclass
class Mention:
    """Where the article names one entity, or several jointly."""

    start: int  # token index
    end: int
    sent: int  # sentence index
    entities: tuple[Entity, ...]
    subject: bool = False
    speaker: bool = False  # the source of an attribution


def one_person(m: Mention, gender: str) -> bool:
    """A mention of one person who may be of that gender."""
    return (
        len(m.entities) == 1
        and m.entities[0].kind == "person"
        and m.entities[0].gender in (None, gender)
    )


def one_unnamed_of(m: Mention, gender: str) -> bool:
    """One unnamed person whose noun gives that gender: "a spokeswoman for the
    show" (a ``group`` row, since nobody named her) is who "She said" next
    refers to."""
    if len(m.entities) != 1 or m.entities[0].kind != "group":
        return False
    words = m.entities[0].name.lower().split()
    return bool(words) and GENDERED_NOUNS.get(words[0]) == gender


def one_organization(m: Mention) -> bool:
    return len(m.entities) == 1 and m.entities[0].kind == "organization"


def holds_roles(entity: Entity, roles: frozenset[str]) -> bool:
    """A named person whose titles carry every one of ``roles`` (and some role)."""
    return (
        entity.kind == "person" and not entity.role_only and bool(roles) and roles <= entity.roles
    )
