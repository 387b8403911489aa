"""Property: whatever an edition page, the people file and references.bib hold, the build ends,
every warning names its file and line, and no field reaches the HTML as live markup.

Hypothesis writes pages, people files and BibTeX files from the directives' own shapes, with
hostile values in every field (markup, script links, control characters, names in other scripts,
fence and role syntax), then mutates their bytes (a byte that is not UTF-8, a NUL, a tab, a line
cut, doubled or dropped). Each example is one Sphinx build, so the examples are few and fixed
(``derandomize``) for CI; a failure prints the files that caused it.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from conftest import warnings_of

CONF = """\
extensions = ["myst_parser", "sphinxcontrib.bibtex", "workshop_archive"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
ws_people_file = "people.toml"
nitpicky = True
"""
INDEX = """\
# Archive

:::{edition-index}
:::

:::{people-index}
:::

```{toctree}
:glob:

editions/*
```
"""
#: values a maintainer (or an attacker) might put in any field
HOSTILE = (
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>bold</b>",
    "[x](javascript:alert(1))", "<javascript:alert(1)>", "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "[ref]: javascript:alert(1)",
    "张伟", "章伟", "محمد علي", "Łukasz Ødegaard", "😀", "O'Brien", '"quoted"', "a\\b",
    "\x00", "\t", "\x1b[31m", "\u202e", ":::", "::::{note}", "```", "{ws:talk}`nobody`",
    "{ws:edition}`nowhere`", "{cite:p}`missing`", "&amp;", "%", "# heading", "- item", "",
    "https://example.org/ada", "mailto:team@example.org", "9:00 AM", "25:00", "2030-12-14",
    "2030-02-30", "Europe/Lisbon", "Lisbon",
)
field = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.text(st.characters(codec="utf-8"), max_size=8)),
    max_size=3,
).map(lambda parts: " ".join(parts).replace("\n", " "))
name = st.one_of(st.sampled_from(("Ada Lovelace", "Ada Lovlace", "张伟", "محمد علي", "😀", "")),
                 field)
EDITION_OPTIONS = ("conference", "date", "end-date", "hours", "venue", "city", "timezone",
                   "contact", "website")
SPEAKER_OPTIONS = ("id", "affiliation", "role", "topic", "label", "talk", "photo", "homepage",
                   "twitter")


@st.composite
def edition_page(draw) -> str:
    lines = [f"# {draw(field) or 'Edition'}", "", f":::{{edition}} {draw(field)}"]
    options = draw(st.lists(st.sampled_from(EDITION_OPTIONS), max_size=5, unique=True))
    lines += [f":{option}: {draw(field)}" for option in options]
    lines += [":::", ""]
    for _ in range(draw(st.integers(0, 2))):
        lines.append(f":::{{speaker}} {draw(name)}")
        options = draw(st.lists(st.sampled_from(SPEAKER_OPTIONS), max_size=4, unique=True))
        lines += [f":{option}: {draw(field)}" for option in options]
        lines += ["", draw(field), ":::", ""]
    lines.append(f":::{{committee}} {draw(field)}")
    lines += [f"- {draw(name)}, {draw(field)}" for _ in range(draw(st.integers(0, 3)))]
    lines += [draw(field), ":::", "", ":::{schedule}"]
    lines += [f"- {draw(field)} {draw(field)}" for _ in range(draw(st.integers(0, 3)))]
    lines += [":::", ""]
    return "\n".join(lines)


@st.composite
def people_file(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.sampled_from(("ada-lovelace", "zhang-wei", "Ada Lovelace", "", "x")))
        parts.append(f'[{key}]\nname = "{draw(field)}"\naliases = ["{draw(field)}"]\n'
                     f'distinct = ["{draw(field)}"]\n')
    return "\n".join(parts)


@st.composite
def bib_file(draw) -> str:
    entries = []
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.sampled_from(("lovelace1843", "lovelace1843", "babbage", "k")))
        entries.append(f"@misc{{{key},\n  title = {{{draw(field)}}},\n  author = {{{draw(field)}}},"
                       f"\n  year = {{{draw(field)}}}\n}}\n")
    return "\n".join(entries)


@st.composite
def mutated(draw, text: st.SearchStrategy[str]) -> bytes:
    """The text as UTF-8, then up to three mutations of its bytes or lines."""
    data = draw(text).encode("utf-8")
    for _ in range(draw(st.integers(0, 3))):
        lines = data.split(b"\n")
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        kind = draw(st.sampled_from(("insert", "drop", "double", "cut")))
        if kind == "insert":
            lines[at] += draw(st.sampled_from((b"\xff", b"\xe9", b"\x00", b"\t", b"}", b"{",
                                               b"@", b'"', b"[", b":::", b"\r")))
        elif kind == "drop":
            del lines[at]
        elif kind == "double":
            lines.insert(at, lines[at])
        else:
            lines[at] = lines[at][: len(lines[at]) // 2]
        data = b"\n".join(lines)
    return data


_LOCATED = re.compile(r"^(?P<file>/\S.*?):(?P<line>\d+): (WARNING|ERROR|CRITICAL): ")


def build(page: bytes, people: bytes, bib: bytes) -> tuple[list[str], str, Path]:
    srcdir = Path(tempfile.mkdtemp(prefix="ws-property-"))
    (srcdir / "conf.py").write_text(CONF)
    (srcdir / "index.md").write_text(INDEX)
    (srcdir / "editions").mkdir()
    (srcdir / "editions" / "generated.md").write_bytes(page)
    (srcdir / "people.toml").write_bytes(people)
    (srcdir / "refs.bib").write_bytes(bib)
    app = SphinxTestApp("html", srcdir=srcdir)
    try:
        app.build()
    finally:
        app.cleanup()
    return warnings_of(app), app.status.getvalue(), Path(app.outdir)


# No shrinking: each example is a build, and shrinking one could take minutes; the failing
# example is printed as found.
@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(page=mutated(edition_page()), people=mutated(people_file()), bib=mutated(bib_file()))
def test_any_input_builds_with_located_warnings_and_no_live_markup(page, people, bib):
    warnings, status, outdir = build(page, people, bib)
    assert "Traceback" not in status + "\n".join(warnings)
    for warning in warnings:
        assert _LOCATED.match(warning), warning
    for written in ("index.html", "editions/generated.html"):
        soup = BeautifulSoup((outdir / written).read_text(encoding="utf-8"), "html.parser")
        body = soup.select_one("div.body") or soup
        assert not [s for s in body.find_all("script") if "alert" in s.get_text()]
        assert not [tag for tag in body.find_all(True)
                    if any(attribute.startswith("on") for attribute in tag.attrs)]
        assert not [a for a in soup.find_all(href=True)
                    if a["href"].strip().lower().startswith(("javascript:", "data:"))]
