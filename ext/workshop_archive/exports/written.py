"""Export files written again only when what they are made of changed (write phase).

An export that makes many files (a calendar per edition and per schedule row, a ``.bib`` per
edition) first computes, for each file, the plain data the file is made of (its *inputs*), which
is cheap; serialising is what costs (icalendar's VTIMEZONE and ``to_ical``, pybtex's writer).
:class:`WrittenFiles` keeps the sha256 of each file's inputs from the build that wrote it, and
writes a file only when its digest changed or the file is gone. A one-edition edit so rewrites that
edition's files and leaves the others' bytes and times alone.

The digests are kept beside the environment (``<doctreedir>/workshop_archive-<export>.json``),
with the builder and output directory they are for and a digest of the exports' own code and of
icalendar's and pybtex's versions: a build with a fresh environment (``-E``), another output
directory, another builder or changed code writes every file again. A file an export no longer
makes (a removed edition's calendar) is left in place, as Sphinx leaves a removed page's HTML.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib.metadata import version
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx


@cache
def code_digest() -> str:
    """The exports' source files and the versions of the libraries that serialise them."""
    digest = hashlib.sha256(f"{version('icalendar')} {version('pybtex')}".encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()


def inputs_digest(inputs: object) -> str:
    """sha256 of the inputs' ``repr``: records are NamedTuples of strings, numbers and datetimes,
    whose ``repr`` is the same in every process (``hash()`` is salted per process)."""
    return hashlib.sha256(repr(inputs).encode()).hexdigest()


class WrittenFiles:
    """The files of one export in one build's output directory, with the digests of their
    inputs. :meth:`write` each file, then :meth:`save`."""

    def __init__(self, app: Sphinx, export: str) -> None:
        self.outdir = Path(app.outdir)
        self.record = Path(app.doctreedir) / f"workshop_archive-{export}.json"
        self.about = {"builder": app.builder.name, "outdir": str(self.outdir),
                      "code": code_digest()}
        self.before: dict[str, str] = {}
        if not app.fresh_env_used and self.record.is_file():
            kept = json.loads(self.record.read_text(encoding="utf-8"))
            if kept.get("about") == self.about:
                self.before = kept["files"]
        self.now: dict[str, str] = {}

    def write(self, path: PurePosixPath, inputs: object, content: Callable[[], bytes]) -> bool:
        """Write ``content()`` at ``path`` (relative to the output directory) unless the file is
        there and was made of the same inputs; True when it was written."""
        digest = inputs_digest(inputs)
        self.now[str(path)] = digest
        target = self.outdir / path
        if self.before.get(str(path)) == digest and target.is_file():
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content())
        return True

    def save(self) -> None:
        self.record.parent.mkdir(parents=True, exist_ok=True)
        self.record.write_text(json.dumps({"about": self.about, "files": self.now}, indent=0,
                                          sort_keys=True), encoding="utf-8")
