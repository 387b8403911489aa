"""The cross-edition pages of the real site (issue 5, "done when"): a person who served on two
editions is on the People page once with both; a misspelling leads to the same person; every
person, talk and edition is in objects.inv; the index pages follow an edit incrementally.
"""

from __future__ import annotations

import shutil

from sphinx.util.inventory import InventoryFile

from conftest import PROJECT, warnings_of


def inventory(html):
    return InventoryFile.loads((html / "objects.inv").read_bytes(), uri="").data


def people_entries(page):
    return {entry["id"]: entry for entry in page.select(".ws-person")}


def test_a_person_of_two_editions_is_listed_once_with_both(built_site):
    people = built_site.page("people.html")
    assert [h3.get_text(strip=True) for h3 in people.select(".ws-person h3")].count(
        "Mimee Xu") == 1
    entry = people_entries(people)["people-mimee-xu"]
    editions = [li.a.get_text(strip=True) for li in entry.select("li")]
    assert editions == ["ML for Systems at NeurIPS 2024", "ML for Systems at NeurIPS 2023"]


def test_a_misspelling_leads_to_the_same_person(built_site):
    entries = people_entries(built_site.page("people.html"))
    assert "people-natasha-jacques" not in entries
    assert entries["people-natasha-jaques"].select_one(".ws-aliases").get_text() == (
        "Also written Natasha Jacques")
    people = inventory(built_site.html)["ws:person"]
    assert people["natasha-jacques"].uri == people["natasha-jaques"].uri == (
        "people.html#people-natasha-jaques")


def test_every_person_talk_and_edition_is_in_objects_inv(built_site):
    objects = inventory(built_site.html)
    people = {entry.removeprefix("people-")
              for entry in people_entries(built_site.page("people.html"))}
    assert people
    assert people <= set(objects["ws:person"])
    talks, editions = set(), set()
    for page in sorted((built_site.html / "editions").glob("*.html")):
        soup = built_site.page(f"editions/{page.name}")
        edition = soup.select_one(".ws-edition")["id"].removeprefix("about-")
        editions.add(edition)
        talks |= {f"{edition}/{card['id']}" for card in soup.select(".ws-speaker[id]")}
    assert editions == set(objects["ws:edition"]) == {"neurips2023", "neurips2024"}
    assert talks == set(objects["ws:talk"])
    assert "neurips2024/natasha-jaques" in talks


def test_the_index_pages_follow_an_edit_of_the_real_site(make_app, tmp_path):
    for name in ("docs", "editions"):
        shutil.copytree(PROJECT / name, tmp_path / name, symlinks=True,
                        ignore=shutil.ignore_patterns("_build", "__pycache__"))
    shutil.copy(PROJECT / "references.bib", tmp_path)
    srcdir = tmp_path / "docs"

    def build():
        app = make_app("html", srcdir=srcdir, confoverrides={"nitpicky": True})
        read = []
        app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
        app.build()
        app.cleanup()  # lets the next app of this test register the extension's nodes again
        assert warnings_of(app) == []
        return sorted(read), app.outdir

    build()
    page = tmp_path / "editions" / "neurips2023.md"
    text = page.read_text()
    assert "- Mimee Xu, NYU" in text
    page.write_text(text.replace("- Mimee Xu, NYU", "- Mimee Xu, New York University"))
    read, outdir = build()
    assert read == ["editions/neurips2023"]
    people = (outdir / "people.html").read_text()
    assert "(New York University)" in people
    before = (outdir / "people.html").stat().st_mtime_ns
    read, _ = build()
    assert read == []
    assert (outdir / "people.html").stat().st_mtime_ns == before
