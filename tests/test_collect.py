"""The pure functions behind the index pages (collect.py): sorting, filing, names, pairs."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

from workshop_archive import anchors, collect
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
    assert anchors.letter(person(name).letter) == (
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


def test_similar_pairs_compares_only_the_words_that_differ():
    """Short names of one family or one given name are many different people."""
    names = {"cheng-wang": "Cheng Wang", "cheng-zhang": "Cheng Zhang", "wei-zhang": "Wei Zhang",
             "lei-zhang": "Lei Zhang", "yue-zhu": "Yue Zhu", "yun-zhu": "Yun Zhu",
             "dan-zheng": "Dan Zheng", "dan-zhang": "Dan Zhang",
             "azalia-mirhoseini": "Azalia Mirhoseini", "azalia-mirhosseini": "Azalia Mirhosseini"}
    assert collect.similar_pairs(names) == [("azalia-mirhoseini", "azalia-mirhosseini")]


def test_similar_pairs_stays_fast_with_a_thousand_authors():
    given = ["Wei", "Lei", "Yue", "Yun", "Ada", "Alan", "Grace", "John", "Jon", "Mary", "Ming",
             "Jian", "Jia", "Xin", "Xi", "Anna", "Ana", "Hao", "Yang", "Ying", "Li", "Lin", "Bo",
             "Jun", "Juan", "Ali", "Omar", "Sara", "Sarah", "Nina"]
    family = ["Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu",
              "Smith", "Jones", "Garcia", "Kim", "Lee", "Park", "Singh", "Kumar", "Müller",
              "Rossi", "Silva", "Santos", "Nguyen", "Tran", "Ivanov", "Novak", "Kowalski",
              "Hansen", "Jensen", "Lovelace", "Hopper", "Turing", "Babbage", "Dijkstra", "Knuth",
              "Lamport", "Liskov", "Kahan", "Backus", "Hoare", "Milner"]
    names = {f"p{i}": f"{g} {f}" for i, (g, f) in enumerate(
        (g, f) for f in family for g in given)}
    assert len(names) >= 1200
    started = time.perf_counter()
    pairs = collect.similar_pairs(names)
    assert time.perf_counter() - started < 2.0
    # only true spelling variants of one given name are suspected, never two family names
    assert {(names[a].split()[0], names[b].split()[0]) for a, b in pairs} <= {
        ("John", "Jon"), ("Jon", "John"), ("Sara", "Sarah"), ("Sarah", "Sara"),
        ("Anna", "Ana"), ("Ana", "Anna"), ("Juan", "Jun"), ("Jun", "Juan"), ("Ying", "Yang"),
        ("Yang", "Ying"), ("Lin", "Li"), ("Li", "Lin"), ("Jia", "Jian"), ("Jian", "Jia"),
        ("Xin", "Xi"), ("Xi", "Xin")}


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
