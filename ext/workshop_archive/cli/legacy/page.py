"""Read one page of the old Jekyll site: its front matter and its HTML, as a tree with line numbers.

The HTML goes through Python's :mod:`html.parser` (a real parser, lenient as browsers are), never
regular expressions. Comments are kept as nodes of their own: what sits in ``<!-- -->`` was not
published, so the importer reports it and never imports it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

if TYPE_CHECKING:
    from collections.abc import Iterator

#: the old site's address: links to its files (PDFs, slides) are kept there
SITE = "https://mlforsystems.org/"


def absolute(url: str) -> str:
    """A link of the old site made absolute (``/assets/...`` -> ``https://mlforsystems.org/...``)."""
    return urljoin(SITE, url.strip()) if url.strip() else ""


#: elements that never have content or an end tag
VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
})
#: an open ``<p>`` or ``<li>`` ends when one of these starts (HTML's implied end tags)
CLOSES_P = frozenset({
    "p", "div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "details",
})


class PageError(Exception):
    """A page that cannot be read at all; the message names the file and line."""


@dataclass
class Element:
    """An HTML element, with the line (in the legacy file) where its start tag is."""

    tag: str
    attrs: dict[str, str]
    line: int
    children: list[Element | Text | Comment] = field(default_factory=list)
    parent: Element | None = None

    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def iter(self) -> Iterator[Element]:
        """This element and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str, class_: str = "") -> list[Element]:
        return [e for e in self.iter() if e.tag == tag and (not class_ or class_ in e.classes())
                and e is not self]

    def text(self) -> str:
        """The text a reader sees, with whitespace collapsed (``<br>`` is a space)."""
        parts: list[str] = []
        self._collect(parts)
        return " ".join("".join(parts).split())

    def _collect(self, parts: list[str]) -> None:
        for child in self.children:
            if isinstance(child, Text):
                parts.append(child.data)
            elif isinstance(child, Element):
                if child.tag == "br":
                    parts.append(" ")
                child._collect(parts)

    def comments(self) -> Iterator[Comment]:
        for child in self.children:
            if isinstance(child, Comment):
                yield child
            elif isinstance(child, Element):
                yield from child.comments()


@dataclass
class Text:
    data: str
    line: int


@dataclass
class Comment:
    """``<!-- ... -->``: not published, so never content."""

    data: str
    line: int


class _TreeBuilder(HTMLParser):
    """Builds :class:`Element` trees; stray end tags are ignored and open ones closed at the end,
    as a browser does, so a hand-written page with a missing ``</div>`` still reads."""

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.line_offset = first_line - 1
        self.root = Element("#document", {}, first_line)
        self.stack = [self.root]

    def _line(self) -> int:
        return self.getpos()[0] + self.line_offset

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in CLOSES_P or tag == "li":
            closes = {"p"} | ({"li"} if tag == "li" else set())
            for index in range(len(self.stack) - 1, 0, -1):
                if self.stack[index].tag in closes:
                    del self.stack[index:]
                    break
                if self.stack[index].tag not in {"b", "i", "a", "span", "font", "sup", "em"}:
                    break
        element = Element(tag, {k: v or "" for k, v in attrs}, self._line(), parent=self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self._line(), parent=self.stack[-1])
        self.stack[-1].children.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(Text(data, self._line()))

    def handle_comment(self, data: str) -> None:
        self.stack[-1].children.append(Comment(data, self._line()))


def parse_html(html: str, first_line: int = 1) -> Element:
    """The element tree of ``html``, whose first line is line ``first_line`` of its file."""
    builder = _TreeBuilder(first_line)
    builder.feed(html)
    builder.close()
    return builder.root


@dataclass
class LegacyPage:
    """One legacy page: where it is, its front matter and its HTML tree."""

    path: Path
    #: the path shown in messages, relative to the legacy site (``neurips2023/schedule.md``)
    name: str
    front: dict[str, str]
    #: line of each front matter key
    front_lines: dict[str, int]
    #: front matter lines that are commented out (``# workshop_name: ...``), with their line
    front_comments: list[tuple[int, str]]
    tree: Element

    def where(self, line: int) -> str:
        return f"{self.name}:{line}"


def read_page(path: Path, name: str) -> LegacyPage:
    """Read a legacy page.

    :raise PageError: when the file cannot be read, is not UTF-8, or its front matter is not
        closed; the message names the file and line and says what is wrong.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PageError(f"{name}: cannot read the file: {error.strerror}") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise PageError(f"{name}:{line}: the file is not UTF-8 (byte {raw[error.start]:#04x} at "
                        f"offset {error.start}); save it as UTF-8 and run again") from error
    if "\x00" in text:
        raise PageError(f"{name}: the file holds NUL bytes: it is not a text page")
    lines = text.splitlines(keepends=True)
    front: dict[str, str] = {}
    front_lines: dict[str, int] = {}
    front_comments: list[tuple[int, str]] = []
    body_start = 0
    if lines and lines[0].strip() == "---":
        end = next((n for n in range(1, len(lines)) if lines[n].strip() == "---"), None)
        if end is None:
            raise PageError(f"{name}:1: the front matter opened by '---' is never closed; add a "
                            "'---' line after its last 'key: value' line")
        for number in range(1, end):
            line = lines[number].strip()
            if not line:
                continue
            if line.startswith("#"):
                front_comments.append((number + 1, line.lstrip("# ")))
                continue
            key, colon, value = line.partition(":")
            if not colon:
                raise PageError(f"{name}:{number + 1}: front matter line {line!r} is not "
                                "'key: value'")
            front[key.strip()] = value.strip().strip("'\"")
            front_lines[key.strip()] = number + 1
        body_start = end + 1
    tree = parse_html("".join(lines[body_start:]), body_start + 1)
    return LegacyPage(path, name, front, front_lines, front_comments, tree)


def anchor_target(href: str, page: LegacyPage) -> str:
    """Where a link inside the edition leads, as ``<edition>/<page>.md#<id>``: ``#x`` on the
    same page, ``index.html#x`` or ``/neurips2025/index.html#x`` on another; '' when the link
    leaves the edition or has no fragment."""
    parts = urlsplit(href.strip())
    if parts.scheme or parts.netloc or not parts.fragment:
        return ""
    directory, _, own = page.name.rpartition("/")
    path = parts.path
    if path.startswith("/"):
        folder, _, path = path.lstrip("/").rpartition("/")
        if folder != directory:
            return ""
    name = path.rpartition("/")[2]
    stem = (name.removesuffix(".html") or "index") if path else own.removesuffix(".md")
    return f"{directory}/{stem}.md#{parts.fragment}"
