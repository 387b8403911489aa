"""The legacy importer (`workshop-archive import-legacy`) on small pages of our own in the old
site's shapes (tests/legacy-fixtures/), asserting the MyST it writes and its report."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_archive.cli import main
from workshop_archive.cli.legacy.timetable import time_span

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
            "- Charles Babbage, Difference Inc.\n:::\n") in page
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
        "https://mlforsystems.org/assets/papers/conf2032/paper9.pdf\n"
        "10,A Paper Without Authors,,https://mlforsystems.org/assets/papers/conf2032/paper10.pdf\n")
    page = (tmp_path / "editions" / "conf2032.md").read_text()
    assert ":venue: Harbour Convention Center\n:room: Room 211-213\n" in page
    assert ":::{ws:papers}\n:file: conf2032/papers.csv\n:::\n" in page
    assert "[1] widgets2031, [3] doi-10-1145-0000001-0000002;" in page
    assert "abstract" not in page + papers
    assert ("conf2032/accepted_papers.md:3: commented-out: front matter line "
            "'# workshop_name: conf2032' is commented out: not imported") in out
    assert "conf2032/index.md:28: references-gap: no reference is numbered 2" in out
    assert ("conf2032/papers.csv:5: unmapped: paper 10 ('A Paper Without Authors') has no "
            "authors; write them by hand, or mark the paper withdrawn") in out


@pytest.mark.parametrize(("edition", "files"), [
    ("conf2031", ("conf2031.md", "conf2031/papers.csv", "conf2031/new-references.bib")),
    # presenters, slides and recordings
    ("conf2033", ("conf2033.md", "conf2033/papers.csv")),
    ("conf2036", ("conf2036.md", "conf2036/papers.csv")),
])
def test_same_input_same_output(tmp_path, capsys, edition, files):
    first = import_fixture(tmp_path / "a", capsys, edition)
    second = import_fixture(tmp_path / "b", capsys, edition)
    assert first[1].replace(str(tmp_path / "a"), "") == second[1].replace(str(tmp_path / "b"), "")
    for name in files:
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


@pytest.mark.parametrize(("option", "content", "message"), [
    ("--bib", None, "cannot read the bibliography: No such file or directory"),
    ("--bib", "@misc{broken,\n title = {no end}\n", "cannot read the bibliography:"),
    ("--people", "[ada\n", "the people file is not valid TOML:"),
])
def test_a_broken_bibliography_or_people_file_is_named(tmp_path, capsys, option, content,
                                                       message):
    path = tmp_path / "given"
    if content is not None:
        path.write_text(content)
    code, _, err = run(capsys, str(FIXTURES / "conf2031"), "--edition", "conf2031",
                       "--out", str(tmp_path / "o"), option, str(path))
    assert code == 1
    assert err.startswith(f"import-legacy: {path}: {message}")
    assert not (tmp_path / "o").exists()


def test_an_unwritable_out_directory_names_it(tmp_path, capsys):
    (tmp_path / "editions").write_text("a file where the directory should be")
    code, out, err = run(capsys, str(FIXTURES / "conf2031"), "--edition", "conf2031",
                         "--out", str(tmp_path / "editions"))
    assert (code, out) == (4, "")
    assert err.startswith(f"import-legacy: cannot write {tmp_path / 'editions'}: ")


def test_missing_directory_and_bad_edition_id(tmp_path, capsys):
    code, _, err = run(capsys, str(tmp_path / "nowhere"), "--edition", "x2031")
    assert code == 1 and "not a directory of the old site" in err
    code, _, err = run(capsys, str(FIXTURES / "conf2031"), "--edition", "Conf 2031")
    assert code == 2 and "is not a slug; write e.g. 'conf-2031'" in err


def test_speaker_cards_talk_abstracts_and_a_schedule_table(tmp_path, capsys):
    """2018's shape: cards without talks, a schedule linking to "Talk Abstracts" blocks."""
    code, out, _ = import_fixture(tmp_path, capsys, "conf2033")
    assert code == 0
    page = (tmp_path / "editions" / "conf2033.md").read_text()
    assert (":::{speaker} Ada Lovelace\n:id: ada-lovelace\n:role: keynote\n"
            ":talk: Engines of the Future\n:video: https://video.example.org/lovelace?t=60\n\n"
            "% TODO(import-legacy): a short biography in our own words; the old one is at "
            "conf2033/index.md:8.\n:::\n") in page
    # the slides of the Talk Abstracts block and of the row, one file: the card's
    assert (":::{speaker} Grace B. Hopper\n:id: grace-b-hopper\n:role: invited\n"
            ":talk: Compilers That Learn\n:slides: https://example.org/slides.pdf\n") in page
    assert (":role: keynote\n:talk: Engines of the Future\n"
            ":video: https://video.example.org/lovelace?t=60\n") in page
    # the slides beside a paper's row are the paper's; the schedule's file is kept
    assert (tmp_path / "editions" / "conf2033" / "papers.csv").read_text() == (
        "id,title,authors,pdf,slides\n"
        "4,Widgets at Scale,Alan Turing; Ada Lovelace,"
        "https://mlforsystems.org/assets/papers/conf2033/paper4.pdf,"
        "https://example.org/widgets-talk.pdf\n"
        "7,Gadgets That Learn,Mary Somerville,"
        "https://mlforsystems.org/assets/papers/conf2033/paper7.pdf,\n")
    assert (":::{schedule}\n"
            "- 9:00 AM Opening Remarks\n"
            "- 9:10 AM {ws:talk}`Invited Speaker 1: Grace Hopper <grace-b-hopper>`\n"
            "- 10:00 AM [contributed] {ws:paper}`4`; {ws:person}`Alan Turing <alan-turing>`\n"
            "- 11:30 AM Poster Session 1\n"
            "- 12:30 PM Lunch\n"
            "- 2:00 PM {ws:talk}`Keynote Speaker: Ada Lovelace <ada-lovelace>`\n"
            "- 1:45 PM Panel Discussion\n"
            "- 2:30 PM [contributed] {ws:paper}`7`; "
            "{ws:person}`Mary Somerville <mary-somerville>`, Oxford\n"
            "- 2:45 PM [contributed] {ws:paper}`7`\n"
            ":::\n") in page
    # who gave a paper's talk: an author in bold before its title (2018), or the name after a
    # bold label (2025); each gets a card that presented the paper
    assert ":::{speaker} Alan Turing\n:id: alan-turing\n:role: contributed\n:paper: 4\n" in page
    assert (":::{speaker} Mary Somerville\n:id: mary-somerville\n:affiliation: Oxford\n"
            ":role: contributed\n:paper: 7\n") in page
    assert "Hidden Speaker" not in page
    assert "biography that must" not in page and "abstract that must" not in page
    assert out.count("similar-name") == 1
    for line in (
        "conf2033/index.md:21: commented-out: 1 line inside <!-- --> not imported: "
        "'Hidden Speaker'",
        "conf2033/schedule.md:19: pages-disagree: the slides of paper 4 are "
        "https://example.org/widgets-talk.pdf here but https://example.org/slides.pdf at "
        "conf2033/accepted_papers.md:5; https://example.org/widgets-talk.pdf is kept",
        "conf2033/schedule.md:27: 12-hour-slip: 12:30 AM comes after 11:30 AM "
        "(conf2033/schedule.md:23); written as 12:30 PM",
        "conf2033/schedule.md:31: dangling-anchor: link '#lovelace_talk' ('Keynote Speaker: Ada "
        "Lovelace Engines of the Future') leads to no element of conf2033/schedule.md",
        "conf2033/schedule.md:35: times-backwards: 1:45 PM comes after 2:00 PM "
        "(conf2033/schedule.md:31); written as published, fix it by hand",
        "conf2033/schedule.md:43: unmapped: 'Charles Babbage' in the row of paper 7 is none of "
        "its authors (Mary Somerville): not imported",
        "similar-name: 'Grace Hopper' here, 'Grace B. Hopper' at conf2033/index.md:15: taken as "
        "one person (grace-b-hopper)",
    ):
        assert line in out


