"""The BibTeX files of sphinxcontrib-bibtex (``bibtex_bibfiles``), checked before it reads them.

sphinxcontrib-bibtex parses the files at ``builder-inited`` with pybtex, which stops the build on
a syntax error or a byte that is not UTF-8 (a traceback, no site), stops reading a file at a key
used twice (the entries after it are lost) and names no line. So, at ``builder-inited`` and
before it:

- each file is checked here: a byte that is not UTF-8, a syntax error, a key used twice and a
  name pybtex cannot split are each one warning at the file and line, every build;
- its parse then runs with pybtex's errors captured (``pybtex.errors.capture``), so that it
  leaves out the faulty entry (for a key used twice, the later entry) and reads the rest, and
  with :data:`~workshop_archive.sources.LENIENT_UTF8` as ``bibtex_encoding`` when that is UTF-8.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Problem, warn
from .sources import LENIENT_UTF8, bad_byte, is_utf8, line_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: the start of an entry with a key: ``@article{lattner2021,``
_ENTRY = re.compile(r"^[ \t]*@[ \t]*(?P<type>\w+)[ \t]*[{(][ \t]*(?P<key>[^,\s{}()]+)[ \t]*,",
                    re.MULTILINE)
#: entry types without a key
_KEYLESS = frozenset({"string", "preamble", "comment"})
#: sphinxcontrib-bibtex's handlers of ``builder-inited`` run at the default priority, 500
_BEFORE_BIBTEX, _AFTER_BIBTEX = 450, 550


def check_bibfile(path: Path) -> None:
    """Warn about each fault of one BibTeX file, at its line."""
    from pybtex.database import BibliographyDataError
    from pybtex.database.input.bibtex import Parser
    from pybtex.errors import capture
    from pybtex.scanner import PybtexSyntaxError

    data = path.read_bytes()
    if found := bad_byte(data):
        line, byte = found
        warn(f"{byte} is not UTF-8 (read as '\ufffd'); write the character again and save the "
             "file as UTF-8", Problem.bad_text, f"{path}:{line}")
    text = data.decode("utf-8-sig", errors="replace")
    first_line: dict[str, int] = {}
    for match in _ENTRY.finditer(text):
        if match["type"].lower() in _KEYLESS:
            continue
        key, line = match["key"], line_of(text, match.start())
        if (first := first_line.setdefault(key.casefold(), line)) != line:
            warn(f"BibTeX key {key!r} is already used on line {first}; this entry is left out: "
                 "give it its own key, or delete it if it is the same work", Problem.duplicate,
                 f"{path}:{line}")
    with capture() as errors:
        Parser().parse_string(text)
    for error in errors:
        if isinstance(error, BibliographyDataError) and "repeated" in str(error):
            continue  # warned above, with both lines
        if isinstance(error, PybtexSyntaxError):
            message = Exception.__str__(error)
            warn(f"BibTeX syntax error: {message}; the entry is left out: write it as "
                 "@type{key, field = {value}, ...}", Problem.bad_value,
                 f"{path}:{error.lineno or 1}")
        else:
            quoted = re.search(r"'([^']+)'|\"([^\"]+)\"", str(error))
            fragment = next((g for g in (quoted.groups() if quoted else ()) if g), "")
            line = line_of(text, text.find(fragment)) if fragment in text and fragment else 1
            warn(f"BibTeX: {error}; write the field as BibTeX does, e.g. author = {{Lovelace, "
                 "Ada and Babbage, Charles}}", Problem.bad_value, f"{path}:{line}")


def bibfiles_of(app: Sphinx) -> list[Path]:
    return [Path(os.path.normpath(Path(app.srcdir, name)))
            for name in getattr(app.config, "bibtex_bibfiles", [])]


def check_bibfiles(app: Sphinx) -> None:
    """Warn about every fault of every file of ``bibtex_bibfiles``."""
    for path in bibfiles_of(app):
        if path.is_file():  # a missing file is sphinxcontrib-bibtex's own warning
            check_bibfile(path)


def read_bibfiles_leniently(app: Sphinx, config: Config) -> None:
    """``config-inited``: sphinxcontrib-bibtex reads UTF-8 files with :data:`LENIENT_UTF8`."""
    encoding = getattr(config, "bibtex_encoding", None)
    if encoding and is_utf8(encoding):
        config.bibtex_encoding = LENIENT_UTF8


def setup_bibfiles(app: Sphinx) -> None:
    """Check the files before sphinxcontrib-bibtex reads them, and capture pybtex's errors while
    it does (its handlers of ``builder-inited`` run between these two)."""
    captured = contextlib.ExitStack()

    def before_bibtex(app: Sphinx) -> None:
        if "sphinxcontrib.bibtex" in app.extensions:
            from pybtex.errors import capture

            check_bibfiles(app)
            captured.enter_context(capture())

    app.connect("config-inited", read_bibfiles_leniently)
    app.connect("builder-inited", before_bibtex, priority=_BEFORE_BIBTEX)
    app.connect("builder-inited", lambda app: captured.close(), priority=_AFTER_BIBTEX)
