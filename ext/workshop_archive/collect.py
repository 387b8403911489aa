"""Aggregates derived from the domain's facts: pure functions, recomputed when needed.

Everything here sorts with explicit keys, because the order in which documents are read changes
under ``-j``; the output must not.
"""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes

from . import anchors
from .config import build_date, canonical_name
from .i18n import _, month_day
from .text import family_name

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

    from .records import Contribution, Edition, IndexHost, Membership, Paper, Talk

#: how alike two spellings must be (difflib ratio) to be suspected of naming one person
SIMILARITY = 0.85


class Appearance(NamedTuple):
    """One line of a person's entry on the People page."""

    edition: str
    #: ``talk``, ``committee`` or ``paper``
    kind: str
    #: the role label (``Keynote Speaker``) or the committee name
    role: str
    affiliation: str
    #: the talk title, '' for committee places and unannounced talks
    title: str
    docname: str
    anchor: str
    #: the key of the paper the talk presented, or ''
    paper: str = ""
    #: a talk's slides and recording, (kind, url) pairs (:func:`talk_material`)
    material: tuple[tuple[str, str], ...] = ()


class Person(NamedTuple):
    """A person across editions, as the People page shows them."""

    id: str
    name: str
    #: other spellings seen on the pages or declared in the people file
    aliases: tuple[str, ...]
    appearances: tuple[Appearance, ...]
    #: what the person is filed under: the people file's ``sort`` ('' for the last word)
    sort: str = ""

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """The people file's ``sort`` (``Berg, Anna van der``), else the family name (the last
        word), then the full name, accents folded (Ødegaard files under O), then the id."""
        return (folded(self.sort or family_name(self.name)), folded(self.name), self.id)

    @property
    def letter(self) -> str:
        """The letter the People page files this person under (``#`` for no Latin letter)."""
        initial = self.sort_key[0][:1].upper()
        return initial if "A" <= initial <= "Z" else "#"


#: Latin letters that Unicode does not decompose into a base letter and an accent
_LATIN_BASE = str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d",
                             "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "ı": "i"})


def folded(text: str) -> str:
    """Lowercase text with accents removed, for sorting (``Łukasz`` sorts as ``lukasz``)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LATIN_BASE))
    ascii_text = decomposed.encode("ascii", "ignore").decode()
    return (ascii_text or text).casefold()


def edition_order(editions: Iterable[Edition]) -> dict[str, int]:
    """Rank of each edition id, newest first (by date, then id)."""
    ordered = sorted(editions, key=lambda e: (e.date, e.id), reverse=True)
    return {edition.id: rank for rank, edition in enumerate(ordered)}


def edition_title(env: BuildEnvironment, edition: Edition) -> str:
    """The page title of an edition, falling back to its host conference."""
    title = env.titles.get(edition.docname)
    return title.astext() if title is not None else edition.conference or edition.id


def edition_dates(edition: Edition, config: Config) -> str:
    """``December 16, 2023``, or ``December 10, 2021 – December 11, 2021`` ('' without a date)."""
    return " – ".join(month_day(iso, config) for iso in (edition.date, edition.end_date) if iso)


def is_upcoming(edition: Edition | None, config: Config) -> bool:
    """True when the edition's last day is not yet past on the build's date (``ws_today``)."""
    if edition is None or not edition.date:
        return False
    last = dt.date.fromisoformat(edition.end_date or edition.date)
    return last >= build_date(config)


def untitled(edition: Edition | None, config: Config) -> str:
    """What a talk without a title says: it is to be announced only while the edition is to
    come; after it, the title was simply never published."""
    return (_("title to be announced") if is_upcoming(edition, config)
            else _("title not published"))


def talks_by_key(talks: Iterable[Talk]) -> dict[str, Talk]:
    """Talks by ``<edition>/<person>``; the person's own card before a panel they sat on, else
    the first (a duplicate card is warned at read)."""
    found: dict[str, Talk] = {}
    for talk in sorted(talks, key=lambda t: t.anchor != t.person):  # stable: own cards first
        found.setdefault(talk.key, talk)
    return found


def papers_by_key(papers: Iterable[Paper]) -> dict[str, Paper]:
    """Papers by ``<edition>/<id>``; the first of a key (a duplicate id is warned at read)."""
    found: dict[str, Paper] = {}
    for paper in papers:
        found.setdefault(paper.key, paper)
    return found


def items_by_key(talks: Iterable[Talk]) -> dict[str, list[Talk]]:
    """The people of each panel or joint talk, by ``<edition>/<its id>``, in the card's order."""
    found: dict[str, list[Talk]] = defaultdict(list)
    for talk in talks:
        if talk.anchor != talk.person:
            found[f"{talk.edition}/{talk.anchor}"].append(talk)
    return dict(found)


