"""``ws:papers`` and ``ws:paper``: an edition's accepted papers, from a CSV file or the page.

Read phase: each paper becomes a :class:`~workshop_archive.records.Paper` of the page's edition
and a list item with its own anchor. The items of a page are grouped by presentation (orals,
spotlights, posters) by :class:`GroupPapers`. Facts only: a CSV's ``abstract`` column, or any
column not named here, is never read.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms import SphinxTransform

from .. import anchors
from ..collect import paper_title
from ..config import person_id
from ..diagnostics import Problem, warn
from ..exports.paper_bib import (
    BIB_LINK_CLASS,
    CITE_CLASS,
    bibtex,
    citable,
    cite_key,
    paper_entry,
)
from ..exports.paper_bib import setup as setup_paper_bib
from ..i18n import _
from ..nodes import papers_list
from ..records import Paper
from ..text import has_markup, slugify, web_link_problem
from .base import WorkshopDirective

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx
    from sphinx.config import Config

    from ..records import Edition

#: link fields -> the link's visible text, in the order they are shown
LINKS = {
    "pdf": "PDF",
    "openreview": "OpenReview",
    "code": "Code",
    "video": "Video",
    "poster": "Poster",
    "slides": "Slides",
}
#: presentation -> the heading of its group, in the order the groups are shown
PRESENTATIONS = {
    "oral": "Oral presentations",
    "spotlight": "Spotlight presentations",
    "poster": "Poster presentations",
}
#: the heading of the papers without a presentation, when other papers have one
OTHER_PAPERS = "Other papers"
#: the CSV columns a paper needs
REQUIRED = ("id", "title", "authors")
#: every CSV column that is read; any other column (an abstract, a tag) is ignored
COLUMNS = (*REQUIRED, *LINKS, "presentation", "session", "award", "status")
#: ``temp_data`` key: the paper ids of the page being read, with the line of each
PAGE_PAPERS = "ws:page-papers"

Location = tuple[str, int] | str


def split_authors(text: str) -> list[str]:
    """``Ada Lovelace; Charles Babbage`` or ``Ada Lovelace, Charles Babbage`` -> the names.

    Semicolons separate names when there is one (so ``Smith, J.`` stays one name); else commas.
    """
    separator = ";" if ";" in text else ","
    return [" ".join(name.split()) for name in text.split(separator) if name.strip()]


def setup(app: Sphinx) -> None:
    """Register ``ws:papers``, ``ws:paper``, the grouping of their entries, and their BibTeX."""
    app.add_directive_to_domain("ws", "papers", PapersDirective)
    app.add_directive_to_domain("ws", "paper", PaperDirective)
    app.add_transform(GroupPapers)
    setup_paper_bib(app)


class PaperFields:
    """Checks one paper's fields, as written in a CSV row or a directive, and makes the
    record; every problem is warned at ``location`` (the row, or the directive's line)."""

    def __init__(self, directive: PaperDirectiveBase, location: Location, lineno: int,
                 lines: dict[str, Location] | None = None) -> None:
        self.directive = directive
        self.location = location
        self.lineno = lineno
        #: for a directive, the line of each option
        self.lines = lines or {}

    def warn(self, message: str, problem: Problem, field: str = "") -> None:
        warn(message, problem, self.lines.get(field, self.location))

    def text(self, values: dict[str, str], field: str) -> str:
        value = " ".join((values.get(field) or "").split())
        if has_markup(value):
            self.warn(f"the {field} {value!r} contains HTML markup; it is shown as plain text, "
                      "write the text without tags", Problem.markup, field)
        return value

    def make(self, values: dict[str, str], withdrawn_flag: bool = False) -> Paper | None:
        """The paper, or None when it has no usable id (it is then not shown)."""
        written_id = self.text(values, "id")
        paper_id = slugify(written_id)
        if not written_id or not paper_id:
            self.warn("paper has no id; write the paper's number from the submission system, "
                      "e.g. 'id: 12'", Problem.missing_field, "id")
            return None
        if paper_id != written_id:
            self.warn(f"paper id {written_id!r} is not a slug; write {paper_id!r}",
                      Problem.bad_value, "id")
        status = self.text(values, "status").lower()
        if status not in ("", "withdrawn"):
            self.warn(f"status {status!r} of paper {paper_id} is unknown; write 'withdrawn' or "
                      "leave it empty", Problem.bad_value, "status")
            status = ""
        withdrawn = withdrawn_flag or status == "withdrawn"
        title = self.text(values, "title")
        authors = split_authors(values.get("authors") or "")
        for name in authors:
            if has_markup(name):
                self.warn(f"the author {name!r} contains HTML markup; it is shown as plain text, "
                          "write the name without tags", Problem.markup, "authors")
        if not withdrawn:
            for field, value in (("title", title), ("authors", authors)):
                if not value:
                    self.warn(f"paper {paper_id} has no {field}; write its {field} as published "
                              "(or status 'withdrawn' for a withdrawn paper)",
                              Problem.missing_field, field)
        presentation = self.text(values, "presentation").lower()
        if presentation not in ("", *PRESENTATIONS):
            self.warn(f"presentation {presentation!r} of paper {paper_id} is unknown; write one "
                      f"of {', '.join(PRESENTATIONS)}", Problem.bad_value, "presentation")
            presentation = ""
        edition = self.directive.current_edition()
        return Paper(
            edition=edition.id if edition else "",
            id=paper_id,
            title=title,
            authors=tuple(authors),
            people=tuple(person_id(name, self.directive.config) for name in authors),
            links=self.links(values, paper_id),
            presentation=presentation,
            session=self.text(values, "session"),
            award=self.text(values, "award"),
            withdrawn=withdrawn,
            docname=self.directive.env.docname,
            lineno=self.lineno,
            file="",
            anchor=anchors.paper(paper_id),
        )

    def links(self, values: dict[str, str], paper_id: str) -> tuple[tuple[str, str], ...]:
        found = []
        for field in LINKS:
            url = self.text(values, field)
            if not url:
                continue
            if problem := web_link_problem(url):
                self.warn(f"{field} link {url!r} of paper {paper_id} is not used: {problem}",
                          Problem.bad_link, field)
                continue
            found.append((field, url))
        return tuple(found)


class PaperDirectiveBase(WorkshopDirective):
    """What ``ws:papers`` and ``ws:paper`` share: recording a paper and rendering its entry."""

    def keep(self, paper: Paper, location: Location) -> nodes.list_item:
        """Record the paper (once per id on a page) and return its entry."""
        seen: dict[str, Location] = self.env.temp_data.setdefault(PAGE_PAPERS, {})
        if paper.id in seen:
            first = seen[paper.id]
            where = f"line {first[1]}" if isinstance(first, tuple) else first
            warn(f"paper id {paper.id!r} is already used ({where}); give each paper its own id",
                 Problem.duplicate, location)
            return paper_item(paper._replace(anchor=""))
        seen[paper.id] = location
        if self.current_edition() is None:
            warn("paper before any edition directive; put ':::{edition} <id>' at the top of the "
                 "page so the paper belongs to an edition", Problem.misplaced, location)
        elif not self.in_example():
            self.domain.note("papers", paper)
        item = paper_item(paper)
        if citable(paper):
            item += cite_block(paper, self.current_edition(), self.config)
        return item

    def papers_node(self, items: list[nodes.list_item]) -> papers_list:
        edition = self.current_edition()
        # the edition whose .bib the list links to (none for an example: it has no file)
        node = papers_list(edition=edition.id if edition and not self.in_example() else "")
        node.extend(items)
        self.set_source_info(node)
        return node


class PapersDirective(PaperDirectiveBase):
    """``:::{ws:papers}`` with ``:file:`` naming a CSV file beside the page."""

    option_spec: ClassVar[dict[str, Any]] = {"file": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        written = self.field("file")
        if not written:
            self.warn("papers has no :file:; write the CSV file beside the page, e.g. "
                      "':file: neurips2023/papers.csv'", Problem.missing_field)
            return []
        relative, path = self.env.relfn2path(written, self.env.docname)
        if not Path(path).is_file():
            self.warn(f":file: {written!r} does not exist (looked for {path}); write the path "
                      "of the CSV file relative to the page", Problem.config,
                      self.option_line("file"))
            return []
        self.env.note_dependency(path)
        items = [self.keep(paper._replace(file=relative), location)
                 for paper, location in self.read_csv(path)]
        if not items:
            return []
        return [self.papers_node(items)]

    def read_csv(self, path: str) -> Iterator[tuple[Paper, str]]:
        """The papers of the file, each with its row's ``path:line``."""
        data = Path(path).read_bytes()
        try:
            # utf-8-sig drops a byte order mark, as spreadsheet programs write one
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[:error.start].count(b"\n") + 1
            warn(f"the papers file is not UTF-8 ({error.reason}); use UTF-8 when saving it",
                 Problem.config, f"{path}:{line}")
            return
        try:
            rows = list(csv_rows(text))
        except CsvError as error:
            warn(f"the papers file cannot be read as CSV from this line on ({error.reason}); "
                 "put a field that holds a comma or a quote in double quotes, and double each "
                 'quote inside it ("")', Problem.config, f"{path}:{error.lineno}")
            return
        if not rows:
            warn("the papers file is empty; write a header line 'id,title,authors,pdf' and one "
                 "line per paper", Problem.missing_field, f"{path}:1")
            return
        (_, header), *records = rows
        columns = [name.strip().lower() for name in header]
        if missing := [name for name in REQUIRED if name not in columns]:
            warn(f"the papers file has no {', '.join(missing)} column; write a header line "
                 f"naming the columns, e.g. 'id,title,authors,pdf' (found: "
                 f"{', '.join(columns) or 'nothing'})", Problem.missing_field, f"{path}:1")
            return
        if repeated := sorted({name for name in columns if columns.count(name) > 1}
                              & set(COLUMNS)):
            warn(f"the papers file names the column {repeated[0]!r} twice; keep one",
                 Problem.duplicate, f"{path}:1")
            return
        for lineno, record in records:
            location = f"{path}:{lineno}"
            if len(record) > len(columns):
                warn(f"this row has {len(record)} fields but the header has {len(columns)}; "
                     "put a field that contains a comma in double quotes", Problem.bad_value,
                     location)
                continue
            values = dict(zip(columns, record, strict=False))
            if paper := PaperFields(self, location, lineno).make(values):
                yield paper, location


class CsvError(Exception):
    """A CSV file the csv module cannot read, from ``lineno`` on."""

    def __init__(self, reason: str, lineno: int) -> None:
        super().__init__(reason, lineno)
        self.reason = reason
        self.lineno = lineno


def csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """The non-blank records of a CSV text, each with the line it starts on.

    The lines keep their ends (CRLF or LF), so that the csv module reads line breaks inside
    quoted fields as part of the field.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise CsvError(str(error), start) from error
        if any(field.strip() for field in record):
            yield start, record
        start = reader.line_num + 1


class PaperDirective(PaperDirectiveBase):
    """``:::{ws:paper} <title>`` with the paper's facts as options; no body."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        **dict.fromkeys(("id", "authors", *LINKS, "presentation", "session", "award"),
                        directives.unchanged),
        "withdrawn": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        if self.content:
            self.warn("a paper has no body (the archive shows no abstracts); keep its facts in "
                      "the options and delete the text below them", Problem.bad_value,
                      self.content_line(0))
        values = {name: value for name, value in self.options.items() if isinstance(value, str)}
        values["title"] = self.arguments[0] if self.arguments else ""
        location = (self.env.docname, self.lineno)
        lines: dict[str, Location] = {
            name: (self.env.docname, self.option_line(name)) for name in self.options}
        paper = PaperFields(self, location, self.lineno, lines).make(
            values, "withdrawn" in self.options)
        if paper is None:
            return []
        return [self.papers_node([self.keep(paper, location)])]


def paper_item(paper: Paper) -> nodes.list_item:
    """A paper's entry: title and badges, authors, then session and links."""
    item = nodes.list_item(ids=[paper.anchor] if paper.anchor else [],
                           classes=["ws-paper", *(["ws-withdrawn"] if paper.withdrawn else [])],
                           presentation=paper.presentation)
    item.line = paper.lineno
    title = nodes.paragraph(classes=["ws-paper-title"])
    shown = paper_title(paper)
    title += nodes.strong(shown, shown)
    badges = [(_("Withdrawn"), "ws-withdrawn-badge")] if paper.withdrawn else []
    if paper.award:
        badges.append((paper.award, "ws-award"))
    for badge, extra in badges:
        title += nodes.Text(" ")
        title += nodes.inline(badge, badge, classes=["sd-badge", "ws-badge", extra])
    item += title
    if paper.authors:
        names = ", ".join(paper.authors)
        item += nodes.paragraph(names, names, classes=["ws-paper-authors"])
    meta = nodes.paragraph(classes=["ws-paper-meta"])
    if paper.session:
        meta += nodes.inline(paper.session, paper.session, classes=["ws-paper-session"])
    for index, (kind, url) in enumerate(paper.links):
        if index or paper.session:
            meta += nodes.Text(" · ")
        meta += nodes.reference(_(LINKS[kind]), _(LINKS[kind]), refuri=url)
    if meta.children:
        item += meta
    return item


def cite_block(paper: Paper, edition: Edition | None, config: Config) -> nodes.container:
    """The paper's BibTeX under "Cite": a fold in HTML (see exports/paper_bib.py)."""
    text = bibtex({cite_key(paper): paper_entry(paper, edition, config)}).strip()
    block = nodes.container(classes=[CITE_CLASS])
    block += nodes.paragraph(_("Cite"), _("Cite"))
    block += nodes.literal_block(text, text, language="none")
    return block


def grouped(items: list[nodes.list_item]) -> list[nodes.Node]:
    """The entries as one list per presentation (orals, spotlights, posters, then the rest),
    each under a heading, in the order written; no heading when no paper has a presentation."""
    groups: dict[str, list[nodes.list_item]] = {}
    for item in items:
        groups.setdefault(item.attributes.pop("presentation", ""), []).append(item)
    result: list[nodes.Node] = []
    for presentation in (*PRESENTATIONS, ""):
        if presentation not in groups:
            continue
        if len(groups) > 1 or presentation:
            heading = _(PRESENTATIONS.get(presentation, OTHER_PAPERS))
            result.append(nodes.rubric(heading, heading, classes=["ws-papers-group"]))
        result.append(nodes.bullet_list("", *groups[presentation], classes=["ws-papers"]))
    return result


class GroupPapers(SphinxTransform):
    """Replace each run of consecutive paper directives of a page with its grouped lists."""

    default_priority = 500

    def apply(self, **kwargs: Any) -> None:
        runs: list[list[papers_list]] = []
        for node in self.document.findall(papers_list):
            previous = runs[-1][-1] if runs else None
            if previous is not None and previous.parent is node.parent and (
                    node.parent.index(node) == node.parent.index(previous) + 1):
                runs[-1].append(node)
            else:
                runs.append([node])
        for run in runs:
            items: list[nodes.list_item] = [item for node in run for item in node.children]
            for node in run[1:]:
                node.parent.remove(node)
            result = grouped(items)
            if edition := run[0].get("edition"):
                # replaced by a link to the edition's .bib (exports/paper_bib.py)
                result.append(nodes.paragraph("", "", nodes.inline(
                    classes=[BIB_LINK_CLASS], edition=edition), classes=["ws-papers-bib"]))
            run[0].replace_self(result)
