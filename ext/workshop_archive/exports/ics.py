"""Calendars (write phase, once per build, HTML builders): ``calendar/<edition>.ics`` with every
timed row of the edition's schedule, and ``calendar/<edition>/<row>.ics`` with one row (a talk's
is named after its speaker). Written with icalendar, each event in the edition's timezone with its
VTIMEZONE; UIDs are stable and DTSTAMP comes from SOURCE_DATE_EPOCH, so two builds of the same
sources write the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import icalendar

from .. import anchors
from .events import Event, edition_span, events, summary, uid_host

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from ..domain import WorkshopDomain
    from ..records import Edition

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


def calendar(edition: Edition, name: str) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//workshop-archive//Sphinx//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    if edition.timezone:
        cal.add("x-wr-timezone", edition.timezone)
    return cal


def finish(cal: icalendar.Calendar, edition: Edition) -> bytes:
    """Add the VTIMEZONE of the edition's days (only those: a short, exact definition)."""
    if edition.timezone and edition.date:
        first = dt.date.fromisoformat(edition.date)
        last = dt.date.fromisoformat(edition.end_date or edition.date)
        cal.add_missing_timezones(first_date=first - dt.timedelta(days=1),
                                  last_date=last + dt.timedelta(days=2))
    return cal.to_ical()


def vevent(event: Event, builder: Builder, title: str) -> icalendar.Event:
    config = builder.config
    item = icalendar.Event()
    item.add("uid", f"{event.edition.id}-{event.slug}@{uid_host(config)}")
    item.add("dtstamp", stamp())
    item.add("dtstart", event.start)
    if event.end is not None:
        item.add("dtend", event.end)
    item.add("summary", summary(event, config))
    parts = [title]
    if event.talk is not None and event.talk.affiliation:
        parts.insert(0, event.talk.affiliation)
    item.add("description", " · ".join(parts))
    if place := location(event.edition):
        item.add("location", place)
    anchor = event.talk.anchor if event.talk is not None else ""
    docname = event.talk.docname if event.talk is not None else event.slot.docname
    if url := page_url(builder, docname, anchor):
        item.add("url", url)
    return item


def edition_vevent(edition: Edition, builder: Builder, title: str) -> icalendar.Event | None:
    """The edition as one event, for an edition whose schedule gives no times."""
    span = edition_span(edition)
    if span is None:
        return None
    item = icalendar.Event()
    item.add("uid", f"{edition.id}@{uid_host(builder.config)}")
    item.add("dtstamp", stamp())
    item.add("dtstart", span[0])
    item.add("dtend", span[1])
    item.add("summary", title)
    if place := location(edition):
        item.add("location", place)
    if url := page_url(builder, edition.docname):
        item.add("url", url)
    return item


def calendar_files(domain: WorkshopDomain, builder: Builder,
                   titles: dict[str, str]) -> dict[PurePosixPath, bytes]:
    """Every calendar file of the archive, by path relative to the output directory.

    :param titles: each edition's page title, by edition id
    """
    files: dict[PurePosixPath, bytes] = {}
    by_edition = events(domain)
    for edition in sorted(domain.editions_by_id.values(), key=lambda e: e.id):
        title = titles[edition.id]
        rows = by_edition.get(edition.id, [])
        whole = calendar(edition, title)
        if rows:
            for event in rows:
                whole.add_component(vevent(event, builder, title))
                single = calendar(edition, summary(event, builder.config))
                single.add_component(vevent(event, builder, title))
                files[event_file(event)] = finish(single, edition)
        elif (item := edition_vevent(edition, builder, title)) is not None:
            whole.add_component(item)
        else:
            continue
        files[edition_file(edition.id)] = finish(whole, edition)
    return files


def write_calendars(outdir: Path, files: dict[PurePosixPath, bytes]) -> None:
    for path, content in files.items():
        target = outdir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)