def test_data_value_start_rows_sessions_and_known_people(tmp_path, capsys):
    """2020's shape: ISO times with their UTC offset, sessions listing their papers, a "TBD"
    row, a misspelt known person, mojibake."""
    people = tmp_path / "people.toml"
    people.write_text('[natasha-jaques]\nname = "Natasha Jaques"\n')
    code, out, _ = import_fixture(tmp_path, capsys, "conf2034", "--people", str(people))
    assert code == 0
    page = (tmp_path / "editions" / "conf2034.md").read_text()
    assert (":::{edition} conf2034\n:conference: NeurIPS 2034\n:date: 2034-12-12\n"
            ":timezone: Etc/GMT+8\n:virtual:\n:::\n") in page
    assert (":::{schedule}\n"
            "- 9:00 AM Opening Remarks\n"
            "- 9:15 AM {ws:talk}`Invited Speaker 1: Charles Babbage <charles-babbage>`\n"
            "- 10:00 AM Contributed Talks\n"
            "  - {ws:paper}`engines-lovelace-2034`\n"
            "  - A Talk Not in the List\n"
            ":::\n") in page
    assert ":::{speaker} Natasha Jacques\n:id: natasha-jacques\n:role: invited\n" in page
    for line in (
        "conf2034/index.md:11: timezone: the times carry UTC offset -08:00: :timezone: "
        "Etc/GMT+8",
        "conf2034/index.md:13: pages-disagree: the cell shows '10:30' but its data-value-start "
        "is 10:00 AM; 10:00 AM is kept",
        "conf2034/index.md:14: unmapped: time 'TBD' is not a time; the row is not imported",
        "conf2034/index.md:14: similar-name: 'Natasha Jacques' looks like 'Natasha Jaques' "
        "(natasha-jaques); if one person, add the spelling to aliases under [natasha-jaques] in "
        "the people file",
        "conf2034/index.md:21: mojibake: 'Lovelaceâ€™s Engines' holds 'â€'",
    ):
        assert line in out
    people.write_text('[natasha-jaques]\nname = "Natasha Jaques"\naliases = ["Natasha Jacques"]\n')
    code, out, _ = import_fixture(tmp_path, capsys, "conf2034", "--people", str(people))
    page = (tmp_path / "editions" / "conf2034.md").read_text()
    assert ":::{speaker} Natasha Jacques\n:id: natasha-jaques\n" in page
    assert "similar-name" not in out


