"""``edition``: declares the edition a page describes and shows it at a glance.

Read phase: records an :class:`~workshop_archive.records.Edition` and sets the page's edition, which
the speaker, schedule and committee directives below it belong to.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from docutils import nodes
from docutils.parsers.rst import directives

from ..diagnostics import Problem
from ..domain import EDITION_CONTEXT
from ..i18n import _, long_date, month_day
from ..nodes import CALENDAR_CLASS, calendar_link, design_card
from ..records import Edition
from ..text import parse_time, slugify
from .base import UNINDEXED_EDITION, WorkshopDirective, add_directive

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: an e-mail address: one @, no spaces or markup, a dot in the domain
_EMAIL = re.compile(r"^[^@\s<>()\[\]\\,;:\"]+@[^@\s<>()\[\]\\,;:\"]+\.[^@\s<>()\[\]\\,;:\".]+$")


def shown_hours(hours: str, clock: int) -> str:
    """The opening hours (as recorded, ``9:00 AM – 5:00 PM``) on the ``ws_clock`` clock."""
    start, end = (parse_time(bound) for bound in hours_bounds(hours))
    if start is None or end is None:
        return hours
    return f"{start.shown(clock)} – {end.shown(clock)}"


def timezone_name(timezone: str, iso_date: str) -> str:
    """The abbreviation in force on that day (``CST``), or the IANA name when it has none."""
    zone = ZoneInfo(timezone)
    noon = dt.datetime.combine(dt.date.fromisoformat(iso_date), dt.time(12), tzinfo=zone)
    abbreviation = noon.tzname() or ""
    return abbreviation if abbreviation.isalpha() else timezone


def hours_bounds(hours: str) -> tuple[str, str]:
    """Split ``9:00 AM - 5:00 PM`` into its two ends (en dash, hyphen or "to")."""
    for separator in ("–", " - ", "-", " to "):
        if separator in hours:
            start, _, end = hours.partition(separator)
            return start.strip(), end.strip()
    return hours.strip(), ""


class EditionDirective(WorkshopDirective):
    """``:::{edition} <id>`` with the edition's facts as options."""

    optional_arguments = 1
    # so that a title written as the id ("NeurIPS 2030") is warned about, not a docutils error
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, object]] = {
        **dict.fromkeys(
            ("conference", "date", "end-date", "hours", "venue", "room", "city", "timezone",
             "contact", "website", "submission-deadline", "notification", "camera-ready",
             "call-for-papers"),
            directives.unchanged,
        ),
        # held online: the card says so, and :timezone: is the zone the times were published in
        "virtual": directives.flag,
        # an example (the directive reference): rendered, but kept out of the archive
        "no-index": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        edition = self.read_edition()
        others = self.domain.data["editions"].get(self.env.docname, [])
        if others:
            self.warn(
                f"this page already declares edition {others[0].id!r} (line {others[0].lineno}); "
                "a page describes one edition: move this one to a page of its own",
                Problem.duplicate,
            )
        else:
            self.env.ref_context[EDITION_CONTEXT] = edition.id
        if "no-index" in self.options:
            self.env.temp_data[UNINDEXED_EDITION] = edition
        else:
            self.domain.note("editions", edition)
        return [self.render(edition)]

    def read_edition(self) -> Edition:
        edition_id = self.arguments[0] if self.arguments else ""
        if not edition_id:
            edition_id = slugify(self.env.docname.rpartition("/")[2])
            self.warn(
                f"edition has no id; write one after the directive name, e.g. "
                f"':::{{edition}} {edition_id}'",
                Problem.missing_field,
            )
        elif slugify(edition_id) != edition_id:
            self.warn(
                f"edition id {edition_id!r} is not a slug; write {slugify(edition_id)!r}",
                Problem.bad_value,
            )
            edition_id = slugify(edition_id)
        return Edition(
            id=edition_id,
            conference=self.field("conference"),
            date=(date := self.date_field("date")),
            end_date=self.end_date_field(date),
            hours=self.hours_field(),
            venue=self.field("venue"),
            room=self.field("room"),
            city=self.field("city"),
            timezone=self.timezone_field(),
            contact=self.contact_field(),
            website=self.link_field("website"),
            docname=self.env.docname,
            lineno=self.lineno,
            submission_deadline=self.important_date("submission-deadline"),
            notification=self.important_date("notification"),
            camera_ready=self.important_date("camera-ready"),
            call_for_papers=self.link_field("call-for-papers"),
            virtual="virtual" in self.options,
        )

    def important_date(self, name: str) -> str:
        """A date of the call, ``YYYY-MM-DD`` and, if the call said more, that note after it:
        ``2023-10-06 (AoE)``."""
        value = self.field(name)
        day, _, note = value.partition(" ")
        try:
            return " ".join((dt.date.fromisoformat(day).isoformat(), note.strip())).strip() if (
                value) else ""
        except ValueError:
            self.warn(f":{name}: {value!r} does not start with a date; write it as YYYY-MM-DD, "
                      "then anything the call added, e.g. '2023-10-06 (AoE)'", Problem.bad_value,
                      self.option_line(name))
            return ""

    def date_field(self, name: str) -> str:
        value = self.field(name)
        try:
            return dt.date.fromisoformat(value).isoformat() if value else ""
        except ValueError:
            self.warn(f":{name}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2023-12-16",
                      Problem.bad_value, self.option_line(name))
            return ""

    def end_date_field(self, date: str) -> str:
        """``:end-date:``, which must come after ``:date:`` (a one-day edition has none)."""
        end = self.date_field("end-date")
        if end and date and end <= date:
            self.warn(f":end-date: {end} is not after :date: {date}; write the last day of the "
                      "edition, or remove :end-date: for a one-day edition", Problem.bad_value,
                      self.option_line("end-date"))
            return ""
        return end

    def hours_field(self) -> str:
        value = self.field("hours")
        if not value:
            return ""
        start, end = hours_bounds(value)
        start_time, end_time = parse_time(start), parse_time(end)
        if start_time is None or end_time is None or end_time <= start_time:
            self.warn(f":hours: {value!r} is not a span of the day; write e.g. "
                      "'9:00 AM - 5:00 PM'", Problem.bad_time, self.option_line("hours"))
            return ""
        return f"{start_time.display} – {end_time.display}"

    def timezone_field(self) -> str:
        value = self.field("timezone")
        if not value:
            return ""
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            close = sorted(z for z in available_timezones()
                           if z.rpartition("/")[2].lower() == value.rpartition("/")[2].lower())
            hint = f"did you mean {close[0]!r}?" if close else "e.g. 'America/Chicago'"
            self.warn(f":timezone: {value!r} is not an IANA timezone; write its IANA name, {hint}",
                      Problem.bad_timezone, self.option_line("timezone"))
            return ""
        return value

    def contact_field(self) -> str:
        value = self.field("contact")
        if value and not _EMAIL.match(value.removeprefix("mailto:")):
            self.warn(f":contact: {value!r} is not an e-mail address; write e.g. "
                      "'team@example.org'", Problem.bad_value, self.option_line("contact"))
            return ""
        return value.removeprefix("mailto:")

    def render(self, edition: Edition) -> nodes.Element:
        """A card listing when, where, who hosts and how to reach the organisers."""
        facts = nodes.field_list(classes=["ws-edition-facts"])
        config = self.config
        when = long_date(edition.date, config) if edition.date else ""
        if edition.end_date:
            when = _("{start} to {end}").format(start=when,
                                                end=long_date(edition.end_date, config))
        if edition.hours:
            when += f", {shown_hours(edition.hours, config.ws_clock)}"
        if edition.timezone and edition.date:
            when += f" ({timezone_name(edition.timezone, edition.date)}, {edition.timezone})"
        where = ", ".join(p for p in (_("Virtual") if edition.virtual else "", edition.venue,
                                      edition.room, edition.city) if p)
        dates = "; ".join(f"{label} {month_day(value[:10], config)}{value[10:]}"
                          for label, value in (
                              (_("submission deadline"), edition.submission_deadline),
                              (_("notification"), edition.notification),
                              (_("camera-ready"), edition.camera_ready)) if value)
        for label, value in ((_("Host"), edition.conference), (_("When"), when),
                             (_("Where"), where), (_("Dates"), dates[:1].upper() + dates[1:])):
            if value:
                facts += self.fact(label, nodes.Text(value))
        if edition.call_for_papers:
            facts += self.fact(_("Call for papers"), nodes.reference(
                edition.call_for_papers, edition.call_for_papers,
                refuri=edition.call_for_papers))
        if edition.contact:
            uri = f"mailto:{edition.contact}"
            facts += self.fact(_("Contact"), nodes.reference(edition.contact, edition.contact,
                                                             refuri=uri))
        if edition.website:
            facts += self.fact(_("Website"), nodes.reference(edition.website, edition.website,
                                                             refuri=edition.website))
        card, body = design_card("sd-mb-3", "ws-edition", ids=[edition.anchor])
        body += facts
        docname = self.env.docname
        body += nodes.paragraph("", "", calendar_link(kind="edition", key=f"{docname}:{edition.id}",
                                                      docname=docname),
                                classes=[CALENDAR_CLASS])
        self.set_source_info(card)
        self.add_name(card)
        return card

    def fact(self, label: str, value: nodes.Node) -> nodes.field:
        return nodes.field("", nodes.field_name(label, label),
                           nodes.field_body("", nodes.paragraph("", "", value)))


def setup(app: Sphinx) -> None:
    """Register ``ws:edition`` (and the bare ``edition``)."""
    add_directive(app, "edition", EditionDirective)
