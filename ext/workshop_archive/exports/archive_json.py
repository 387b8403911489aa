"""``archive.json`` (write phase, once per build, website builders): the archive's facts for
researchers, without scraping pages. Editions, people with their aliases, talks with their
slides and recordings, committees, schedule rows (ISO 8601 date-times with the edition's UTC
offset) and papers, each with the address of the page that shows it. Its shape is
``archive.schema.json`` (JSON Schema 2020-12), copied beside it; ``schema_version`` changes
when the shape does.

Everything is sorted by explicit keys and written with sorted keys, so two builds of the same
sources write the same bytes. The file is written again only when the data changed (written.py).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ..collect import edition_order, edition_title, paper_title, talk_material
from .events import Event, edition_span, events, summary
from .ics import edition_file, event_file
from .written import WrittenFiles

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from ..domain import WorkshopDomain
    from ..records import Edition, Paper, Talk

#: the version of the file's shape: the major number changes when a field is removed or changes
#: meaning, the minor when one is added
SCHEMA_VERSION = "1.1"
SCHEMA = Path(__file__).with_name("archive.schema.json")
FILE = PurePosixPath("archive.json")


def url(builder: Builder, docname: str, anchor: str = "") -> str:
    """The address of a page (and anchor), relative to the site's root."""
    target = builder.get_target_uri(docname)
    return f"{target}#{anchor}" if anchor else target


def iso(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None


def edition_entry(edition: Edition, builder: Builder, has_calendar: bool) -> dict[str, Any]:
    span = edition_span(edition)
    # the opening hours as date-times; an edition known by its days has start_date/end_date only
    timed = span is not None and isinstance(span[0], dt.datetime)
    return {
        "id": edition.id,
        "title": edition_title(builder.env, edition),
        "conference": edition.conference or None,
        "start_date": edition.date or None,
        "end_date": edition.end_date or edition.date or None,
        "start": iso(span[0]) if timed else None,
        "end": iso(span[1]) if timed else None,
        "timezone": edition.timezone or None,
        "virtual": edition.virtual,
        "venue": edition.venue or None,
        "room": edition.room or None,
        "city": edition.city or None,
        "contact": edition.contact or None,
        "website": edition.website or None,
        "call_for_papers": edition.call_for_papers or None,
        "submission_deadline": edition.submission_deadline or None,
        "notification": edition.notification or None,
        "camera_ready": edition.camera_ready or None,
        "url": url(builder, edition.docname),
        "calendar": str(edition_file(edition.id)) if has_calendar else None,
    }


def talk_entry(talk: Talk, builder: Builder, calendar: str | None,
               papers: dict[str, Paper]) -> dict[str, Any]:
    material = dict(talk_material(talk, papers))
    return {
        "key": talk.key,
        "edition": talk.edition,
        "person": talk.person,
        "name": talk.name,
        "role": talk.role or None,
        "label": talk.label or None,
        "affiliation": talk.affiliation or None,
        "title": talk.title or None,
        "slides": material.get("slides"),
        "video": material.get("video"),
        "url": url(builder, talk.docname, talk.anchor),
        "calendar": calendar,
    }


def row_entry(event: Event, builder: Builder) -> dict[str, Any]:
    slot = event.slot
    return {
        "edition": slot.edition,
        "start": iso(event.start),
        "end": iso(event.end),
        "kind": slot.kind,
        "parallel": slot.parallel,
        "title": summary(event, builder.config),
        "text": slot.text,
        "talk": event.talk.key if event.talk is not None else None,
        "paper": event.paper.key if event.paper is not None else None,
        "url": url(builder, slot.docname),
        "calendar": str(event_file(event)),
    }


def paper_entry(paper: Paper, builder: Builder) -> dict[str, Any]:
    return {
        "key": paper.key,
        "edition": paper.edition,
        "id": paper.id,
        "title": paper_title(paper),
        "authors": [{"name": name, "person": person}
                    for name, person in zip(paper.authors, paper.people, strict=True)],
        "links": dict(paper.links),
        "presentation": paper.presentation or None,
        "session": paper.session or None,
        "award": paper.award or None,
        "withdrawn": paper.withdrawn,
        "url": url(builder, paper.docname, paper.anchor),
    }


def archive_data(domain: WorkshopDomain, builder: Builder) -> dict[str, Any]:
    """The whole archive as plain data, in a stable order."""
    config = builder.config
    order = edition_order(domain.editions)
    editions = sorted(domain.editions_by_id.values(), key=lambda e: (order[e.id], e.id))
    rows = events(domain)
    talk_calendars: dict[str, str] = {}
    for event in (event for edition in editions for event in rows.get(edition.id, [])):
        if event.talk is not None:
            talk_calendars.setdefault(event.talk.key, str(event_file(event)))
    people = []
    for person in domain.people.values():
        docname, anchor = domain.person_homes[person.id]
        people.append({"id": person.id, "name": person.name, "aliases": list(person.aliases),
                       "url": url(builder, docname, anchor)})
    committees: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for member in domain.members:
        committees.setdefault((member.edition, member.committee), []).append({
            "person": member.person, "name": member.name,
            "affiliation": member.affiliation or None,
            "url": url(builder, member.docname, member.anchor),
        })
    return {
        "schema_version": SCHEMA_VERSION,
        "project": config.project,
        "base_url": config.html_baseurl or None,
        "editions": [edition_entry(e, builder, bool(rows.get(e.id)) or bool(e.date))
                     for e in editions],
        "people": people,
        "talks": [talk_entry(talk, builder, talk_calendars.get(key), domain.papers_by_key)
                  for key, talk in sorted(domain.talks_by_key.items())],
        "committees": [{"edition": edition, "committee": committee, "members": members}
                       for (edition, committee), members in committees.items()],
        "schedule": [row_entry(event, builder)
                     for edition in editions for event in rows.get(edition.id, [])],
        "papers": [paper_entry(paper, builder)
                   for _, paper in sorted(domain.papers_by_key.items())],
    }


def write_archive_json(app: Sphinx, domain: WorkshopDomain) -> None:
    """Write ``archive.json`` and its schema when their content changed since the last build
    (written.py): JSON with indentation is written by the json module's pure-Python encoder,
    the costliest step of the file."""
    data = archive_data(domain, app.builder)
    written = WrittenFiles(app, "archive-json")
    written.write(FILE, data, lambda: (json.dumps(data, ensure_ascii=False, indent=1,
                                                  sort_keys=True) + "\n").encode("utf-8"))
    schema = SCHEMA.read_bytes()
    written.write(PurePosixPath(SCHEMA.name), schema, lambda: schema)
    written.save()
