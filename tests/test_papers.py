"""Accepted papers (tests/roots/test-papers): a CSV file beside the page and papers written in the
page become one list per presentation, each paper with its anchor, in objects.inv and the search
index, and reachable with ``{ws:paper}``."""

from __future__ import annotations

import json
import re
import zlib

import pytest
from bs4 import BeautifulSoup

from conftest import warnings_of
from workshop_archive.directives.papers import split_authors

ROOT = "test-papers"


@pytest.fixture
def built(app):
    app.build()
    assert warnings_of(app) == []
    return app


def soup(app, name: str = "index") -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf-8"),
                         "html.parser")


@pytest.mark.parametrize(("written", "names"), [
    ("Ada Lovelace, Charles Babbage", ["Ada Lovelace", "Charles Babbage"]),
    ("Grace Hopper; Smith, J.", ["Grace Hopper", "Smith, J."]),
    ("  Ada   Lovelace ,, ", ["Ada Lovelace"]),
    ("", []),
])
def test_authors_split_on_semicolons_else_commas(written, names):
    assert split_authors(written) == names


@pytest.mark.sphinx("html", testroot="papers")
def test_csv_papers_are_grouped_by_presentation_in_file_order(built):
    page = soup(built)
    csv_part = page.select_one("#accepted-papers")
    groups = [(rubric.get_text(), [li["id"] for li in rubric.find_next_sibling("ul")
                                   .select("li.ws-paper")])
              for rubric in csv_part.select("p.ws-papers-group")]
    assert groups == [
        ("Oral presentations", ["paper-1"]),
        ("Spotlight presentations", ["paper-2"]),
        ("Poster presentations", ["paper-4"]),
        ("Other papers", ["paper-3"]),
    ]


@pytest.mark.sphinx("html", testroot="papers")
def test_a_paper_shows_its_facts_and_never_an_abstract(built):
    page = soup(built)
    first = page.select_one("li#paper-1")
    assert first.select_one(".ws-paper-title strong").get_text() == "Notes on the Engine"
    assert first.select_one(".ws-award").get_text() == "Best Paper"
    assert first.select_one(".ws-paper-authors").get_text() == "Ada Lovelace, Charles Babbage"
    assert [(a.get_text(), a["href"]) for a in first.select(".ws-paper-meta a")] == [
        ("PDF", "https://example.org/papers/1.pdf")]
    # a title with a comma, quoted in the CSV; the session of a poster
    fourth = page.select_one("li#paper-4")
    assert fourth.strong.get_text() == "On Computable Numbers, with an Application"
    assert fourth.select_one(".ws-paper-session").get_text() == "Poster Session 1"
    # the abstract column (over two lines, CRLF) and the tag column are never shown
    assert "long abstract" not in page.get_text()
    assert "over two lines" not in page.get_text()


@pytest.mark.sphinx("html", testroot="papers")
def test_a_withdrawn_paper_is_shown_as_withdrawn(built):
    withdrawn = soup(built).select_one("li#paper-3")
    assert "ws-withdrawn" in withdrawn["class"]
    assert withdrawn.select_one(".ws-withdrawn-badge").get_text() == "Withdrawn"
    assert withdrawn.select_one(".ws-paper-authors") is None


@pytest.mark.sphinx("html", testroot="papers")
def test_papers_written_in_the_page_form_one_grouped_list(built):
    late = soup(built).select_one("#late-papers")
    assert [r.get_text() for r in late.select("p.ws-papers-group")] == [
        "Poster presentations", "Other papers"]
    assert [li["id"] for li in late.select("li.ws-paper")] == ["paper-6", "paper-5"]
    five = late.select_one("#paper-5")
    assert [a.get_text() for a in five.select(".ws-paper-meta a")] == ["PDF", "Code"]
    assert five.select_one(".ws-paper-authors").get_text() == "Herman Hollerith"


