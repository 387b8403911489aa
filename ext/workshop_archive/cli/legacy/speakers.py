"""Speakers: ``div.speaker-bio`` cards and the 2018 "Talk Abstracts" blocks.

Card shapes, as the years wrote them:

- ``h3`` name, ``h5`` badge, ``h4`` talk title (2018-2023);
- ``h3`` name, ``h5`` badge, a second ``h3`` talk title (2024, 2025);
- ``h3`` talk title and ``h4`` "Name - Affiliation" (ISCA 2019).

Only facts are taken (name, affiliation, badge, talk title, the card's anchors); the biography
and abstract paragraphs are never read.
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from ...text import slugify
from .facts import Speaker
from .material import attach, material_links

if TYPE_CHECKING:
    from .facts import EditionFacts
    from .page import Element, LegacyPage

#: badge as published (lower case, without "speaker") -> role of the speaker directive
BADGE_ROLES = {
    "keynote": "keynote",
    "invited": "invited",
    "invited talk": "invited",
    "special": "special",
    "invited panelist": "panel",
    "panelist": "panel",
    "panel": "panel",
    "contributed": "contributed",
    "contributed talk": "contributed",
    "spotlight": "contributed",
    "competition": "competition",
}
#: "David Patterson - Google Brain"
_NAME_AFFILIATION = re.compile(r"^(?P<name>[^-–]+?)\s+[-–]\s+(?P<affiliation>.+)$")


def person_id(name: str, people: dict[str, dict]) -> str:
    """The person id the extension gives ``name``: its slug, unless it is a declared alias."""
    slug = slugify(name)
    for pid, entry in people.items():
        if any(slugify(alias) == slug for alias in entry.get("aliases", [])):
            return pid
    return slug


def role_of(badge: str) -> tuple[str, str, str]:
    """``"Special Topic: MARL"`` -> ``("special-topic", "MARL", "")``; a badge that is no role
    gives ``("", "", badge)``: the caller keeps it as the label."""
    text = " ".join(badge.split()).strip(" :")
    lower = re.sub(r"\s*\d+$", "", text.lower()).removesuffix(" speaker").strip()
    if lower.startswith("special topic"):
        return "special-topic", text.partition(":")[2].strip(), ""
    if lower in BADGE_ROLES:
        return BADGE_ROLES[lower], "", ""
    return "", "", text


def merge_speaker(facts: EditionFacts, found: Speaker) -> Speaker:
    """Add a speaker, or complete the one with the same id; a field two pages state differently
    is reported, and the first page's value kept."""
    for known in facts.speakers:
        if known.id != found.id:
            continue
        for field in ("role", "topic", "label", "affiliation", "talk", "paper"):
            mine, theirs = getattr(known, field), getattr(found, field)
            if not mine:
                setattr(known, field, theirs)
            elif theirs and " ".join(theirs.casefold().split()) != " ".join(
                    mine.casefold().split()):
                facts.fault(found.source, "pages-disagree",
                            f"{found.name}'s {field} is {theirs!r} here but {mine!r} at "
                            f"{known.source}; the first is kept")
        known.anchors = tuple(sorted({*known.anchors, *found.anchors}))
        return known
    facts.speakers.append(found)
    return found


def read_speakers(page: LegacyPage, facts: EditionFacts, people: dict[str, dict]) -> None:
    """The speaker cards of a page, then its Talk Abstracts blocks."""
    for card in page.tree.find_all("div", "speaker-bio"):
        speaker = _card(card, page, facts, people)
        if speaker is not None:
            attach(facts, merge_speaker(facts, speaker), speaker.name,
                   material_links(card, page, facts))
    _talk_abstracts(page, facts, people)


