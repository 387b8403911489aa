"""Hostile and broken input across pages (issue 13): faults that tests/bad-input/ cannot hold,
because they need several pages, several builds or a file that cannot declare its own warning.
Each gives one warning at the file and line of the mistake, and the rest of the site is written.
"""

from __future__ import annotations

import pytest

from support.builds import Build, Project

CONF = ('extensions = ["myst_parser", "workshop_archive"]\n'
        'myst_enable_extensions = ["colon_fence"]\n'
        'exclude_patterns = ["_build"]\n'
        "nitpicky = True\n")
INDEX = """# Archive

:::{edition-index}
:::

```{toctree}
:glob:

people
editions/*
```
"""
PEOPLE = "# People\n\n:::{people-index}\n:::\n"


def edition(edition_id: str, date: str, body: str = "", title: str = "") -> str:
    return (f"# {title or edition_id}\n\n:::{{edition}} {edition_id}\n:date: {date}\n:::\n\n"
            f"{body}")


@pytest.fixture
def site(make_app, tmp_path):
    """A project of an index, a People page and the given edition pages."""

    def make(pages: dict[str, str]) -> Project:
        (tmp_path / "conf.py").write_text(CONF)
        (tmp_path / "index.md").write_text(INDEX)
        (tmp_path / "people.md").write_text(PEOPLE)
        (tmp_path / "editions").mkdir(exist_ok=True)
        for name, text in pages.items():
            (tmp_path / "editions" / f"{name}.md").write_text(text, encoding="utf-8")
        return Project(tmp_path, make_app)

    return make


def located(project: Project, page: str, line: int, message: str) -> str:
    return f"{project.srcdir / 'editions' / page}.md:{line}: WARNING: {message}"


def test_an_empty_edition_page_warns_once_at_the_file(site):
    project = site({"neurips2030": edition("neurips2030", "2030-12-14"), "neurips2031": ""})
    done = project.build()
    assert done.warnings == [located(
        project, "neurips2031", 1, "the page is empty; write a title ('# neurips2031') and its "
        "content, or delete the file [workshop.missing_field]")]
    cards = done.main("index").select(".ws-edition-card, .ws-editions a")
    assert cards, "the editions index is still written"
    assert "neurips2030" in done.page("editions/neurips2030").get_text()


def test_a_new_page_that_sorts_first_does_not_take_an_existing_edition_id(site):
    original = edition("neurips2030", "2030-12-14",
                       ":::{committee} Organizing Committee\n- Ada Lovelace, Engines\n:::\n",
                       title="NeurIPS 2030")
    copy = edition("neurips2030", "2031-12-14", "See {ws:edition}`neurips2030`.\n",
                   title="NeurIPS 2031")
    project = site({"neurips2030": original, "aaa-neurips2031": copy})
    done = project.build()
    assert done.warnings == [located(
        project, "aaa-neurips2031", 3, "edition id 'neurips2030' is already used by "
        "'editions/neurips2030'; give this edition its own id (the other page keeps it: it is "
        "named after the id, or had it first) [workshop.duplicate]")]
    link = done.main("editions/aaa-neurips2031").select_one("a.reference")
    assert link["href"] == "neurips2030.html" and link.get_text() == "NeurIPS 2030"
    people = done.main("people").get_text(" ", strip=True)
    assert "Ada Lovelace" in people and "Organizing Committee" in people
    index = done.main("index")
    assert "NeurIPS 2030" in index.get_text() and "NeurIPS 2031" in index.get_text()
    ids = [tag["id"] for tag in index.select("[id]")]
    assert len(ids) == len(set(ids))


def test_a_page_added_later_with_a_taken_id_is_the_one_warned(site):
    """Neither page is named after the id: the page that had it in the last build keeps it."""
    project = site({"zz-first": edition("neurips2030", "2030-12-14", title="First")})
    assert project.build().warnings == []
    (project.srcdir / "editions" / "aa-second.md").write_text(
        edition("neurips2030", "2031-12-14", title="Second"))
    done = project.build()
    assert done.warnings == [located(
        project, "aa-second", 3, "edition id 'neurips2030' is already used by 'editions/zz-first'; "
        "give this edition its own id (the other page keeps it: it is named after the id, or had "
        "it first) [workshop.duplicate]")]


