"""Schedule rows as published (tests/roots/test-program): ranges with their own end, rows that keep
their label while linking to a card or a paper, untimed rows nested under a row or in their own
place, rows in parallel, a closing row at the end of the hours, days of a several-day edition, and
schedules of one day told apart by their caption."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import warnings_of
from workshop_archive.directives.schedule import read_range
from workshop_archive.text import ClockTime


@pytest.fixture
def built(app):
    app.build()
    assert warnings_of(app) == []
    return app


def tables(app, name: str) -> list[BeautifulSoup]:
    page = BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf-8"),
                         "html.parser")
    for calendar_link in page.select(".ws-calendar-link"):  # tests/test_calendar.py
        calendar_link.decompose()
    return page.select("table.ws-schedule")


def when(row) -> str:
    return row.td.get_text(" ", strip=True)


@pytest.mark.parametrize(("start", "end", "shown"), [
    ("8:30 AM", "8:40 AM", ("8:30 AM", "8:40 AM")),
    ("9:30AM", "10:15AM", ("9:30 AM", "10:15 AM")),
    ("11:30", "1:05 PM", ("11:30 AM", "1:05 PM")),  # a start without AM/PM: before the end
    ("1:30", "2:00 PM", ("1:30 PM", "2:00 PM")),
    ("14:00", "15:30", ("2:00 PM", "3:30 PM")),
])
def test_a_range_reads_both_ends(start, end, shown):
    assert tuple(time.display for time in read_range(start, end)) == shown


def test_a_range_with_an_end_that_is_not_a_time_has_no_end():
    assert read_range("8:30 AM", "8:4x") == (ClockTime(8 * 60 + 30), None)


@pytest.mark.sphinx("html", testroot="program")
def test_ranges_keep_their_end_and_a_gap_stays_a_gap(built):
    rows = tables(built, "index")[0].select("tbody > tr")
    assert [when(row) for row in rows] == [
        "8:30 AM – 8:40 AM",
        "8:40 AM – 9:30 AM",
        "9:30 AM – 10:15 AM",  # not 10:20 AM, when the next row starts
        "10:20 AM – 10:50 AM",
        "10:20 AM – 10:50 AM (in parallel)",  # ends when the next row not in parallel starts
        "10:50 AM – 11:55 AM",
        "12:00 PM – 1:00 PM",
        "12:00 PM – 1:30 PM (in parallel)",
        "3:55 PM – 4:40 PM",
        "4:00 PM – 4:30 PM (in parallel)",  # within the row above: marked parallel
        "4:40 PM – 5:00 PM",  # the last row ends with the edition's hours
    ]
    assert [row["class"][:2] for row in rows if "ws-parallel" in row["class"]] == [
        ["ws-kind-talk", "ws-parallel"], ["ws-kind-other", "ws-parallel"],
        ["ws-kind-panel", "ws-parallel"]]


@pytest.mark.sphinx("html", testroot="program")
def test_a_row_keeps_its_label_and_links_to_the_card_or_paper(built):
    rows = tables(built, "index")[0].select("tbody > tr")
    jane = rows[1].select("td")[1].a
    assert (jane.get_text(), jane["href"]) == ("Invited Speaker 1: Jane Doe", "#jane-doe")
    john = rows[2].select("td")[1].a
    assert (john.get_text(), john["href"]) == ("Invited Speaker 2: John Roe", "#john-roe")
    best = rows[8].select("td")[1].a
    assert (best.get_text(), best["href"]) == ("Best paper talk", "#paper-1")


@pytest.mark.sphinx("html", testroot="program")
def test_untimed_rows_are_nested_in_order(built):
    rows = tables(built, "index")[0].select("tbody > tr")
    posters = rows[3].select("ul.ws-nested > li")
    assert [li.get_text(" ", strip=True) for li in posters] == [
        "Cost Models — Di Example", "Placement by Search — Ed Example",
        "Demos of the sponsors, at the back of the hall"]
    assert [li.a["href"] for li in posters[:2]] == ["#paper-3", "#paper-4"]
    talks = rows[5].select("ul.ws-nested > li a")
    assert [(a.get_text(), a["href"]) for a in talks] == [
        ("Learning to Schedule — Ann Example, Bob Example", "#paper-1"),
        ("Learned Caches — Cy Example", "#paper-2")]


@pytest.mark.sphinx("html", testroot="program")
def test_days_of_a_several_day_edition_and_captions_of_one_day(built):
    first, room_b, room_c = tables(built, "multiday")
    assert first.caption.get_text(strip=True).rstrip("¶") == (
        "Schedule (times in WET, Europe/Lisbon)")
    rows = first.select("tbody > tr")
    assert [(row["class"][0], row.get_text(" ", strip=True)) for row in rows] == [
        ("ws-day", "Sunday, December 14, 2031"),
        ("ws-kind-remarks", "9:00 AM – 10:00 AM Opening remarks"),
        ("ws-kind-talk", "10:00 AM – 5:00 PM Talks"),  # the day ends with the hours
        ("ws-day", "Monday, December 15, 2031"),
        ("ws-kind-talk", "9:00 AM – 4:00 PM Second day"),
        ("ws-kind-remarks", "4:00 PM – 5:00 PM Closing"),
    ]
    assert rows[0].td["colspan"] == "2"
    assert room_b.caption.get_text(strip=True).rstrip("¶") == (
        "Room B, Monday, December 15, 2031 (times in WET, Europe/Lisbon)")
    assert room_c.caption.get_text(strip=True).startswith("Room C, Monday")


@pytest.mark.sphinx("html", testroot="program")
def test_untimed_rows_keep_their_place_without_a_time(built):
    """``- [kind] ...`` rows: no time, no calendar link, in order; a row without an end before
    them has no known end, one with a written end keeps it, and a last timed row before them
    ends with the day. The closing row at the end of the hours is within them (no warning)."""
    day, posters = tables(built, "untimed")
    assert [(when(row), row.select("td")[1].get_text(" ", strip=True), row["class"][0])
            for row in day.select("tbody > tr")] == [
        ("9:00 AM", "Opening Remarks", "ws-kind-remarks"),  # its end was not published
        ("", "Invited Speaker 1: Ida Example", "ws-kind-invited"),
        ("", "Invited Speaker 2: Joe Example", "ws-kind-invited"),
        ("3:00 PM – 4:00 PM", "Poster session", "ws-kind-posters"),
        ("", "Demos of the sponsors", "ws-kind-other"),
        ("4:30 PM – 5:40 PM", "Awards", "ws-kind-talk"),
        ("5:40 PM", "Closing", "ws-kind-remarks"),  # at the closing time, without an end
    ]
    untimed = [row for row in day.select("tbody > tr") if not when(row)]
    assert [(a.get_text(), a["href"]) for a in untimed[0].select("a")] == [
        ("Invited Speaker 1: Ida Example", "#ida-example")]
    page = BeautifulSoup((built.outdir / "untimed.html").read_text(encoding="utf-8"),
                         "html.parser")
    with_links = [row.td.get_text(" ", strip=True) for row in page.select("table tbody > tr")
                  if row.select(".ws-calendar-link")]
    assert with_links == ["9:00 AM", "3:00 PM – 4:00 PM", "4:30 PM – 5:40 PM", "5:40 PM",
                          "2:00 PM – 5:40 PM"]
    rows = posters.select("tbody > tr")
    assert when(rows[0]) == "2:00 PM – 5:40 PM"  # untimed rows after it do not cut it
    assert (rows[1].a.get_text(" ", strip=True), rows[1].a["href"]) == (
        "Caches That Learn — Ida Example", "#paper-7")
    assert [when(row) for row in rows[1:]] == ["", ""]


def test_untimed_rows_are_no_events_and_the_same_with_two_processes(copy_root):
    serial = copy_root("test-program", to="serial").build(parallel=1)
    parallel = copy_root("test-program", to="parallel").build(parallel=2)
    assert serial.warnings == parallel.warnings == []
    assert sorted(parallel.merged) == sorted(parallel.app.env.all_docs)
    assert (serial.outdir / "untimed.html").read_bytes() == (
        parallel.outdir / "untimed.html").read_bytes()
    slots = serial.app.env.get_domain("ws").data["slots"]["untimed"]
    assert [(slot.start, slot.end, slot.text) for slot in slots] == [
        ("09:00", "", "Opening Remarks"), ("15:00", "16:00", "Poster session"),
        ("16:30", "17:40", "Awards"), ("17:40", "", "Closing"),
        ("14:00", "17:40", "Poster session")]
    assert slots == parallel.app.env.get_domain("ws").data["slots"]["untimed"]


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml", "latex", "text", "epub"])
def test_other_builders_show_ranges_nested_and_untimed_rows_and_days(copy_root, builder):
    build = copy_root("test-program").build(builder)
    assert build.warnings == []
    out = "\n".join(p.read_text(encoding="utf-8") for p in build.outdir.rglob("*")
                    if p.suffix in (".tex", ".txt", ".html", ".xhtml"))
    for fact in ("10:15 AM", "in parallel", "Placement by Search", "Monday, December 15, 2031",
                 "Invited Speaker 1: Jane Doe", "Invited Speaker 2: Joe Example",
                 "A poster whose paper was not published"):
        assert fact in out, (builder, fact)
