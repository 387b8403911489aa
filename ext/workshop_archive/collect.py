"""Aggregates derived from the domain's facts: pure functions, recomputed when needed.

Everything here sorts with explicit keys, because the order in which documents are read changes
under ``-j``; the output must not.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes

from .config import canonical_name
from .text import family_name

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from .records import Edition, IndexHost, Membership, Talk

#: how alike two spellings must be (difflib ratio) to be suspected of naming one person
SIMILARITY = 0.85


class Appearance(NamedTuple):
    """One line of a person's entry on the People page."""

    edition: str
    #: ``talk`` or ``committee``
    kind: str
    #: the role label (``Keynote Speaker``) or the committee name
    role: str
    affiliation: str
    #: the talk title, '' for committee places and unannounced talks
    title: str
    docname: str
    anchor: str


class Person(NamedTuple):
    """A person across editions, as the People page shows them."""

    id: str
    name: str
    #: other spellings seen on the pages or declared in the people file
    aliases: tuple[str, ...]
    appearances: tuple[Appearance, ...]

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return (family_name(self.name).casefold(), self.name.casefold(), self.id)


def edition_order(editions: Iterable[Edition]) -> dict[str, int]:
    """Rank of each edition id, newest first (by date, then id)."""
    ordered = sorted(editions, key=lambda e: (e.date, e.id), reverse=True)
    return {edition.id: rank for rank, edition in enumerate(ordered)}


def edition_title(env: BuildEnvironment, edition: Edition) -> str:
    """The page title of an edition, falling back to its host conference."""
    title = env.titles.get(edition.docname)
    return title.astext() if title is not None else edition.conference or edition.id


def talks_by_key(talks: Iterable[Talk]) -> dict[str, Talk]:
    """Talks by ``<edition>/<person>``; the first card wins (a duplicate is warned at read)."""
    found: dict[str, Talk] = {}
    for talk in talks:
        found.setdefault(talk.key, talk)
    return found


def talk_reference_content(talk: Talk) -> nodes.inline:
    """What a ``{ws:talk}`` reference shows: label and name, affiliation, title."""
    content = nodes.inline(classes=["ws-talk-ref"])
    heading = f"{talk.label}: {talk.name}" if talk.label else talk.name
    content += nodes.strong(heading, heading)
    if talk.affiliation:
        content += nodes.Text(f", {talk.affiliation}")
    if talk.title:
        content += nodes.Text(" — ")
        content += nodes.emphasis(talk.title, talk.title)
    return content


def people_index(
    talks: Iterable[Talk], members: Iterable[Membership], config: Config,
    order: dict[str, int] | None = None,
) -> list[Person]:
    """Every person who spoke or served, once, with their appearances (newest edition first)."""
    order = order or {}
    names: dict[str, list[str]] = defaultdict(list)
    appearances: dict[str, list[Appearance]] = defaultdict(list)
    for talk in talks:
        names[talk.person].append(talk.name)
        appearances[talk.person].append(Appearance(
            talk.edition, "talk", talk.label, talk.affiliation, talk.title, talk.docname,
            talk.anchor))
    for member in members:
        names[member.person].append(member.name)
        appearances[member.person].append(Appearance(
            member.edition, "committee", member.committee, member.affiliation, "", member.docname,
            member.anchor))
    people = []
    for person, spellings in names.items():
        name = canonical_name(person, config) or max(set(spellings), key=spellings.count)
        declared = config.ws_people.get(person, {}).get("aliases", [])
        aliases = tuple(sorted({*spellings, *declared} - {name}))
        ordered = sorted(
            set(appearances[person]),
            key=lambda a: (order.get(a.edition, len(order)), a.edition, a.docname, a.anchor),
        )
        people.append(Person(person, name, aliases, tuple(ordered)))
    return sorted(people, key=lambda p: p.sort_key)


def person_target(
    person: str, talks: Iterable[Talk], members: Iterable[Membership],
    hosts: Iterable[IndexHost],
) -> tuple[str, str, str] | None:
    """Where a reference to a person leads: their People-page entry, else their first card or
    committee place. Returns (docname, anchor, name) or None for an unknown person."""
    found = [(t.docname, t.anchor, t.name) for t in talks if t.person == person]
    found += [(m.docname, m.anchor, m.name) for m in members if m.person == person]
    if not found:
        return None
    name = sorted(found)[0][2]
    people_pages = sorted(h.docname for h in hosts if h.kind == "people")
    if people_pages:
        return people_pages[0], person_anchor(person), name
    return sorted(found)[0]


def person_anchor(person: str) -> str:
    """The id of a person's entry on the People page."""
    return f"person-{person}"


def similar_pairs(names: dict[str, str]) -> list[tuple[str, str]]:
    """Pairs of ids whose names look alike: same given name and a close family name, or the
    reverse. Comparing only within those blocks keeps this linear in practice."""
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for person, name in names.items():
        words = name.casefold().split()
        if len(words) >= 2:
            blocks["given", words[0]].append(person)
            blocks["family", words[-1]].append(person)
    pairs = set()
    for block in blocks.values():
        for i, one in enumerate(block):
            for other in block[i + 1:]:
                ratio = difflib.SequenceMatcher(
                    None, names[one].casefold(), names[other].casefold()).ratio()
                if ratio >= SIMILARITY:
                    pairs.add((min(one, other), max(one, other)))
    return sorted(pairs)
