"""archive.json: valid against its published schema, with every object of objects.inv, the
schedule's times as ISO 8601 date-times with the edition's offset, and papers with authors."""

from __future__ import annotations

import json

import jsonschema
import pytest
from sphinx.util.inventory import InventoryFile

from workshop_archive.exports.archive_json import SCHEMA
from workshop_archive.text import slugify


def validated(path) -> dict:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    return data


def test_the_program_root_as_data(copy_root):
    build = copy_root("test-program").build()
    assert build.warnings == []
    data = validated(build.outdir / "archive.json")
    assert (build.outdir / "archive.schema.json").read_bytes() == SCHEMA.read_bytes()
    rows = [row for row in data["schedule"] if row["edition"] == "prog2030"]
    assert (rows[0]["start"], rows[0]["end"], rows[0]["kind"]) == (
        "2030-12-14T08:30:00-05:00", "2030-12-14T08:40:00-05:00", "remarks")
    keynote = rows[1]
    assert (keynote["talk"], keynote["title"]) == (
        "prog2030/jane-doe", "Keynote Speaker: Jane Doe — Systems That Learn")
    assert [row["parallel"] for row in rows].count(True) == 3
    best = next(row for row in rows if row["paper"] == "prog2030/1" and row["kind"] ==
                "contributed" and row["start"].endswith("15:55:00-05:00"))
    assert best["title"] == "Learning to Schedule"
    paper = next(p for p in data["papers"] if p["key"] == "prog2030/1")
    assert paper["authors"] == [{"name": "Ann Example", "person": "ann-example"},
                                {"name": "Bob Example", "person": "bob-example"}]
    assert paper["links"] == {"pdf": "https://example.org/p/1.pdf",
                              "slides": "https://example.org/p/1-slides.pdf",
                              "video": "https://video.example.org/p/1"}
    # a talk's slides and recording: the card's, else its paper's
    talks = {talk["key"]: (talk["slides"], talk["video"]) for talk in data["talks"]}
    assert talks["prog2030/jane-doe"] == ("https://example.org/talks/jane-doe.pdf",
                                          "https://video.example.org/jane-doe")
    assert talks["prog2030/ann-example"] == (None, "https://video.example.org/p/2")
    assert talks["prog2030/john-roe"] == (None, None)
    assert paper["url"] == "index.html#paper-1"
    (multi,) = [e for e in data["editions"] if e["id"] == "multi2031"]
    assert (multi["start_date"], multi["end_date"], multi["start"]) == (
        "2031-12-14", "2031-12-15", None)
    assert {r["start"][:10] for r in data["schedule"] if r["edition"] == "multi2031"} == {
        "2031-12-14", "2031-12-15"}


@pytest.mark.sphinx("html", testroot="archive")
def test_people_aliases_and_committees(app):
    app.build()
    data = validated(app.outdir / "archive.json")
    people = {person["id"]: person for person in data["people"]}
    assert all(person["url"].startswith("people.html#people-") for person in people.values())
    committee = next(c for c in data["committees"] if c["edition"] == "gamma2023")
    assert committee["committee"] == "Steering Committee"
    assert [m["name"] for m in committee["members"]] == ["Ada Lovelace", "Jon Smith"]
    assert any(person["aliases"] for person in people.values())


def test_every_object_of_the_site_is_in_its_archive_data(built_site):
    data = validated(built_site.html / "archive.json")
    with (built_site.html / "objects.inv").open("rb") as stream:
        inventory = InventoryFile.load(stream, "", lambda base, uri: uri)
    known = {
        "ws:edition": {e["id"] for e in data["editions"]},
        "ws:talk": {t["key"] for t in data["talks"]},
        "ws:paper": {p["key"] for p in data["papers"]},
        "ws:person": {p["id"] for p in data["people"]}
        | {slugify(alias) for p in data["people"] for alias in p["aliases"]},
    }
    found = {kind: set(inventory.get(kind, {})) for kind in known}
    assert all(found.values())
    for kind, names in found.items():
        assert names <= known[kind], (kind, sorted(names - known[kind])[:5])
    # every row's time carries its edition's offset
    zoned = {e["id"] for e in data["editions"] if e["timezone"]}
    for row in data["schedule"]:
        if row["edition"] in zoned:
            assert row["start"][19:] and row["start"][19] in "+-", row
