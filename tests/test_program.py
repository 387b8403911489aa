"""The facts of an edition beyond its day (tests/roots/test-program): important dates, the call
for papers, a virtual edition; and what a talk without a title says before and after the
edition."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from sphinx.util.inventory import InventoryFile

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


def page(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f"{name}.html").read_text(encoding="utf-8"),
                         "html.parser")


@pytest.mark.sphinx("html", testroot="program")
def test_a_panel_is_one_card_with_each_person_linked_to_people(app):
    app.build()
    assert warnings_of(app) == []
    panel = page(app, "index").select_one("#panel")
    assert panel.h3.get_text(strip=True) == "Panel: Will learned systems ship?"
    assert panel.select_one(".ws-badge").get_text() == "Panel"
    people = panel.select(".ws-panel-people li")
    assert [li.get_text(" ", strip=True) for li in people] == [
        "Moderator: Jane Doe , Analytical Engines",
        "Ann Example , University of Examples; Example Labs, homepage (Ann Example)",
        "Cy Example"]
    assert [li.a["href"] for li in people] == [
        "people.html#people-jane-doe", "people.html#people-ann-example",
        "people.html#people-cy-example"]
    entry = page(app, "people").select_one("#people-jane-doe").get_text(" ", strip=True)
    assert "Moderator, Panel: Will learned systems ship?" in entry
    assert "Keynote Speaker, Systems That Learn" in entry
    row = page(app, "index").select("table.ws-schedule tbody > tr")[-2]
    assert row.a["href"] == "#panel"
    assert row.a.get_text(" ", strip=True) == (
        "Panel: Will learned systems ship? — Jane Doe, Ann Example, Cy Example")


@pytest.mark.sphinx("html", testroot="program")
def test_the_talks_page_lists_panels_once_and_contributed_talks(app):
    app.build()
    entries = [(li.get_text(" ", strip=True), li.a["href"])
               for li in page(app, "talks").select("#talks-prog2030 li")]
    assert entries == [
        ("Systems That Learn — Jane Doe (Keynote Speaker) · Slides of the talk by Jane Doe · "
         "Video of the talk by Jane Doe", "index.html#jane-doe"),
        ("Talk title to be announced — John Roe (Invited Speaker)", "index.html#john-roe"),
        # a contributed card with a paper is that paper
        ("Learned Caches — Ann Example (Contributed Talk) · Video of the talk by Ann Example",
         "index.html#ann-example"),
        ("Panel: Will learned systems ship? — Moderator: Jane Doe; Ann Example, Cy Example "
         "(Panel)", "index.html#panel"),
        ("Compilers for Everyone — Grace Hopper, John Backus (Invited Talk)",
         "index.html#joint-talk"),
        # the other paper of the contributed rows, with its authors
        ("Learning to Schedule — Ann Example, Bob Example (Contributed Talk) · Slides of the "
         "talk by Ann Example, Bob Example · Video of the talk by Ann Example, Bob Example",
         "index.html#paper-1"),
    ]
    ann = page(app, "index").select_one("#ann-example")
    assert ann.select_one(".ws-talk-paper a")["href"] == "#paper-2"
    assert ann.select_one(".ws-tba") is None



def material(entry) -> list[tuple[str, str]]:
    return [(a.get_text(), a["href"]) for a in entry.select(".ws-talk-material a")]


@pytest.mark.sphinx("html", testroot="program")
def test_a_talks_slides_and_recording_are_wherever_the_talk_is_listed(app):
    """The card's :slides: and :video:, else those of the paper a contributed talk presented,
    on the Talks page and in the speaker's People entry; a paper presented without a card
    shows its own."""
    app.build()
    assert warnings_of(app) == []
    jane = [("Slides of the talk by Jane Doe", "https://example.org/talks/jane-doe.pdf"),
            ("Video of the talk by Jane Doe", "https://video.example.org/jane-doe")]
    assert material(page(app, "index").select_one("#jane-doe")) == jane
    talks = {li.a["href"]: material(li) for li in page(app, "talks").select("#talks-prog2030 li")}
    assert talks == {
        "index.html#jane-doe": jane,
        "index.html#john-roe": [],
        # the card gives none: its paper's recording
        "index.html#ann-example": [("Video of the talk by Ann Example",
                                    "https://video.example.org/p/2")],
        "index.html#panel": [],
        "index.html#joint-talk": [],
        "index.html#paper-1": [
            ("Slides of the talk by Ann Example, Bob Example", "https://example.org/p/1-slides.pdf"),
            ("Video of the talk by Ann Example, Bob Example", "https://video.example.org/p/1")],
    }
    people = page(app, "people")
    lines = {li.get_text(" ", strip=True).split(" · ")[0]: material(li)
             for li in people.select("#people-jane-doe li")}
    assert lines == {
        "TestConf 2030 : Keynote Speaker, Systems That Learn (Analytical Engines; University of "
        "London)": jane,
        "TestConf 2030 : Moderator, Panel: Will learned systems ship? (Analytical Engines)": []}
    ann = people.select_one("#people-ann-example")
    assert material(ann) == [("Video of the talk by Ann Example", "https://video.example.org/p/2")]


@pytest.mark.sphinx("html", testroot="program")
def test_a_contributed_talk_without_a_title_of_its_own_is_named_by_its_paper(app):
    app.build()
    link = page(app, "index").select_one("p a[href='#ann-example']")
    assert link.get_text(" ", strip=True) == "Contributed Talk: Ann Example — Learned Caches"
    inventory = InventoryFile.loads((app.outdir / "objects.inv").read_bytes(), uri="").data
    assert inventory["ws:talk"]["prog2030/ann-example"].display_name == (
        "Ann Example: Learned Caches")


@pytest.mark.sphinx("html", testroot="program")
def test_authors_are_people_with_their_papers(app):
    app.build()
    assert warnings_of(app) == []
    people = page(app, "people")
    bob = people.select_one("#people-bob-example")
    assert bob.h3.get_text(strip=True) == "Bob Example"
    # one short link to the paper's entry, which shows the title (not repeated under each author)
    assert [(a.get_text(), a["href"]) for a in bob.select(".ws-appearances a")] == [
        ("TestConf 2030 paper", "index.html#paper-1")]
    assert "Learning to Schedule" not in bob.get_text()
    # often alone on its line, so drawn as a 24 px touch target (workshop_archive.css)
    assert bob.select_one(".ws-appearances a")["class"] == ["ws-paper-link", "reference",
                                                            "internal"]
    # a speaker who also wrote a paper: both appearances in one entry, the talk with its title
    ann = people.select_one("#people-ann-example").get_text(" ", strip=True)
    assert "TestConf 2030 paper" in ann
    assert "TestConf 2030 : Contributed Talk, Learned Caches" in ann


@pytest.mark.sphinx("html", testroot="program")
def test_the_people_page_loads_its_filter_and_works_without_it(app):
    app.build()
    people = page(app, "people")
    scripts = [s for s in people.find_all("script") if "people-filter" in s.get("src", "")]
    assert len(scripts) == 1 and scripts[0].has_attr("defer")
    assert (app.outdir / "_static" / "people-filter.js").is_file()
    # the label the script uses, hidden until it runs; the A-Z bar works without it
    assert people.select_one(".ws-people-filter-label").get_text() == "Filter people by name"
    assert people.select(".ws-letter-bar a")
    assert not [s for s in page(app, "talks").find_all("script")
                if "people-filter" in s.get("src", "")]


@pytest.mark.sphinx("html", testroot="program")
def test_the_papers_page_lists_every_paper_by_edition(app):
    app.build()
    sections = page(app, "papers").select("section section")
    assert [s["id"] for s in sections] == ["papers-prog2030", "papers-tbd2029"]
    assert [(li.get_text(" ", strip=True), li.a["href"]) for li in sections[0].select("li")] == [
        ("Learning to Schedule — Ann Example, Bob Example", "index.html#paper-1"),
        ("Learned Caches — Cy Example", "index.html#paper-2"),
        ("Cost Models — Di Example", "index.html#paper-3"),
        ("Placement by Search — Ed Example", "index.html#paper-4"),
    ]
    assert [li.a["href"] for li in sections[1].select("li")] == ["untimed.html#paper-7"]


@pytest.mark.sphinx("html", testroot="program")
def test_each_paper_offers_its_bibtex_and_the_edition_a_bib_file(app):
    app.build()
    assert warnings_of(app) == []
    index = page(app, "index")
    cite = index.select_one("#paper-1 details.ws-cite")
    assert cite.summary.get_text(strip=True) == "Cite"
    assert cite.pre.get_text() == (
        "@inproceedings{prog2030-1,\n"
        '    author = "Example, Ann and Example, Bob",\n'
        '    title = "Learning to Schedule",\n'
        '    booktitle = "Workshop on Test Systems at TestConf 2030",\n'
        '    year = "2030",\n'
        '    url = "https://example.org/p/1.pdf"\n'
        "}\n")
    link = index.select_one(".ws-papers-bib a")
    assert link["href"] == "_bibtex/prog2030-papers.bib"
    bib = (app.outdir / link["href"]).read_text(encoding="utf-8")
    assert bib.count("@inproceedings{") == 4
    assert cite.pre.get_text().strip() in bib


def test_bibtex_escapes_what_latex_needs_and_keeps_names_whole():
    from types import SimpleNamespace

    from workshop_archive.exports.paper_bib import bibtex, cite_key, paper_entry
    from workshop_archive.records import Paper

    paper = Paper("e2030", "7", "Caches & Queues: 50% Faster", ("Łukasz Kaiser", "Smith, J."),
                  ("lukasz-kaiser", "smith-j"), (("code", "https://example.org/c"),), "", "", "",
                  False, "index", 2, "", "paper-7")
    config = SimpleNamespace(ws_workshop_title="", project="Test Workshop")
    text = bibtex({cite_key(paper): paper_entry(paper, None, config)})
    assert 'title = "Caches \\& Queues: 50\\% Faster"' in text
    assert 'author = "Kaiser, Łukasz and Smith, J."' in text
    assert 'booktitle = "Test Workshop"' in text
    assert 'url = "https://example.org/c"' in text


@pytest.mark.parametrize("builder", ["latex", "epub"])
def test_cite_and_bib_links_are_left_out_of_books(copy_root, builder):
    build = copy_root("test-program").build(builder)
    assert build.warnings == []
    out = "\n".join(p.read_text(encoding="utf-8") for p in build.outdir.rglob("*")
                    if p.suffix in (".tex", ".xhtml"))
    assert "Learning to Schedule" in out
    # an e-book reader is a browser: the Cite fold stays, the .bib file is not in the book
    assert ("@inproceedings" in out) == (builder == "epub")
    assert "BibTeX of all papers" not in out