def _card(card: Element, page: LegacyPage, facts: EditionFacts,
          people: dict[str, dict]) -> Speaker | None:
    headings = [e for e in card.iter() if e.tag in {"h3", "h4", "h5"}]
    h3 = [h.text() for h in headings if h.tag == "h3"]
    h4 = [h.text() for h in headings if h.tag == "h4"]
    h5 = [h.text() for h in headings if h.tag == "h5"]
    where = page.where(card.line)
    anchors = tuple(sorted(f"{page.name}#{e.attrs['id']}" for e in card.iter()
                           if e.attrs.get("id")))
    shape_isca = h3 and h4 and not h5 and _NAME_AFFILIATION.match(h4[0])
    if shape_isca:
        match = _NAME_AFFILIATION.match(h4[0])
        name, affiliation, talk = match["name"], match["affiliation"], h3[0]
    elif h3:
        name, affiliation = h3[0], ""
        talk = h4[0] if h4 else (h3[1] if len(h3) > 1 else "")
    else:
        facts.fault(where, "unmapped", "a speaker card without a name (no <h3>); not imported")
        return None
    role, topic, label = role_of(h5[0]) if h5 else ("", "", "")
    if label:
        facts.fault(where, "unmapped", f"{name}'s badge {label!r} is not a role; imported as "
                    ":label:, choose a :role: by hand")
    return Speaker(name.strip(), person_id(name, people), role, label, affiliation.strip(),
                   talk.strip(), where, anchors, topic)


def _talk_abstracts(page: LegacyPage, facts: EditionFacts, people: dict[str, dict]) -> None:
    """2018: under an ``<h2>Talk Abstracts</h2>``, each talk is an ``h3`` title (with the anchor
    the schedule links to) followed by an ``h5`` speaker name."""
    for heading in page.tree.find_all("h2"):
        if "abstract" not in heading.text().lower() or heading.parent is None:
            continue
        siblings = [c for c in heading.parent.children if hasattr(c, "tag")]
        for index, title in enumerate(siblings):
            if title.tag != "h3":
                continue
            speaker = next((s for s in siblings[index + 1:index + 3] if s.tag == "h5"), None)
            if speaker is None:
                facts.fault(page.where(title.line), "unmapped",
                            f"talk {title.text()!r} names no speaker (no <h5> after it)")
                continue
            talk = " ".join(t.data for t in title.children if not hasattr(t, "tag")).strip()
            talk = talk or title.text()
            anchors = (f"{page.name}#{title.attrs['id']}",) if title.attrs.get("id") else ()
            name = speaker.text()
            pid = known_id(facts, person_id(name, people), name, page.where(speaker.line))
            merged = merge_speaker(facts, Speaker(name, pid, talk=" ".join(talk.split()),
                                                  source=page.where(title.line), anchors=anchors))
            attach(facts, merged, name, material_links(title, page, facts))


def same_person(one: str, other: str) -> bool:
    """Two spellings of a speaker's name on one edition's pages: the same family name and the
    same initial (``Steve``/``Stephen Keckler``, ``Neeraja (J.) Yadwadkar``), or the given name
    of one among the other's words (``Summer Deng``, ``Zhaoxia (Summer) Deng``)."""
    a = [w.strip("().,").casefold() for w in one.split() if w.strip("().,")]
    b = [w.strip("().,").casefold() for w in other.split() if w.strip("().,")]
    if len(a) < 2 or len(b) < 2:
        return False
    if a[-1] != b[-1]:  # a typo in the family name: "Mirhoseni" for "Mirhoseini"
        return a[0] == b[0] and difflib.SequenceMatcher(None, a[-1], b[-1]).ratio() >= 0.85
    return a[0][0] == b[0][0] or a[0] in b or b[0] in a


def known_id(facts: EditionFacts, pid: str, name: str, where: str) -> str:
    """The id of a speaker already read under another spelling of ``name`` (reported, so the
    notes can say which spelling is right), else ``pid``."""
    for known in facts.speakers:
        if known.id != pid and same_person(name, known.name):
            if (name, known.id) not in facts.spellings:
                facts.spellings.add((name, known.id))
                facts.fault(where, "similar-name", f"{name!r} here, {known.name!r} at "
                            f"{known.source}: taken as one person ({known.id}); say which "
                            "spelling is right in the notes")
            return known.id
    return pid
