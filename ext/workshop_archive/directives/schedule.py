"""``schedule``: the day's programme as a real table, one row per ``- <time> <what>`` line.

Read phase. Times are read in the legacy site's forms and shown in one form; each row ends when
the next begins. A row's kind (talk, break, posters...) is given as ``[kind]`` or inferred from its
words, and becomes a CSS class of the row (``ws-kind-break``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from docutils import nodes
from docutils.parsers.rst import directives

from ..diagnostics import Problem
from ..text import ClockTime, parse_time
from .base import WorkshopDirective, add_directive
from .edition import hours_bounds, long_date, timezone_name

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: the kinds of row, each with the words that make a row that kind when no ``[kind]`` is given
KINDS = {
    "break": ("break", "lunch", "coffee", "tea", "dinner", "reception"),
    "posters": ("poster",),
    "remarks": ("remarks", "opening", "closing", "welcome"),
    "competition": ("competition",),
    "panel": ("panel",),
    "keynote": ("keynote",),
    "invited": ("invited",),
    "contributed": ("contributed", "oral", "spotlight"),
    "talk": (),
    "other": (),
}

_ROW = re.compile(
    r"^(?P<time>\d{1,2}(?:[:.h]\d{2})?(?:\s*[ap]\.?\s*m\b\.?)?)"
    r"(?:\s+\[(?P<kind>[^\]]*)\])?\s+(?P<text>\S.*)$",
    re.IGNORECASE,
)


class Row(NamedTuple):
    """One line of the schedule as written."""

    lineno: int
    time: ClockTime | None
    kind: str
    text: str


def infer_kind(text: str) -> str:
    """The kind whose words appear first in the row's text; ``talk`` when none do."""
    words = re.findall(r"[a-z]+", text.lower())
    for word in words:
        for kind, markers in KINDS.items():
            if any(word.startswith(marker) for marker in markers):
                return kind
    return "talk"