def test_pasted_detailed_schedule_with_a_commented_out_copy(tmp_path, capsys):
    """2022's shape: the conference's Detailed Schedule is imported, the summary table beside
    it is compared with it, the commented-out copy is reported only."""
    code, out, _ = import_fixture(tmp_path, capsys, "conf2035")
    assert code == 0
    page = (tmp_path / "editions" / "conf2035.md").read_text()
    assert (":::{schedule}\n"
            "- 8:30 AM - 8:40 AM Opening Remarks\n"
            "- 8:40 AM - 9:30 AM {ws:talk}`Grace Hopper - Invited Talk <grace-hopper>`\n"
            "- 9:35 AM - 9:45 AM [contributed] {ws:paper}`3`\n"
            "- 9:35 AM - 10:00 AM [parallel] Poster Session | Coffee Break\n"
            ":::\n") in page
    assert "abstract that must" not in page
    # a SlidesLive player embedded in a row, with no link: the recording at SlidesLive's
    # address for its presentation id, on the speaker's card or as the paper's video (a
    # poster's recorded presentation too)
    assert (":::{speaker} Grace Hopper\n:id: grace-hopper\n:role: keynote\n"
            ":video: https://slideslive.com/99000002\n") in page
    assert (tmp_path / "editions" / "conf2035" / "papers.csv").read_text() == (
        "id,title,authors,pdf,video\n"
        "3,Engines of Thought,Ada Lovelace; Charles Babbage,"
        "https://mlforsystems.org/assets/papers/conf2035/paper3.pdf,"
        "https://slideslive.com/99000007\n"
        "5,Tables for the Difference Engine,Charles Babbage,"
        "https://mlforsystems.org/assets/papers/conf2035/paper5.pdf,"
        "https://slideslive.com/99000006\n")
    for line in (
        "conf2035/index.md:4: unmapped: 'New Orleans' is not a day, a time, a room or a venue",
        "conf2035/index.md:30: embedded-video: a SlidesLive player is embedded here "
        "(presentationId 99000002) with no link to it on the page; its address is "
        "https://slideslive.com/99000002",
        "conf2035/index.md:37: embedded-video: a SlidesLive player is embedded here "
        "(presentationId 99000007)",
        "conf2035/index.md:57: embedded-video: a SlidesLive player is embedded here "
        "(presentationId 99000006)",
        # a player beside a row that is no talk and no paper belongs to nothing
        "conf2035/index.md:45: unmapped: video link https://slideslive.com/99000005 is beside "
        "'Poster Session | Coffee Break', which is no talk and no paper: not imported",
        "conf2035/index.md:8: not-imported: this schedule table is not imported: the Detailed "
        "Schedule at conf2035/index.md:22 is",
        "conf2035/index.md:11: pages-disagree: 'Invited Speaker 1: Grace Hopper' at 8:45 AM "
        "here; the Detailed Schedule has no row starting then",
        "conf2035/index.md:30: similar-name: 'Grace M. Hopper' here, 'Grace Hopper' at "
        "conf2035/index.md:17",
        "conf2035/index.md:45: duplicate: 9:35 AM is also the start of the row at "
        "conf2035/index.md:37; written [parallel]: check which time is right",
        "conf2035/index.md:52: not-imported: 2 entries without a time, from 'Engines of "
        "Thought' to 'Tables for the Difference Engine' (conf2035/index.md:57), are not "
        "schedule rows",
        "conf2035/index.md:62: commented-out: 4 lines inside <!-- --> not imported: "
        "'Sat 8:30 a.m. - 8:40 a.m. Opening Remarks'",
    ):
        assert line in out


