"""schema.org structured data (write phase, website builders): an ``Event`` on each edition page
and the ``Person`` entries on the People page, as JSON-LD in the page's head.

An edition is an Event with its days (date-times with the UTC offset when its hours are known),
its place (or, for a virtual edition, a VirtualLocation and the online attendance mode), the host
conference as super-event, its organizing committee as organizer, its speakers as performers, each
timed schedule row as a sub-event, and its papers as ScholarlyArticle works featured.

A talk's recording is a VideoObject that the edition and the talk's sub-event were
``recordedIn``, and its slides a PresentationDigitalDocument among their ``workFeatured``.
``recordedIn`` is schema.org's property of an Event for the work that captured all or part of
it (an Event has no ``video``, and ``subjectOf`` would only say the video is about it);
``workFeatured`` names a work an event featured, as the papers are. The edition
lists every talk's recording and slides, since a talk without a timed row has no sub-event.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .. import anchors
from ..collect import (
    edition_title,
    paper_material,
    paper_title,
    talk_display,
    talk_material,
    with_paper_title,
)
from .events import Event, edition_span, events, summary

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from ..domain import WorkshopDomain
    from ..records import Edition, Paper, Talk

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


def material(found: tuple[tuple[str, str], ...], name: str) -> dict[str, Any]:
    """A talk's recording and slides as schema.org properties of its Event: the recording is a
    ``VideoObject`` the event was ``recordedIn``, the slides a ``PresentationDigitalDocument``
    among its ``workFeatured`` (both properties of Event, whose values are CreativeWorks)."""
    urls = dict(found)
    works: dict[str, Any] = {}
    if "video" in urls:
        works["recordedIn"] = [{"@type": "VideoObject", "name": name, "url": urls["video"]}]
    if "slides" in urls:
        works["workFeatured"] = [{"@type": "PresentationDigitalDocument", "name": name,
                                  "url": urls["slides"]}]
    return works


def sub_event(event: Event, builder: Builder, edition: dict[str, Any],
              papers: dict[str, Paper]) -> dict[str, Any]:
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
        found.update(material(talk_material(event.talk, papers), found["name"]))
    elif event.paper is not None:
        found["url"] = absolute(builder, event.paper.docname, event.paper.anchor)
        found.update(material(paper_material(event.paper), found["name"]))
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
        data["subEvent"] = [sub_event(event, builder, data, domain.papers_by_key)
                            for event in rows]
    # the talks' recordings and slides, each a part of the edition: those of the cards (with
    # the paper's when the card has none), then those of papers presented without a card
    works: dict[str, list[dict[str, Any]]] = {}
    for talk in talks:
        shown = talk_display(with_paper_title(talk, domain.papers_by_key), builder.config)
        for key, value in material(talk_material(talk, domain.papers_by_key), shown).items():
            works.setdefault(key, []).extend(value)
    papers = [p for p in domain.papers if p.edition == edition.id and not p.withdrawn]
    carded = {talk.paper for talk in talks if talk.paper}
    for paper in papers:
        if paper.key not in carded:
            for key, value in material(paper_material(paper), paper_title(paper)).items():
                works.setdefault(key, []).extend(value)
    if works.get("recordedIn"):
        data["recordedIn"] = works["recordedIn"]
    if papers or works.get("workFeatured"):
        data["workFeatured"] = [{
            "@type": "ScholarlyArticle",
            "name": paper_title(paper),
            "author": [person(name) for name in paper.authors],
            "url": absolute(builder, paper.docname, paper.anchor),
            **({"sameAs": dict(paper.links)["pdf"]} if "pdf" in dict(paper.links) else {}),
        } for paper in papers] + works.get("workFeatured", [])
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
