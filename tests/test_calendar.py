"""Calendars: every .ics file parses back with icalendar, holds the times the page shows, in the
edition's timezone with its VTIMEZONE, and is linked from the edition card, the speaker cards and
the schedule rows; two builds write the same bytes; other builders show no calendar link."""

from __future__ import annotations

import datetime as dt
import shutil
from zoneinfo import ZoneInfo

import icalendar
import pytest
from bs4 import BeautifulSoup

from conftest import warnings_of

EPOCH = 1700000000


@pytest.fixture
def directives_site(make_app, rootdir, tmp_path, monkeypatch):
    """The test-directives root (edition test2030 in Europe/Lisbon), built as a website."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-directives", srcdir)
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert warnings_of(app) == []
    return app


def page(app, name: str = "index.html") -> BeautifulSoup:
    return BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")


def events_of(path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def shown_time(moment: dt.datetime) -> str:
    return f"{(moment.hour % 12) or 12}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def test_each_schedule_row_links_a_calendar_holding_the_times_it_shows(directives_site):
    app = directives_site
    rows = page(app).select("table.ws-schedule tbody tr")
    assert len(rows) == 8
    lisbon = ZoneInfo("Europe/Lisbon")
    for row in rows:
        link = row.select_one("a.ws-calendar-link")
        assert link is not None, row
        (event,) = events_of(app.outdir / link["href"])
        start = event.decoded("dtstart")
        assert start.tzinfo == lisbon
        assert start.date() == dt.date(2030, 12, 14)
        assert shown_time(start) == row.select_one(".ws-start").get_text()
        end = row.select_one(".ws-end")
        if end is not None:
            assert f" – {shown_time(event.decoded('dtend'))}" == end.get_text()
        assert event["dtstart"].params["TZID"] == "Europe/Lisbon"
        assert event.decoded("dtstamp") == dt.datetime.fromtimestamp(EPOCH, dt.UTC)
        # the link names what it adds, for a screen reader
        hidden = link.select_one(".visually-hidden").get_text()
        assert hidden == f": {event['summary']}"


def test_the_edition_calendar_has_every_row_once_with_its_timezone(directives_site):
    app = directives_site
    card_link = page(app).select_one("#about-test2030 a.ws-calendar-link")
    assert card_link["href"] == "calendar/test2030.ics"
    calendar = icalendar.Calendar.from_ical((app.outdir / card_link["href"]).read_bytes())
    (timezone,) = calendar.walk("VTIMEZONE")
    assert timezone["tzid"] == "Europe/Lisbon"
    events = list(calendar.walk("VEVENT"))
    starts = [shown_time(event.decoded("dtstart")) for event in events]
    assert starts == ["9:05 AM", "9:15 AM", "10:00 AM", "10:30 AM", "11:30 AM", "12:30 PM",
                      "2:30 PM", "3:30 PM"]
    assert len({event["uid"] for event in events}) == len(events)
    # the last row ends with the edition's hours
    assert shown_time(events[-1].decoded("dtend")) == "5:00 PM"
    keynote = next(e for e in events if e["uid"].startswith("test2030-ada-lovelace@"))
    assert keynote["summary"] == "Keynote Speaker: Ada Lovelace — Notes on the Engine"
    assert keynote["location"] == "Room 3, Hall A, Lisbon"
    # every row file is also in the edition's calendar, under the same UID
    singles = {events_of(path)[0]["uid"] for path in (app.outdir / "calendar/test2030").iterdir()}
    assert singles == {event["uid"] for event in events}


def test_a_speaker_card_links_the_calendar_of_its_talk(directives_site):
    card = page(directives_site).select_one("#ada-lovelace")
    link = card.select_one("a.ws-calendar-link")
    assert link["href"] == "calendar/test2030/ada-lovelace.ics"
    (event,) = events_of(directives_site.outdir / link["href"])
    assert shown_time(event.decoded("dtstart")) == "9:15 AM"


def test_two_builds_write_the_same_calendars(make_app, rootdir, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    written = []
    for name in ("one", "two"):
        srcdir = tmp_path / name
        shutil.copytree(rootdir / "test-directives", srcdir)
        app = make_app("html", srcdir=srcdir)
        app.build()
        folder = app.outdir / "calendar"
        written.append({str(p.relative_to(folder)): p.read_bytes()
                        for p in sorted(folder.rglob("*.ics"))})
    assert written[0] == written[1]
    assert len(written[0]) == 9  # the edition and its eight rows


@pytest.mark.sphinx("html", testroot="archive")
def test_an_edition_without_schedule_is_one_event_and_untimed_talks_have_no_link(app):
    app.build()
    html = page(app, "editions/gamma2023.html")
    assert html.select("#barbara-liskov a.ws-calendar-link") == []
    assert html.select(".ws-speaker .ws-calendar") == []
    link = html.select_one("#about-gamma2023 a.ws-calendar-link")
    (event,) = events_of(app.outdir / "editions" / link["href"])
    # no hours: the whole day, as a date
    assert event.decoded("dtstart") == dt.date(2023, 12, 16)
    assert event.decoded("dtend") == dt.date(2023, 12, 17)


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml"])
def test_links_lead_to_the_calendar_from_every_page_layout(make_app, rootdir, tmp_path, builder):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-directives", srcdir)
    app = make_app(builder, srcdir=srcdir)
    app.build()
    html = page(app)
    links = html.select("a.ws-calendar-link")
    assert len(links) == 1 + 3 + 8
    for link in links:
        assert (app.outdir / link["href"]).is_file(), link["href"]


@pytest.mark.parametrize("builder", ["text", "latex", "epub"])
def test_other_builders_show_no_calendar_link_and_write_no_exports(make_app, rootdir, tmp_path,
                                                                    builder):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-directives", srcdir)
    app = make_app(builder, srcdir=srcdir)
    app.build()
    assert warnings_of(app) == []
    assert not (app.outdir / "calendar").exists()
    assert not (app.outdir / "archive.json").exists()
    if builder == "text":
        assert "Add to calendar" not in (app.outdir / "index.txt").read_text(encoding="utf-8")


def test_site_calendars_match_their_edition_pages(built_site):
    calendars = sorted((built_site.html / "calendar").glob("*.ics"))
    assert calendars
    for path in calendars:
        html = built_site.page(f"editions/{path.stem}.html")
        assert html.select_one(f"#about-{path.stem} a.ws-calendar-link")["href"] == \
            f"../calendar/{path.name}"
        for row in html.select("table.ws-schedule tbody tr"):
            if row.select_one(".ws-start") is None:  # an untimed row is no event
                assert row.select_one("a.ws-calendar-link") is None
                continue
            (event,) = events_of((built_site.html / "editions" /
                                  row.select_one("a.ws-calendar-link")["href"]).resolve())
            assert shown_time(event.decoded("dtstart")) == row.select_one(".ws-start").get_text()


def test_rows_as_published_ranges_parallel_rows_papers_and_days(copy_root, monkeypatch):
    """Ranges keep their end, a row in parallel is an event of its own, a contributed talk is
    named after its paper, nested rows are no events, and each day of a several-day edition
    has its own date."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    build = copy_root("test-program").build()
    assert build.warnings == []
    events = events_of(build.outdir / "calendar" / "prog2030.ics")
    new_york = ZoneInfo("America/New_York")
    spans = [(shown_time(e.decoded("dtstart")), shown_time(e.decoded("dtend"))) for e in events]
    assert spans == [
        ("8:30 AM", "8:40 AM"), ("8:40 AM", "9:30 AM"), ("9:30 AM", "10:15 AM"),
        ("10:20 AM", "10:50 AM"), ("10:20 AM", "10:50 AM"), ("10:50 AM", "11:55 AM"),
        ("12:00 PM", "1:00 PM"), ("12:00 PM", "1:30 PM"), ("3:55 PM", "4:40 PM"),
        ("4:00 PM", "4:30 PM"), ("4:40 PM", "5:00 PM"),
    ]
    assert all(e.decoded("dtstart").tzinfo == new_york for e in events)
    assert len({e["uid"] for e in events}) == len(events)
    best = next(e for e in events if e["uid"].startswith("prog2030-paper-1@"))
    assert best["summary"] == "Learning to Schedule"
    # a talk's slides and recording are attached by address: the card's, or the paper's
    attached = {str(e["uid"]).partition("@")[0]: [str(a) for a in e.get("attach", [])]
                for e in events}
    assert attached["prog2030-jane-doe"] == ["https://example.org/talks/jane-doe.pdf",
                                             "https://video.example.org/jane-doe"]
    assert attached["prog2030-paper-1"] == ["https://example.org/p/1-slides.pdf",
                                            "https://video.example.org/p/1"]
    assert attached["prog2030-john-roe"] == []
    days = events_of(build.outdir / "calendar" / "multi2031.ics")
    assert [(e.decoded("dtstart").date().isoformat(), shown_time(e.decoded("dtstart")),
             str(e["summary"])) for e in days] == [
        ("2031-12-14", "9:00 AM", "Opening remarks"), ("2031-12-14", "10:00 AM", "Talks"),
        ("2031-12-15", "9:00 AM", "Second day"), ("2031-12-15", "4:00 PM", "Closing"),
        ("2031-12-15", "9:00 AM", "Tutorial"), ("2031-12-15", "9:00 AM", "Hackathon"),
    ]
