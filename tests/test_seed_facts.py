"""Every fact of the legacy pages is on the built edition pages: the seed pages' facts
(tests/seed_facts.toml) and those of each edition made from the legacy site (tests/facts/<id>.toml,
the same keys; one file per edition, whose lists add to the seed facts of the same edition)."""

from __future__ import annotations

import tomllib
from urllib.parse import unquote

import pytest

from conftest import TESTS

FACTS = tomllib.loads((TESTS / "seed_facts.toml").read_text(encoding="utf-8"))
for _path in sorted((TESTS / "facts").glob("*.toml")):
    _facts = tomllib.loads(_path.read_text(encoding="utf-8"))
    _seed = FACTS.setdefault(_path.stem, {"page": _facts["page"]})
    assert _seed["page"] == _facts["page"], _path
    for _key in ("texts", "links", "references", "rows", "presenters", "material", "aliases"):
        if _key in _facts:
            assert _key != "rows" or _key not in _seed, f"{_path}: rows also in seed_facts.toml"
            _seed[_key] = _seed.get(_key, []) + _facts[_key]
# Smart quotes turn ' and " into typographic ones; compare both sides in the straight form.
STRAIGHT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def visible_text(soup) -> str:
    article = soup.select_one("article")
    # Sphinx wraps the @ and dots of e-mail addresses in spans (against harvesting); a reader
    # sees one word.
    for span in article.select("a[href^='mailto'] span"):
        span.unwrap()
    article.smooth()
    return " ".join(article.get_text().split()).translate(STRAIGHT)


@pytest.mark.parametrize("edition", sorted(FACTS))
def test_every_seed_text_is_on_the_page(built_site, edition):
    text = visible_text(built_site.page(FACTS[edition]["page"]))
    missing = [fact for fact in FACTS[edition]["texts"]
               if " ".join(fact.split()).translate(STRAIGHT) not in text]
    assert missing == []


def links_missing(built_site, edition: str, facts: str, where: str) -> list[str]:
    """The links of ``FACTS[edition][facts]`` that no ``<a>`` in ``where`` (a CSS selector) of
    the edition's page has."""
    soup = built_site.page(FACTS[edition]["page"])
    hrefs = {unquote(a["href"]) for a in soup.select(f"{where} a[href]")}
    return [link for link in FACTS[edition][facts] if link not in hrefs]


@pytest.mark.parametrize("edition", sorted(FACTS))
def test_every_seed_link_is_on_the_page(built_site, edition):
    assert links_missing(built_site, edition, "links", "article") == []


@pytest.mark.parametrize("edition", sorted(e for e in FACTS if "references" in FACTS[e]))
def test_every_reference_link_is_in_the_reference_list(built_site, edition):
    """The addresses the legacy footnotes gave their works are links of the page's reference
    list, not only of its notes."""
    assert links_missing(built_site, edition, "references", "article aside.footnote-list") == []


@pytest.mark.parametrize("edition", sorted(e for e in FACTS if "aliases" in FACTS[e]))
def test_every_spelling_of_a_name_leads_to_its_person(built_site, edition):
    """A name the legacy pages spelled another way than the edition page is written, on
    People, under the person it means."""
    people = {entry["id"]: entry for entry in built_site.page("people.html").select(".ws-person")}
    for person, spelling in FACTS[edition]["aliases"]:
        aliases = people[f"people-{person}"].select_one(".ws-aliases")
        assert aliases is not None and spelling in aliases.get_text(), (person, spelling)


@pytest.mark.parametrize("edition", sorted(e for e in FACTS if "rows" in FACTS[e]))
def test_schedule_rows_keep_time_and_item_together(built_site, edition):
    soup = built_site.page(FACTS[edition]["page"])
    rows = [  # an untimed row (``- [kind] ...``) has no start: ''
        (start.get_text(strip=True) if (start := row.select_one(".ws-start")) else "",
         " ".join(row.select("td")[1].get_text().split()))
        for row in soup.select("table.ws-schedule tbody tr")
    ]
    expected = [tuple(row) for row in FACTS[edition]["rows"]]
    assert [start for start, _ in rows] == [start for start, _ in expected]
    for (_, shown), (start, words) in zip(rows, expected, strict=True):
        assert words in shown, f"{start}: {words!r} not in {shown!r}"


@pytest.mark.parametrize("edition", sorted(e for e in FACTS if "presenters" in FACTS[e]))
def test_presenters_are_people_linked_from_their_rows(built_site, edition):
    """A row's presenter ("Speaker: X") links to their People entry, which lists their talk
    on this edition's page."""
    page = FACTS[edition]["page"]
    soup = built_site.page(page)
    people = built_site.page("people.html")
    rows = {row.select_one(".ws-start").get_text(strip=True): row
            for row in soup.select("table.ws-schedule tbody tr")}
    for start, name in FACTS[edition]["presenters"]:
        link = next((a for a in rows[start].select("a") if a.get_text(strip=True) == name),
                    None)
        assert link is not None, f"{start}: {name} is not a link in its row"
        target, _, anchor = link["href"].partition("#")
        assert target.endswith("people.html") and anchor, (start, link["href"])
        entry = people.find(id=anchor)
        assert name in entry.get_text(" ", strip=True)  # the name, or "Also written <name>"
        talks = [a["href"] for a in entry.select(".ws-appearances a")]
        # the talk on the edition's page (a card), not only a paper's entry
        assert any(href.startswith(f"{page}#") and "#paper-" not in href for href in talks), (
            name, talks)


@pytest.mark.parametrize("edition", sorted(e for e in FACTS if "material" in FACTS[e]))
def test_slides_and_recordings_are_on_their_talk(built_site, edition):
    """Each talk's slides or recording is linked from its own card or paper entry, and the
    Talks page lists it with the talk."""
    page = FACTS[edition]["page"]
    soup = built_site.page(page)
    talks = {li.a["href"]: li for li in built_site.page("talks.html").select("li") if li.a}
    for anchor, text, url in FACTS[edition]["material"]:
        holder = soup.find(id=anchor)
        assert holder is not None, anchor
        shown = [a.get_text(" ", strip=True) for a in holder.select("a[href]")
                 if a["href"] == url]
        assert [label.split()[0] for label in shown] == [text], (anchor, url, shown)
        entry = talks.get(f"{page}#{anchor}")
        # every card is a talk; a paper is one when it was presented as a contributed talk
        assert entry is not None or anchor.startswith("paper-"), anchor
        if entry is not None:
            assert entry.select_one(f".ws-talk-material a[href='{url}']"), (anchor, url)


@pytest.mark.parametrize("edition", sorted(FACTS))
def test_citations_are_numbered_and_linked(built_site, edition):
    soup = built_site.page(FACTS[edition]["page"])
    citations = soup.select("article a.footnote-reference")
    numbers = [int(c.get_text(strip=True).strip("[]")) for c in citations]
    assert numbers, "the overview cites no work"
    # Numbered in citation order: each new number is one more than the highest so far.
    highest = 0
    for number in numbers:
        assert number <= highest + 1
        highest = max(highest, number)
    for citation in citations:
        entry = soup.find(id=citation["href"].removeprefix("#"))
        assert entry is not None, citation["href"]
        assert entry.select("a.reference.external[href^='http']"), entry.get_text()
    assert len(soup.select("aside.footnote")) == highest
