"""The cross-edition layer on a small archive (tests/roots/test-archive: three editions, a people
file with an alias and a declared pair of distinct people): the People, Talks and Editions pages,
the ``ws`` roles, objects.inv, the search index, and the warnings of
tests/roots/test-archive-problems.
"""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.inventory import InventoryFile

from conftest import warnings_of
from support.builds import Project, copy_root
from workshop_archive.domain import FACT_TABLES


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The test-archive root, built once for the whole module."""
    srcdir = copy_root("test-archive", tmp_path_factory.mktemp("archive") / "src")
    return Project(srcdir).build().app


def main(app: SphinxTestApp, page: str) -> BeautifulSoup:
    """The main content of a built page."""
    soup = BeautifulSoup((app.outdir / f"{page}.html").read_text(), "html.parser")
    return soup.select_one("[role=main]")


def appearance_lines(entry: BeautifulSoup) -> list[str]:
    return [" ".join(li.get_text(" ", strip=True).split()) for li in entry.select("li")]


def test_archive_builds_without_warnings(archive):
    assert warnings_of(archive) == []


# -- People --------------------------------------------------------------------------------------

def test_people_page_lists_everyone_once_by_family_name(archive):
    people = main(archive, "people")
    names = [entry.h3.get_text(strip=True) for entry in people.select(".ws-person")]
    assert names == [
        "Edsger Dijkstra", "Grace Hopper", "Natasha Jaques", "Barbara Liskov", "Ada Lovelace",
        "John Smith", "Jon Smith", "Alan Turing", "Mimee Xu",
    ]
    ids = [entry["id"] for entry in people.select(".ws-person")]
    assert len(ids) == len(set(ids))


def test_people_page_joins_a_person_across_editions(archive):
    entry = main(archive, "people").select_one("#people-mimee-xu")
    # newest edition first, each with the affiliation of the time
    assert appearance_lines(entry) == [
        "BetaConf 2022 : Organizing Committee (Google)",
        "AlphaConf 2021 : Organizing Committee (NYU)",
    ]
    assert [a["href"] for a in entry.select("li a")] == [
        "editions/beta2022.html",
        "editions/beta2022.html#beta2022-organizing-committee-mimee-xu",
        "editions/alpha2021.html",
        "editions/alpha2021.html#alpha2021-organizing-committee-mimee-xu",
    ]


def test_people_page_joins_talks_and_committee_places(archive):
    entry = main(archive, "people").select_one("#people-ada-lovelace")
    assert appearance_lines(entry) == [
        "GammaConf 2023 : Steering Committee (Analytical Engines)",
        "AlphaConf 2021 : Keynote Speaker, Notes on the Engine (Analytical Engines)",
    ]
    assert entry.select("li a")[-1]["href"] == "editions/alpha2021.html#ada-lovelace"


def test_an_alias_is_the_same_person(archive):
    people = main(archive, "people")
    assert people.select_one("#people-natasha-jacques") is None
    entry = people.select_one("#people-natasha-jaques")
    assert entry.h3.get_text(strip=True) == "Natasha Jaques"
    assert entry.select_one(".ws-aliases").get_text() == "Also written Natasha Jacques"
    assert appearance_lines(entry) == [
        "BetaConf 2022 : Keynote Speaker, Multi-Agent RL (University of Washington)",
        "AlphaConf 2021 : Invited Speaker, Social Learning (MIT)",
    ]
    # the 2021 card keeps the spelling it was published with
    card = main(archive, "editions/alpha2021").select_one("#natasha-jaques")
    assert card.h3.get_text(strip=True) == "Natasha Jacques"


def test_people_letter_bar_leads_to_each_letter(archive):
    people = main(archive, "people")
    bar = [(a.get_text(), a["href"]) for a in people.select(".ws-letter-bar a")]
    assert bar == [(letter, f"#letter-{letter.lower()}") for letter in "DHJLSTX"]
    for letter, href in bar:
        section = people.select_one(href)
        assert section.h2.get_text(strip=True).rstrip("¶") == letter
    assert [e["id"] for e in people.select("#letter-s .ws-person")] == [
        "people-john-smith", "people-jon-smith"]


# -- Talks and Editions --------------------------------------------------------------------------

def test_talks_page_groups_talks_by_edition_newest_first(archive):
    talks = main(archive, "talks")
    sections = talks.select("section section")
    assert [s["id"] for s in sections] == ["talks-gamma2023", "talks-beta2022", "talks-alpha2021"]
    assert [" ".join(li.get_text(" ", strip=True).split()) for li in sections[2].select("li")] == [
        "Notes on the Engine — Ada Lovelace (Keynote Speaker)",
        "Social Learning — Natasha Jaques (Invited Speaker)",
    ]
    assert sections[0].select_one("li").get_text(" ", strip=True) == (
        "Talk title not published — Barbara Liskov (Keynote Speaker)")
    assert [a["href"] for a in sections[1].select("a.reference")] == [
        "editions/beta2022.html#natasha-jaques", "editions/beta2022.html#grace-hopper"]


def test_editions_grid_has_one_card_per_edition_newest_first(archive):
    cards = main(archive, "index").select(".ws-edition-card")
    assert [card.h3.a["href"] for card in cards] == [
        "editions/gamma2023.html", "editions/beta2022.html", "editions/alpha2021.html"]
    newest = cards[0]
    # built as sphinx-design builds its cards: the theme's .docutils.container rule would unset
    # the body's padding
    assert "container" not in newest["class"]
    assert "container" not in newest.select_one(".sd-card-body")["class"]
    assert newest.h3.get_text(strip=True) == "Test Workshop 2023"
    assert newest.select_one(".ws-edition-year").get_text() == "2023"
    assert newest.select_one(".ws-edition-when").get_text() == (
        "GammaConf 2023 · December 16, 2023 · Lisbon")
    assert newest.select_one(".ws-edition-keynotes").get_text() == "Keynote: Barbara Liskov"
    # the keynote speaker under the name the people file gives
    assert cards[1].select_one(".ws-edition-keynotes").get_text() == "Keynote: Natasha Jaques"


# -- roles ---------------------------------------------------------------------------------------

def test_roles_resolve_to_the_right_anchor(archive):
    notes = main(archive, "notes")
    links = [(a.get_text(" ", strip=True), a["href"]) for a in notes.select("li a")]
    assert links == [
        ("Natasha Jaques", "people.html#people-natasha-jaques"),
        ("Natasha Jaques", "people.html#people-natasha-jaques"),  # written "Natasha Jacques"
        ("Natasha", "people.html#people-natasha-jaques"),
        ("Invited Speaker: Grace Hopper , US Navy — The First Compiler",
         "editions/beta2022.html#grace-hopper"),
        ("Test Workshop 2021", "editions/alpha2021.html"),
    ]


def test_a_bare_talk_target_is_read_in_the_page_edition(archive):
    row = main(archive, "editions/alpha2021").select("table.ws-schedule tbody tr")[1]
    assert row.a["href"] == "#ada-lovelace"


# -- objects.inv and search ----------------------------------------------------------------------

def test_objects_inv_names_every_edition_talk_and_person(archive):
    inventory = InventoryFile.loads((archive.outdir / "objects.inv").read_bytes(), uri="")
    assert {name: item.uri for name, item in inventory.data["ws:edition"].items()} == {
        "alpha2021": "editions/alpha2021.html#about-alpha2021",
        "beta2022": "editions/beta2022.html#about-beta2022",
        "gamma2023": "editions/gamma2023.html#about-gamma2023",
    }
    talks = inventory.data["ws:talk"]
    assert sorted(talks) == [
        "alpha2021/ada-lovelace", "alpha2021/natasha-jaques", "beta2022/grace-hopper",
        "beta2022/natasha-jaques", "gamma2023/barbara-liskov", "gamma2023/edsger-dijkstra",
    ]
    assert talks["alpha2021/natasha-jaques"].uri == "editions/alpha2021.html#natasha-jaques"
    assert talks["alpha2021/natasha-jaques"].display_name == "Natasha Jaques: Social Learning"
    people = inventory.data["ws:person"]
    assert sorted(people) == [
        "ada-lovelace", "alan-turing", "barbara-liskov", "edsger-dijkstra", "grace-hopper",
        "john-smith", "jon-smith", "mimee-xu", "natasha-jacques", "natasha-jaques",
    ]
    assert people["mimee-xu"].uri == "people.html#people-mimee-xu"
    # the misspelt id leads to the same entry
    assert people["natasha-jacques"].uri == people["natasha-jaques"].uri
    assert people["natasha-jacques"].display_name == "Natasha Jaques, also written Natasha Jacques"


def test_search_index_holds_people_talks_and_editions(archive):
    script = (archive.outdir / "searchindex.js").read_text()
    index = json.loads(script[script.index("(") + 1: script.rindex(")")])
    types = index["objtypes"]
    found = {
        (types[str(kind)], index["docnames"][doc], anchor, name)
        for doc, kind, _, anchor, name in index["objects"][""]
    }
    # Every anchor is stored whole: Sphinx's short forms ("" and "-") would be expanded with the
    # display name by searchtools.js and lead nowhere.
    assert ("ws:person", "people", "people-mimee-xu", "Mimee Xu") in found
    assert ("ws:talk", "editions/beta2022", "natasha-jaques",
            "Natasha Jaques: Multi-Agent RL") in found
    assert ("ws:edition", "editions/gamma2023", "about-gamma2023", "Test Workshop 2023") in found
    assert all(entry[2] not in ("", "-") for entry in found)
    # a declared misspelling is found, and the result says whom it finds
    assert ("ws:person", "people", "people-natasha-jaques",
            "Natasha Jaques, also written Natasha Jacques") in found
    # what a result says it is: "(person, in People)", not "(Workshop archive person, ...)"
    assert {name for _, _, name in index["objnames"].values()} >= {"edition", "person", "talk"}


def test_another_project_links_to_people_and_talks_through_intersphinx(
    archive, make_app, tmp_path,
):
    srcdir = tmp_path / "consumer"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx.ext.intersphinx", "workshop_archive"]\n'
        "nitpicky = True\n"
        f'intersphinx_mapping = {{"archive": ("https://archive.example.org/", '
        f'{str(archive.outdir / "objects.inv")!r})}}\n'
    )
    (srcdir / "index.md").write_text(
        "# Consumer\n\n"
        "- {external+archive:ws:person}`mimee-xu`\n"
        "- {external+archive:ws:talk}`beta2022/natasha-jaques`\n"
        "- {external+archive:ws:edition}`gamma2023`\n"
    )
    consumer = make_app("html", srcdir=srcdir)
    consumer.build()
    assert warnings_of(consumer) == []
    links = [(a.get_text(), a["href"]) for a in main(consumer, "index").select("li a")]
    assert links == [
        ("Mimee Xu", "https://archive.example.org/people.html#people-mimee-xu"),
        ("Natasha Jaques: Multi-Agent RL",
         "https://archive.example.org/editions/beta2022.html#natasha-jaques"),
        ("Test Workshop 2023", "https://archive.example.org/editions/gamma2023.html#about-gamma2023"),
    ]


# -- merging the facts of parallel readers -------------------------------------------------------

def test_merge_takes_only_the_documents_read_by_the_other_process(archive):
    domain = archive.env.get_domain("ws")
    before = {table: dict(domain.data[table]) for table in FACT_TABLES}
    other = {
        table: {"editions/alpha2021": [], "editions/beta2022": [], "stray": ["junk"]}
        for table in FACT_TABLES
    }
    domain.merge_domaindata({"editions/alpha2021"}, other)
    try:
        assert domain.data["talks"]["editions/alpha2021"] == []
        assert domain.data["talks"]["editions/beta2022"] == before["talks"]["editions/beta2022"]
        assert "stray" not in domain.data["talks"]
    finally:
        for table, facts in before.items():
            domain.data[table] = facts


# -- warnings ------------------------------------------------------------------------------------

@pytest.mark.sphinx("html", testroot="archive-problems")
def test_unknown_targets_and_similar_names_warn_once_each(app):
    app.build()
    index, other = app.srcdir / "index.md", app.srcdir / "other.md"
    assert warnings_of(app) == [
        f"{other}:9: WARNING: 'John Smith' (john-smith) looks like 'Jon Smith' (jon-smith, on "
        "'index'): if they are one person, add aliases = ['John Smith'] under [jon-smith] in the "
        "people file (ws_people_file); if not, add distinct = ['john-smith'] under [jon-smith] "
        "[workshop.similar_names]",
        f"{index}:17: WARNING: unknown speaker 'delta2020/nobody': write the id of a speaker "
        "card or panel of delta2020: jon-smith [workshop.unknown_target]",
        f"{index}:18: WARNING: unknown person 'Nobody Known': write the name or id of someone "
        "who spoke or served on a committee [workshop.unknown_target]",
        f"{index}:19: WARNING: unknown edition 'omega1999': write one of delta2020, "
        "epsilon2021 [workshop.unknown_target]",
        f"{index}:20: WARNING: unknown speaker 'omega1999/jon-smith': edition 'omega1999' has "
        "no speaker cards [workshop.unknown_target]",
    ]
    # an unresolved reference is left as text; the resolved one on line 21 is a link
    items = main(app, "index").select("li:not(.toctree-l1)")
    assert items[0].a is None
    assert items[4].a["href"] == "#jon-smith"


# -- other builders ------------------------------------------------------------------------------

@pytest.mark.parametrize("builder", ["text", "latex", "singlehtml"])
def test_index_pages_build_for_other_formats(copy_root, builder):
    app = copy_root("test-archive").build(builder).app
    assert warnings_of(app) == []
    if builder == "text":
        people = (app.outdir / "people.txt").read_text()
        assert "**Natasha Jaques**\n\nAlso written Natasha Jacques" in people
        assert "* BetaConf 2022: Organizing Committee (Google)" in people
    elif builder == "latex":
        latex = next(app.outdir.glob("*.tex")).read_text()
        assert r"\sphinxstylestrong{Natasha Jaques}" in latex
        # a person's appearance links to the card in the edition's part of the book
        assert r"\hyperref[\detokenize{editions/beta2022:natasha-jaques}]" in latex
    else:
        soup = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
        entry = soup.select_one("#people-mimee-xu")
        # Sphinx 9.0's singlehtml writes every cross-document reference (ours and :ref:
        # alike) as "#document-<doc>#<anchor>"; the anchor is what is ours
        assert [a["href"] for a in entry.select("li a")][1].endswith(
            "#beta2022-organizing-committee-mimee-xu")