def test_cards_with_ids_badges_and_schedule_rows_of_2024(tmp_path, capsys):
    """2024-2025's shape: cards with an id and the talk in a second h3, rows ``<b>Keynote:</b>
    Name (<i>Affiliation</i>)<br>Title`` linking to the home page's cards, a spotlight paper."""
    code, out, _ = import_fixture(tmp_path, capsys, "conf2032")
    assert code == 0
    page = (tmp_path / "editions" / "conf2032.md").read_text()
    assert (":::{speaker} Ada Lovelace\n:id: ada-lovelace\n:affiliation: Engines Inc.\n"
            ":role: keynote\n:talk: The Engine of Tomorrow\n") in page
    assert (":::{speaker} Grace Hopper\n:id: grace-hopper\n:affiliation: Navy\n"
            ":role: special-topic\n:topic: Compilers\n:talk: Bugs, Moths and Compilers\n") in page
    assert (":::{speaker} Alan Turing\n:id: alan-turing\n:label: Retrospective\n"
            ":talk: Will Engines Think?\n") in page
    assert (":::{schedule}\n"
            "- 8:30 AM {ws:talk}`Keynote: Ada Lovelase <ada-lovelace>`\n"
            "- 9:20 AM {ws:talk}`Invited: Grace Hopper <grace-hopper>`\n"
            "- 9:50 AM [contributed] {ws:paper}`7`; "
            "{ws:person}`Ada Lovelace <ada-lovelace>`, Engines Inc.\n"
            '- 10:00 AM Debate: Ada Lovelace, Grace Hopper. "Will Engines Think?"\n'
            ":::\n") in page
    for line in (
        "conf2032/index.md:19: duplicate: id 'hopper_bio' is also the id of the element at "
        "conf2032/index.md:14: links to it reach the first",
        "conf2032/index.md:19: unmapped: Alan Turing's badge 'Retrospective' is not a role; "
        "imported as :label:, choose a :role: by hand",
        "conf2032/schedule.md:10: similar-name: 'Ada Lovelase' here, 'Ada Lovelace' at "
        "conf2032/index.md:8: taken as one person (ada-lovelace)",
        "conf2032/schedule.md:14: pages-disagree: Grace Hopper's role is 'invited' here but "
        "'special-topic' at conf2032/index.md:14; the first is kept",
        # the keynote also gave a spotlight: her card keeps the keynote, the row names her
        "conf2032/schedule.md:18: unmapped: Ada Lovelace gave the talk of paper 7 and the talk "
        "of their card (conf2032/index.md:8); a card holds one talk: the row names them, their "
        "card does not list the paper",
    ):
        assert line in out


