"""The legacy importer (`workshop-archive import-legacy`) on small pages of our own in the old
site's shapes (tests/legacy-fixtures/), asserting the MyST it writes and its report."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_archive.cli import main

FIXTURES = Path(__file__).parent / "legacy-fixtures"
BIB = """\
@misc{widgets2031,
  title = {Learned Widgets for Gadgets},
  url = {https://arxiv.org/abs/3101.00001},
}
"""


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["import-legacy", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def import_fixture(tmp_path, capsys, edition: str, *extra: str) -> tuple[int, str, str]:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "references.bib").write_text(BIB, encoding="utf-8")
    return run(capsys, str(FIXTURES / edition), "--edition", edition,
               "--out", str(tmp_path / "editions"), *extra)


def test_help_is_a_console_script():
    script = Path(sys.executable).with_name("workshop-archive")
    result = subprocess.run([script, "import-legacy", "--help"], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0
    assert "--edition ID" in result.stdout
    assert "exit codes:" in result.stdout
    assert "--force" in result.stdout


def test_html_list_edition(tmp_path, capsys):
    code, out, err = import_fixture(tmp_path, capsys, "conf2031")
    assert (code, err) == (0, "")
    page = (tmp_path / "editions" / "conf2031.md").read_text()
    assert ":::{edition} conf2031\n:conference: NeurIPS 2031\n:date: 2031-12-08\n" \
           ":hours: 8:30 AM - 6:00 PM\n:room: Room 510 AC\n:::\n" in page
    assert (":::{committee} Organizing Committee\n"
            "- Ada Lovelace, Analytical Engines, [@ada](https://twitter.com/ada)\n"
            "- Charles Babbage, Difference Inc\n:::\n") in page
    assert "Hidden Person" not in page
    assert "prose" not in page
    assert "[1] widgets2031, [2] anotherstudy;" in page
    papers = (tmp_path / "editions" / "conf2031" / "papers.csv").read_text()
    assert papers == (
        "id,title,authors,pdf\n"
        "widgets-lovelace-2031,Widgets at Scale,Ada Lovelace; Charles Babbage; Grace Hopper,"
        "https://mlforsystems.org/assets/papers/conf2031/widgets_lovelace_2031.pdf\n"
        "2,Gadgets Without a PDF,Alan Turing,\n")
    new_bib = (tmp_path / "editions" / "conf2031" / "new-references.bib").read_text()
    assert "@misc{another" in new_bib and "https://example.org/paper-two" in new_bib
    assert "widgets2031" not in new_bib
    assert "facts: 0 speakers, 0 schedule rows, 2 committee members, 2 papers, 2 references " \
           "(1 not in references.bib)" in out
    for line in (
        "conf2031/accepted_papers.md:4: pages-disagree: day '12-09' here, but '12-08' at "
        "conf2031/index.md:4; the card keeps the first",
        "conf2031/accepted_papers.md:10: no-pdf: paper 'Gadgets Without a PDF' links to nothing",
        "conf2031/index.md:22: duplicate: 'Ada Lovelace' is listed twice in "
        "'Organizing Committee'; imported once",
        "conf2031/index.md:24: commented-out: 2 lines inside <!-- --> not imported: "
        "'Program Committee Hidden Person, Nowhere'",
    ):
        assert line in out


def test_liquid_loop_over_papers_csv(tmp_path, capsys):
    code, out, _ = import_fixture(tmp_path, capsys, "conf2032")
    assert code == 0
    papers = (tmp_path / "editions" / "conf2032" / "papers.csv").read_text()
    assert papers == (
        "id,title,authors,pdf\n"
        "7,Engines of Thought,Ada Lovelace; Charles Babbage,"
        "https://mlforsystems.org/assets/papers/conf2032/paper12.pdf\n"
        "9,Compilers That Learn,Grace Hopper,"
        "https://mlforsystems.org/assets/papers/conf2032/paper9.pdf\n")
    page = (tmp_path / "editions" / "conf2032.md").read_text()
    assert ":venue: Harbour Convention Center\n:room: Room 211-213\n" in page
    assert ":::{ws:papers}\n:file: conf2032/papers.csv\n:::\n" in page
    assert "[1] widgets2031, [3] doi-10-1145-0000001-0000002;" in page
    assert "abstract" not in page + papers
    assert ("conf2032/accepted_papers.md:3: commented-out: front matter line "
            "'# workshop_name: conf2032' is commented out: not imported") in out
    assert "conf2032/index.md:9: references-gap: no reference is numbered 2" in out


def test_same_input_same_output(tmp_path, capsys):
    first = import_fixture(tmp_path / "a", capsys, "conf2031")
    second = import_fixture(tmp_path / "b", capsys, "conf2031")
    assert first[1].replace(str(tmp_path / "a"), "") == second[1].replace(str(tmp_path / "b"), "")
    for name in ("conf2031.md", "conf2031/papers.csv", "conf2031/new-references.bib"):
        assert (tmp_path / "a/editions" / name).read_bytes() == \
               (tmp_path / "b/editions" / name).read_bytes()


def test_never_overwrites_a_page_edited_by_hand(tmp_path, capsys):
    assert import_fixture(tmp_path, capsys, "conf2031")[0] == 0
    assert import_fixture(tmp_path, capsys, "conf2031")[0] == 0  # unchanged: written again
    page = tmp_path / "editions" / "conf2031.md"
    page.write_text(page.read_text() + "\nA note of the maintainer.\n")
    code, out, err = import_fixture(tmp_path, capsys, "conf2031")
    assert (code, out) == (3, "")
    assert f"{page} was edited since the importer wrote it; nothing was written" in err
    assert "A note of the maintainer." in page.read_text()
    assert import_fixture(tmp_path, capsys, "conf2031", "--force")[0] == 0
    assert "A note of the maintainer." not in page.read_text()


def test_never_overwrites_edited_papers_or_a_page_written_by_hand(tmp_path, capsys):
    assert import_fixture(tmp_path, capsys, "conf2031")[0] == 0
    papers = tmp_path / "editions" / "conf2031" / "papers.csv"
    papers.write_text(papers.read_text() + "3,Added by hand,Ada Lovelace,\n")
    code, _, err = import_fixture(tmp_path, capsys, "conf2031")
    assert code == 3 and f"{papers} was edited since the importer wrote it" in err
    page = tmp_path / "editions" / "conf2031.md"
    page.write_text("# Written by hand\n")
    code, _, err = import_fixture(tmp_path, capsys, "conf2031")
    assert code == 3 and "was not written by the importer" in err


@pytest.mark.parametrize(("content", "message"), [
    (b"---\ntitle: Broken\n<div>no end of front matter</div>\n",
     "broken/index.md:1: the front matter opened by '---' is never closed"),
    (b"---\ntitle: Latin-1\n---\n<p>caf\xe9</p>\n",
     "broken/index.md:4: the file is not UTF-8"),
    (b"---\ntitle Broken\n---\n", "broken/index.md:2: front matter line 'title Broken' is not"),
])
def test_a_broken_page_gives_a_clear_message(tmp_path, capsys, content, message):
    legacy = tmp_path / "broken"
    legacy.mkdir()
    (legacy / "index.md").write_bytes(content)
    code, out, err = run(capsys, str(legacy), "--edition", "broken", "--out", str(tmp_path / "o"))
    assert (code, out) == (1, "")
    assert err.startswith(f"import-legacy: {message}")
    assert "Traceback" not in err
    assert not (tmp_path / "o").exists()


def test_a_broken_papers_csv_names_the_file(tmp_path, capsys):
    legacy = tmp_path / "conf2032"
    shutil.copytree(FIXTURES / "conf2032", legacy)
    (legacy / "papers.csv").write_text("id,authors\n1,Ada\n")
    code, _, err = run(capsys, str(legacy), "--edition", "conf2032", "--out", str(tmp_path / "o"))
    assert code == 1
    assert err == ("import-legacy: conf2032/papers.csv:1: the header has no 'title' column (it "
                   "has id, authors)\n")


def test_missing_directory_and_bad_edition_id(tmp_path, capsys):
    code, _, err = run(capsys, str(tmp_path / "nowhere"), "--edition", "x2031")
    assert code == 1 and "not a directory of the old site" in err
    code, _, err = run(capsys, str(FIXTURES / "conf2031"), "--edition", "Conf 2031")
    assert code == 2 and "is not a slug; write e.g. 'conf-2031'" in err
