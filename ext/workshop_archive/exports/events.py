"""The archive's events, computed from the domain's facts (write phase): every timed schedule row
of an edition as a dated, zoned event, and the edition itself. The calendars, the archive data
and the structured data all read these, so they agree on every time.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..collect import display_name, paper_display, with_paper_title
from ..text import parse_time, slugify

if TYPE_CHECKING:
    from sphinx.config import Config

    from ..domain import WorkshopDomain
    from ..records import Edition, Paper, Slot, Talk


class Event(NamedTuple):
    """A timed row of a schedule, placed on its day and in its edition's timezone."""

    edition: Edition
    slot: Slot
    #: aware when the edition has a timezone, naive ("floating") otherwise
    start: dt.datetime
    end: dt.datetime | None
    #: the speaker's talk the row links to, if any
    talk: Talk | None
    #: the paper the row presents, if any
    paper: Paper | None
    #: unique within the edition: the speaker's id or the day, start and first words
    slug: str


def zone(edition: Edition) -> ZoneInfo | None:
    """The edition's timezone (None when the edition does not give one)."""
    return ZoneInfo(edition.timezone) if edition.timezone else None


def at(day: str, clock: str, edition: Edition) -> dt.datetime:
    """``2023-12-16`` and ``09:05`` as a datetime in the edition's timezone."""
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time.fromisoformat(clock),
                               tzinfo=zone(edition))


def edition_span(edition: Edition) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime] | None:
    """When the edition took place: its opening hours on its first day, else its days as dates
    (the end date exclusive, as in iCalendar); None when it has no date."""
    if not edition.date:
        return None
    if edition.hours and not edition.end_date:
        opens, _, closes = edition.hours.partition(" – ")
        start, end = parse_time(opens), parse_time(closes)
        if start is not None and end is not None:
            return at(edition.date, start.iso, edition), at(edition.date, end.iso, edition)
    last = dt.date.fromisoformat(edition.end_date or edition.date)
    return dt.date.fromisoformat(edition.date), last + dt.timedelta(days=1)


def events(domain: WorkshopDomain) -> dict[str, list[Event]]:
    """Each edition's timed rows, by edition id, in the order of the page."""
    editions = domain.editions_by_id
    talks = domain.talks_by_key
    papers = domain.papers_by_key
    found: dict[str, list[Event]] = {}
    for slot in domain.slots:
        edition = editions.get(slot.edition)
        if edition is None or not slot.date:
            continue
        taken = {event.slug for event in found.get(edition.id, [])}
        slug, number = slot.slug, 1
        while slug in taken:
            number += 1
            slug = f"{slot.slug}-{number}"
        end = at(slot.date, slot.end, edition) if slot.end else None
        found.setdefault(edition.id, []).append(Event(
            edition, slot, at(slot.date, slot.start, edition), end,
            with_paper_title(talks[slot.talk], papers) if slot.talk in talks else None,
            papers.get(slot.paper), slug))
    return found


def summary(event: Event, config: Config) -> str:
    """What the event is called: the talk (``Keynote: Chris Lattner — Title``), the paper
    (``Title — Authors``), else the row as written."""
    talk = event.talk
    if talk is None and event.paper is not None and event.paper.title:
        return paper_display(event.paper)
    if talk is None:
        return event.slot.text
    name = display_name(talk.person, [talk.name], config)
    who = f"{talk.label}: {name}" if talk.label else name
    return f"{who} — {talk.title}" if talk.title else who


def uid_host(config: Config) -> str:
    """The domain part of calendar UIDs: the site's host, else the project's slug."""
    return urlsplit(config.html_baseurl or "").hostname or f"{slugify(config.project)}.invalid"