def test_isca_cards_and_time_ranges(tmp_path, capsys):
    """ISCA 2019's shape: the card's h3 is the talk and its h4 "Name - Affiliation"; rows are
    time ranges with the speaker after an ``<i>`` label; a paper's award is kept."""
    code, out, _ = import_fixture(tmp_path, capsys, "conf2036")
    assert code == 0
    page = (tmp_path / "editions" / "conf2036.md").read_text()
    assert (":::{speaker} Ada Lovelace\n:id: ada-lovelace\n:affiliation: Analytical Society\n"
            ":role: keynote\n:talk: Engines That Learn\n") in page
    # the speaker of a paper's talk ("<i>Speaker</i>: Name - Affiliation") gets a card that
    # presented the paper, so that they are a person; the row is the paper, naming them
    assert (":::{speaker} Charles Babbage\n:id: charles-babbage\n:affiliation: Cambridge\n"
            ":role: contributed\n:label: Speaker\n:paper: paper-babbage\n\n") in page
    assert (":::{speaker} Mary Somerville\n:id: mary-somerville\n:affiliation: Oxford\n"
            ":role: contributed\n:label: Speaker\n:paper: paper-lovelace\n\n") in page
    assert ":slides: https://mlforsystems.org/assets/slides/conf2036/Lovelace.pdf\n" in page
    assert (":::{schedule}\n"
            "- 9:00 AM - 9:10 AM Opening Remarks\n"
            "- 9:10 AM - 9:40 AM {ws:talk}`Keynote Speaker: Ada Lovelace <ada-lovelace>`\n"
            "- 9:40 AM - 9:50 AM [contributed] {ws:paper}`paper-babbage`; "
            "Speaker: {ws:person}`Charles Babbage <charles-babbage>`, Cambridge\n"
            "- 9:50 AM - 10:00 AM [contributed] {ws:paper}`paper-lovelace`; "
            "Speaker: {ws:person}`Mary Somerville <mary-somerville>`, Oxford\n"
            "- 11:55 AM - 12:20 PM {ws:talk}`Speaker: Grace Hopper <grace-hopper>`\n"
            "- 2:00 PM - 2:30 PM Lunch\n"
            "- 5:15 PM Award Lecture (Main Hall)\n"
            ":::\n") in page
    # a talk's slides beside a paper's row are the paper's
    slides = "https://mlforsystems.org/assets/slides/conf2036/Babbage.pptx"
    assert (tmp_path / "editions" / "conf2036" / "papers.csv").read_text() == (
        "id,title,authors,pdf,slides,award\n"
        "paper-babbage,Difference Engines Revisited,Charles Babbage,"
        f"https://mlforsystems.org/assets/papers/conf2036/Paper_Babbage.pdf,{slides},"
        "Best Paper Award\n"
        "paper-lovelace,Notes on the Engine,Ada Lovelace; Charles Babbage,"
        f"https://mlforsystems.org/assets/papers/conf2036/Paper_Lovelace.pdf,{slides},\n")
    for line in (
        "conf2036/schedule.md:10: unmapped: video link https://video.example.org/opening is "
        "beside 'Opening Remarks', which is no talk and no paper: not imported",
        f"conf2036/schedule.md:22: duplicate: {slides} is given here and at "
        "conf2036/schedule.md:18: one file for two talks; check which talk it belongs to",
        "conf2036/schedule.md:22: pages-disagree: Mary Somerville gave the talk of paper "
        "paper-lovelace ('Notes on the Engine'), but the accepted papers "
        "(conf2036/accepted_papers.md:6) do not list them among its authors (Ada Lovelace; "
        "Charles Babbage); check the name",
        "conf2036/schedule.md:26: unmapped: Grace Hopper has no badge on the old pages: "
        "choose a :role: by hand",
        "conf2036/schedule.md:26: unmapped: Slides link '' leads to no file; not imported",
        "conf2036/schedule.md:34: outside-hours: 5:15 PM is outside the hours 9:00 AM - "
        "5:00 PM of the edition card (conf2036/schedule.md:4); one of them is wrong",
    ):
        assert line in out


