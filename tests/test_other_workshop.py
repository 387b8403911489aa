"""The extension serves another workshop (tests/roots/test-other-workshop): its own speaker roles,
link kinds and schedule kinds, a 24-hour clock, German for every text the extension writes, people
filed as the people file says, and alabaster instead of pydata-sphinx-theme, without a warning."""

from __future__ import annotations

import re

import pytest
import sphinx.locale

from conftest import warnings_of
from support.builds import Project, copy_root

#: nitpicky, as a site builds; and the root's own theme (sphinx.testing replaces alabaster by
#: "basic" unless it is given here)
OVERRIDES = {"nitpicky": True, "html_theme": "alabaster"}


@pytest.fixture(scope="module")
def german_translators():
    """Sphinx keeps one translator per catalog for the whole process: the German ones this
    module loads must not reach the English builds of other modules."""
    saved = dict(sphinx.locale.translators)
    sphinx.locale.translators.clear()
    yield
    sphinx.locale.translators.clear()
    sphinx.locale.translators.update(saved)


@pytest.fixture(scope="module")
def workshop(tmp_path_factory, german_translators):
    srcdir = copy_root("test-other-workshop", tmp_path_factory.mktemp("other") / "src")
    return Project(srcdir, confoverrides=OVERRIDES).build()


def text(soup) -> str:
    return " ".join(soup.get_text(" ", strip=True).split())


def body(workshop, page: str):
    return workshop.page(page).select_one("div.body")


def test_it_builds_without_a_warning_in_its_own_theme(workshop):
    assert workshop.warnings == []
    assert workshop.app.builder.theme.name == "alabaster"
    assert "pydata" not in (workshop.outdir / "index.html").read_text(encoding="utf-8")


def test_its_own_roles_badges_and_links(workshop):
    page = body(workshop, "editions/werkstatt2030")
    badges = [badge.get_text() for badge in page.select(".ws-speaker .ws-badge")]
    assert badges == ["Hauptvortrag", "Thema: Compiler", "Gastvortrag"]
    links = [a.get_text(" ", strip=True) for a in page.select(".ws-links a")]
    assert links == ["ORCID von Anna van der Berg", "Mastodon von Anna van der Berg",
                     "Webseite von Wang Xiaoming"]


def test_times_on_a_24_hour_clock_and_dates_in_german(workshop):
    page = body(workshop, "editions/werkstatt2030")
    facts = text(page.select_one(".ws-edition"))
    assert "Wann : Samstag, 14. Dezember 2030, 09:00 – 17:30 (WET, Europe/Lisbon)" in facts
    schedule = page.select_one("table.ws-schedule")
    assert text(schedule.caption).startswith(
        "Programm am Samstag, 14. Dezember 2030 (Zeiten in WET, Europe/Lisbon)")
    starts = [cell.get_text(" ", strip=True) for cell in schedule.select("tbody tr td:first-child")]
    assert starts[:3] == ["09:00 – 09:15", "09:15 – 10:00", "10:00 – 10:30"]
    assert not re.search(r"\b[AP]M\b", text(page))


def test_schedule_kinds_are_the_workshops(workshop):
    rows = body(workshop, "editions/werkstatt2030").select("table.ws-schedule tbody tr")

    def kind_of(words: str) -> list[str]:
        [row] = [row for row in rows if words in row.get_text()]
        return [c for c in row["class"] if c.startswith("ws-kind-")]

    assert kind_of("Kaffeepause") == ["ws-kind-pause"]
    assert kind_of("Mittagessen") == ["ws-kind-pause"]


def test_every_text_of_the_extension_is_german(workshop):
    page = text(body(workshop, "editions/werkstatt2030"))
    for german in ("Gastgeber", "Zeit", "Programmpunkt", "Vortrag: Titel folgt"):
        assert german in page
    for english in ("Host", "Session", "Talk title", "Schedule", " of "):
        assert english not in page
    people = text(body(workshop, "personen"))
    assert "Gastvortrag, Titel folgt" in people


def test_people_are_filed_as_the_people_file_says(workshop):
    people = body(workshop, "personen")
    names = [h3.get_text(strip=True) for h3 in people.select(".ws-person h3")]
    # "van der Berg" under B, "Wang Xiaoming" (family name first) under W, the rest by last word
    assert names == ["Anna van der Berg", "Bernd Ostermann", "Wang Xiaoming", "Carla Zimmermann"]


def test_a_role_of_the_default_vocabulary_is_not_one_of_this_workshop(
        copy_root, german_translators):
    project = copy_root("test-other-workshop")
    project.edit("editions/werkstatt2030.md", ":role: gast", ":role: keynote")
    [warning] = warnings_of(project.build(confoverrides=OVERRIDES).app)
    assert ":role: 'keynote' is not a role; write one of hauptvortrag, gast, thema" in warning
