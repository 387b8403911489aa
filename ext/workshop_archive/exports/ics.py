"""Calendars (write phase, once per build, HTML builders): ``calendar/<edition>.ics`` with every
timed row of the edition's schedule, and ``calendar/<edition>/<row>.ics`` with one row (a talk's
is named after its speaker). Written with icalendar, each event in the edition's timezone with its
VTIMEZONE; UIDs are stable and DTSTAMP comes from SOURCE_DATE_EPOCH, so two builds of the same
sources write the same bytes. A file is written again only when what it is made of changed
(written.py): editing one edition rewrites that edition's calendars only.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, NamedTuple

from .. import anchors
from ..collect import paper_material, talk_material
from .events import Event, edition_span, events, summary, uid_host
from .written import WrittenFiles

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from ..domain import WorkshopDomain
    from ..records import Edition, Paper


def edition_file(edition_id: str) -> PurePosixPath:
    """Where an edition's calendar is written, relative to the output directory."""
    return PurePosixPath(anchors.edition_calendar(edition_id))


def event_file(event: Event) -> PurePosixPath:
    """Where the calendar of one row is written, relative to the output directory."""
    return PurePosixPath(anchors.row_calendar(event.edition.id, event.slug))


def stamp() -> dt.datetime:
    """DTSTAMP: the build's time, from SOURCE_DATE_EPOCH when set (reproducible builds)."""
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    return dt.datetime.fromtimestamp(seconds, dt.UTC)


def page_url(builder: Builder, docname: str, anchor: str = "") -> str:
    """The absolute address of a page (and anchor), '' when ``html_baseurl`` is not set."""
    base = builder.config.html_baseurl
    if not base:
        return ""
    url = base.rstrip("/") + "/" + builder.get_target_uri(docname)
    return f"{url}#{anchor}" if anchor else url


def location(edition: Edition) -> str:
    return ", ".join(p for p in (edition.room, edition.venue, edition.city) if p)


#: an iCalendar component's properties, in the order they are written: (name, value) pairs
Fields = tuple[tuple[str, Any], ...]


class CalendarFile(NamedTuple):
    """What one calendar file is made of, as plain data: computed for every file at every
    build (cheap), and turned into iCalendar text only when it changed (written.py)."""

    calendar: Fields
    events: tuple[Fields, ...]
    #: the days around the edition, whose VTIMEZONE the file holds (None: no timezone)
    zone_days: tuple[dt.date, dt.date] | None

    def inputs(self) -> object:
        """What the file's bytes depend on. DTSTAMP says when an event was last revised: when
        SOURCE_DATE_EPOCH is not set it is the build's time, and a calendar whose events did
        not change keeps the stamp of the build that wrote it."""
        if "SOURCE_DATE_EPOCH" in os.environ:
            return self
        return self._replace(events=tuple(
            tuple(field for field in fields if field[0] != "dtstamp") for fields in self.events))

    def to_ical(self) -> bytes:
        # imported here: a build that changes no calendar does without icalendar (0.07 s)
        import icalendar

        cal = icalendar.Calendar()
        for name, value in self.calendar:
            cal.add(name, value)
        for fields in self.events:
            item = icalendar.Event()
            for name, value in fields:
                item.add(name, value)
            cal.add_component(item)
        if self.zone_days is not None:
            # the VTIMEZONE of the edition's days only: a short, exact definition
            cal.add_missing_timezones(first_date=self.zone_days[0], last_date=self.zone_days[1])
        return cal.to_ical()


def calendar_fields(edition: Edition, name: str) -> Fields:
    fields = [("prodid", "-//workshop-archive//Sphinx//EN"), ("version", "2.0"),
              ("calscale", "GREGORIAN"), ("x-wr-calname", name)]
    if edition.timezone:
        fields.append(("x-wr-timezone", edition.timezone))
    return tuple(fields)


def zone_days(edition: Edition) -> tuple[dt.date, dt.date] | None:
    """The day before the edition to two days after its last (None without a timezone)."""
    if not (edition.timezone and edition.date):
        return None
    first = dt.date.fromisoformat(edition.date)
    last = dt.date.fromisoformat(edition.end_date or edition.date)
    return first - dt.timedelta(days=1), last + dt.timedelta(days=2)


def vevent_fields(event: Event, builder: Builder, title: str,
                  papers: dict[str, Paper]) -> Fields:
    config = builder.config
    fields = [("uid", f"{event.edition.id}-{event.slug}@{uid_host(config)}"),
              ("dtstamp", stamp()), ("dtstart", event.start)]
    if event.end is not None:
        fields.append(("dtend", event.end))
    fields.append(("summary", summary(event, config)))
    parts = [title]
    if event.talk is not None and event.talk.affiliation:
        parts.insert(0, event.talk.affiliation)
    fields.append(("description", " · ".join(parts)))
    if place := location(event.edition):
        fields.append(("location", place))
    anchor = event.talk.anchor if event.talk is not None else ""
    docname = event.talk.docname if event.talk is not None else event.slot.docname
    if url := page_url(builder, docname, anchor):
        fields.append(("url", url))
    # the talk's slides and recording, as attachments by address (RFC 5545, ATTACH)
    found = (talk_material(event.talk, papers) if event.talk is not None
             else paper_material(event.paper) if event.paper is not None else ())
    fields.extend(("attach", link) for _kind, link in found)
    return tuple(fields)


def edition_vevent_fields(edition: Edition, builder: Builder, title: str) -> Fields | None:
    """The edition as one event, for an edition whose schedule gives no times."""
    span = edition_span(edition)
    if span is None:
        return None
    fields = [("uid", f"{edition.id}@{uid_host(builder.config)}"), ("dtstamp", stamp()),
              ("dtstart", span[0]), ("dtend", span[1]), ("summary", title)]
    if place := location(edition):
        fields.append(("location", place))
    if url := page_url(builder, edition.docname):
        fields.append(("url", url))
    return tuple(fields)


def calendar_files(domain: WorkshopDomain, builder: Builder,
                   titles: dict[str, str]) -> dict[PurePosixPath, CalendarFile]:
    """Every calendar file of the archive, by path relative to the output directory.

    :param titles: each edition's page title, by edition id
    """
    files: dict[PurePosixPath, CalendarFile] = {}
    by_edition = events(domain)
    for edition in sorted(domain.editions_by_id.values(), key=lambda e: e.id):
        title = titles[edition.id]
        rows = by_edition.get(edition.id, [])
        days = zone_days(edition)
        if rows:
            items = []
            for event in rows:
                item = vevent_fields(event, builder, title, domain.papers_by_key)
                items.append(item)
                files[event_file(event)] = CalendarFile(
                    calendar_fields(edition, summary(event, builder.config)), (item,), days)
        elif (whole := edition_vevent_fields(edition, builder, title)) is not None:
            items = [whole]
        else:
            continue
        files[edition_file(edition.id)] = CalendarFile(
            calendar_fields(edition, title), tuple(items), days)
    return files


def write_calendars(app: Sphinx, files: dict[PurePosixPath, CalendarFile]) -> None:
    """Write the calendar files whose content changed since the last build (or is missing)."""
    written = WrittenFiles(app, "calendars")
    for path, content in files.items():
        written.write(path, content.inputs(), content.to_ical)
    written.save()