class ScheduleDirective(WorkshopDirective):
    """``:::{schedule}`` with one ``- <time> [kind] <inline MyST>`` line per row."""

    has_content = True
    option_spec: ClassVar[dict[str, object]] = {
        "date": directives.unchanged,
        "end": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        rows = self.read_rows()
        if not rows:
            self.warn("schedule has no rows; write one '- 9:00 AM Opening remarks' line per item",
                      Problem.misplaced)
            return []
        self.check_times(rows)
        table = self.render(rows, self.ends(rows))
        return [table]

    def read_rows(self) -> list[Row]:
        lines: list[tuple[int, str]] = []
        for offset, line in enumerate(self.content):
            lineno = self.content_line(offset)
            if line.lstrip().startswith(("- ", "* ")):
                lines.append((lineno, line.lstrip()[2:].strip()))
            elif line.strip() and lines and line.startswith((" ", "\t")):
                lines[-1] = (lines[-1][0], f"{lines[-1][1]} {line.strip()}")
            elif line.strip():
                self.warn(f"line {line.strip()!r} is not a schedule row; start each row with "
                          "'- ' and a time, e.g. '- 9:00 AM Opening remarks'", Problem.bad_value,
                          lineno)
        return [self.read_row(lineno, text) for lineno, text in lines]

    def read_row(self, lineno: int, text: str) -> Row:
        if (time_only := parse_time(text)) is not None:
            self.warn(f"the row at {time_only.display} says nothing after the time; write what "
                      "happens, e.g. '- 9:00 AM Opening remarks'", Problem.missing_field, lineno)
            return Row(lineno, time_only, "other", "")
        match = _ROW.match(text)
        time = parse_time(match["time"]) if match else None
        if time is None:
            written = match["time"] if match else text.split(" ", 1)[0]
            self.warn(f"{written!r} is not a time; start the row with a time such as '9:05 AM', "
                      "'11:30AM' or '14:30'", Problem.bad_time, lineno)
            return Row(lineno, None, infer_kind(text), match["text"] if match else text)
        kind = (match["kind"] or "").strip().lower()
        if kind and kind not in KINDS:
            self.warn(f"row kind [{kind}] is unknown; write one of {', '.join(KINDS)}, or leave "
                      "it out to infer it from the words", Problem.bad_value, lineno)
            kind = ""
        return Row(lineno, time, kind or infer_kind(match["text"]), match["text"])

    def check_times(self, rows: list[Row]) -> None:
        """Warn about a row that starts at or before the row above it."""
        latest: tuple[ClockTime, int] | None = None  # the latest start so far, and its line
        for row in rows:
            if row.time is None:
                continue
            if latest is None or row.time > latest[0]:
                latest = (row.time, row.lineno)
            elif row.time == latest[0]:
                self.warn(f"{row.time.display} is also the start of the row on line "
                          f"{latest[1]}; give each row its own time", Problem.duplicate,
                          row.lineno)
            else:
                flipped = ClockTime((row.time.minutes + 12 * 60) % (24 * 60))
                hint = f"; did you mean {flipped.display}?" if flipped > latest[0] else ""
                self.warn(f"{row.time.display} comes before {latest[0].display} on line "
                          f"{latest[1]}: times must go forward{hint}", Problem.bad_time,
                          row.lineno)

    def ends(self, rows: list[Row]) -> list[ClockTime | None]:
        """Each row ends when the next starts; the last at ``:end:`` or the edition's hours."""
        starts = [row.time for row in rows]
        last = self.field("end")
        if not last and (edition := self.current_edition()) and edition.hours:
            last = hours_bounds(edition.hours)[1]
        end = parse_time(last) if last else None
        if last and end is None:
            self.warn(f":end: {last!r} is not a time; write e.g. '5:00 PM'", Problem.bad_time,
                      self.option_line("end"))
        latest = max((start for start in starts if start is not None), default=None)
        if end is not None and latest is not None and end <= latest and self.field("end"):
            self.warn(f":end: {end.display} is not after the last row's start "
                      f"({latest.display}); write the time the day ends", Problem.bad_time,
                      self.option_line("end"))
            end = None
        return [*starts[1:], end]

    def caption(self) -> str:
        edition = self.current_edition()
        date = self.field("date") or (edition.date if edition else "")
        parts = ["Schedule"]
        try:
            if date:
                parts.append(f"of {long_date(date)}")
        except ValueError:
            self.warn(f":date: {date!r} is not a date; write it as YYYY-MM-DD", Problem.bad_value,
                      self.option_line("date"))
            date = ""
        if edition and edition.timezone:
            zone = timezone_name(edition.timezone, date) if date else edition.timezone
            parts.append(f"(times in {zone}, {edition.timezone})")
        return " ".join(parts)

    def render(self, rows: list[Row], ends: list[ClockTime | None]) -> nodes.table:
        table = nodes.table(classes=["ws-schedule"])
        caption = self.caption()
        table += nodes.title(caption, caption)
        group = nodes.tgroup(cols=2)
        table += group
        group += nodes.colspec(colwidth=22)
        group += nodes.colspec(colwidth=78)
        head = nodes.thead()
        head += self.table_row([nodes.Text("Time")], [nodes.Text("Session")])
        group += head
        body = nodes.tbody()
        for row, end in zip(rows, ends, strict=True):
            body += self.render_row(row, end)
        group += body
        self.set_source_info(table)
        self.add_name(table)
        return table

    def render_row(self, row: Row, end: ClockTime | None) -> nodes.row:
        when: list[nodes.Node] = []
        if row.time is not None:
            when.append(nodes.inline(row.time.display, row.time.display, classes=["ws-start"]))
            if end is not None and end > row.time:
                when.append(nodes.inline(f" – {end.display}", f" – {end.display}",
                                         classes=["ws-end"]))
        else:
            when.append(nodes.Text("?"))
        what = nodes.inline("", "", *self.parse_inline_at(row.text, row.lineno))
        self.make_safe([what], row.lineno)
        result = self.table_row(when, [what])
        result["classes"] += [f"ws-kind-{row.kind}"]
        result.line = row.lineno
        return result

    def table_row(self, first: list[nodes.Node], second: list[nodes.Node]) -> nodes.row:
        row = nodes.row()
        for cell in (first, second):
            row += nodes.entry("", nodes.paragraph("", "", *cell))
        return row


def setup(app: Sphinx) -> None:
    """Register ``ws:schedule`` (and the bare ``schedule``)."""
    add_directive(app, "schedule", ScheduleDirective)
