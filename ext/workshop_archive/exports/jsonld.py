"""schema.org structured data (write phase, website builders): an ``Event`` on each edition page
and the ``Person`` entries on the People page, as JSON-LD in the page's head.

An edition is an Event with its days (date-times with the UTC offset when its hours are known),
its place (or, for a virtual edition, a VirtualLocation and the online attendance mode), the host
conference as super-event, its organizing committee as organizer, its speakers as performers, each
timed schedule row as a sub-event, and its papers as ScholarlyArticle works featured.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .. import anchors
from ..collect import edition_title, paper_title
from .events import Event, edition_span, events, summary

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from ..domain import WorkshopDomain
    from ..records import Edition, Talk

SCHEMA_ORG = "https://schema.org"
OFFLINE = f"{SCHEMA_ORG}/OfflineEventAttendanceMode"
ONLINE = f"{SCHEMA_ORG}/OnlineEventAttendanceMode"


def absolute(builder: Builder, docname: str, anchor: str = "") -> str:
    """A page's address: absolute under ``html_baseurl``, else relative to the site's root."""
    base = builder.config.html_baseurl
    target = builder.get_target_uri(docname)
    address = f"{base.rstrip('/')}/{target}" if base else target
    return f"{address}#{anchor}" if anchor else address


def person(name: str, affiliation: str = "") -> dict[str, Any]:
    found: dict[str, Any] = {"@type": "Person", "name": name}
    if affiliation:
        found["affiliation"] = {"@type": "Organization", "name": affiliation}
    return found


def place(edition: Edition, builder: Builder) -> dict[str, Any]:
    if edition.virtual:
        return {"@type": "VirtualLocation",
                "url": edition.website or absolute(builder, edition.docname)}
    found: dict[str, Any] = {"@type": "Place",
                             "name": ", ".join(p for p in (edition.room, edition.venue) if p)
                             or edition.city or edition.conference}
    if edition.city:
        found["address"] = {"@type": "PostalAddress", "addressLocality": edition.city}
    return found


def sub_event(event: Event, builder: Builder, edition: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {
        "@type": "Event",
        "name": summary(event, builder.config),
        "startDate": event.start.isoformat(),
        "eventAttendanceMode": edition["eventAttendanceMode"],
        "location": edition["location"],
    }
    if event.end is not None:
        found["endDate"] = event.end.isoformat()
    if event.talk is not None:
        found["url"] = absolute(builder, event.talk.docname, event.talk.anchor)
        found["performer"] = person(event.talk.name, event.talk.affiliation)
    elif event.paper is not None:
        found["url"] = absolute(builder, event.paper.docname, event.paper.anchor)
    return found


def edition_event(domain: WorkshopDomain, edition: Edition, builder: Builder) -> dict[str, Any]:
    """The schema.org Event of one edition."""
    data: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "Event",
        "@id": absolute(builder, edition.docname, edition.anchor),
        "name": edition_title(builder.env, edition),
        "url": absolute(builder, edition.docname),
        "eventStatus": f"{SCHEMA_ORG}/EventScheduled",
        "eventAttendanceMode": ONLINE if edition.virtual else OFFLINE,
        "location": place(edition, builder),
    }
    if span := edition_span(edition):
        start, end = span
        data["startDate"] = start.isoformat()
        # iCalendar's exclusive end day is the day after: schema.org wants the last day
        data["endDate"] = (edition.end_date or edition.date) if not hasattr(end, "hour") \
            else end.isoformat()
    if edition.conference:
        data["superEvent"] = {"@type": "Event", "name": edition.conference}
    organizers = [person(m.name, m.affiliation) for m in domain.members
                  if m.edition == edition.id and "organi" in m.committee.lower()]
    data["organizer"] = organizers or {"@type": "Organization", "name": builder.config.author}
    talks: list[Talk] = [t for t in domain.talks if t.edition == edition.id]
    if talks:
        data["performer"] = [person(t.name, t.affiliation) for t in talks]
    rows = events(domain).get(edition.id, [])
    if rows:
        data["subEvent"] = [sub_event(event, builder, data) for event in rows]
    papers = [p for p in domain.papers if p.edition == edition.id and not p.withdrawn]
    if papers:
        data["workFeatured"] = [{
            "@type": "ScholarlyArticle",
            "name": paper_title(paper),
            "author": [person(name) for name in paper.authors],
            "url": absolute(builder, paper.docname, paper.anchor),
            **({"sameAs": dict(paper.links)["pdf"]} if "pdf" in dict(paper.links) else {}),
        } for paper in papers]
    return data


def people_graph(domain: WorkshopDomain, builder: Builder, docname: str) -> dict[str, Any]:
    """The People page: every person, with the spellings they are also known by."""
    graph = []
    for entry in domain.people.values():
        item: dict[str, Any] = {"@type": "Person",
                                "@id": absolute(builder, docname, anchors.person(entry.id)),
                                "name": entry.name}
        if entry.aliases:
            item["alternateName"] = list(entry.aliases)
        graph.append(item)
    return {"@context": SCHEMA_ORG, "@graph": graph}


def structured_data(domain: WorkshopDomain, builder: Builder, docname: str) -> list[dict]:
    """The JSON-LD documents of one page (none for most pages)."""
    found = [edition_event(domain, edition, builder)
             for edition in domain.editions_by_id.values() if edition.docname == docname]
    if any(host.kind == "people" and host.docname == docname for host in domain.hosts):
        found.append(people_graph(domain, builder, docname))
    return found


def script_text(data: dict[str, Any]) -> str:
    """JSON for a ``<script>`` element: ``<``, ``>`` and ``&`` escaped, so no text in it can
    close the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