def item_display(people: Sequence[Talk], config: Config) -> str:
    """A panel's name in link titles: ``Panel: Title`` (its people when it has no title)."""
    first = people[0]
    label = _("Panel") if first.role in ("panel", "moderator") else first.label
    shown = first.title or ", ".join(display_name(t.person, [t.name], config) for t in people)
    return shown if shown.lower().startswith(label.lower()) else f"{label}: {shown}"


def item_reference_content(people: Sequence[Talk], config: Config) -> nodes.inline:
    """What a ``{ws:talk}`` reference to a panel shows: its label and title, then its people."""
    content = nodes.inline(classes=["ws-talk-ref"])
    heading = item_display(people, config)
    content += nodes.strong(heading, heading)
    names = ", ".join(display_name(t.person, [t.name], config) for t in people)
    content += nodes.Text(f" — {names}")
    return content


def display_name(person: str, spellings: Sequence[str], config: Config) -> str:
    """The name shown for a person everywhere but their own card: the people file's, else the
    spelling used most often (of equals, the first in document order, so never read order)."""
    return canonical_name(person, config) or Counter(spellings).most_common(1)[0][0]


def with_paper_title(talk: Talk, papers: dict[str, Paper]) -> Talk:
    """The talk, titled with its paper's title when it has none of its own (a contributed talk
    whose card gives only ``:paper:``)."""
    paper = papers.get(talk.paper) if talk.paper and not talk.title else None
    return talk._replace(title=paper.title) if paper is not None else talk


#: the kinds of a talk's material, as the card's options and the paper's link fields name them
MATERIAL_KINDS = ("slides", "video")


def talk_material(talk: Talk,
                  papers: dict[str, Paper] | None = None) -> tuple[tuple[str, str], ...]:
    """A talk's slides and recording, (kind, url) pairs: the card's own, else (kind by kind)
    those of the paper a contributed talk presented, when ``papers`` is given."""
    paper = papers.get(talk.paper) if papers and talk.paper else None
    given = dict(paper_material(paper)) if paper is not None else {}
    return tuple((kind, url) for kind in MATERIAL_KINDS
                 if (url := getattr(talk, kind) or given.get(kind, "")))


def paper_material(paper: Paper) -> tuple[tuple[str, str], ...]:
    """The slides and recording of a paper's talk, from its links: (kind, url) pairs."""
    given = dict(paper.links)
    return tuple((kind, given[kind]) for kind in MATERIAL_KINDS if given.get(kind))


def talk_display(talk: Talk, config: Config) -> str:
    """A talk's name in objects.inv, search results and link titles: ``Speaker: Title``."""
    name = display_name(talk.person, [talk.name], config)
    return f"{name}: {talk.title}" if talk.title else name


def talk_reference_content(talk: Talk, config: Config) -> nodes.inline:
    """What a ``{ws:talk}`` reference shows: label and name, affiliation, title."""
    content = nodes.inline(classes=["ws-talk-ref"])
    name = display_name(talk.person, [talk.name], config)
    heading = f"{talk.label}: {name}" if talk.label else name
    content += nodes.strong(heading, heading)
    if talk.affiliation:
        content += nodes.Text(f", {talk.affiliation}")
    if talk.title:
        content += nodes.Text(" — ")
        content += nodes.emphasis(talk.title, talk.title)
    return content


def paper_title(paper: Paper) -> str:
    """The title a paper is shown with (a withdrawn paper may have none)."""
    return paper.title or _("Title not published")


def paper_display(paper: Paper) -> str:
    """A paper's name in objects.inv, search results and link titles: its title."""
    title = paper_title(paper)
    return f"{title} {_('(withdrawn)')}" if paper.withdrawn else title


def paper_reference_content(paper: Paper) -> nodes.inline:
    """What a ``{ws:paper}`` reference shows: the title, then the authors."""
    content = nodes.inline(classes=["ws-paper-ref"])
    title = paper_title(paper)
    content += nodes.emphasis(title, title)
    if paper.authors:
        content += nodes.Text(f" — {', '.join(paper.authors)}")
    if paper.withdrawn:
        content += nodes.Text(" " + _("(withdrawn)"))
    return content


