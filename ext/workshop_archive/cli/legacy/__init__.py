"""``workshop-archive import-legacy``: bring an edition of the old Jekyll site into the archive.

Reads ``<edition>/index.md``, ``schedule.md``, ``accepted_papers.md`` and ``papers.csv`` of the
old site, writes ``<out>/<id>.md`` in the archive's directives and ``<out>/<id>/papers.csv``,
and prints what it could not map and the faults it found, each at its legacy file and line.
See docs/maintainer/import-legacy.md.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

from ...text import slugify
from .bib import cite_keys, known_works
from .importer import read_edition
from .myst import edition_page, papers_csv
from .output import EditedByHandError, check_unedited, with_header
from .page import PageError

if TYPE_CHECKING:
    from .facts import EditionFacts

#: exit codes (documented in --help and docs/maintainer/import-legacy.md)
OK, UNREADABLE, USAGE, EDITED, UNWRITABLE = 0, 1, 2, 3, 4

EPILOG = """\
exit codes:
  0  the page was written; the report lists what to check by hand
  1  a legacy page, papers.csv, the people file or references.bib cannot be read
     (the message names the file and line)
  2  the command line is wrong
  3  a page or data file written earlier was edited by hand: nothing was written
     (run again with --force to overwrite it)
  4  the page or its files cannot be written (the message names the file)
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import-legacy",
        help="import an edition of the old site into an edition page",
        description="Read an edition of the old Jekyll site (index.md, schedule.md, "
                    "accepted_papers.md, papers.csv) and write <out>/<id>.md with the archive's "
                    "directives and <out>/<id>/papers.csv. Facts only: where the old site has "
                    "prose (biographies, abstracts, the overview) the page has a TODO. Prints "
                    "what it could not map and the faults it found, at their legacy file and line.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("legacy_dir", type=Path, metavar="LEGACY-EDITION-DIR",
                        help="the edition's directory of the old site, e.g. legacy/neurips2022")
    parser.add_argument("--edition", required=True, metavar="ID",
                        help="the edition id, a slug such as neurips2022")
    parser.add_argument("--out", type=Path, default=Path("editions"), metavar="DIR",
                        help="where to write <id>.md and <id>/ (default: editions)")
    parser.add_argument("--people", type=Path, metavar="FILE",
                        help="the people file, to spot misspelt names "
                             "(default: <out>/people.toml if it exists)")
    parser.add_argument("--bib", type=Path, metavar="FILE",
                        help="the project's references.bib: cited works it holds are cited by "
                             "their key, the others are written to <out>/<id>/new-references.bib "
                             "(default: references.bib beside <out> if it exists)")
    parser.add_argument("--force", action="store_true",
                        help="overwrite the page and its files even if they were edited by hand")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Import one edition; the return value is the exit code."""
    if slugify(args.edition) != args.edition:
        print(f"import-legacy: --edition {args.edition!r} is not a slug; write e.g. "
              f"{slugify(args.edition) or 'neurips2022'!r}", file=sys.stderr)
        return USAGE
    out: Path = args.out
    people_path = args.people or (out / "people.toml" if (out / "people.toml").is_file() else None)
    bib_path = args.bib or (out.parent / "references.bib"
                            if (out.parent / "references.bib").is_file() else None)
    try:
        people = read_people(people_path)
        works = known_works(bib_path)
        facts = read_edition(args.legacy_dir, args.edition, people)
    except PageError as error:
        print(f"import-legacy: {error}", file=sys.stderr)
        return UNREADABLE
    keys, new_bib = cite_keys(facts.references, works)
    data = {}
    if facts.papers:
        data["papers.csv"] = papers_csv(facts)
    if new_bib:
        data["new-references.bib"] = new_bib
    page_path = out / f"{args.edition}.md"
    if not args.force:
        try:
            check_unedited(page_path, {name: out / args.edition / name
                                       for name in ("papers.csv", "new-references.bib")})
        except EditedByHandError as error:
            print(f"import-legacy: {error}; nothing was written. Keep your edits (merge "
                  "by hand), or run again with --force to overwrite.", file=sys.stderr)
            return EDITED
    page = with_header(edition_page(facts, keys), data,
                       f"{args.legacy_dir.name}/ of the old site")
    try:
        out.mkdir(parents=True, exist_ok=True)
        if data:
            (out / args.edition).mkdir(exist_ok=True)
        for name, text in data.items():
            (out / args.edition / name).write_text(text, encoding="utf-8", newline="")
        page_path.write_text(page, encoding="utf-8")
    except OSError as error:
        print(f"import-legacy: cannot write {error.filename}: {error.strerror}", file=sys.stderr)
        return UNWRITABLE
    print_report(facts, page_path, new_bib, len(keys))
    return OK


def read_people(path: Path | None) -> dict[str, dict]:
    """The people file's entries ({} without a file).

    :raise PageError: when it is not valid TOML.
    """
    if path is None:
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise PageError(f"{path}: cannot read the people file: {error.strerror}") from error
    except tomllib.TOMLDecodeError as error:
        raise PageError(f"{path}: the people file is not valid TOML: {error}") from error
    return {key: value for key, value in data.items() if isinstance(value, dict)}


def print_report(facts: EditionFacts, page: Path, new_bib: str, cited: int) -> None:
    """What was written, the counts of facts, and every fault, sorted by file and line."""
    members = sum(len(c.members) for c in facts.committees)
    print(f"wrote {page}")
    print(f"facts: {len(facts.speakers)} speakers, {len(facts.rows)} schedule rows, "
          f"{members} committee members, {len(facts.papers)} papers, {cited} references "
          f"({new_bib.count('@misc{')} not in references.bib)")
    if new_bib:
        print(f"new references: {page.parent / facts.edition.id / 'new-references.bib'}: "
              "complete them and move them into references.bib")
    print(f"faults: {len(facts.faults)}")
    for fault in sorted(set(facts.faults)):
        print(f"  {fault}")
