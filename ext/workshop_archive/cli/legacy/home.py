"""What the edition's home page holds besides speakers and the schedule: the committees and the
works the overview cites (a ``ul.footnotes`` list, or inline ``<sup><a>N</a></sup>`` links)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .facts import Committee, Member, Reference
from .page import Element, Text

if TYPE_CHECKING:
    from .facts import EditionFacts
    from .page import LegacyPage

#: headings that open a list of people (``Organizing Committee``, ``Organizers``)
_COMMITTEE = re.compile(r"committee|organi[sz]ers|chairs?\b", re.IGNORECASE)


def next_element(element: Element) -> Element | None:
    """The element after ``element`` among its parent's children."""
    if element.parent is None:
        return None
    siblings = [c for c in element.parent.children if isinstance(c, Element)]
    index = siblings.index(element)
    return siblings[index + 1] if index + 1 < len(siblings) else None


def read_committees(page: LegacyPage, facts: EditionFacts) -> None:
    """Every ``<h2>...Committee</h2>`` followed by a ``<ul>`` of ``<b>Name</b>, Affiliation,
    <a>link</a>`` items."""
    for heading in page.tree.iter():
        if heading.tag not in {"h2", "h3"} or not _COMMITTEE.search(heading.text()):
            continue
        listing = next_element(heading)
        if listing is None or listing.tag != "ul":
            facts.fault(page.where(heading.line), "unmapped",
                        f"heading {heading.text()!r} is not followed by a list of people")
            continue
        committee = Committee(heading.text(), source=page.where(heading.line))
        for item in listing.find_all("li"):
            member = _member(item, page.where(item.line))
            if member is None:
                facts.fault(page.where(item.line), "unmapped",
                            f"committee line {item.text()!r} has no name in bold")
                continue
            committee.members.append(member)
        facts.committees.append(committee)


def _member(item: Element, where: str) -> Member | None:
    bold = next(iter(item.find_all("b")), None) or next(iter(item.find_all("strong")), None)
    if bold is None:
        return None
    link = next(iter(item.find_all("a")), None)
    rest: list[str] = []
    for child in item.children:
        if child is bold or child is link:
            continue
        rest.append(child.data if isinstance(child, Text) else
                    child.text() if isinstance(child, Element) else "")
    affiliation = " ".join("".join(rest).split()).strip(" ,")
    # "Georgia Tech." ends a sentence, "Difference Inc." an abbreviation
    if affiliation.endswith(".") and len(affiliation.rpartition(" ")[2]) > 4:
        affiliation = affiliation[:-1]
    url = link.attrs.get("href", "").strip() if link is not None else ""
    label = link.text() if link is not None else ""
    return Member(bold.text(), affiliation, url, label if label != url else "", where)


def read_contact(page: LegacyPage, facts: EditionFacts) -> None:
    """The organizers' address: the first ``mailto:`` link of the home page."""
    for link in page.tree.find_all("a"):
        address = link.attrs.get("href", "").strip().removeprefix("mailto:")
        if link.attrs.get("href", "").strip().startswith("mailto:") and not facts.edition.contact:
            facts.edition.contact = address


def read_references(page: LegacyPage, facts: EditionFacts) -> None:
    """The numbered works of the overview, from a footnotes list and from inline links."""
    found: dict[int, Reference] = {}

    def add(reference: Reference, line: int) -> None:
        known = found.get(reference.number)
        if known is None:
            found[reference.number] = reference
            return
        if known.url != reference.url:
            facts.fault(page.where(line), "references-disagree",
                        f"[{reference.number}] links to {reference.url} here but to {known.url} "
                        f"at {known.source}; the first is kept")
        elif not known.title and reference.title:
            known.title = reference.title

    for listing in page.tree.find_all("ul", "footnotes"):
        for item in listing.find_all("li"):
            sup = next(iter(item.find_all("sup")), None)
            link = next(iter(item.find_all("a")), None)
            if sup is None or link is None or not sup.text().isdigit():
                facts.fault(page.where(item.line), "unmapped",
                            f"footnote {item.text()!r} has no number or no link")
                continue
            add(Reference(int(sup.text()), link.attrs.get("href", "").strip(), link.text(),
                          page.where(item.line)), item.line)
    for sup in page.tree.find_all("sup"):
        for link in sup.find_all("a"):
            if link.text().isdigit():
                add(Reference(int(link.text()), link.attrs.get("href", "").strip(), "",
                              page.where(link.line)), link.line)
    numbers = sorted(found)
    missing = sorted(set(range(1, numbers[-1] + 1)) - set(numbers)) if numbers else []
    if missing:
        facts.fault(found[numbers[-1]].source, "references-gap",
                    f"no reference is numbered {', '.join(map(str, missing))} (the last is "
                    f"[{numbers[-1]}])")
    by_url: dict[str, Reference] = {}
    for number in numbers:
        reference = found[number]
        if reference.url in by_url:
            first = by_url[reference.url]
            facts.fault(reference.source, "duplicate",
                        f"[{number}] and [{first.number}] cite the same link {reference.url}")
        by_url.setdefault(reference.url, reference)
        facts.references.append(reference)
