"""The ``workshop-archive`` command: maintainer tools that run outside a Sphinx build.

Each subcommand lives in a module of its own that adds its parser with ``add_parser(subparsers)``
and sets ``func``, which returns the exit code.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from . import legacy, new_edition

if TYPE_CHECKING:
    from collections.abc import Sequence


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``workshop-archive`` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="workshop-archive",
        description="Maintainer tools of the workshop archive.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    legacy.add_parser(subparsers)
    new_edition.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``workshop-archive``; the return value is the exit code."""
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
