"""The facts the read phase records in the domain, one record per thing, each with its source.

Records are NamedTuples: they pickle with the environment and compare by value, which keeps the
freshness fingerprint (see domain.py) stable across processes.
"""

from __future__ import annotations

from typing import NamedTuple

from . import anchors
from .text import slugify


class Edition(NamedTuple):
    """One edition of the workshop, from the ``edition`` directive."""

    #: the slug, e.g. ``neurips2023``
    id: str
    #: the host conference, e.g. ``NeurIPS 2023``
    conference: str
    #: ISO date of the first day, e.g. ``2023-12-16`` ('' when not given)
    date: str
    #: ISO date of the last day, '' for a one-day edition
    end_date: str
    #: opening hours as written, e.g. ``9:00 AM - 5:00 PM``
    hours: str
    venue: str
    room: str
    city: str
    #: IANA timezone, '' when unknown
    timezone: str
    #: contact e-mail address
    contact: str
    #: the edition's own website
    website: str
    docname: str
    lineno: int
    #: important dates, each ``YYYY-MM-DD`` and what the call added (``2023-10-06 (AoE)``), or ''
    submission_deadline: str = ""
    notification: str = ""
    camera_ready: str = ""
    #: the call for papers (a URL), or ''
    call_for_papers: str = ""
    #: held online; its ``timezone`` is then the zone the times were published in
    virtual: bool = False

    @property
    def anchor(self) -> str:
        """The id of the edition's card, where search results and objects.inv lead."""
        return anchors.edition(self.id)

    @property
    def year(self) -> str:
        """The year of the edition, from its date (``''`` when it has no date)."""
        return self.date[:4]


class Talk(NamedTuple):
    """A speaker's appearance at one edition, from a ``speaker`` directive."""

    edition: str
    #: the person's id (a slug, after aliases are applied); the card's anchor
    person: str
    #: the name as written on the card
    name: str
    #: a role from ROLES in directives/speaker.py, or '' when unknown
    role: str
    #: the badge text, e.g. ``Keynote Speaker`` or ``Special Topic: MARL``
    label: str
    affiliation: str
    #: the talk title; '' when it was to be announced
    title: str
    docname: str
    lineno: int
    #: the card's HTML id (a panel's, for its people)
    anchor: str
    #: the key (``<edition>/<id>``) of the paper a contributed talk presented, or ''
    paper: str = ""
    #: the talk's slides and its recording (http or https URLs), '' when not given
    slides: str = ""
    video: str = ""

    @property
    def affiliations(self) -> tuple[str, ...]:
        """The affiliations, as written ``A; B`` in one field."""
        return tuple(part.strip() for part in self.affiliation.split(";") if part.strip())

    @property
    def key(self) -> str:
        """The talk's name in roles and objects.inv: ``<edition>/<person>``."""
        return anchors.talk_key(self.edition, self.person)


class Membership(NamedTuple):
    """A person's place on one committee of one edition, from a ``committee`` directive."""

    edition: str
    committee: str
    person: str
    name: str
    affiliation: str
    docname: str
    lineno: int
    #: the HTML id of the list item
    anchor: str


class Slot(NamedTuple):
    """A timed row of an edition's schedule, from a ``schedule`` directive: what the calendars,
    the archive data and the structured data list as an event."""

    edition: str
    #: ISO date of the day ('' when neither the schedule nor the edition gives one)
    date: str
    #: the start as ``HH:MM``
    start: str
    #: the end as ``HH:MM``, '' when the schedule does not say
    end: str
    #: a kind from KINDS in directives/schedule.py
    kind: str
    #: True for a row that runs beside another (``[talk, parallel]``)
    parallel: bool
    #: the row's text as written, without markup
    text: str
    #: the talk the row links to (``<edition>/<person>``), '' when none
    talk: str
    #: the paper the row presents (``<edition>/<id>``), '' when none
    paper: str
    docname: str
    lineno: int

    @property
    def slug(self) -> str:
        """The row's name in file names and calendar UIDs: the speaker's id for a talk,
        ``paper-<id>`` for a paper, else the day, the start and the first words
        (``20231216-0900-opening-remarks``)."""
        if self.talk:
            return self.talk.partition("/")[2]
        if self.paper:
            return f"paper-{slugify(self.paper.partition('/')[2])}"
        words = "-".join(slugify(self.text).split("-")[:6]) or "session"
        return f"{self.date.replace('-', '')}-{self.start.replace(':', '')}-{words}"


class IndexHost(NamedTuple):
    """A page that shows a cross-edition index, re-written whenever the facts change."""

    kind: str
    docname: str
    lineno: int


class PageAnchors(NamedTuple):
    """The HTML ids of an edition's page, as read: where its old addresses may lead
    (exports/redirects.py)."""

    docname: str
    ids: tuple[str, ...]


class Paper(NamedTuple):
    """An accepted paper of one edition, from a ``ws:papers`` CSV row or a ``ws:paper``
    directive."""

    edition: str
    #: the paper's number in its edition, as the submission system gave it (``37``)
    id: str
    #: the title as written; '' for a withdrawn paper whose title was not published
    title: str
    #: the authors' names as written, in order
    authors: tuple[str, ...]
    #: the authors' person ids (aliases applied), in the same order
    people: tuple[str, ...]
    #: (kind, url) pairs, kinds from LINKS in directives/papers.py, in that order
    links: tuple[tuple[str, str], ...]
    #: ``oral``, ``spotlight``, ``poster`` or ''
    presentation: str
    session: str
    award: str
    withdrawn: bool
    docname: str
    #: the line of the paper: of its CSV row when ``file`` is set, else of its directive
    lineno: int
    #: the CSV file it was read from, relative to the source directory ('' when in the page)
    file: str
    #: the list item's HTML id
    anchor: str

    @property
    def key(self) -> str:
        """The paper's name in roles and objects.inv: ``<edition>/<id>``."""
        return anchors.paper_key(self.edition, self.id)


class Reference(NamedTuple):
    """A ``ws:`` role in a page (``{ws:talk}`neurips2023/jeff-dean```), kept so that a page whose
    reference did not resolve is read again by the next build, and warns again."""

    #: the role's type: ``talk``, ``person``, ``edition``, ``paper``
    kind: str
    #: the target as the role resolves it
    target: str
    docname: str
    lineno: int


class Contribution(NamedTuple):
    """A paper presented as a contributed talk: a ``{ws:paper}`` in a schedule row of kind
    ``contributed`` (or in a row nested under one)."""

    edition: str
    #: the paper's key, ``<edition>/<id>``
    paper: str
    docname: str
    lineno: int
