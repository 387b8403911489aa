"""The facts the importer takes from a legacy edition, and the faults it finds on the way.

Facts only: names, affiliations, roles, titles, dates, times, rooms, links. No field here ever
holds prose (a biography, an abstract, an overview): those stay on the old site.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Fault:
    """Something the importer could not map, or a fault of the legacy page, at its file and line."""

    #: ``neurips2023/schedule.md``
    file: str
    line: int
    #: a short name of the kind: ``12-hour-slip``, ``dangling-anchor``, ``mojibake``...
    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.kind}: {self.message}"


@dataclass
class Edition:
    id: str
    conference: str = ""
    date: str = ""
    hours: str = ""
    venue: str = ""
    room: str = ""
    city: str = ""
    timezone: str = ""
    virtual: bool = False
    contact: str = ""
    #: where the card's facts were read, ``neurips2023/index.md:4``
    source: str = ""


@dataclass
class Speaker:
    name: str
    id: str
    role: str = ""
    #: the badge as published, when it is not the role's own wording
    label: str = ""
    affiliation: str = ""
    talk: str = ""
    #: the legacy page and line of the card
    source: str = ""
    #: the card's HTML anchors (``neurips2023/schedule.md#lattner_talk``), which rows link to
    anchors: tuple[str, ...] = ()
    #: the topic of a special-topic talk (``MARL``)
    topic: str = ""
    #: for a contributed talk, the id of the paper it presented (its card's ``:paper:``)
    paper: str = ""
    #: the talk's slides and recording (absolute URLs)
    slides: str = ""
    video: str = ""
    #: where each of ``slides`` and ``video`` was read, ``{"slides": "isca2019/schedule.md:31"}``
    sources: dict[str, str] = field(default_factory=dict)


@dataclass
class Row:
    """A schedule row: start (and end when published), kind, what."""

    start: str
    text: str
    end: str = ""
    kind: str = ""
    #: the speaker id when the row is a speaker's talk
    talk: str = ""
    #: the paper id when the row is a contributed talk of a known paper
    paper: str = ""
    source: str = ""
    #: rows listed inside this one (the talks of a session), untimed
    nested: list[Row] = field(default_factory=list)
    #: the row starts with the one before it
    parallel: bool = False
    #: the speaker id of who presented the row's paper ("Speaker: X" under its title)
    presenter: str = ""


@dataclass
class Member:
    name: str
    affiliation: str = ""
    link: str = ""
    label: str = ""
    source: str = ""


@dataclass
class Committee:
    title: str
    members: list[Member] = field(default_factory=list)
    source: str = ""


@dataclass
class Reference:
    """A work the overview cites: its number on the old page, the link and the link's text."""

    number: int
    url: str
    title: str
    source: str = ""


@dataclass
class Paper:
    id: str
    title: str
    authors: str
    pdf: str = ""
    source: str = ""
    #: ``Best Paper Award``, as the list page gave it
    award: str = ""
    #: the slides and recording of the paper's talk (absolute URLs)
    slides: str = ""
    video: str = ""
    #: where each of ``slides`` and ``video`` was read
    sources: dict[str, str] = field(default_factory=dict)


@dataclass
class EditionFacts:
    """Everything read from one legacy edition directory."""

    edition: Edition
    speakers: list[Speaker] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    committees: list[Committee] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    papers: list[Paper] = field(default_factory=list)
    #: the legacy pages read, ``neurips2023/index.md``...
    pages: list[str] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    #: (spelling, person id) pairs already reported as one person
    spellings: set[tuple[str, str]] = field(default_factory=set)

    def fault(self, where: str, kind: str, message: str) -> None:
        """Record a fault at ``where`` (``file:line``)."""
        file, _, line = where.rpartition(":")
        self.faults.append(Fault(file, int(line), kind, message))
