"""``schedule``: the day's programme as a real table, one row per ``- <time> <what>`` line.

Read phase. Times are read in the legacy site's forms and shown in one form; a row ends when its
range says (``9:30 AM - 10:15 AM``), else when the next row begins. A row's kind (talk, break,
posters...) is given as ``[kind]`` or inferred from its words, and becomes a CSS class of the row
(``ws-kind-break``); ``[kind, parallel]`` marks a row that runs beside another. A row that starts
with its ``[kind]`` instead of a time is untimed: it keeps its place and has no time. Untimed rows
indented under a row are listed in it; a day prefix (``Sun 9:00 AM``) starts a day of a
several-day edition.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes

from ..config import person_id
from ..diagnostics import Problem
from ..i18n import _, long_date
from ..nodes import calendar_link
from ..records import Contribution, Slot
from ..text import ClockTime, parse_time
from .base import WorkshopDirective, add_directive
from .edition import hours_bounds, timezone_name

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: a time as written in a row (read by :func:`~workshop_archive.text.parse_time`)
_TIME = r"\d{1,2}(?:[:.h]\d{2})?(?:\s*[ap]\.?\s*m\b\.?)?"
#: what a time needs after it: a space, the end of the line, a dash or a bracket
_AFTER_TIME = r"(?=\s|$|[-\u2013\u2014\[])"
_DAY = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2}|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\s+(?=\d)",
                  re.IGNORECASE)
_START = re.compile(rf"^(?P<time>{_TIME}){_AFTER_TIME}", re.IGNORECASE)
_END = re.compile(rf"^\s*(?:-|\u2013|\u2014|to\b)\s*(?P<end>{_TIME})(?=\s|$|\[)", re.IGNORECASE)
#: a dash right after the start: a range whose end is not a time
_DASH = re.compile(r"^\s*[-\u2013\u2014]")
#: ``[kind]`` and a space: ``[Slides](https://...)`` is a link, not a kind
_KIND = re.compile(r"^\s*\[(?P<kind>[^\]]*)\](?=\s|$)")
_HALF = re.compile(r"[ap]\.?\s*m", re.IGNORECASE)
#: what makes a number at the start of an untimed row's text a time: minutes or AM/PM
_CLOCK = re.compile(r"[:.h]\d{2}|[ap]\.?\s*m", re.IGNORECASE)
#: the flag of a row that runs at the same time as others: ``[talk, parallel]``
PARALLEL = "parallel"
#: ``temp_data`` key: the days of the page's schedules without a caption, with their lines
PAGE_DAYS = "ws:schedule-days"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Row(NamedTuple):
    """One line of the schedule as written, with the rows nested under it."""

    lineno: int
    #: the ISO day of the row ('' for the schedule's own day, ``?<as written>`` for a day
    #: prefix that names no day of the edition)
    day: str
    time: ClockTime | None
    #: the end when written (``9:30 AM - 10:15 AM``), else None: the row ends at the next
    end: ClockTime | None
    kind: str
    parallel: bool
    text: str
    #: the untimed rows under this one: (line, text), in order
    nested: tuple[tuple[int, str], ...] = ()
    #: without a time by intent (``- [posters] ...``), not because the time could not be read
    untimed: bool = False


def infer_kind(text: str, kinds: dict[str, list[str]]) -> str:
    """The kind (of ``ws_schedule_kinds``) whose words appear first in the row's text; ``talk``
    when none do."""
    words = re.findall(r"\w+", text.lower())
    for word in words:
        for kind, markers in kinds.items():
            if any(word.startswith(marker) for marker in markers):
                return kind
    return "talk"


def read_range(start_text: str, end_text: str) -> tuple[ClockTime | None, ClockTime | None]:
    """The start and end of a range; a start without AM/PM takes the half that puts it before
    the end (``11:30 - 1:00 PM`` is 11:30 AM, ``1:30 - 2:00 PM`` is 1:30 PM)."""
    start, end = parse_time(start_text), parse_time(end_text)
    if start is not None and end is not None and not _HALF.search(start_text) and (
            _HALF.search(end_text)):
        halves = [parse_time(f"{start_text} {half}") for half in ("AM", "PM")]
        before = [time for time in halves if time is not None and time < end]
        start = max(before) if before else start
    return start, end


class ScheduleDirective(WorkshopDirective):
    """``:::{schedule}`` with one ``- [day] <time>[ - <end>] [kind] <inline MyST>`` line per
    row, untimed rows ``- [kind] <inline MyST>`` in their place, and untimed rows nested under a
    row."""

    has_content = True
    option_spec: ClassVar[dict[str, object]] = {
        "date": directives.unchanged,
        "end": directives.unchanged,
        "caption": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        rows = self.read_rows()
        if not rows:
            self.warn("schedule has no rows; write one '- 9:00 AM Opening remarks' line per item",
                      Problem.misplaced)
            return []
        self.check_times(rows)
        self.check_overlaps(rows)
        self.check_hours(rows)
        ends = self.ends(rows)
        date = self.schedule_date()
        table = self.render(rows, ends, date)
        rendered = [row for row in table.findall(nodes.row)
                    if "ws-day" not in row["classes"]][1:]  # [0] is the head
        self.record(rows, ends, date, rendered)
        return [table]

    def record(self, rows: list[Row], ends: list[ClockTime | None], date: str,
               rendered: list[nodes.row]) -> None:
        """Note each timed row as a :class:`~workshop_archive.records.Slot` of the edition,
        with the talk or paper it links to."""
        edition = self.current_edition()
        if edition is None or self.in_example():
            return
        for row, end, table_row in zip(rows, ends, rendered, strict=True):
            day = row.day or date
            if row.time is None or not day or day.startswith("?"):
                continue
            linked = {ref.get("reftype"): ref["reftarget"]
                      for ref in reversed(list(table_row[1][0].findall(addnodes.pending_xref)))
                      if ref.get("refdomain") == "ws"}
            talk = linked.get("talk", "")
            if talk:
                talk_edition, _, name = talk.partition("/")
                talk = f"{talk_edition}/{person_id(name, self.config)}"
            self.domain.note("slots", Slot(
                edition=edition.id, date=day, start=row.time.iso,
                end=end.iso if end is not None and end > row.time else "", kind=row.kind,
                parallel=row.parallel, text=" ".join(table_row[1][0][0].astext().split()),
                talk=talk, paper=linked.get("paper", ""), docname=self.env.docname,
                lineno=row.lineno,
            ))

    # -- reading --------------------------------------------------------------------------------

    def read_rows(self) -> list[Row]:
        lines: list[tuple[int, str, list[tuple[int, str]]]] = []
        base: int | None = None  # the indentation of the rows; deeper rows are nested
        for offset, line in enumerate(self.content):
            lineno = self.content_line(offset)
            indent = len(line) - len(line.lstrip())
            if line.lstrip().startswith(("- ", "* ")):
                text = line.lstrip()[2:].strip()
                if base is None:
                    base = indent
                if indent > base and lines:
                    lines[-1][2].append((lineno, text))
                else:
                    lines.append((lineno, text, []))
            elif line.strip() and lines and line.startswith((" ", "\t")):
                # a row (or nested row) written over several lines
                last_line, last_text, nested = lines[-1]
                if nested:
                    nested[-1] = (nested[-1][0], f"{nested[-1][1]} {line.strip()}")
                else:
                    lines[-1] = (last_line, f"{last_text} {line.strip()}", nested)
            elif line.strip():
                self.warn(f"line {line.strip()!r} is not a schedule row; start each row with "
                          "'- ' and a time, e.g. '- 9:00 AM Opening remarks'", Problem.bad_value,
                          lineno)
        rows = []
        day = ""
        for lineno, text, nested in lines:
            row = self.read_row(lineno, text, day)._replace(nested=tuple(nested))
            day = row.day
            rows.append(row)
        return rows

    def read_row(self, lineno: int, text: str, day: str) -> Row:
        """One row; ``day`` is the day of the row above it (a row without a day prefix is on
        that day)."""
        if (day_match := _DAY.match(text)) is not None:
            # an unknown day (warned) still starts a day of its own: its times start again
            day = self.read_day(day_match["day"], lineno) or f"?{day_match['day']}"
            text = text[day_match.end():]
        if (time_only := parse_time(text)) is not None:
            self.warn(f"the row at {time_only.display} says nothing after the time; write what "
                      "happens, e.g. '- 9:00 AM Opening remarks'", Problem.missing_field, lineno)
            return Row(lineno, day, time_only, None, "other", False, "")
        if (kind_match := _KIND.match(text)) is not None:
            return self.read_untimed(lineno, day, kind_match["kind"], text[kind_match.end():])
        match = _START.match(text)
        time = parse_time(match["time"]) if match else None
        if match is None or time is None:
            written = match["time"] if match else text.split(" ", 1)[0]
            self.warn(f"{written!r} is not a time; start the row with a time such as '9:05 AM', "
                      "'11:30AM' or '14:30', or with its kind for a row without a time, e.g. "
                      "'- [posters] ...'", Problem.bad_time, lineno)
            rest = text[match.end():].strip() if match else text
            return Row(lineno, day, None, None, self.infer_kind(rest), False, rest)
        rest = text[match.end():]
        end = None
        if (range_match := _END.match(rest)) is not None:
            time, end = read_range(match["time"], range_match["end"])
            rest = rest[range_match.end():]
            if end is None:
                self.warn(f"{range_match['end']!r} is not a time; end the range with a time such "
                          "as '10:15 AM'", Problem.bad_time, lineno)
            elif time is not None and end <= time:
                self.warn(f"the row from {time.display} ends at {end.display}, not after it "
                          "starts; write the end after the start, e.g. "
                          f"'{time.display} - {ClockTime(time.minutes + 30).display}'",
                          Problem.bad_time, lineno)
                end = None
        elif _DASH.match(rest):
            written = rest.strip()[:30]
            self.warn(f"the dash in {written!r} after {time.display} starts a range whose end is "
                      "not a time; write the end as a time ('9:30 AM - 10:15 AM') or remove the "
                      "dash", Problem.bad_time, lineno)
            rest = _DASH.sub("", rest, count=1)
        kind, parallel = "", False
        if (kind_match := _KIND.match(rest)) is not None:
            kind, parallel = self.read_kind(kind_match["kind"], lineno)
            rest = rest[kind_match.end():]
        rest = rest.strip()
        if not rest:
            self.warn(f"the row at {time.display} says nothing after the time; write what "
                      "happens, e.g. '- 9:00 AM Opening remarks'", Problem.missing_field, lineno)
        return Row(lineno, day, time, end, kind or self.infer_kind(rest), parallel, rest)

    def read_untimed(self, lineno: int, day: str, kind_written: str, rest: str) -> Row:
        """A row that starts with its ``[kind]``: it has no time, by intent."""
        kind, parallel = self.read_kind(kind_written, lineno)
        rest = rest.strip()
        if (time := _START.match(rest)) and _CLOCK.search(time["time"]) and parse_time(
                time["time"]) is not None:
            self.warn(f"the row [{kind_written.strip()}] {time['time']} has its time after its "
                      f"kind, so it is read as a row without a time; write the time first: "
                      f"'- {time['time']} [{kind_written.strip()}] ...'", Problem.bad_time,
                      lineno)
        if not rest:
            self.warn(f"the untimed row [{kind_written.strip()}] says nothing after its kind; "
                      "write what happens, e.g. '- [posters] Poster: A learned index'",
                      Problem.missing_field, lineno)
        return Row(lineno, day, None, None, kind or self.infer_kind(rest), parallel, rest,
                   untimed=True)

    def infer_kind(self, text: str) -> str:
        return infer_kind(text, self.config.ws_schedule_kinds)

    def read_kind(self, written: str, lineno: int) -> tuple[str, bool]:
        """``[talk, parallel]`` -> (``talk``, True); an unknown kind is warned about and left
        to be inferred."""
        words = [word.strip().lower() for word in written.split(",") if word.strip()]
        parallel = PARALLEL in words
        kinds = [word for word in words if word != PARALLEL]
        kind = kinds[0] if kinds else ""
        known = self.config.ws_schedule_kinds
        if kind not in ("", *known) or len(kinds) > 1:
            self.warn(f"row kind [{written.strip()}] is unknown; write one of {', '.join(known)},"
                      " optionally followed by ', parallel', or leave it out to infer it from "
                      "the words", Problem.bad_value, lineno)
            kind = ""
        return kind, parallel

    def read_day(self, written: str, lineno: int) -> str:
        """The ISO date a day prefix (``Sat``, ``Sunday``, ``2030-12-15``) names, among the days
        of the edition; '' (warned) when it names none."""
        edition = self.current_edition()
        if edition is None or not edition.date or not edition.end_date:
            self.warn(f"the day {written!r} starts a row of a one-day edition; remove it, or give "
                      "the edition its :end-date:", Problem.bad_value, lineno)
            return ""
        first = dt.date.fromisoformat(edition.date)
        days = [first + dt.timedelta(days=n) for n in range(
            (dt.date.fromisoformat(edition.end_date) - first).days + 1)]
        lowered = written.lower().rstrip(".")
        for day in days:
            if lowered == day.isoformat() or (
                    lowered[:3] in WEEKDAYS and WEEKDAYS.index(lowered[:3]) == day.weekday()):
                return day.isoformat()
        shown = ", ".join(f"{day:%a} {day.isoformat()}" for day in days)
        self.warn(f"the day {written!r} is not a day of the edition; write one of {shown}",
                  Problem.bad_value, lineno)
        return ""

    # -- checks ---------------------------------------------------------------------------------

    def check_times(self, rows: list[Row]) -> None:
        """Warn about a row that starts at or before the row above it on the same day (unless
        it is marked parallel and starts with it), and about days that go backwards."""
        latest: tuple[ClockTime, int] | None = None  # the latest start so far, and its line
        day = ""
        for row in rows:
            if row.day != day:
                if day and row.day and "?" not in day + row.day and row.day < day:
                    self.warn(f"{row.day} comes after {day} in this schedule: days must go "
                              "forward; put the rows of each day together, in order",
                              Problem.bad_value, row.lineno)
                day, latest = row.day, None
            if row.time is None:
                continue
            if latest is None or row.time > latest[0]:
                latest = (row.time, row.lineno)
            elif row.time == latest[0]:
                if not row.parallel:
                    self.warn(f"{row.time.display} is also the start of the row on line "
                              f"{latest[1]}; give each row its own time, or mark a row that runs "
                              "at the same time '[parallel]'", Problem.duplicate, row.lineno)
            else:
                flipped = ClockTime((row.time.minutes + 12 * 60) % (24 * 60))
                hint = f"; did you mean {flipped.display}?" if flipped > latest[0] else ""
                self.warn(f"{row.time.display} comes before {latest[0].display} on line "
                          f"{latest[1]}: times must go forward{hint}", Problem.bad_time,
                          row.lineno)

    def check_overlaps(self, rows: list[Row]) -> None:
        """Warn about a row whose written end is after the start of the next row of its day,
        when neither is marked parallel."""
        for index, row in enumerate(rows):
            if row.time is None or row.end is None or row.parallel:
                continue
            following = next((other for other in rows[index + 1:] if other.day != row.day or (
                other.time is not None and not other.parallel and other.time > row.time)), None)
            if following is None or following.day != row.day or following.time is None:
                continue
            if row.end > following.time:
                self.warn(f"the row at {row.time.display} ends at {row.end.display}, after the "
                          f"row on line {following.lineno} starts ({following.time.display}); "
                          f"write an end by {following.time.display}, or, if both ran at once, "
                          "mark the one beside the other with ', parallel' after its kind, e.g. "
                          "'[talk, parallel]'", Problem.bad_time, row.lineno)

    def hours(self) -> tuple[ClockTime, ClockTime] | None:
        """The edition's opening hours, when it gives them."""
        edition = self.current_edition()
        if edition is None or not edition.hours:
            return None
        opens, closes = (parse_time(bound) for bound in hours_bounds(edition.hours))
        return (opens, closes) if opens is not None and closes is not None else None

    def check_hours(self, rows: list[Row]) -> None:
        """Warn about a row that starts, or ends as written, outside the edition's hours; a row
        at the closing time without an end after it (the closing remarks) is within them."""
        if (hours := self.hours()) is None:
            return
        opens, closes = hours
        for row in rows:
            if row.time is None:
                continue
            if not opens <= row.time <= closes:
                what = f"the row at {row.time.display} is outside"
            elif row.end is not None and row.end > closes:
                what = f"the row at {row.time.display} ends at {row.end.display}, after"
            else:
                continue
            self.warn(f"{what} the edition's hours ({opens.display} – {closes.display}); write "
                      "the time as published, and give the edition the :hours: it had",
                      Problem.bad_time, row.lineno)

    # -- ends -----------------------------------------------------------------------------------

    def last_end(self, rows: list[Row]) -> ClockTime | None:
        """When the last row ends: ``:end:`` (after the last day's latest start), else the end of
        the edition's hours."""
        last = self.field("end")
        if not last:
            hours = self.hours()
            return hours[1] if hours else None
        end = parse_time(last)
        if end is None:
            self.warn(f":end: {last!r} is not a time; write e.g. '5:00 PM'", Problem.bad_time,
                      self.option_line("end"))
            return None
        latest = max((row.time for row in rows if row.time is not None
                      and row.day == rows[-1].day), default=None)
        if latest is not None and end <= latest:
            self.warn(f":end: {end.display} is not after the last row's start "
                      f"({latest.display}); write the time the day ends", Problem.bad_time,
                      self.option_line("end"))
            return None
        return end

    def ends(self, rows: list[Row]) -> list[ClockTime | None]:
        """Each row ends as written, else when the next row of its day that is not in parallel
        starts later; the last of a day at the end of the edition's hours, the last of all at
        ``:end:``."""
        hours = self.hours()
        last = self.last_end(rows)
        result = []
        for index, row in enumerate(rows):
            if row.end is not None or row.time is None:
                result.append(row.end)
                continue
            result.append(self.next_start(row, rows[index + 1:], hours, last))
        return result

    @staticmethod
    def next_start(row: Row, below: list[Row], hours: tuple[ClockTime, ClockTime] | None,
                   last: ClockTime | None) -> ClockTime | None:
        """When a row without a written end ends: at the next later start of its day that is
        not in parallel, else when its day ends; unknown when untimed rows come between (they
        happened at some time in that span, which the page does not say)."""
        untimed_between = False
        for other in below:
            if other.day != row.day:
                return hours[1] if hours else None
            if other.time is None:
                untimed_between = True
                continue
            if other.parallel or other.time <= row.time:
                continue
            return None if untimed_between else other.time
        return last

    # -- rendering ------------------------------------------------------------------------------

    def schedule_date(self) -> str:
        """The day of the schedule: ``:date:``, else the edition's (first) day."""
        edition = self.current_edition()
        date = self.field("date") or (edition.date if edition else "")
        try:
            return dt.date.fromisoformat(date).isoformat() if date else ""
        except ValueError:
            self.warn(f":date: {date!r} is not a date; write it as YYYY-MM-DD", Problem.bad_value,
                      self.option_line("date"))
            return ""

    def caption(self, rows: list[Row], date: str) -> str:
        """``Schedule of Saturday, December 16, 2023 (times in CST, America/Chicago)``; a
        ``:caption:`` replaces the first word; rows with days of their own leave the day out."""
        edition = self.current_edition()
        caption = self.field("caption")
        if date and not any(row.day for row in rows):
            day = long_date(date, self.config)
            caption = f"{caption}, {day}" if caption else _("Schedule of {day}").format(day=day)
        caption = caption or _("Schedule")
        if edition and edition.timezone:
            zone = timezone_name(edition.timezone, date) if date else edition.timezone
            caption += " " + _("(times in {zone}, {timezone})").format(zone=zone,
                                                                     timezone=edition.timezone)
        return caption

    def check_day_taken(self, date: str) -> None:
        """Two schedules of one day with the same caption cannot be told apart."""
        if self.field("caption"):
            return
        taken: dict[str, int] = self.env.temp_data.setdefault(PAGE_DAYS, {})
        if date in taken:
            self.warn(f"this page already has a schedule of {date or 'this day'} (line "
                      f"{taken[date]}); give this one its own :caption:, e.g. ':caption: "
                      "Detailed schedule', or a :date:", Problem.duplicate)
        else:
            taken[date] = self.lineno

    def render(self, rows: list[Row], ends: list[ClockTime | None], date: str) -> nodes.table:
        table = nodes.table(classes=["ws-schedule"])
        self.check_day_taken(date)
        caption = self.caption(rows, date)
        table += nodes.title(caption, caption)
        group = nodes.tgroup(cols=2)
        table += group
        group += nodes.colspec(colwidth=22)
        group += nodes.colspec(colwidth=78)
        head = nodes.thead()
        head += self.table_row([nodes.Text(_("Time"))], [nodes.Text(_("Session"))])
        group += head
        body = nodes.tbody()
        day = ""
        for row, end in zip(rows, ends, strict=True):
            if row.day and row.day != day and not row.day.startswith("?"):
                body += self.day_row(row.day)
            day = row.day
            body += self.render_row(row, end)
        group += body
        self.set_source_info(table)
        self.add_name(table)
        return table

    def day_row(self, day: str) -> nodes.row:
        """A row across the table naming the day of the rows below it."""
        shown = long_date(day, self.config)
        row = nodes.row(classes=["ws-day"])
        row += nodes.entry("", nodes.paragraph("", "", nodes.strong(shown, shown)), morecols=1)
        return row

    def render_row(self, row: Row, end: ClockTime | None) -> nodes.row:
        when: list[nodes.Node] = []
        clock = self.config.ws_clock
        if row.time is not None:
            start = row.time.shown(clock)
            when.append(nodes.inline(start, start, classes=["ws-start"]))
            if end is not None and end > row.time:
                until = f" – {end.shown(clock)}"
                when.append(nodes.inline(until, until, classes=["ws-end"]))
        elif not row.untimed:
            when.append(nodes.Text("?"))  # a time that could not be read (warned)
        if row.parallel:
            parallel = " " + _("(in parallel)")
            when.append(nodes.inline(parallel, parallel, classes=["ws-parallel"]))
        what: list[nodes.Node] = [
            nodes.inline("", "", *self.parse_inline_at(row.text, row.lineno))]
        self.make_safe(what, row.lineno)
        if row.time is not None:
            what += [nodes.Text(" "), calendar_link(
                kind="slot", key=f"{self.env.docname}:{row.lineno}", docname=self.env.docname)]
        result = self.table_row(when, what)
        if row.nested:
            items = nodes.bullet_list(classes=["ws-nested"])
            for lineno, text in row.nested:
                item = nodes.paragraph("", "", *self.parse_inline_at(text, lineno))
                self.make_safe([item], lineno)
                items += nodes.list_item("", item)
            result[1] += items
        if row.kind == "contributed":
            self.note_contributions(result[1], row.lineno)
        result["classes"] += [f"ws-kind-{row.kind}", *(["ws-parallel"] if row.parallel else [])]
        result.line = row.lineno
        return result

    def note_contributions(self, cell: nodes.Element, lineno: int) -> None:
        """Record the papers a contributed-talk row links to as contributed talks."""
        edition = self.current_edition()
        if edition is None or self.in_example():
            return
        for ref in cell.findall(addnodes.pending_xref):
            if ref.get("refdomain") == "ws" and ref.get("reftype") == "paper":
                self.domain.note("contributions", Contribution(
                    edition.id, ref["reftarget"], self.env.docname, ref.line or lineno))

    def table_row(self, first: list[nodes.Node], second: list[nodes.Node]) -> nodes.row:
        """A row of two cells; an untimed row's time cell is empty."""
        row = nodes.row()
        for cell in (first, second):
            row += nodes.entry("", *([nodes.paragraph("", "", *cell)] if cell else []))
        return row


def setup(app: Sphinx) -> None:
    """Register ``ws:schedule`` (and the bare ``schedule``)."""
    add_directive(app, "schedule", ScheduleDirective)
