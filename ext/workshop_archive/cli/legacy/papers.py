"""Accepted papers: an HTML list (2018-2022, ISCA 2019) or a Liquid loop over ``papers.csv``
(2023 on). Facts only: id, title, authors, PDF link at its old-site URL; never the abstract."""

from __future__ import annotations

import csv
import io
import re
from typing import TYPE_CHECKING

from .material import attach, material_links
from .page import Element, PageError, Text, absolute

if TYPE_CHECKING:
    from pathlib import Path

    from .facts import EditionFacts, Paper
    from .page import LegacyPage

#: ``{{paper.tag}}`` or ``{{ paper.id }}`` inside the loop's PDF link (Liquid, not markup)
_LIQUID_FIELD = re.compile(r"\{\{\s*paper\.(\w+)\s*\}\}")
_LIQUID_LOOP = re.compile(r"\{%\s*for\s+paper\s+in\s+site\.data\.([\w.]+)\s*%\}")


def split_authors(text: str) -> list[str]:
    """``"A, B, and C."`` -> ``["A", "B", "C"]``."""
    text = " ".join(text.split()).strip().rstrip(".").strip()
    names = []
    for part in re.split(r",|\band\b|;", text):
        name = part.strip().strip(".").strip()
        if name:
            names.append(name)
    return names


def paper_id(pdf: str, number: int) -> str:
    """The id of a listed paper: the number of ``paper29.pdf``, else the PDF's file name, else
    its place in the list."""
    stem = pdf.rstrip("/").rpartition("/")[2].removesuffix(".pdf") if pdf else ""
    if re.fullmatch(r"paper\d+", stem):
        return stem.removeprefix("paper")
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or str(number)


def list_papers(page: LegacyPage, facts: EditionFacts, make: type[Paper]) -> None:
    """Read ``<p><a href=pdf><b>Title</b></a>. Authors.</p>`` entries."""
    number = 0
    for paragraph in page.tree.find_all("p"):
        link = next((a for a in paragraph.find_all("a") if a.find_all("b")), None)
        if link is None or link.parent is not paragraph:
            continue
        number += 1
        title = link.text()
        authors = _authors_after(paragraph, link)
        href = link.attrs.get("href", "").strip()
        pdf = absolute(href)
        where = page.where(link.line)
        if not href:
            facts.fault(where, "no-pdf", f"paper {title!r} links to nothing (empty href); the "
                        "paper is imported without a PDF")
        elif not href.startswith(f"/assets/papers/{facts.edition.id}/"):
            facts.fault(where, "pdf-elsewhere", f"paper {title!r} links to {href!r}, outside "
                        f"/assets/papers/{facts.edition.id}/; check the link")
        award = next((b.text() for b in paragraph.find_all("b")
                      if "award" in b.text().lower() and b not in link.iter()), "")
        paper = make(paper_id(href, number), title, "; ".join(authors), pdf, where, award)
        attach(facts, paper, f"paper {paper.id}", material_links(paragraph, page, facts))
        facts.papers.append(paper)


def _authors_after(paragraph: Element, link: Element) -> list[str]:
    """The author names: the text after the title link, up to a line break or another link,
    without the equal-contribution stars."""
    parts: list[str] = []
    after = False
    for child in paragraph.children:
        if child is link:
            after = True
            continue
        if not after:
            continue
        if isinstance(child, Text):
            parts.append(child.data)
        elif child.tag in {"br", "a", "b"}:
            break
        elif "equal_contribution" not in child.classes():
            parts.append(child.text())
    return split_authors("".join(parts).lstrip(". "))


def loop_papers(page: LegacyPage, facts: EditionFacts, directory: Path, make: type[Paper]) -> bool:
    """Read the papers of a page that loops over ``site.data.<edition>.papers`` (``papers.csv``).

    :return: False when the page holds no such loop.
    """
    text = page.tree.text()
    loop = _LIQUID_LOOP.search(text)
    if loop is None:
        return False
    data = loop[1].removesuffix(".papers")
    line = next((t.line for e in page.tree.iter() for t in e.children
                 if isinstance(t, Text) and "{%" in t.data), 1)
    where = page.where(line)
    if data != facts.edition.id:
        facts.fault(where, "other-edition", f"the papers loop reads site.data.{loop[1]}, not "
                    f"{facts.edition.id}: the papers.csv beside the page is read")
    pdf_field = ""
    for anchor in page.tree.find_all("a"):
        found = _LIQUID_FIELD.search(anchor.attrs.get("href", ""))
        if found:
            pdf_template, pdf_field = anchor.attrs["href"], found[1]
    rows = read_csv(directory / "papers.csv", f"{facts.edition.id}/papers.csv")
    for number, row in rows:
        paper = {key: value.strip() for key, value in row.items()}
        pdf = ""
        if pdf_field and paper.get(pdf_field):
            pdf = absolute(_LIQUID_FIELD.sub(lambda m, fields=paper: fields.get(m[1], ""),
                                             pdf_template))
        authors = split_authors(paper.get("authors", ""))
        facts.papers.append(make(paper.get("id", ""), paper.get("title", ""), "; ".join(authors),
                                 pdf, f"{facts.edition.id}/papers.csv:{number}"))
    return True


def read_csv(path: Path, name: str) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV file with the line each starts on; header names lower-cased.

    :raise PageError: when the file is missing, not UTF-8 or not CSV.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise PageError(f"{name}: cannot read the papers file the accepted papers page loops "
                        f"over: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise PageError(f"{name}: the file is not UTF-8 (offset {error.start})") from error
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        if "title" not in header:
            raise PageError(f"{name}:1: the header has no 'title' column (it has "
                            f"{', '.join(header) or 'nothing'})")
        rows = []
        line = reader.line_num + 1
        for record in reader:
            if any(cell.strip() for cell in record):
                rows.append((line, dict(zip(header, record, strict=False))))
            line = reader.line_num + 1
    except csv.Error as error:
        raise PageError(f"{name}:{reader.line_num}: not valid CSV: {error}") from error
    return rows
