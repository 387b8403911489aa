"""The schedule: ``table.schedule-table`` rows (a time cell and a "what" cell), with the
``data-value-start`` ISO times of 2020-2022, or the conference's "Detailed Schedule" pasted into
the 2022 home page (``div.workshopevent-date`` rows).

A row that names a speaker becomes a ``{ws:talk}`` row linked to the speaker's card (a card is
made from the row when the pages have none); a row that is an accepted paper becomes a
``{ws:paper}`` row. Times are checked as the schedule directive will: a row before the previous
one is reported, and when it is twelve hours off (``12:30AM`` lunch after ``11:30AM``) it is
written corrected and the correction reported.
"""

from __future__ import annotations

import difflib
import re
from datetime import datetime
from typing import TYPE_CHECKING

from ...text import ClockTime, parse_time
from .facts import Row, Speaker
from .material import MATERIAL, attach, embedded_recordings, material_links
from .page import Element, Text, absolute, anchor_target
from .speakers import known_id, merge_speaker, person_id, role_of, same_person

if TYPE_CHECKING:
    from .facts import EditionFacts
    from .page import LegacyPage

#: "Invited Speaker 1: Eric Schkufza", "Keynote Speaker: Jeff Dean", "Keynote:"
_LABELLED = re.compile(r"^(?P<label>[^:]{2,40}):\s*(?P<name>.*)$")
#: weekday before a time: "Sat 8:30 a.m. - 8:40 a.m."
_WEEKDAY = re.compile(r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+", re.IGNORECASE)
_HALF = re.compile(r"[ap]\.?\s*m\.?$", re.IGNORECASE)
#: words of a label that says the row is a speaker's talk (a label inside a link to a card,
#: such as 2024's "Hardware:", says so too)
_SPEAKER_WORDS = ("speaker", "keynote", "invited", "talk", "special", "panelist")


def time_span(text: str) -> tuple[ClockTime, ClockTime | None] | None:
    """``9:00 AM`` -> (9:00, None); ``9:00-9:10 AM``, ``11-11:30 AM``, ``11:55-12:20 PM`` and
    ``Sat 8:30 a.m. - 8:40 a.m.`` -> (start, end); None when there is no time."""
    text = _WEEKDAY.sub("", " ".join(text.split()))
    parts = [p.strip() for p in re.split(r"\s[-–]\s|(?<=\d)[-–](?=\d)|(?<=[mM])[-–]", text)]
    if len(parts) == 1:
        start = parse_time(parts[0])
        return (start, None) if start else None
    if len(parts) != 2:
        return None
    end = parse_time(parts[1])
    if end is None:
        return None
    half = _HALF.search(parts[1])
    if _HALF.search(parts[0]) or half is None:
        start = parse_time(parts[0])
    else:  # "9:00-9:10 AM": the start has the end's half, or the other one ("11:55-12:20 PM")
        start = parse_time(f"{parts[0]} {half[0]}")
        other = parse_time(f"{parts[0]} {'PM' if half[0][0].lower() == 'a' else 'AM'}")
        if start is not None and other is not None and start > end >= other:
            start = other
    return (start, end) if start else None


def read_schedule(page: LegacyPage, facts: EditionFacts, people: dict[str, dict]) -> None:
    """The schedule of a page, if it has one."""
    detailed = [tr for tr in page.tree.find_all("tr") if tr.find_all("div", "workshopevent-date")]
    tables = page.tree.find_all("table", "schedule-table")
    rows: list[Row] = []
    if detailed:
        untimed: list[tuple[str, str, Element]] = []
        for tr in detailed:
            _detailed_row(tr, page, facts, people, rows, untimed)
        _report_untimed(untimed, facts)
        for table in tables:
            _report_summary(table, page, facts, rows, detailed[0].line)
    else:
        italics_are_talks = _italics_are_talks(tables, facts)
        for table in tables:
            for tr in table.find_all("tr"):
                cells = [c for c in tr.children if getattr(c, "tag", "") == "td"]
                if len(cells) >= 2:
                    _table_row(cells, page, facts, people, rows, italics_are_talks)
    if rows:
        _check_times(rows, facts)
        facts.rows.extend(rows)


def _italics_are_talks(tables: list[Element], facts: EditionFacts) -> bool:
    """2018 puts the talk title in ``<i>``, 2023 the affiliation: the page's italics are titles
    when one of them is a talk title the cards or abstracts give."""
    talks = {" ".join(s.talk.casefold().split()) for s in facts.speakers if s.talk}
    return any(i.text().casefold() in talks for t in tables for i in t.find_all("i"))


def _times(cell: Element, page: LegacyPage, facts: EditionFacts) -> tuple[str, str] | None:
    """The row's start and end as the archive writes them, from ``data-value-start`` when the
    cell has it (the text is what the page showed before its script ran), else from the text."""
    where = page.where(cell.line)
    span = time_span(cell.text())
    iso = cell.attrs.get("data-value-start", "")
    if iso:
        try:
            moment = datetime.fromisoformat(iso)
        except ValueError:
            facts.fault(where, "unmapped", f"data-value-start {iso!r} is not an ISO time")
        else:
            _note_offset(moment, where, facts)
            start = ClockTime(moment.hour * 60 + moment.minute)
            if span and span[0] != start:
                facts.fault(where, "pages-disagree", f"the cell shows {cell.text()!r} but its "
                            f"data-value-start is {start.display}; {start.display} is kept")
            if facts.edition.date and moment.date().isoformat() != facts.edition.date:
                facts.fault(where, "pages-disagree", f"data-value-start is on "
                            f"{moment.date().isoformat()}, the edition on {facts.edition.date}")
            return start.display, ""
    if span is None:
        facts.fault(where, "unmapped", f"time {cell.text()!r} is not a time; the row is not "
                    "imported")
        return None
    return span[0].display, span[1].display if span[1] else ""


def _note_offset(moment: datetime, where: str, facts: EditionFacts) -> None:
    """The UTC offset of ``data-value-start`` is the zone the times were published in."""
    offset = moment.utcoffset()
    if offset is None:
        return
    hours, rest = divmod(int(offset.total_seconds()) // 60, 60)
    if rest:
        return
    zone = "Etc/GMT" if hours == 0 else f"Etc/GMT{-hours:+d}"
    if not facts.edition.timezone:
        facts.edition.timezone = zone
        facts.fault(where, "timezone", f"the times carry UTC offset {moment.isoformat()[-6:]}: "
                    f":timezone: {zone} (the IANA name of that offset); write the place's zone "
                    "if the workshop named one")
    elif facts.edition.timezone != zone:
        facts.fault(where, "pages-disagree", f"UTC offset {moment.isoformat()[-6:]} here, "
                    f"but {facts.edition.timezone} before")


def _table_row(cells: list[Element], page: LegacyPage, facts: EditionFacts,
               people: dict[str, dict], rows: list[Row], italics_are_talks: bool) -> None:
    what = cells[1]
    where = page.where(what.line)
    items = what.find_all("li")
    nested = [_nested(li, page, facts) for li in items]
    # a session (its talks listed inside) is a row of its own; a speaker named in a row without
    # a time ("TBD") is still a speaker of the edition
    row = None if nested else (_speaker_row(what, where, page, facts, people, italics_are_talks)
                               or _paper_row(what, where, facts))
    row = row or Row("", _plain_text(what), source=where)
    if row.paper and not row.presenter:
        _named_first(what, row, page, facts, people)
    _row_material(row, material_links(what, page, facts, exclude=items), facts)
    times = _times(cells[0], page, facts)
    if times is None:
        return
    row.start, row.end, row.nested = times[0], times[1], nested
    rows.append(row)


def _row_material(row: Row, links: list[tuple[str, str, str]], facts: EditionFacts) -> None:
    """The slides and recording beside a row: its paper's, else its speaker's; beside any
    other row they belong to no talk, and are reported."""
    paper = next((p for p in facts.papers if row.paper and p.id == row.paper), None)
    speaker = next((s for s in facts.speakers if row.talk and s.id == row.talk), None)
    if paper is not None:
        attach(facts, paper, f"paper {paper.id}", links, schedule=True)
    elif speaker is not None:
        attach(facts, speaker, speaker.name, links, schedule=True)
    else:
        for kind, url, where in links:
            facts.fault(where, "unmapped", f"{kind} link {url} is beside {row.text!r}, which is "
                        "no talk and no paper: not imported")


def _plain_text(cell: Element) -> str:
    """The cell's text without nested lists and material links."""
    parts: list[str] = []

    def walk(element: Element) -> None:
        for child in element.children:
            if isinstance(child, Text):
                parts.append(child.data)
            elif isinstance(child, Element) and child.tag not in {"ul", "ol"} and not (
                    child.tag == "a" and MATERIAL.match(child.text())):
                parts.append(" " if child.tag == "br" else "")
                walk(child)

    walk(cell)
    return " ".join("".join(parts).split()).strip(" :")


def _nested(item: Element, page: LegacyPage, facts: EditionFacts) -> Row:
    where = page.where(item.line)
    row = _paper_row(item, where, facts) or Row("", _plain_text(item), source=where)
    _row_material(row, material_links(item, page, facts), facts)
    return row


def _paper_of(title: str, pdf: str, facts: EditionFacts, where: str, fuzzy: bool = True) -> str:
    """The id of the accepted paper with this PDF or title, or ''. A title that differs a
    little from the paper's (``Learned`` for ``Learning``) is matched, and reported."""
    key = " ".join(title.casefold().split()).strip(" .")
    for paper in facts.papers:
        if (pdf and paper.pdf == pdf) or " ".join(paper.title.casefold().split()) == key:
            return paper.id
    for paper in facts.papers if fuzzy else ():
        if key and difflib.SequenceMatcher(None, key, paper.title.casefold()).ratio() >= 0.9:
            facts.fault(where, "title-differs", f"{title!r} here, {paper.title!r} in the "
                        f"accepted papers ({paper.source}); taken as that paper")
            return paper.id
    return ""


def _paper_row(cell: Element, where: str, facts: EditionFacts) -> Row | None:
    """A row (or list item) that is an accepted paper: its PDF link, or its title alone."""
    for link in cell.find_all("a"):
        href = link.attrs.get("href", "")
        if "/assets/papers/" in href:
            found = _paper_of(link.text(), absolute(href), facts, where)
            if found:
                return Row("", link.text(), kind="contributed", paper=found, source=where)
    text = _plain_text(cell)
    candidates = [c.strip() for c in (text, text.partition(":")[2], _after_break(cell),
                                      *(i.text() for i in cell.find_all("i")))]
    for fuzzy in (False, True):
        for candidate in candidates:
            found = _paper_of(candidate, "", facts, where, fuzzy) if candidate else ""
            if found:
                return Row("", candidate, kind="contributed", paper=found, source=where)
    return None


def _speaker_row(cell: Element, where: str, page: LegacyPage, facts: EditionFacts,
                 people: dict[str, dict], italics_are_talks: bool) -> Row | None:
    """A row naming a speaker: ``<b>Invited Speaker 1: Name</b>``, ``<b>Keynote:</b> Name``
    (inside a link to the card), or ISCA's ``<b>Title</b><br><i>Keynote Speaker</i>: Name -
    Affiliation``."""
    bold = next(iter(cell.find_all("b")), None)
    italics = cell.find_all("i")
    link = next((a for a in cell.find_all("a") if "#" in a.attrs.get("href", "")), None)
    label = name = affiliation = talk = ""
    for i in italics:
        role = role_of(i.text())[0]
        after = _text_after(i)
        if (role or "speaker" in i.text().lower()) and after.startswith(":"):
            label = i.text()
            name, _, affiliation = after[1:].strip().partition(" - ")
            talk = bold.text() if bold is not None else ""
            paper = _paper_row(cell, where, facts)
            if paper is not None:  # a contributed talk: the row is its paper, and who gave it
                return _presented(paper, label, name, affiliation, link, page, facts, people)
            break
    if not label and bold is not None:
        match = _LABELLED.match(bold.text())
        in_link = link is not None and bold in link.iter()
        if match is None or not (in_link or any(w in match["label"].lower()
                                                for w in _SPEAKER_WORDS)):
            return None
        label, name = match["label"], match["name"]
        if not name:
            name = (link.text().replace(bold.text(), "", 1) if in_link else
                    _text_after(bold)).split("(")[0]
        paren = [i for i in italics if _text_before(i).endswith("(")]
        rest = [i for i in italics if i not in paren and i.text()]
        affiliation = paren[0].text() if paren else ""
        if rest and italics_are_talks:
            talk = rest[0].text()
        elif rest and not affiliation:
            affiliation = rest[0].text()
        talk = talk or _after_break(cell)
    name = " ".join(name.split()).strip(" .,")
    if not name or name.lower() in {"tbd", "tba"}:
        return None
    role, topic, _ = role_of(label)
    speaker = _find_speaker(name, link, page, facts, people, where)
    speaker = merge_speaker(facts, Speaker(name, speaker, role, "", " ".join(
        affiliation.split()), " ".join(talk.split()), where, topic=topic))
    shown = f"{label}: {name}"
    return Row("", shown, talk=speaker.id, source=where)


def _presented(row: Row, label: str, name: str, affiliation: str, link: Element | None,
               page: LegacyPage, facts: EditionFacts, people: dict[str, dict]) -> Row:
    """A paper's row that names who gave the talk (ISCA 2019: ``<i>Speaker</i>: Name -
    Affiliation`` under the title): the speaker gets a card that presented the paper, which
    makes them a person of the edition, and the row names them."""
    name = " ".join(name.split()).strip(" .,")
    if not name or name.lower() in {"tbd", "tba"}:
        return row
    role, topic, badge = role_of(label)
    pid = _find_speaker(name, link, page, facts, people, row.source)
    known = next((s for s in facts.speakers if s.id == pid), None)
    if known is not None and known.paper != row.paper:  # their card is another talk's
        facts.fault(row.source, "unmapped", f"{name} gave the talk of paper {row.paper} and "
                    f"the talk of their card ({known.source}); a card holds one talk: the "
                    "row names them, their card does not list the paper")
        row.presenter = known.id
        return row
    speaker = merge_speaker(facts, Speaker(
        name, pid, role or "contributed", badge, " ".join(affiliation.split()), "", row.source,
        topic=topic, paper=row.paper))
    paper = next(p for p in facts.papers if p.id == row.paper)
    authors = [author.strip() for author in paper.authors.split(";")]
    if not any(person_id(author, people) == speaker.id or same_person(name, author)
               for author in authors):
        facts.fault(row.source, "pages-disagree", f"{name} gave the talk of paper {paper.id} "
                    f"({paper.title!r}), but the accepted papers ({paper.source}) do not list "
                    f"them among its authors ({paper.authors}); check the name")
    row.presenter = speaker.id
    return row


def _named_first(cell: Element, row: Row, page: LegacyPage, facts: EditionFacts,
                 people: dict[str, dict]) -> None:
    """A paper's row that names its speaker before the title: in bold (2018,
    ``<b>Name</b><br/><i>Title</i>``), where an author of the paper is its speaker and other
    bold text is reported; or after a bold label (2025, ``<b>Spotlight:</b> Name(<i>Affiliation
    </i>)<br>Title``)."""
    bold = next(iter(cell.find_all("b")), None)
    if bold is None or bold.find_all("a"):
        return
    paper = next(p for p in facts.papers if p.id == row.paper)
    label, name, affiliation = "", " ".join(bold.text().split()), ""
    if name.endswith(":"):
        label, name = name.rstrip(" :"), _text_after(bold).split("(")[0]
        affiliation = next((i.text() for i in cell.find_all("i")
                            if _text_before(i).endswith("(")), "")
    name = " ".join(name.split()).strip(" .,")
    key, title = name.casefold(), " ".join(paper.title.casefold().split())
    if not name or key in title or title in key:
        return
    if label or any(person_id(author, people) == person_id(name, people)
                    or same_person(name, author) for author in paper.authors.split("; ")):
        _presented(row, label, name, affiliation, None, page, facts, people)
    else:
        facts.fault(page.where(bold.line), "unmapped", f"{name!r} in the row of paper "
                    f"{paper.id} is none of its authors ({paper.authors}): not imported")


def _find_speaker(name: str, link: Element | None, page: LegacyPage, facts: EditionFacts,
                  people: dict[str, dict], where: str) -> str:
    """The id of the speaker a row names; the link's anchor is checked against the cards."""
    pid = person_id(name, people)
    if link is not None:
        anchor = anchor_target(link.attrs["href"], page)
        owner = next((s for s in facts.speakers if anchor in s.anchors), None)
        if owner is not None and owner.id != pid and not same_person(name, owner.name):
            facts.fault(where, "wrong-anchor", f"the row names {name} but links to "
                        f"#{anchor.partition('#')[2]}, the card of {owner.name}")
    return known_id(facts, pid, name, where)


def _text_after(element: Element) -> str:
    """The text right after ``element`` among its parent's children, up to the next element."""
    siblings = element.parent.children if element.parent else []
    index = next(n for n, c in enumerate(siblings) if c is element)
    following = siblings[index + 1:index + 2]
    return following[0].data.strip() if following and isinstance(following[0], Text) else ""


def _text_before(element: Element) -> str:
    siblings = element.parent.children if element.parent else []
    index = next(n for n, c in enumerate(siblings) if c is element)
    before = siblings[index - 1] if index else None
    return before.data.rstrip() if isinstance(before, Text) else ""


def _after_break(cell: Element) -> str:
    """The text after the cell's last top-level ``<br>`` (2024, 2025: the talk title)."""
    children = cell.children
    breaks = [n for n, c in enumerate(children) if getattr(c, "tag", "") == "br"]
    if not breaks:
        return ""
    parts = [child.text() if isinstance(child, Element) else
             child.data if isinstance(child, Text) else "" for child in children[breaks[-1] + 1:]]
    return " ".join(" ".join(parts).split())


def _detailed_row(tr: Element, page: LegacyPage, facts: EditionFacts, people: dict[str, dict],
                  rows: list[Row], untimed: list[tuple[str, str, Element]]) -> None:
    """A row of the conference's Detailed Schedule: date cell, a ``strong`` title, a ``small``
    kind, the people in the last cell's ``<i>``, names separated by ``·``."""
    date = tr.find_all("div", "workshopevent-date")[0]
    where = page.where(date.line)
    recordings = embedded_recordings(tr, where, facts)
    title_element = next(iter(tr.find_all("strong")), None)
    title = title_element.text() if title_element is not None else ""
    span = time_span(date.text())
    if span is None:
        untimed.append((where, title, tr.parent or tr))
        if recordings:  # a poster's recorded presentation is its paper's video
            _row_material(Row("", title, paper=_paper_of(title, "", facts, where),
                              source=where), recordings, facts)
        return
    kind = (next(iter(tr.find_all("small")), None) or date).text().strip("()").lower()
    names = [i.text() for i in tr.find_all("i") if i.text()]
    people_named = [n.strip() for n in (names[-1].split("·") if names else []) if n.strip()]
    start, end = span[0].display, span[1].display if span[1] else ""
    paper = _paper_of(title, "", facts, where)
    if paper:
        rows.append(Row(start, title, end, "posters" if "poster" in kind else "contributed",
                        paper=paper, source=where))
    elif kind == "talk" and len(people_named) == 1:
        pid = _find_speaker(people_named[0], None, page, facts, people, where)
        speaker = merge_speaker(facts, Speaker(people_named[0], pid, source=where))
        rows.append(Row(start, title, end, talk=speaker.id, source=where))
    else:
        rows.append(Row(start, title, end, source=where))
    _row_material(rows[-1], recordings, facts)


def _report_untimed(untimed: list[tuple[str, str, Element]], facts: EditionFacts) -> None:
    """Entries of the Detailed Schedule without a time (poster presentations), one line per
    table of them: they are papers, not rows."""
    runs: list[list[tuple[str, str, Element]]] = []
    for entry in untimed:
        if runs and runs[-1][-1][2] is entry[2]:
            runs[-1].append(entry)
        else:
            runs.append([entry])
    first_place = {title: where for where, title, _ in reversed(untimed)}
    for title, where in first_place.items():
        if not _paper_of(title, "", facts, where):
            facts.fault(where, "pages-disagree", f"{title!r} is listed here but is not among "
                        "the accepted papers")
    for run in runs:
        if len(run) == 1:
            facts.fault(run[0][0], "not-imported", f"{run[0][1]!r} has no time: not a schedule "
                        "row")
        else:
            facts.fault(run[0][0], "not-imported", f"{len(run)} entries without a time, from "
                        f"{run[0][1]!r} to {run[-1][1]!r} ({run[-1][0]}), are not schedule "
                        "rows")


def _report_summary(table: Element, page: LegacyPage, facts: EditionFacts, rows: list[Row],
                    detailed_line: int) -> None:
    """A summary table beside a detailed schedule is not imported; its rows whose start the
    detailed schedule does not have are reported, for the notes."""
    starts = {row.start for row in rows}
    facts.fault(page.where(table.line), "not-imported", "this schedule table is not imported: "
                f"the Detailed Schedule at {page.where(detailed_line)} is")
    for tr in table.find_all("tr"):
        cells = [c for c in tr.children if getattr(c, "tag", "") == "td"]
        if len(cells) < 2:
            continue
        iso = cells[0].attrs.get("data-value-start", "")
        span = time_span(cells[0].text() or iso.partition("T")[2][:5])
        shown = span[0].display if span else cells[0].text() or "no time"
        if shown not in starts:
            facts.fault(page.where(tr.line), "pages-disagree",
                        f"{cells[1].text()!r} at {shown} here; the Detailed Schedule has no "
                        "row starting then")


def _check_times(rows: list[Row], facts: EditionFacts) -> None:
    """Rows must go forward: a row before the previous one is reported, and corrected when it
    is exactly a 12-hour slip (``12:30 AM`` for ``12:30 PM``)."""
    latest: ClockTime | None = None
    latest_source = ""
    first, _, last = facts.edition.hours.partition(" - ")
    opens, closes = parse_time(first), parse_time(last)
    for row in rows:
        start = parse_time(row.start)
        if start is None:
            continue
        if latest is not None and start < latest:
            slipped = ClockTime((start.minutes + 720) % 1440)
            if start.minutes < 720 <= slipped.minutes and slipped > latest:
                facts.fault(row.source, "12-hour-slip", f"{row.start} comes after "
                            f"{latest.display} ({latest_source}); written as {slipped.display}")
                row.start = slipped.display
                start = slipped
            else:
                facts.fault(row.source, "times-backwards", f"{row.start} comes after "
                            f"{latest.display} ({latest_source}); written as published, fix it "
                            "by hand")
        elif latest is not None and start == latest:
            row.parallel = True
            facts.fault(row.source, "duplicate", f"{row.start} is also the start of the row at "
                        f"{latest_source}; written [parallel]: check which time is right")
        if opens and closes and not opens <= start < closes:
            facts.fault(row.source, "outside-hours", f"{row.start} is outside the hours "
                        f"{facts.edition.hours} of the edition card ({facts.edition.source}); "
                        "one of them is wrong")
        if latest is None or start > latest:
            latest, latest_source = start, row.source
