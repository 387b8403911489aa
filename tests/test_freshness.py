"""The index pages are never stale: an incremental build after an edit to one edition re-reads
that page only and rewrites the People, Talks and Editions pages; a build with nothing changed
rewrites nothing. Serial and ``-j 2``, each in a fresh copy of tests/roots/test-archive.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import warnings_of

PARALLEL = pytest.mark.parametrize("parallel", [0, 2], ids=["serial", "parallel"])
#: the pages that show a cross-edition index
INDEX_PAGES = {"index", "people", "talks"}


class Project:
    """A copy of a test root, built again and again as a maintainer would."""

    def __init__(self, make_app, srcdir: Path, parallel: int) -> None:
        self.make_app, self.srcdir, self.parallel = make_app, srcdir, parallel
        self.outdir = srcdir / "_build" / "html"

    def build(self) -> tuple[list[str], set[str]]:
        """Build incrementally with a new app; returns the pages read and the pages written."""
        # (Setting the outputs' times back would not do: the HTML builder would find every
        # output older than its source and write it again.)
        before = {page: page.stat().st_mtime_ns for page in self.outdir.rglob("*.html")}
        app = self.make_app("html", srcdir=self.srcdir, parallel=self.parallel)
        read: list[str] = []
        app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
        app.build()
        # Unregister the extension's nodes before the next app of the same test is made.
        app.cleanup()
        assert warnings_of(app) == []
        written = {
            page.relative_to(self.outdir).with_suffix("").as_posix()
            for page in self.outdir.rglob("*.html")
            if page.stat().st_mtime_ns != before.get(page)
        }
        # genindex and search are not documents: the HTML builder writes them on every build.
        return sorted(read), written & app.env.found_docs

    def edit(self, page: str, old: str, new: str) -> None:
        path = self.srcdir / page
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new))

    def main(self, page: str) -> BeautifulSoup:
        soup = BeautifulSoup((self.outdir / f"{page}.html").read_text(), "html.parser")
        return soup.select_one("[role=main]")


@pytest.fixture
def project(make_app, rootdir, tmp_path, request) -> Project:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-archive", srcdir)
    return Project(make_app, srcdir, request.node.callspec.params["parallel"])


@PARALLEL
def test_an_edit_rewrites_the_index_pages_and_nothing_else(project, parallel):
    read, written = project.build()
    assert len(read) == 7
    mimee = project.main("people").select_one("#people-mimee-xu").get_text(" ", strip=True)
    assert "(Google)" in mimee

    project.edit("editions/beta2022.md", "- Mimee Xu, Google", "- Mimee Xu, Google DeepMind")
    read, written = project.build()
    assert read == ["editions/beta2022"]
    assert written == {"editions/beta2022", *INDEX_PAGES}
    mimee = project.main("people").select_one("#people-mimee-xu").get_text(" ", strip=True)
    assert "(Google DeepMind)" in mimee

    read, written = project.build()
    assert (read, written) == ([], set())


@PARALLEL
def test_a_new_title_reaches_the_talks_and_editions_pages(project, parallel):
    project.build()
    project.edit("editions/gamma2023.md", "# Test Workshop 2023", "# Workshop 2023 in Lisbon")
    read, written = project.build()
    assert read == ["editions/gamma2023"]
    assert written >= INDEX_PAGES
    assert project.main("talks").select_one("#talks-gamma2023 h2").get_text(strip=True) == (
        "Workshop 2023 in Lisbon¶")
    card = project.main("index").select_one(".ws-edition-card")
    assert card.h3.get_text(strip=True) == "Workshop 2023 in Lisbon"


@PARALLEL
def test_adding_and_removing_an_edition_updates_the_index_pages(project, parallel):
    project.build()
    (project.srcdir / "editions" / "delta2024.md").write_text(
        "# Test Workshop 2024\n\n"
        ":::{edition} delta2024\n:conference: DeltaConf 2024\n:date: 2024-12-14\n:::\n\n"
        ":::{speaker} Mimee Xu\n:role: keynote\n:talk: Privacy\n\nMimee speaks.\n:::\n"
    )
    read, written = project.build()
    # Sphinx re-reads the page with the glob toctree, which has a new entry.
    assert read == ["editions/delta2024", "index"]
    assert written >= INDEX_PAGES
    mimee = project.main("people").select_one("#people-mimee-xu")
    assert [li.a.get_text(strip=True) for li in mimee.select("li")] == [
        "Test Workshop 2024", "Test Workshop 2022", "Test Workshop 2021"]
    cards = project.main("index").select(".ws-edition-card h3")
    assert cards[0].get_text(strip=True) == "Test Workshop 2024"

    (project.srcdir / "editions" / "alpha2021.md").unlink()
    read, written = project.build()
    assert read == ["index"]  # the glob toctree again
    assert written >= INDEX_PAGES
    people = project.main("people")
    assert people.select_one("#people-alan-turing") is None  # only on the removed page
    assert [li.a.get_text(strip=True) for li in people.select("#people-mimee-xu li")] == [
        "Test Workshop 2024", "Test Workshop 2022"]
    assert project.main("talks").select_one("#talks-alpha2021") is None


def test_a_parallel_build_writes_the_same_index_pages_as_a_serial_one(make_app, rootdir, tmp_path):
    pages = {}
    for parallel in (0, 2):
        srcdir = tmp_path / f"j{parallel}"
        shutil.copytree(rootdir / "test-archive", srcdir)
        Project(make_app, srcdir, parallel).build()
        pages[parallel] = {
            page: (srcdir / "_build" / "html" / f"{page}.html").read_text()
            for page in sorted(INDEX_PAGES)
        }
    assert pages[0] == pages[2]


@pytest.mark.parametrize("parallel", [0])
def test_an_edit_of_the_people_file_reaches_every_page(project, parallel):
    project.build()
    with (project.srcdir / "people.toml").open("a") as people:
        people.write('\n[grace-hopper]\nname = "Grace Brewster Hopper"\n')
    read, written = project.build()
    # an alias can change whom a name on any page means: every page is read again
    assert read == sorted(written) == sorted(
        ["index", "notes", "people", "talks", "editions/alpha2021", "editions/beta2022",
         "editions/gamma2023"])
    entry = project.main("people").select_one("#people-grace-hopper")
    assert entry.h3.get_text(strip=True) == "Grace Brewster Hopper"


@pytest.mark.parametrize("parallel", [0])
def test_an_edit_the_index_pages_do_not_show_rewrites_only_its_page(project, parallel):
    project.build()
    project.edit("editions/beta2022.md", "Grace built a compiler.", "Grace built compilers.")
    read, written = project.build()
    # Sphinx writes the toctree parent (index) of a changed page on its own; the People and
    # Talks pages show nothing that changed, so they stay as they are
    assert (read, written) == (["editions/beta2022"], {"editions/beta2022", "index"})
