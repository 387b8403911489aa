"""The edition's card, from the pages' front matter: ``site_description`` holds the conference, the
day, the hours and the place (``Workshop on ML for Systems at NeurIPS 2023, December 16, New Orleans
Convention Center, 9:00AM-5:00PM, Room 211-213``). This is plain text, not markup."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...text import parse_time

if TYPE_CHECKING:
    from .facts import EditionFacts
    from .page import LegacyPage

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_DAY = re.compile(rf"^({'|'.join(MONTHS)})\s+(\d{{1,2}})(?:st|nd|rd|th)?$", re.IGNORECASE)
_HOURS = re.compile(r"(\d{1,2}(?::\d{2})?\s*[AP]M)\s*-\s*(\d{1,2}(?::\d{2})?\s*[AP]M)",
                    re.IGNORECASE)
_YEAR = re.compile(r"\b(\d{4})\b")
_ORDINAL = re.compile(r"^(\d{1,2})(st|nd|rd|th)$")


def hours_of(text: str) -> tuple[str, str] | None:
    """``9:00AM-5:00PM`` -> ``("9:00 AM", "5:00 PM")``, or None."""
    found = _HOURS.search(text)
    if not found:
        return None
    start, end = parse_time(found[1]), parse_time(found[2])
    if start is None or end is None:
        return None
    return start.display, end.display


def description_facts(description: str) -> dict[str, str]:
    """What a ``site_description`` says, by field (only the fields it states)."""
    _, at, rest = description.partition(" at ")
    parts = [part.strip().rstrip(".") for part in (rest if at else description).split(",")]
    found: dict[str, str] = {}
    if parts and _YEAR.search(parts[0]):
        found["conference"] = parts.pop(0)
    leftovers = []
    for part in parts:
        span = _HOURS.search(part)
        if span:
            hours = hours_of(part)
            if hours:
                found["hours"] = " - ".join(hours)
            part = (part[: span.start()] + part[span.end():]).strip()
            if not part:
                continue
        day = _DAY.match(part)
        if day and "day" not in found:
            found["day"] = f"{MONTHS.index(day[1].lower()) + 1:02d}-{int(day[2]):02d}"
            found["day_text"] = part
            continue
        leftovers.append(part)
    for part in leftovers:
        if "room" in part.lower() or ("level" in part.lower() and any(c.isdigit() for c in part)):
            found.setdefault("room", part)
        elif re.search(r"\b(convention|centre|center|hall|hotel)\b", part, re.IGNORECASE):
            found.setdefault("venue", part)
        else:
            found.setdefault("unmapped", part)
    return found


def read_card(pages: list[LegacyPage], facts: EditionFacts) -> None:
    """Fill the edition card from the first page (``index.md``) that states each field, and report
    every page whose description disagrees with it."""
    edition = facts.edition
    chosen: dict[str, tuple[str, str]] = {}
    for page in pages:
        for line, text in page.front_comments:
            facts.fault(page.where(line), "commented-out",
                        f"front matter line '# {text}' is commented out: not imported")
        description = page.front.get("site_description")
        if description is None:
            continue
        where = page.where(page.front_lines["site_description"])
        for key, value in description_facts(description).items():
            if key == "day_text":
                continue
            if key not in chosen:
                chosen[key] = (value, where)
            elif chosen[key][0] != value and key != "unmapped":
                facts.fault(where, "pages-disagree",
                            f"{key} {value!r} here, but {chosen[key][0]!r} at {chosen[key][1]}; "
                            "the card keeps the first")
        name = page.front.get("workshop_name")
        if name is not None and name != edition.id:
            facts.fault(page.where(page.front_lines["workshop_name"]), "other-edition",
                        f"workshop_name is {name!r}, not {edition.id!r}")
    year = _YEAR.search(chosen.get("conference", ("", ""))[0])
    if "conference" in chosen:
        edition.conference = chosen["conference"][0]
        edition.source = chosen["conference"][1]
    if "day" in chosen and year:
        edition.date = f"{year[1]}-{chosen['day'][0]}"
    elif pages:
        where = chosen.get("day", ("", pages[0].where(1)))[1]
        facts.fault(where, "unmapped", "no day of the year found in site_description; write "
                    ":date: by hand")
    for key in ("hours", "venue", "room"):
        if key in chosen:
            setattr(edition, key, chosen[key][0])
    if "unmapped" in chosen:
        value, where = chosen["unmapped"]
        if value.lower() == "zoomville":
            edition.virtual = True
            facts.fault(where, "virtual", f"the place is {value!r}: the edition is marked "
                        ":virtual:")
        else:
            facts.fault(where, "unmapped", f"{value!r} is not a day, a time, a room or a venue; "
                        "write :date:, :city: or :venue: by hand")