@pytest.mark.parametrize(("text", "span"), [
    ("9:00 AM", ("9:00 AM", None)),
    ("11:30AM", ("11:30 AM", None)),
    ("17:40", ("5:40 PM", None)),
    ("9:00-9:10 AM", ("9:00 AM", "9:10 AM")),
    ("11-11:30 AM", ("11:00 AM", "11:30 AM")),
    ("11:55-12:20 PM", ("11:55 AM", "12:20 PM")),
    ("2:00-2:30 PM", ("2:00 PM", "2:30 PM")),
    ("8:40AM - 9:30AM", ("8:40 AM", "9:30 AM")),
    ("Sat 1:05 p.m. - 1:20 p.m.", ("1:05 PM", "1:20 PM")),
    ("TBD", None),
    (" - ", None),
])
def test_time_span(text, span):
    found = time_span(text)
    assert (found and (found[0].display, found[1] and found[1].display)) == span


@pytest.mark.sphinx
def test_the_page_it_writes_builds_without_a_warning(copy_root, capsys):
    project = copy_root("test-import-legacy", confoverrides={"nitpicky": True})
    code, out, _ = run(capsys, str(FIXTURES / "conf2037"), "--edition", "conf2037",
                       "--out", str(project.srcdir / "editions"))
    assert code == 0
    assert "12-hour-slip: 12:30 AM comes after 11:30 AM" in out
    page = (project.srcdir / "editions" / "conf2037.md").read_text()
    assert ":room: Room 211-213\n:contact: organizers@example.org\n:::\n" in page
    build = project.build()
    assert build.warnings == []
    main = build.main("editions/conf2037")
    assert [h.get_text(" ", strip=True) for h in main.select(".ws-speaker h3")] == [
        "Ada Lovelace", "Grace Hopper"]
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")]
            for tr in main.select("table tbody tr")]
    assert (":::{schedule}\n"
            "- 9:00 AM Opening Remarks\n"
            "- 9:10 AM {ws:talk}`Keynote Speaker: Ada Lovelace <ada-lovelace>`\n"
            "- 10:00 AM - 10:20 AM Coffee Break\n"
            "- 10:30 AM {ws:talk}`Invited Speaker: Grace Hopper <grace-hopper>`\n"
            "- 11:00 AM Contributed Talks\n"
            "  - {ws:paper}`3`\n"
            "  - {ws:paper}`5`\n"
            "- 11:30 AM Poster Session\n"
            "- 12:30 PM Lunch\n"
            ":::\n") in page
    assert [row[0].partition(" –")[0] for row in rows if row[0]] == [
        "9:00 AM", "9:10 AM", "10:00 AM", "10:30 AM", "11:00 AM", "11:30 AM", "12:30 PM"]
    assert "Ada Lovelace" in rows[1][1] and "Grace Hopper" in rows[3][1]
    assert "Engines of Thought" in main.select_one("table").get_text()
    papers = {a["href"] for a in main.select("a[href$='.pdf']")}
    assert papers == {"https://mlforsystems.org/assets/papers/conf2037/paper3.pdf",
                      "https://mlforsystems.org/assets/papers/conf2037/paper5.pdf"}
    assert "TODO" not in main.get_text() and "biography" not in main.get_text()
    assert [a["href"] for a in main.select("a.reference.external")
            if a["href"].endswith(("/", ".html"))] == [
        "https://mlforsystems.org/conf2037/",
        "https://mlforsystems.org/conf2037/schedule.html",
        "https://mlforsystems.org/conf2037/accepted_papers.html"]


