"""``workshop-archive new-edition``: the page of a new edition, ready to fill in.

Writes ``<out>/<id>.md`` with the edition directive and the sections an edition page has
(speakers, schedule, committees), written with the ``ws:`` directive names; the page builds
without a warning as it is. It never overwrites a page (unless ``--force``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..text import slugify

PAGE = """\
# {title}

:::{{ws:edition}} {edition}
:conference: {conference}
:date: {date}
:::

## Speakers

% One card per speaker (docs/maintainer/directives.md, "speaker"), e.g.
% ::::{{ws:speaker}} Ada Lovelace
% :affiliation: Analytical Engines
% :role: keynote
% :talk: The title of the talk
%
% The speaker's biography.
% ::::

## Schedule

% One row per line (docs/maintainer/directives.md, "schedule"), e.g.
% :::{{ws:schedule}}
% - 9:00 AM - 9:10 AM [remarks] Opening remarks
% :::

## Committees

% One committee per block (docs/maintainer/directives.md, "committee"), e.g.
% :::{{ws:committee}} Organizing Committee
% - Ada Lovelace, Analytical Engines
% :::
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new-edition",
        help="write the page of a new edition, ready to fill in",
        description="Write <out>/<id>.md: the edition directive and the sections of an edition "
                    "page (speakers, schedule, committees), which builds without a warning as "
                    "it is. An existing page is never overwritten (unless --force).",
    )
    parser.add_argument("edition", metavar="ID", help="the edition id, a slug such as neurips2026")
    parser.add_argument("--title", required=True,
                        help="the page title, e.g. 'ML for Systems at NeurIPS 2026'")
    parser.add_argument("--conference", required=True,
                        help="the host conference, e.g. NeurIPS 2026")
    parser.add_argument("--date", required=True, metavar="YYYY-MM-DD",
                        help="the (first) day of the edition")
    parser.add_argument("--out", type=Path, default=Path("editions"), metavar="DIR",
                        help="where to write <id>.md (default: editions)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing page")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the page; 1 (with a message saying what to write) when it cannot."""
    problems = []
    if slugify(args.edition) != args.edition:
        problems.append(f"the id {args.edition!r} is not a slug; write "
                        f"{slugify(args.edition) or 'neurips2026'!r}")
    try:
        dt.date.fromisoformat(args.date)
    except ValueError:
        problems.append(f"--date {args.date!r} is not a date; write it as YYYY-MM-DD")
    problems += [f"--{option} is empty" for option in ("title", "conference")
                 if not getattr(args, option).split()]
    page = args.out / f"{args.edition}.md"
    if page.exists() and not args.force:
        problems.append(f"{page} exists; edit it, or add --force to write it again")
    if problems:
        for problem in problems:
            print(f"workshop-archive new-edition: {problem}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    page.write_text(PAGE.format(title=" ".join(args.title.split()), edition=args.edition,
                                conference=" ".join(args.conference.split()), date=args.date),
                    encoding="utf-8")
    print(f"wrote {page}; fill it in, then run make html")
    return 0
