"""Slides and recordings of talks: the old pages linked them beside a talk or a paper
(``(slides)``, ``Slides``, ``(recording)``), or embedded the conference's SlidesLive player in a
row of its Detailed Schedule (2022) without a link. They become the speaker card's ``:slides:``
and ``:video:``, or the ``slides`` and ``video`` columns of the paper a contributed talk
presented."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .page import absolute

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .facts import EditionFacts, Paper, Speaker
    from .page import Element, LegacyPage

#: link texts of material beside a talk or a paper: ``(slides)``, ``Slides``, ``(recording)``...
MATERIAL = re.compile(r"^\(?(slides?|recording|video|paper)\)?$", re.IGNORECASE)
#: the link text's word -> the field of the card or the paper (a "(paper)" link is the PDF,
#: which the accepted papers give)
KINDS = {"slide": "slides", "slides": "slides", "recording": "video", "video": "video"}
#: the SlidesLive player of the conference's schedule: ``presentationId: '38994456'``
SLIDESLIVE_EMBED = re.compile(r"presentationId:\s*'(\d+)'")
#: SlidesLive's public address of a presentation, by its id
SLIDESLIVE = "https://slideslive.com/{id}"


def embedded_recordings(element: Element, where: str,
                        facts: EditionFacts) -> list[tuple[str, str, str]]:
    """The recordings of SlidesLive players embedded in ``element`` (a script, no link), as
    links to SlidesLive's address for each presentation id: (field, URL, where). Each is
    reported, so that the notes can say the old page gave no link; the row they sit in gives
    them to its talk or paper (or reports them, when it is neither)."""
    found = []
    for number in SLIDESLIVE_EMBED.findall(element.text()):
        url = SLIDESLIVE.format(id=number)
        facts.fault(where, "embedded-video", f"a SlidesLive player is embedded here "
                    f"(presentationId {number}) with no link to it on the page; its address is "
                    f"{url}")
        found.append(("video", url, where))
    return found


def material_links(element: Element, page: LegacyPage, facts: EditionFacts,
                   exclude: Iterable[Element] = ()) -> list[tuple[str, str, str]]:
    """The slides and recording links inside ``element`` but outside ``exclude`` (the items of
    a session, which have their own): (field, absolute URL, where). Other material links
    ("(paper)") and links without an address are reported, not imported."""
    found = []
    inside = {id(e) for item in exclude for e in item.iter()}
    for link in element.find_all("a"):
        match = MATERIAL.match(link.text())
        if match is None or id(link) in inside:
            continue
        href, where = link.attrs.get("href", "").strip(), page.where(link.line)
        kind = KINDS.get(match[1].lower())
        if kind is None:
            facts.fault(where, "unmapped", f"{link.text()} link {absolute(href)} is not "
                        "imported: the accepted papers give each paper's PDF")
        elif not href or href.startswith("#"):
            facts.fault(where, "unmapped", f"{link.text()} link {href!r} leads to no file; "
                        "not imported")
        else:
            found.append((kind, absolute(href), where))
    return found


def attach(facts: EditionFacts, holder: Speaker | Paper, what: str,
           links: list[tuple[str, str, str]], schedule: bool = False) -> None:
    """Give a speaker or a paper its slides and recording. When two pages link different files,
    the schedule's is kept (the row is where the talk's material was published), else the
    first; either way it is reported."""
    for kind, url, where in links:
        known = getattr(holder, kind)
        if known == url:
            continue
        if known:
            kept = url if schedule else known
            facts.fault(where, "pages-disagree", f"the {kind} of {what} are {url} here but "
                        f"{known} at {holder.sources[kind]}; {kept} is kept")
            if not schedule:
                continue
        setattr(holder, kind, url)
        holder.sources[kind] = where


def check_material(facts: EditionFacts) -> None:
    """One file given as the slides or recording of two talks: one of them is wrong."""
    seen: dict[str, str] = {}
    holders = [*facts.speakers, *facts.papers]
    for holder in sorted(holders, key=lambda h: min(map(_place, h.sources.values()),
                                                    default=("", 0))):
        for kind in ("slides", "video"):
            url = getattr(holder, kind)
            if not url:
                continue
            where = holder.sources[kind]
            if url in seen:
                facts.fault(where, "duplicate", f"{url} is given here and at {seen[url]}: one "
                            "file for two talks; check which talk it belongs to")
            else:
                seen[url] = where


def _place(where: str) -> tuple[str, int]:
    """``neurips2018/schedule.md:27`` -> ``("neurips2018/schedule.md", 27)``, to sort by line."""
    file, _, line = where.rpartition(":")
    return file, int(line)