@pytest.mark.sphinx
def test_presenters_and_slides_it_writes_build_and_link(copy_root, capsys):
    """The page of an ISCA-shaped edition builds with one warning, the fault the report gives
    too (a row after the hours): each presenter named in a paper's row is a person, linked from
    the row; the talks' slides are on the cards and the papers."""
    project = copy_root("test-import-legacy", confoverrides={"nitpicky": True})
    code, _, _ = run(capsys, str(FIXTURES / "conf2036"), "--edition", "conf2036",
                     "--out", str(project.srcdir / "editions"))
    assert code == 0
    build = project.build()
    assert len(build.warnings) == 1
    assert "conf2036.md:70: WARNING: the row at 5:15 PM" in build.warnings[0]
    main = build.main("editions/conf2036")
    row = main.select("table tbody tr")[2]
    assert [(a.get_text(" ", strip=True), a["href"]) for a in row.select("td a")][:2] == [
        ("Difference Engines Revisited — Charles Babbage", "#paper-paper-babbage"),
        ("Charles Babbage", "#charles-babbage")]
    babbage = main.select_one("#charles-babbage")
    assert babbage.select_one(".ws-talk-paper a")["href"] == "#paper-paper-babbage"
    ada = main.select_one("#ada-lovelace .ws-talk-material a")
    assert ada["href"] == "https://mlforsystems.org/assets/slides/conf2036/Lovelace.pdf"
    assert {a["href"] for a in main.select(".ws-paper-meta a") if "Slides" in a.get_text()} == {
        "https://mlforsystems.org/assets/slides/conf2036/Babbage.pptx"}


@pytest.mark.sphinx
def test_embedded_recordings_it_imports_are_links_on_the_card_and_papers(copy_root, capsys):
    """The recordings of 2022's SlidesLive players are links on the built page: the speaker's
    card and the paper's entry (a poster's too); the player beside a break is nowhere."""
    project = copy_root("test-import-legacy")
    code, _, _ = run(capsys, str(FIXTURES / "conf2035"), "--edition", "conf2035",
                     "--out", str(project.srcdir / "editions"))
    assert code == 0
    build = project.build()
    main = build.main("editions/conf2035")
    assert [a["href"] for a in main.select("#grace-hopper .ws-talk-material a")] == [
        "https://slideslive.com/99000002"]
    assert {a["href"] for a in main.select(".ws-paper-meta a") if a.get_text() == "Video"} == {
        "https://slideslive.com/99000007", "https://slideslive.com/99000006"}
    assert "https://slideslive.com/99000005" not in str(main)


@pytest.mark.parametrize("edition", ["conf2032", "conf2033", "conf2034", "conf2035", "conf2036"])
def test_a_page_cut_anywhere_never_gives_a_traceback(tmp_path, capsys, edition):
    """Every page of a fixture cut short at many places (unclosed tags, front matter, tables,
    comments, a CSV row): the importer writes a page or names the file it cannot read."""
    for page in sorted((FIXTURES / edition).iterdir()):
        text = page.read_bytes()
        for cut in range(0, len(text), 41):
            legacy = tmp_path / f"{page.name}-{cut}" / edition
            shutil.copytree(FIXTURES / edition, legacy)
            (legacy / page.name).write_bytes(text[:cut])
            code, _, err = run(capsys, str(legacy), "--edition", edition,
                               "--out", str(legacy.parent / "out"))
            assert code == 0 or (code == 1 and err.startswith(f"import-legacy: {edition}/")), (
                page.name, cut, err)
