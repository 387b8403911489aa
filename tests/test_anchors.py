"""One owner for the public anchors (ext/workshop_archive/anchors.py) and one answer to "where does
this person live": every objects.inv entry of tests/roots/test-archive leads to an element of its
page; the {ws:person} role, objects.inv and the People page agree; the People index is computed
once per build."""

from __future__ import annotations

import pytest
from sphinx.util.inventory import InventoryFile

from workshop_archive import collect


@pytest.fixture
def counted_people_index(monkeypatch):
    calls = []
    original = collect.people_index

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(collect, "people_index", counting)
    return calls


def test_the_people_index_is_computed_once_per_build(copy_root, counted_people_index):
    done = copy_root("test-archive").build()
    assert done.warnings == []
    assert "people" in done.written  # the People page, the resolver and objects.inv all ran
    assert len(counted_people_index) == 1


def test_every_object_leads_to_an_element_of_its_page_and_people_live_in_one_place(copy_root):
    done = copy_root("test-archive").build()
    inventory = InventoryFile.loads((done.outdir / "objects.inv").read_bytes(), uri="").data
    for kind, objects in inventory.items():
        if not kind.startswith("ws:"):
            continue
        for name, item in objects.items():
            page, _, anchor = item.uri.partition("#")
            assert anchor, (kind, name)
            assert done.page(page.removesuffix(".html")).find(id=anchor) is not None, (kind, name)
    people = inventory["ws:person"]
    domain = done.app.env.get_domain("ws")
    for person, (docname, anchor) in domain.person_homes.items():
        assert people[person].uri == f"{docname}.html#{anchor}"
    # the role leads where objects.inv does
    links = done.page("notes").select("a[href*='people.html#']")
    assert len(links) >= 3
    for link in links:
        target = link["href"].rpartition("#")[2].removeprefix("people-")
        assert people[target].uri.endswith(link["href"].rpartition("/")[2])