def test_similar_names_are_warned_at_the_newer_edition_with_advice_towards_the_older(site):
    older = edition("conf2020", "2020-12-14",
                    ":::{committee} Organizing Committee\n- Jaques Martin, Engines\n:::\n")
    newer = edition("conf2030", "2030-12-14",
                    ":::{committee} Organizing Committee\n- Jacques Martin, Engines\n:::\n")
    # the newer page sorts first: the order of the files does not decide
    project = site({"zz-conf2020": older, "aa-conf2030": newer})
    done = project.build()
    assert done.warnings == [located(
        project, "aa-conf2030", 8, "'Jacques Martin' (jacques-martin) looks like 'Jaques Martin' "
        "(jaques-martin, on 'editions/zz-conf2020'): if they are one person, add aliases = "
        "['Jacques Martin'] under [jaques-martin] in the people file (ws_people_file); if not, "
        "add distinct = ['jacques-martin'] under [jaques-martin] [workshop.similar_names]")]


def test_names_in_any_script_are_distinct_people(site):
    committee = (":::{committee} Organizing Committee\n- 张伟, Tsinghua University\n"
                 "- 章伟, Peking University\n- محمد علي, Cairo University\n"
                 "- Zhang Wei, Tsinghua University\n:::\n\n"
                 ":::{speaker} 张伟\n:talk: 一\n:::\n\n:::{speaker} 章伟\n:talk: 二\n:::\n")
    project = site({"conf2030": edition("conf2030", "2030-12-14", committee)})
    done = project.build()
    assert done.warnings == []
    entries = done.main("people").select("[id^=people-]")
    assert sorted(entry["id"] for entry in entries) == [
        "people-mhmd-ly-e6aa0d", "people-zhang-wei", "people-zhang-wei-8b5f1c",
        "people-zhang-wei-a3a0ba"]
    text = done.main("people").get_text(" ", strip=True)
    assert all(name in text for name in ("张伟", "章伟", "محمد علي", "Zhang Wei"))
    cards = done.main("editions/conf2030").select(".ws-speaker")
    assert [card["id"] for card in cards] == ["zhang-wei-a3a0ba", "zhang-wei-8b5f1c"]


@pytest.mark.parametrize(("pages", "page", "line"), [
    # a fault found when the page is read
    ({"conf2030": edition("conf2030", "2030-12-14") + ":::{schedule}\n- 25:00 Opening\n:::\n"},
     "conf2030", 8),
    # a fault found across pages, after reading
    ({"conf2030": edition("conf2030", "2030-12-14"),
      "conf2031": edition("conf2030", "2031-12-14")}, "conf2031", 3),
    # a reference that does not resolve, found when the page is written
    ({"conf2030": edition("conf2030", "2030-12-14", "See {ws:edition}`conf1999`.\n")},
     "conf2030", 7),
], ids=["read", "consistency", "reference"])
@pytest.mark.parametrize("parallel", [0, 2], ids=["serial", "j2"])
def test_a_build_after_a_failed_one_fails_again_until_the_page_is_fixed(site, pages, page, line,
                                                                        parallel):
    # -j 2 reads in worker processes only from six pages to read on
    fillers = {f"filler{n}": edition(f"filler{n}", "2020-12-14") for n in range(6)}
    project = site({**pages, **fillers})
    project.options["parallel"] = parallel
    first = project.build()
    assert bool(first.merged) == bool(parallel)  # -j 2 did read in worker processes
    [warning] = first.warnings
    assert warning.startswith(f"{project.srcdir / 'editions' / page}.md:{line}: WARNING: ")
    again: Build = project.build()  # nothing changed
    assert again.warnings == first.warnings
    assert f"editions/{page}" in again.read


def test_an_unchanged_site_without_faults_reads_nothing_again(site):
    project = site({"conf2030": edition("conf2030", "2030-12-14", "See {ws:edition}`conf2030`.\n")})
    assert project.build().warnings == []
    assert project.build().read == []


def test_an_edition_page_without_a_title_warns_once_at_the_file(site):
    untitled = ":::{edition} neurips2031\n:conference: NeurIPS 2031\n:date: 2031-12-14\n:::\n"
    project = site({"neurips2030": edition("neurips2030", "2030-12-14"), "neurips2031": untitled})
    done = project.build()
    assert done.warnings == [located(
        project, "neurips2031", 1, "the page has no title; write one on its first line, e.g. "
        "'# NeurIPS 2031' [workshop.missing_field]")]
    assert done.main("editions/neurips2031").h1.get_text().rstrip("¶#") == "NeurIPS 2031"
    assert "December 14, 2031" in done.main("editions/neurips2031").get_text()