@pytest.mark.sphinx("html", testroot="papers")
def test_paper_role_links_from_a_row_and_from_another_page(built):
    rows = soup(built).select("table.ws-schedule tbody tr")
    link = rows[1].select_one("a")
    assert link["href"] == "#paper-1"
    assert link.get_text() == "Notes on the Engine — Ada Lovelace, Charles Babbage"
    # a label of one's own, shown as text (not code), still linked to the paper
    own = rows[2].select_one("a")
    assert own["href"] == "#paper-2"
    assert own.get_text() == "Our own label"
    assert own.code is None
    other = soup(built, "other").select_one("a.reference.internal[href$='#paper-1']")
    assert other["href"] == "index.html#paper-1"


@pytest.mark.sphinx("html", testroot="papers")
def test_papers_are_in_objects_inv_and_search_lands_on_their_entry(built):
    raw = (built.outdir / "objects.inv").read_bytes()
    lines = zlib.decompress(raw.split(b"\n", 4)[4]).decode().splitlines()
    papers = sorted(line for line in lines if " ws:paper " in line)
    assert papers[0] == "test2030/1 ws:paper 1 index.html#paper-1 Notes on the Engine"
    assert "test2030/3 ws:paper 1 index.html#paper-3 [Retracted] (withdrawn)" in papers
    assert len(papers) == 6
    text = (built.outdir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(re.search(r"Search\.setIndex\((.*)\)$", text.strip()).group(1))
    entries = [entry for entries in index["objects"].values() for entry in entries]
    anchors = {entry[4]: entry[3] for entry in entries}
    # an anchor the search index would shorten ('' or '-') gives a result at the page top
    assert anchors["Notes on the Engine"] == "paper-1"


def test_edited_csv_rereads_its_page(copy_root):
    project = copy_root(ROOT)
    project.build()
    csv = project.srcdir / "test2030" / "papers.csv"
    csv.write_bytes(csv.read_bytes().replace(b"Notes on the Engine", b"Notes on the Mill"))
    build = project.build()
    assert build.warnings == []
    assert build.read == ["index"]
    assert build.page("index").select_one("li#paper-1 strong").get_text() == "Notes on the Mill"
    assert build.app.env.get_domain("ws").papers_by_key["test2030/1"].title == "Notes on the Mill"


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml", "latex", "text", "epub"])
def test_every_builder_writes_the_papers(copy_root, builder):
    build = copy_root(ROOT).build(builder)
    assert build.warnings == []
    suffixes = (".xhtml",) if builder == "epub" else (".html", ".tex", ".txt")
    out = "\n".join(p.read_text(encoding="utf-8") for p in build.outdir.rglob("*")
                    if p.suffix in suffixes)
    for fact in ("Notes on the Engine", "Spotlight presentations", "Withdrawn", "Poster Session 1"):
        assert fact in out, (builder, fact)


def test_two_processes_give_the_output_of_one(copy_root):
    """Sphinx reads in worker processes from six documents on: the root gets five more."""
    outputs = []
    for parallel in (1, 2):
        project = copy_root(ROOT, to=f"j{parallel}", parallel=parallel)
        toctree = ["other"]
        for year in range(2031, 2036):
            (project.srcdir / f"e{year}.csv").write_text(
                f"id,title,authors,presentation\n1,Paper of {year},Ada Lovelace,oral\n"
                f"2,Poster of {year},Alan Turing; Ada Lovelace,poster\n", encoding="utf-8")
            (project.srcdir / f"e{year}.md").write_text(
                f"# Workshop {year}\n\n:::{{edition}} e{year}\n:date: {year}-12-14\n:::\n\n"
                f":::{{ws:papers}}\n:file: e{year}.csv\n:::\n\nSee {{ws:paper}}`test2030/1`.\n",
                encoding="utf-8")
            toctree.append(f"e{year}")
        project.edit("index.md", "other\n", "\n".join(toctree) + "\n")
        build = project.build()
        assert build.warnings == []
        assert bool(build.merged) == (parallel == 2)
        pages = {p.name: p.read_bytes() for p in sorted(build.outdir.glob("*.html"))}
        outputs.append((pages, build.app.env.get_domain("ws").data["papers"]))
    assert sum(len(papers) for papers in outputs[0][1].values()) == 6 + 5 * 2
    assert outputs[0] == outputs[1]
