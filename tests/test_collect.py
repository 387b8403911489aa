"""The pure functions behind the index pages (collect.py): sorting, filing, names, pairs."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from workshop_archive import collect
from workshop_archive.records import Edition


def person(name: str) -> collect.Person:
    return collect.Person(id="x", name=name, aliases=(), appearances=())


@pytest.mark.parametrize(("name", "letter"), [
    ("Ada Lovelace", "L"),
    ("Martin Ødegaard", "O"),
    ("Łukasz Kaiser", "K"),
    ("Jan Łukasiewicz", "L"),
    ("Émile Zola", "Z"),
    ("Sami Abu-el-haija", "A"),
    ("李 明", "#"),
])
def test_people_are_filed_under_their_family_name_without_accents(name, letter):
    assert person(name).letter == letter
    assert collect.letter_anchor(person(name).letter) == (
        "letter-other" if letter == "#" else f"letter-{letter.lower()}")


def test_people_sort_by_family_name_with_accents_folded():
    names = ["Zoe Ortega", "Martin Ødegaard", "Ana Olsen", "Émile Zola"]
    ordered = [p.name for p in sorted(map(person, names), key=lambda p: p.sort_key)]
    assert ordered == ["Martin Ødegaard", "Ana Olsen", "Zoe Ortega", "Émile Zola"]


def test_shown_name_is_the_people_file_one_else_the_most_used_first_of_equals():
    config = SimpleNamespace(ws_people={"ada": {"name": "Ada Lovelace", "aliases": []}})
    assert collect.display_name("ada", ["Ada Lovlace"], config) == "Ada Lovelace"
    assert collect.display_name("bo", ["Bo Li", "Bo LI", "Bo LI"], config) == "Bo LI"
    assert collect.display_name("bo", ["Bo Li", "Bo LI"], config) == "Bo Li"


def test_similar_pairs_finds_close_spellings_within_a_given_or_family_name():
    names = {
        "john-smith": "John Smith", "jon-smith": "Jon Smith",  # family block
        "natasha-jaques": "Natasha Jaques", "natasha-jacques": "Natasha Jacques",  # given block
        "ada-lovelace": "Ada Lovelace", "grace-hopper": "Grace Hopper",
        "mary-smith": "Mary Smith",  # same family name, different person
    }
    assert collect.similar_pairs(names) == [
        ("john-smith", "jon-smith"), ("natasha-jacques", "natasha-jaques")]


def edition(date: str, end: str = "") -> Edition:
    blank = dict.fromkeys(("conference", "hours", "venue", "room", "city", "timezone",
                           "contact", "website"), "")
    return Edition(id="e", date=date, end_date=end, docname="e", lineno=1, **blank)


def test_edition_dates_read_as_words_in_the_projects_language():
    english, german = SimpleNamespace(language="en"), SimpleNamespace(language="de")
    assert collect.edition_dates(edition("2023-12-16"), english) == "December 16, 2023"
    assert collect.edition_dates(edition("2021-12-13", "2021-12-14"), english) == (
        "December 13, 2021 – December 14, 2021")
    assert collect.edition_dates(edition(""), english) == ""
    assert collect.edition_dates(edition("2023-12-16"), german) == "16. Dezember 2023"
