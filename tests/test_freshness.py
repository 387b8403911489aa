"""The index pages are never stale: an incremental build after an edit to one edition re-reads
that page only and rewrites the People, Talks and Editions pages; a build with nothing changed
rewrites nothing. Serial and ``-j 2``, each in a fresh copy of tests/roots/test-archive; and
``-j 2`` gives what ``-j 1`` gives.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.builds import Build, Project

PARALLEL = pytest.mark.parametrize("parallel", [0, 2], ids=["serial", "parallel"])
#: the pages that show a cross-edition index
INDEX_PAGES = {"index", "people", "talks"}


@pytest.fixture
def project(copy_root, request) -> Project:
    """A fresh copy of test-archive, built serially or with ``-j 2`` as the test says."""
    return copy_root("test-archive", parallel=request.node.callspec.params["parallel"])


def build(project: Project) -> Build:
    done = project.build()
    assert done.warnings == []
    return done


@PARALLEL
def test_an_edit_rewrites_the_index_pages_and_nothing_else(project, parallel):
    done = build(project)
    assert len(done.read) == 7
    mimee = done.main("people").select_one("#people-mimee-xu").get_text(" ", strip=True)
    assert "(Google)" in mimee

    project.edit("editions/beta2022.md", "- Mimee Xu, Google", "- Mimee Xu, Google DeepMind")
    done = build(project)
    assert done.read == ["editions/beta2022"]
    assert done.written == {"editions/beta2022", *INDEX_PAGES}
    mimee = done.main("people").select_one("#people-mimee-xu").get_text(" ", strip=True)
    assert "(Google DeepMind)" in mimee

    done = build(project)
    assert (done.read, done.written) == ([], set())


@PARALLEL
def test_a_new_title_reaches_the_talks_and_editions_pages(project, parallel):
    build(project)
    project.edit("editions/gamma2023.md", "# Test Workshop 2023", "# Workshop 2023 in Lisbon")
    done = build(project)
    assert done.read == ["editions/gamma2023"]
    assert done.written >= INDEX_PAGES
    assert done.main("talks").select_one("#talks-gamma2023 h2").get_text(strip=True) == (
        "Workshop 2023 in Lisbon¶")
    card = done.main("index").select_one(".ws-edition-card")
    assert card.h3.get_text(strip=True) == "Workshop 2023 in Lisbon"


@PARALLEL
def test_a_new_recording_reaches_the_talks_and_people_pages_and_the_data(project, parallel):
    build(project)
    video = "https://video.example.org/grace-hopper"
    project.edit("editions/beta2022.md", ":talk: The First Compiler\n",
                 f":talk: The First Compiler\n:video: {video}\n")
    done = build(project)
    assert done.read == ["editions/beta2022"]
    assert done.written == {"editions/beta2022", *INDEX_PAGES}
    grace = done.main("people").select_one("#people-grace-hopper .ws-talk-material a")
    assert grace["href"] == video
    talk = done.main("talks").select_one("#talks-beta2022 .ws-talk-material a")
    assert talk["href"] == video
    data = json.loads((done.outdir / "archive.json").read_text(encoding="utf-8"))
    assert next(t for t in data["talks"] if t["key"] == "beta2022/grace-hopper")["video"] == video

    project.edit("editions/beta2022.md", f":video: {video}\n", "")
    done = build(project)
    assert done.written == {"editions/beta2022", *INDEX_PAGES}
    assert done.main("people").select_one("#people-grace-hopper .ws-talk-material") is None
    data = json.loads((done.outdir / "archive.json").read_text(encoding="utf-8"))
    assert next(t for t in data["talks"] if t["key"] == "beta2022/grace-hopper")["video"] is None


@PARALLEL
def test_adding_and_removing_an_edition_updates_the_index_pages(project, parallel):
    build(project)
    (project.srcdir / "editions" / "delta2024.md").write_text(
        "# Test Workshop 2024\n\n"
        ":::{edition} delta2024\n:conference: DeltaConf 2024\n:date: 2024-12-14\n:::\n\n"
        ":::{speaker} Mimee Xu\n:role: keynote\n:talk: Privacy\n\nMimee speaks.\n:::\n"
    )
    done = build(project)
    # Sphinx re-reads the page with the glob toctree, which has a new entry.
    assert done.read == ["editions/delta2024", "index"]
    assert done.written >= INDEX_PAGES
    mimee = done.main("people").select_one("#people-mimee-xu")
    assert [li.a.get_text(strip=True) for li in mimee.select("li")] == [
        "DeltaConf 2024", "BetaConf 2022", "AlphaConf 2021"]
    cards = done.main("index").select(".ws-edition-card h3")
    assert cards[0].get_text(strip=True) == "Test Workshop 2024"

    (project.srcdir / "editions" / "alpha2021.md").unlink()
    done = build(project)
    assert done.read == ["index"]  # the glob toctree again
    assert done.written >= INDEX_PAGES
    people = done.main("people")
    assert people.select_one("#people-alan-turing") is None  # only on the removed page
    assert [li.a.get_text(strip=True) for li in people.select("#people-mimee-xu li")] == [
        "DeltaConf 2024", "BetaConf 2022"]
    assert done.main("talks").select_one("#talks-alpha2021") is None
    domain = done.app.env.get_domain("ws")
    assert sorted(e.id for e in domain.editions) == ["beta2022", "delta2024", "gamma2023"]
    assert not [talk for talk in domain.talks if talk.edition == "alpha2021"]


def html_pages(outdir: Path) -> dict[str, bytes]:
    """Every written page, by its path below the output directory."""
    return {str(p.relative_to(outdir)): p.read_bytes() for p in sorted(outdir.rglob("*.html"))}


def pseudoxml_pages(outdir: Path) -> dict[str, str]:
    """Every doctree, as written by the pseudoxml builder, with the source directory taken out."""
    srcdir = str(outdir.parent.parent)
    return {str(p.relative_to(outdir)): p.read_text(encoding="utf-8").replace(srcdir, "<srcdir>")
            for p in sorted(outdir.rglob("*.pseudoxml"))}


@pytest.mark.parametrize("builder", ["html", "pseudoxml"])
def test_two_processes_give_the_output_of_one(copy_root, builder):
    """``-j 2`` writes every page (the index pages too) and keeps the facts as ``-j 1`` does."""
    serial = copy_root("test-archive", to="serial").build(builder, parallel=1)
    parallel = copy_root("test-archive", to="parallel").build(builder, parallel=2)
    assert serial.warnings == parallel.warnings == []
    # Sphinx did read in worker processes (it does from six pages up)
    assert sorted(parallel.merged) == sorted(parallel.app.env.all_docs)
    assert serial.merged == []
    pages = html_pages if builder == "html" else pseudoxml_pages
    assert pages(serial.outdir) == pages(parallel.outdir)
    assert len(pages(serial.outdir)) >= 7
    assert serial.app.env.get_domain("ws").data == parallel.app.env.get_domain("ws").data


@pytest.mark.parametrize("parallel", [0])
def test_an_edit_of_the_people_file_reaches_every_page(project, parallel):
    build(project)
    with (project.srcdir / "people.toml").open("a") as people:
        people.write('\n[grace-hopper]\nname = "Grace Brewster Hopper"\n')
    done = build(project)
    # an alias can change whom a name on any page means: every page is read again
    assert done.read == sorted(done.written) == sorted(
        ["index", "notes", "people", "talks", "editions/alpha2021", "editions/beta2022",
         "editions/gamma2023"])
    entry = done.main("people").select_one("#people-grace-hopper")
    assert entry.h3.get_text(strip=True) == "Grace Brewster Hopper"


@pytest.mark.parametrize("parallel", [0])
def test_an_edit_the_index_pages_do_not_show_rewrites_only_its_page(project, parallel):
    build(project)
    project.edit("editions/beta2022.md", "Grace built a compiler.", "Grace built compilers.")
    done = build(project)
    # Sphinx writes the toctree parent (index) of a changed page on its own; the People and
    # Talks pages show nothing that changed, so they stay as they are
    assert (done.read, done.written) == (["editions/beta2022"], {"editions/beta2022", "index"})
