"""The facts of an edition beyond its day (tests/roots/test-program): important dates, the call
for papers, a virtual edition; and what a talk without a title says before and after the
edition."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import warnings_of


def facts(app, name: str) -> dict[str, str]:
    page = BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf-8"),
                         "html.parser")
    return {dt.get_text(strip=True).rstrip(":"): dt.find_next_sibling("dd")
            for dt in page.select(".ws-edition dt")}


@pytest.mark.sphinx("html", testroot="program")
def test_the_card_shows_important_dates_and_the_call(app):
    app.build()
    assert warnings_of(app) == []
    card = facts(app, "index")
    assert card["Dates"].get_text(strip=True) == (
        "Submission deadline September 27, 2030 (AoE); notification October 20, 2030; "
        "camera-ready November 15, 2030")
    assert card["Call for papers"].a["href"] == "https://example.org/2030/cfp"
    edition = app.env.get_domain("ws").editions_by_id["prog2030"]
    assert (edition.submission_deadline, edition.notification, edition.camera_ready) == (
        "2030-09-27 (AoE)", "2030-10-20", "2030-11-15")
    assert not edition.virtual


@pytest.mark.sphinx("html", testroot="program")
def test_a_virtual_edition_says_so(app):
    app.build()
    assert facts(app, "multiday")["Where"].get_text(strip=True) == "Virtual"
    assert app.env.get_domain("ws").editions_by_id["multi2031"].virtual


def untitled_text(build) -> str:
    return build.page("index").select_one("#john-roe .ws-tba").get_text()


def test_a_talk_without_a_title_is_announced_only_before_its_edition(copy_root):
    before = copy_root("test-program", to="before").build(confoverrides={
        "ws_today": "2030-12-14"})
    assert untitled_text(before) == "Talk title to be announced"
    after = copy_root("test-program", to="after").build(confoverrides={"ws_today": "2030-12-15"})
    assert untitled_text(after) == "Talk title not published"


def test_the_build_date_is_source_date_epoch_and_a_passed_edition_is_read_again(
        copy_root, monkeypatch):
    project = copy_root("test-program")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1923000000")  # 2030-12-09
    first = project.build()
    assert untitled_text(first) == "Talk title to be announced"
    again = project.build()
    assert again.read == []
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1924000000")  # 2030-12-21
    later = project.build()
    assert later.read == ["index"]  # the 2031 edition is still to come
    assert untitled_text(later) == "Talk title not published"


@pytest.mark.sphinx("html", testroot="program")
def test_several_affiliations_of_one_speaker(app):
    app.build()
    jane = app.env.get_domain("ws").talks_by_key["prog2030/jane-doe"]
    assert jane.affiliations == ("Analytical Engines", "University of London")
    card = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert card.select_one("#jane-doe .ws-affiliation").get_text() == (
        "Analytical Engines; University of London")
