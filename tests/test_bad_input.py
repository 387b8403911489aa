"""The bad-input corpus (tests/bad-input/): every fault gives exactly one located, typed warning
that names the field and says what to write, and the rest of the site is still written.

Each page of the corpus has one fault and declares, on its first line, the warning it must give:
``% expect: <line> workshop.<subtype> "<words of the message>"``; a fault in a data file beside
the page is expected at that file's line: ``% expect: <file>:<line> ...``, the file relative to
the corpus. The corpus is built as one Sphinx project, as a maintainer's site would be.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from conftest import TESTS, warnings_of
from workshop_archive.diagnostics import Problem

CORPUS = TESTS / "bad-input"
_EXPECT = re.compile(
    r'^% expect: (?:(?P<file>\S+):)?(?P<line>\d+) workshop\.(?P<subtype>\w+) "(?P<words>.+)"$')


@dataclass(frozen=True)
class Expectation:
    page: str
    #: the file the warning names: the page, or a data file beside it
    file: str
    line: int
    subtype: str
    words: str


def read(path: Path) -> str:
    """A page of the corpus as text; one of them holds a byte that is not UTF-8 on purpose."""
    return path.read_bytes().decode("utf-8", errors="replace")


def expectations() -> list[Expectation]:
    found = []
    for path in sorted(CORPUS.glob("*.md")):
        first_line = read(path).splitlines()[0]
        if match := _EXPECT.match(first_line):
            found.append(Expectation(path.stem, match["file"] or path.name, int(match["line"]),
                                     match["subtype"], match["words"]))
    return found


EXPECTATIONS = expectations()


@dataclass
class CorpusBuild:
    srcdir: Path
    outdir: Path
    warnings: list[str]
    status: str


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory) -> CorpusBuild:
    """The corpus built once with the html builder, from a copy (Sphinx writes beside it)."""
    srcdir = tmp_path_factory.mktemp("bad-input") / "src"
    shutil.copytree(CORPUS, srcdir)
    app = SphinxTestApp("html", srcdir=srcdir)
    try:
        app.build()
    finally:
        app.cleanup()
    return CorpusBuild(srcdir, Path(app.outdir), warnings_of(app), app.status.getvalue())


def test_corpus_is_large_and_every_faulty_page_declares_its_warning():
    pages = [path.stem for path in CORPUS.glob("*.md") if path.stem != "index"]
    assert len(EXPECTATIONS) >= 30
    assert sorted(e.page for e in EXPECTATIONS) == sorted(pages)
    assert {e.subtype for e in EXPECTATIONS} <= {problem.value for problem in Problem}


@pytest.mark.parametrize("expected", EXPECTATIONS, ids=lambda e: e.page)
def test_fault_gives_exactly_one_warning_at_its_line(corpus_build, expected):
    path = corpus_build.srcdir / expected.file
    of_page = [w for w in corpus_build.warnings if w.startswith(f"{path}:")]
    assert len(of_page) == 1, of_page
    prefix = f"{path}:{expected.line}: WARNING: "
    suffix = f" [workshop.{expected.subtype}]"
    assert of_page[0].startswith(prefix), of_page
    assert of_page[0].endswith(suffix), of_page
    assert expected.words in of_page[0]


def test_no_warning_outside_the_faults_and_no_traceback(corpus_build):
    assert len(corpus_build.warnings) == len(EXPECTATIONS), corpus_build.warnings
    assert "Traceback" not in corpus_build.status + "\n".join(corpus_build.warnings)


def test_every_warning_says_what_to_write(corpus_build):
    """A maintainer reads what is wrong and what to write instead."""
    advice = re.compile(r"\b(write|use|add|give|put|keep|move|start|did you mean)\b")
    for warning in corpus_build.warnings:
        assert advice.search(warning.partition(": WARNING: ")[2]), warning


@pytest.mark.parametrize("page", ["index", *(e.page for e in EXPECTATIONS)])
def test_every_page_is_still_written_with_its_title(corpus_build, page):
    source_title = next(line for line in read(corpus_build.srcdir / f"{page}.md").splitlines()
                        if line.startswith("# "))
    soup = BeautifulSoup((corpus_build.outdir / f"{page}.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert " ".join(soup.h1.get_text().split()).rstrip("¶#").strip() == source_title[2:]


def test_markup_and_scripts_are_shown_as_text_never_run(corpus_build):
    for page in corpus_build.outdir.glob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        main = soup.select_one("div.body") or soup
        assert not [s for s in main.find_all("script") if "alert" in s.get_text()], page.name
        assert not main.select("img[onerror]"), page.name
        assert not [a for a in soup.find_all("a") if a.get("href", "").lower().startswith(
            ("javascript:", "data:", "ftp:"))], page.name
    name = BeautifulSoup((corpus_build.outdir / "speaker-script-in-name.html").read_text(
        encoding="utf-8"), "html.parser").select_one(".ws-speaker h3")
    assert name.get_text(strip=True) == "<script>alert(1)</script> Ada"
    row = BeautifulSoup((corpus_build.outdir / "schedule-script-in-row.html").read_text(
        encoding="utf-8"), "html.parser").select("table.ws-schedule tbody tr")[1]
    assert "<script>alert(1)</script>" in row.get_text()


def test_the_rest_of_a_faulty_page_is_kept(corpus_build):
    """A fault drops only the faulty value: the card, row or member around it stays."""

    def soup(page: str) -> BeautifulSoup:
        return page_without_calendar_links(corpus_build.outdir / f"{page}.html")

    card = soup("speaker-unknown-role").select_one("#ada-lovelace")
    assert "Engines" in card.get_text()
    assert soup("speaker-missing-photo").select_one("#ada-lovelace img.ws-avatar") is not None
    assert "Ada wrote the first program." in soup("speaker-missing-photo").get_text()
    cards = soup("speaker-duplicate-id").select(".ws-speaker")
    assert [c.select_one(".ws-talk-title").get_text() for c in cards] == ["First", "Second"]
    assert len({c["id"] for c in cards}) == 2
    links = soup("speaker-ftp-link").select("#ada-lovelace .ws-links a")
    assert [a["href"] for a in links] == ["https://example.org/ada"]
    rows = soup("schedule-bad-time").select("table.ws-schedule tbody tr")
    assert [r.get_text(" ", strip=True) for r in rows] == [
        "9:00 AM Opening remarks", "? Lunch", "2:00 PM Posters"]
    rows = soup("schedule-backwards").select("table.ws-schedule tbody tr")
    assert len(rows) == 3
    members = soup("committee-member-without-name").select(".ws-committee li")
    assert [m.strong.get_text() for m in members] == ["Ada Lovelace"]
    facts = soup("edition-unknown-timezone").select_one(".ws-edition").get_text()
    assert "December 14, 2030" in facts


def test_hostile_input_keeps_the_rest_of_the_page(corpus_build):
    """Faults of issue 13: each warns once (above) and loses nothing but the faulty value."""

    def soup(page: str) -> BeautifulSoup:
        return page_without_calendar_links(corpus_build.outdir / f"{page}.html")

    def members(page: str) -> list[str]:
        return [m.strong.get_text() for m in soup(page).select(".ws-committee li")]

    assert members("committee-prose-line") == ["Ada Lovelace", "Charles Babbage"]
    assert "Thanks" not in soup("committee-prose-line").select_one(".ws-committee").get_text()
    assert members("committee-nested-directive") == ["Ada Lovelace", "Charles Babbage"]
    assert members("committee-name-without-letters") == ["Ada Lovelace", "😀"]
    boxes = soup("committee-same-title-twice").select(".ws-committee")
    assert members("committee-same-title-twice") == [
        "Ada Lovelace", "Charles Babbage"]
    ids = [tag["id"] for tag in soup("committee-same-title-twice").select("[id]")]
    assert len(ids) == len(set(ids)) and len(boxes) == 2
    label = soup("committee-markup-in-link-label").select_one(".ws-committee a")
    assert label["href"] == "https://example.org/ada"
    assert "<b>site</b>" in label.get_text() and label.b is None
    facts = soup("edition-end-before-date").select_one(".ws-edition").get_text()
    assert "December 14, 2030" in facts and "December 10" not in facts
    assert soup("edition-contact-with-spaces").select_one(".ws-edition a") is None
    assert members("edition-id-non-latin") == ["Ada Lovelace"]
    assert soup("edition-id-non-latin").select_one(".ws-committee")["id"] == (
        "niyuritpusu-3689c6-organizing-committee")
    rows = soup("schedule-end-before-last-row").select("table.ws-schedule tbody tr")
    assert [r.get_text(" ", strip=True) for r in rows] == [
        "9:00 AM – 10:00 AM Opening remarks", "10:00 AM Posters"]
    for page in ("speaker-javascript-reference-link", "speaker-javascript-autolink"):
        card = soup(page).select_one("#ada-lovelace")
        assert "Ada wrote" in card.get_text() and card.select(".ws-links a, p a") == []
    assert "Ada wrote the first program." in soup("speaker-nul-in-body").get_text()
    card = soup("speaker-tab-after-option").select_one("#ada-lovelace")
    assert card.select_one(".ws-talk-title").get_text() == "Notes on the Analytical Engine"
    assert card.select_one(".ws-badge").get_text() == "Keynote Speaker"
    assert "Ada wrote the first program in Caf\ufffd Babbage." in soup("page-not-utf8").get_text()
    for page in ("speaker-photo-outside-project", "speaker-photo-text-bomb",
                 "speaker-photo-too-many-pixels"):
        card = soup(page).select_one("#ada-lovelace")
        assert card.select_one("img.ws-avatar") is not None and card.picture is None
        assert "Ada wrote the first program." in card.get_text()


def page_without_calendar_links(path: Path) -> BeautifulSoup:
    """A built page as a reader reads its text: the "Add to calendar" links taken out."""
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for link in page.select(".ws-calendar-link"):
        link.decompose()
    return page


def test_the_index_pages_keep_what_the_faulty_pages_hold(corpus_build):
    """The corpus's index shows the People and Editions indexes: a fault loses nothing there
    either, and adds nobody (a line of prose or of a nested directive is no person)."""
    html = (corpus_build.outdir / "index.html").read_text(encoding="utf-8")
    body = BeautifulSoup(html, "html.parser").select_one("div.body")
    people = {entry["id"]: entry.get_text(" ", strip=True)
              for entry in body.select("[id^=people-]")}
    for title in ("Tab after an option name", "A byte that is not UTF-8", "NUL byte in a bio",
                  "Javascript autolink", "Javascript link written reference-style",
                  "Photo outside the project", "Prose inside a committee",
                  "Directive inside a committee", "Edition id in another script",
                  "The name of a member without letters", "Markup in the link label of a member"):
        assert title in people["people-ada-lovelace"], title
    for title in ("Prose inside a committee", "Directive inside a committee",
                  "Two committees of one title"):
        assert title in people["people-charles-babbage"], title
    assert not [person for person in people if "thanks" in person or "note" in person
                or person == "people-"]
    editions = body.get_text(" ", strip=True)
    for title in ("Last day before the first", "Contact with an at sign but no address",
                  "End before the last row", "Script <script>alert(1)</script> in the title"):
        assert title in editions, title
    ids = [tag["id"] for tag in body.select("[id]")]
    assert len(ids) == len(set(ids))
