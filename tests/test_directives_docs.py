"""The maintainer docs of the directives stay true: every example in docs/snippets/ builds without a
warning and renders what the reference says, and docs/maintainer/warnings.md lists exactly the
warning subtypes of the ``Problem`` enum."""

from __future__ import annotations

import os
import re

import pytest
from bs4 import BeautifulSoup

from conftest import PROJECT, TESTS, warnings_of
from support.builds import Project
from workshop_archive.diagnostics import Problem
from workshop_archive.directives.committee import CommitteeDirective
from workshop_archive.directives.edition import EditionDirective
from workshop_archive.directives.panel import PanelDirective
from workshop_archive.directives.papers import PaperDirective, PapersDirective
from workshop_archive.directives.schedule import ScheduleDirective
from workshop_archive.directives.speaker import SpeakerDirective

DOCS = PROJECT / "docs"
SNIPPETS = sorted((DOCS / "snippets").glob("*.md"))
REFERENCE = (DOCS / "maintainer" / "directives.md").read_text(encoding="utf-8")
SNAPSHOTS = TESTS / "snapshots" / "snippets"
DATA_URI = re.compile(r"data:([\w/+.-]+);base64,[A-Za-z0-9+/=]+")
#: what a snippet needs above it when it does not declare the edition itself
EXAMPLE_EDITION = ":::{edition} example2030\n:no-index:\n:date: 2030-12-14\n:::\n\n"


@pytest.fixture(scope="module")
def built_snippets(tmp_path_factory):
    """Every snippet as a page of one project, under an example edition when it needs one, built
    once for the tests of this module."""
    srcdir = tmp_path_factory.mktemp("snippets")
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_design", "workshop_archive"]\n'
        'myst_enable_extensions = ["colon_fence"]\n', encoding="utf-8")
    # data files of the snippets, at the path the reference's build has them: /snippets/...
    (srcdir / "snippets").mkdir()
    for data in (DOCS / "snippets").glob("*.csv"):
        (srcdir / "snippets" / data.name).write_bytes(data.read_bytes())
    names = []
    for snippet in SNIPPETS:
        text = snippet.read_text(encoding="utf-8")
        head = "" if text.startswith(":::{edition}") else EXAMPLE_EDITION
        (srcdir / snippet.name).write_text(f"# {snippet.stem}\n\n{head}{text}", encoding="utf-8")
        names.append(snippet.stem)
    toctree = "\n".join(names)
    (srcdir / "index.md").write_text(f"# Snippets\n\n```{{toctree}}\n{toctree}\n```\n",
                                     encoding="utf-8")
    return Project(srcdir).build().app


