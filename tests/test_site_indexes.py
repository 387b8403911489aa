"""The cross-edition pages of the real site (issue 5, "done when"): a person who served on two
editions is on the People page once with both; a misspelling leads to the same person; every
person, talk and edition is in objects.inv; the index pages follow an edit incrementally.

The editions are read from editions/*.md, so adding one never breaks these tests; only facts of
an edition's own page (Mimee Xu on two committees, Natasha Jaques's misspelt name) name it.
"""

from __future__ import annotations

import re

from sphinx.util.inventory import InventoryFile

from conftest import edition_ids, editions_newest_first


def inventory(html):
    return InventoryFile.loads((html / "objects.inv").read_bytes(), uri="").data


def people_entries(page):
    return {entry["id"]: entry for entry in page.select(".ws-person")}


def test_a_person_of_two_editions_is_listed_once_with_both(built_site):
    people = built_site.page("people.html")
    assert [h3.get_text(strip=True) for h3 in people.select(".ws-person h3")].count(
        "Mimee Xu") == 1
    entry = people_entries(people)["people-mimee-xu"]
    # Her editions, each once, newest first as the editions grid orders them (other editions may
    # list her too, and a paper she wrote may add a line under an edition).
    editions = list(dict.fromkeys(li.a["href"] for li in entry.select("li")))
    assert {"editions/neurips2024.html", "editions/neurips2023.html"} <= set(editions)
    newest_first = editions_newest_first(built_site.html)
    assert editions == [page for page in newest_first if page in editions]


def test_the_editions_grid_shows_every_edition_newest_first(built_site):
    pages = editions_newest_first(built_site.html)
    assert sorted(pages) == [f"editions/{edition}.html" for edition in edition_ids()]
    cards = built_site.page("index.html").select(".ws-edition-card")
    years = [int(card.select_one(".ws-edition-year").get_text()) for card in cards]
    assert years == sorted(years, reverse=True)


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
        talks |= {f"{edition}/{card['id']}"
                  for card in soup.select(".ws-speaker[id]:not(.ws-panel)")}
        # a panel is one talk per person on it, named by the person
        talks |= {f"{edition}/{a['href'].partition('#people-')[2]}"
                  for a in soup.select(".ws-panel .ws-panel-people a[href*='#people-']")}
    assert editions == set(objects["ws:edition"]) == set(edition_ids())
    assert talks == set(objects["ws:talk"])
    assert "neurips2024/natasha-jaques" in talks


def test_the_index_pages_follow_an_edit_of_the_real_site(copy_site):
    assert copy_site.build().warnings == []
    # A new member joins the end of the first committee of the first edition page that has one.
    editions = copy_site.srcdir.parent / "editions"
    edition = next(edition for edition in edition_ids()
                   if ":::{committee}" in (editions / f"{edition}.md").read_text())
    page = editions / f"{edition}.md"
    page.write_text(re.sub(r"^(:::\{committee\}.*?\n)(:::\n)",
                           r"\1- Ada Lovelace, Analytical Engines\n\2", page.read_text(),
                           count=1, flags=re.MULTILINE | re.DOTALL))
    done = copy_site.build()
    assert done.warnings == []
    assert done.read == [f"editions/{edition}"]
    people = (done.outdir / "people.html").read_text()
    assert "Ada Lovelace" in people
    assert "(Analytical Engines)" in people
    unchanged = copy_site.build()
    assert (unchanged.read, unchanged.written) == ([], set())
    assert "configuration has changed" not in unchanged.app.status.getvalue()