def contributed_papers(papers: Iterable[Paper], contributions: Iterable[Contribution],
                       talks: Iterable[Talk]) -> list[Paper]:
    """The papers presented as contributed talks that no speaker card presents: those a
    contributed schedule row links to, in schedule order, then those given as orals or
    spotlights, in the order of their lists."""
    by_key = papers_by_key(papers)
    carded = {talk.paper for talk in talks if talk.paper}
    keys = [c.paper for c in sorted(contributions, key=lambda c: (c.docname, c.lineno))]
    keys += [p.key for p in by_key.values() if p.presentation in ("oral", "spotlight")]
    found: dict[str, Paper] = {}
    for key in keys:
        if key in by_key and key not in carded:
            found.setdefault(key, by_key[key])
    return list(found.values())


def people_index(
    talks: Iterable[Talk], members: Iterable[Membership], config: Config,
    order: dict[str, int] | None = None, papers: Iterable[Paper] = (),
) -> list[Person]:
    """Every person who spoke, served or wrote an accepted paper, once, with their appearances
    (newest edition first)."""
    order = order or {}
    papers = list(papers)
    by_key = papers_by_key(papers)
    names: dict[str, list[str]] = defaultdict(list)
    appearances: dict[str, list[Appearance]] = defaultdict(list)
    for talk in talks:
        names[talk.person].append(talk.name)
        appearances[talk.person].append(Appearance(
            talk.edition, "talk", talk.label, talk.affiliation, talk.title, talk.docname,
            talk.anchor, talk.paper, talk_material(talk, by_key)))
    for member in members:
        names[member.person].append(member.name)
        appearances[member.person].append(Appearance(
            member.edition, "committee", member.committee, member.affiliation, "", member.docname,
            member.anchor))
    for paper in papers:
        for person, author in zip(paper.people, paper.authors, strict=True):
            names[person].append(author)
            appearances[person].append(Appearance(
                paper.edition, "paper", _("Paper"), "", paper_title(paper), paper.docname,
                paper.anchor, paper.key))
    people = []
    for person, spellings in names.items():
        name = display_name(person, spellings, config)
        declared = config.ws_people.get(person, {}).get("aliases", [])
        aliases = tuple(sorted({*spellings, *declared} - {name}))
        ordered = sorted(
            set(appearances[person]),
            key=lambda a: (order.get(a.edition, len(order)), a.edition, a.docname, a.anchor),
        )
        sort = config.ws_people.get(person, {}).get("sort", "")
        people.append(Person(person, name, aliases, tuple(ordered), sort))
    return sorted(people, key=lambda p: p.sort_key)


def person_home(person: Person, hosts: Iterable[IndexHost]) -> tuple[str, str]:
    """Where a person lives, (docname, anchor): their entry on the People page, else (a site
    without one) their first card or committee place."""
    people_page = people_page_of(hosts)
    if people_page:
        return people_page, anchors.person(person.id)
    return min((a.docname, a.anchor) for a in person.appearances)


def people_page_of(hosts: Iterable[IndexHost]) -> str:
    """The page that shows the People index (the first by name if several do), or ''."""
    return min((h.docname for h in hosts if h.kind == "people"), default="")


def similar_pairs(names: dict[str, str]) -> list[tuple[str, str]]:
    """Pairs of ids whose names look alike: the same given name and a close spelling of the
    rest, or the same family name and a close spelling of the rest (Jon/John Smith, Natasha
    Jaques/Jacques).

    Only the words that differ are compared: the shared word would make any two short names of
    one family alike ("Yue Zhu" and "Yun Zhu", "Cheng Wang" and "Cheng Zhang"), and an archive of
    a thousand authors has hundreds of such names, each a different person. Comparing within
    the blocks of one given or family name keeps this linear in practice.
    """
    folded_names = {person: name.casefold().split() for person, name in names.items()}
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for person, words in folded_names.items():
        if len(words) >= 2:
            blocks["given", words[0]].append(person)
            blocks["family", words[-1]].append(person)
    pairs = set()
    matcher = difflib.SequenceMatcher(None)
    for (side, _word), block in blocks.items():
        # the rest of each name: after the shared given name, or before the shared family name
        rest = {person: " ".join(folded_names[person][1:] if side == "given"
                                 else folded_names[person][:-1]) for person in block}
        for i, one in enumerate(block):
            # the matcher indexes its second sequence: set it once for all of one's pairs
            matcher.set_seq2(rest[one])
            for other in block[i + 1:]:
                matcher.set_seq1(rest[other])
                # real_quick_ratio and quick_ratio bound ratio from above and cost far less:
                # most pairs of an archive stop there (this runs on every build)
                if (matcher.real_quick_ratio() >= SIMILARITY
                        and matcher.quick_ratio() >= SIMILARITY
                        and matcher.ratio() >= SIMILARITY):
                    pairs.add((min(one, other), max(one, other)))
    return sorted(pairs)