def page(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def test_every_snippet_is_shown_in_the_reference_rendered_and_as_source():
    assert len(SNIPPETS) >= 5
    for snippet in SNIPPETS:
        assert f"```{{include}} ../snippets/{snippet.name}" in REFERENCE, snippet.name
        assert f"```{{literalinclude}} ../snippets/{snippet.name}" in REFERENCE, snippet.name


def test_every_snippet_builds_without_warnings(built_snippets):
    assert warnings_of(built_snippets) == []


def test_snippets_render_what_the_reference_describes(built_snippets):
    edition = page(built_snippets, "edition").select_one(".ws-edition")
    assert "Saturday, December 14, 2030, 9:00 AM – 5:00 PM (WET, Europe/Lisbon)" in (
        edition.get_text())
    ada = page(built_snippets, "speaker").select_one(".ws-grid #ada-lovelace")
    assert ada.select_one(".ws-badge").get_text() == "Keynote Speaker"
    assert "compose music" in ada.select_one(".ws-abstract").get_text()
    grace = page(built_snippets, "speaker-special-topic").select_one("#grace-hopper-navy")
    assert grace.select_one(".ws-badge").get_text() == "Special Topic: MARL"
    rows = page(built_snippets, "schedule").select("table.ws-schedule > tbody > tr")
    assert [row.td.get_text(" ", strip=True) for row in rows] == [
        "9:00 AM – 9:10 AM", "9:10 AM – 10:00 AM", "10:00 AM – 10:30 AM",
        "10:30 AM – 12:30 PM", "12:30 PM – 2:30 PM", "2:30 PM – 3:30 PM",
        "2:30 PM – 3:45 PM (in parallel)", "3:45 PM – 4:30 PM"]
    assert [li.get_text() for li in rows[5].select("ul.ws-nested li")] == [
        "A cost model for punched cards", "Scheduling looms with search"]
    rows = page(built_snippets, "schedule-untimed").select("table.ws-schedule > tbody > tr")
    assert [(row.td.get_text(" ", strip=True), row["class"][0]) for row in rows] == [
        ("9:00 AM", "ws-kind-remarks"), ("", "ws-kind-invited"), ("", "ws-kind-invited"),
        ("2:00 PM – 3:00 PM", "ws-kind-posters"), ("", "ws-kind-posters"),
        ("", "ws-kind-posters"), ("5:00 PM", "ws-kind-remarks")]
    csv_papers = page(built_snippets, "papers")
    assert [r.get_text() for r in csv_papers.select("p.ws-papers-group")] == [
        "Oral presentations", "Spotlight presentations", "Poster presentations", "Other papers"]
    assert csv_papers.select_one("#paper-2 .ws-paper-authors").get_text() == (
        "Grace Hopper, Mary Somerville")
    assert "never shown" not in csv_papers.get_text()
    assert csv_papers.select_one("#paper-4").get_text(" ", strip=True) == (
        "Title not published Withdrawn")
    in_page = page(built_snippets, "paper")
    assert [a.get_text() for a in in_page.select("#paper-11 .ws-paper-meta a")] == [
        "PDF", "OpenReview"]
    assert "ws-withdrawn" in in_page.select_one("#paper-12")["class"]
    panel = page(built_snippets, "panel").select_one("#centenary-panel")
    assert [li.get_text(" ", strip=True) for li in panel.select(".ws-panel-people li")] == [
        "Moderator: Mary Somerville , Royal Society",
        "Ada Lovelace , Analytical Engines; University of London",
        "Charles Babbage , homepage (Charles Babbage)"]
    joint = page(built_snippets, "panel").select_one("#engines-and-looms")
    assert joint.select_one(".ws-badge").get_text() == "Invited Talk"
    members = page(built_snippets, "committee").select(".ws-committee li")
    assert [m.strong.get_text() for m in members] == [
        "Ada Lovelace", "Charles Babbage", "Mary Somerville"]


def doctree_text(app, name: str) -> str:
    """The doctree a snippet's page is read into (after the read transforms, before any builder
    touches it), as docutils' pseudo-XML, without the paths of this build: the same for every
    theme and every builder."""
    text = app.env.get_doctree(name).pformat()
    text = text.replace(f"{app.srcdir}{os.sep}", "")
    # an initials avatar is an SVG drawing of the name, which the alt text already shows
    return DATA_URI.sub(r"data:\1;base64,...", text)


@pytest.mark.parametrize("snippet", [snippet.stem for snippet in SNIPPETS])
def test_snippet_doctree_is_as_recorded(built_snippets, file_regression, snippet):
    """What the directives of each snippet produce, as a doctree: a change shows as a diff
    against tests/snapshots/snippets/<snippet>.xml. When the change is intended, record it with
    ``make test-fast PYTEST_ARGS="tests/test_directives_docs.py --force-regen"`` and commit the
    new file with the change (docs/maintainer/directives.md says so too)."""
    file_regression.check(doctree_text(built_snippets, snippet), extension=".xml",
                          fullpath=SNAPSHOTS / f"{snippet}.xml")


def test_examples_stay_out_of_the_archive(built_snippets):
    """``:no-index:`` keeps the examples' edition, talks and people out of the indexes."""
    domain = built_snippets.env.get_domain("ws")
    assert domain.editions == []
    assert domain.talks == []
    assert domain.members == []
    assert domain.papers == []


def test_reference_documents_every_option_of_every_directive():
    for directive in (EditionDirective, SpeakerDirective, ScheduleDirective, CommitteeDirective,
                      PapersDirective, PaperDirective, PanelDirective):
        for option in directive.option_spec or {}:
            assert f"`:{option}:`" in REFERENCE, option


def test_warnings_page_lists_exactly_the_problem_subtypes():
    text = (DOCS / "maintainer" / "warnings.md").read_text(encoding="utf-8")
    listed = re.findall(r"^## `workshop\.(\w+)`$", text, flags=re.MULTILINE)
    assert listed == [problem.value for problem in Problem]
