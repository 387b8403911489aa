"""Checks on a page's text before it is parsed: what no directive could see or recover from.

Read phase, ``source-read``. Each fault is one located warning, and the page is still read:

- a byte that is not UTF-8 is read as U+FFFD (Sphinx would stop the build with an error naming
  no file): the pages are read with :data:`LENIENT_UTF8`, UTF-8 that replaces what it cannot read;
- a control character (NUL and the like, which no HTML or XML output may hold) is left out;
- a tab after an option name (``:role:<TAB>keynote``), which MyST reads as a broken option block
  and so drops every option of the directive, is read as a space;
- an empty page gets its file name as title, instead of Sphinx's warnings at every toctree that
  lists it;
- an edition page without a title gets one (its host conference, else its id), instead of
  Sphinx's warnings at the toctrees that list it (:class:`TitleForUntitledPage`);
- HTML written in an edition page outside the directives (a title such as
  ``# <script>...</script>``) is shown as text, as in the directives' bodies
  (:class:`RawHtmlAsText`, a transform).

A page that warned is read again by the next build (``env.note_reread``), so that a build after
a failed one fails again until the page is fixed.
"""

from __future__ import annotations

import codecs
import re
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms import SphinxTransform

from .diagnostics import Problem, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: the codec pages are read with when the project's ``source_encoding`` is UTF-8
LENIENT_UTF8 = "workshop_archive_utf_8"
#: characters no page may hold: C0 controls but tab, newline and carriage return; DEL
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: an option name followed by a tab, at the start of a line
_TAB_AFTER_OPTION = re.compile(r"^(?P<name>[ \t]*:[A-Za-z][\w.-]*:)\t[ \t]*", re.MULTILINE)


def _find_lenient(name: str) -> codecs.CodecInfo | None:
    if name != LENIENT_UTF8:
        return None
    utf8 = codecs.lookup("utf-8-sig")
    return codecs.CodecInfo(
        name=LENIENT_UTF8,
        encode=utf8.encode,
        decode=lambda data, errors="strict": utf8.decode(data, "replace"),
        incrementalencoder=utf8.incrementalencoder,
        incrementaldecoder=lambda errors="strict": utf8.incrementaldecoder("replace"),
        streamreader=utf8.streamreader,
        streamwriter=utf8.streamwriter,
    )


codecs.register(_find_lenient)


def is_utf8(encoding: str) -> bool:
    """True for the encodings :data:`LENIENT_UTF8` may stand in for."""
    return codecs.lookup(encoding).name in {"utf-8", "utf-8-sig"}


def read_leniently(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: read UTF-8 pages with :data:`LENIENT_UTF8` (a byte that is not
    UTF-8 is warned about in :func:`check_source`)."""
    if is_utf8(env.settings["input_encoding"]):
        env.settings["input_encoding"] = LENIENT_UTF8


def bad_byte(data: bytes) -> tuple[int, str] | None:
    """The line (from 1) and a description of the first byte that is not UTF-8, or None."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return line, f"byte 0x{data[error.start]:02x}"
    return None


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def check_source(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: warn about, and mend, what would stop the build or lose the page."""
    env = app.env
    text = source[0]
    warned = bool(_check(env, docname, text))
    text = CONTROL.sub("", text)
    text = _TAB_AFTER_OPTION.sub(r"\g<name> ", text)
    if not text.strip():
        title = docname.rpartition("/")[2]
        warn(f"the page is empty; write a title ('# {title}') and its content, or delete the "
             "file", Problem.missing_field, (docname, 1))
        warned = True
        text = f"# {title}\n"
    if warned:
        env.note_reread()
    source[0] = text


def _check(env: BuildEnvironment, docname: str, text: str) -> list[int]:
    """Warn about each fault of the text; the lines warned at."""
    lines = []
    if "\ufffd" in text and env.settings["input_encoding"] == LENIENT_UTF8:
        found = bad_byte(env.doc2path(docname).read_bytes())
        if found:
            line, byte = found
            warn(f"{byte} is not UTF-8 (shown as '\ufffd'); write the character again and "
                 "save the file as UTF-8",
                 Problem.bad_text, (docname, line))
            lines.append(line)
    for match in CONTROL.finditer(text):
        line = line_of(text, match.start())
        if line in lines:
            continue
        warn(f"control character U+{ord(match[0]):04X} is not text and is left out; delete it "
             "(keep the text around it)",
             Problem.bad_text, (docname, line))
        lines.append(line)
    for match in _TAB_AFTER_OPTION.finditer(text):
        line = line_of(text, match.start())
        warn(f"a tab follows {match['name'].strip()}, which makes every option of the directive "
             "unreadable; it is read as a space: write a space", Problem.bad_value,
             (docname, line))
        lines.append(line)
    return lines


class RawHtmlAsText(SphinxTransform):
    """Raw HTML in a page that declares an edition becomes literal text, one warning a line.
    Runs before ``doctree-read``, so the page's title (shown in toctrees, indexes and search)
    is text too."""

    #: before doctree-read (DoctreeReadEvent, 880), which records the title
    default_priority = 870

    def apply(self, **kwargs: object) -> None:
        if not self.env.get_domain("ws").data["editions"].get(self.env.docname):
            return
        by_line: dict[int, list[nodes.raw]] = {}
        for raw in self.document.findall(nodes.raw):
            if "html" in raw.get("format", "").split():
                by_line.setdefault(raw.line or 1, []).append(raw)
        for line, raws in by_line.items():
            shown = " ".join(raw.astext().strip() for raw in raws)
            warn(f"HTML in the page is shown as text, not run ({shown[:40]!r}); write Markdown "
                 "instead", Problem.markup, (self.env.docname, line))
            for raw in raws:
                raw.replace_self(nodes.literal(raw.astext(), raw.astext()))
        if by_line:
            self.env.note_reread()


class TitleForUntitledPage(SphinxTransform):
    """An edition page without a heading is warned about at its first line and titled with its
    host conference (else its id): Sphinx would warn at every toctree that lists it instead."""

    #: before doctree-read (DoctreeReadEvent, 880), which records the title
    default_priority = 870

    def apply(self, **kwargs: object) -> None:
        editions = self.env.get_domain("ws").data["editions"].get(self.env.docname)
        if not editions or self.document.next_node(nodes.section) is not None:
            return
        title = editions[0].conference or editions[0].id
        warn(f"the page has no title; write one on its first line, e.g. '# {title}'",
             Problem.missing_field, (self.env.docname, 1))
        self.env.note_reread()
        section = nodes.section("", nodes.title(title, title), ids=[nodes.make_id(title)],
                                names=[nodes.fully_normalize_name(title)])
        section.extend(self.document.children)
        self.document.children = []
        self.document += section


def setup_sources(app: Sphinx) -> None:
    app.connect("env-before-read-docs", read_leniently)
    app.connect("source-read", check_source)
    app.add_transform(RawHtmlAsText)
    app.add_transform(TitleForUntitledPage)
