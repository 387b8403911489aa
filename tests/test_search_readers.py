"""Search serves readers: the maintainer guide's pages come after the archive's own, and a
declared misspelling of a name finds that person first. Offline, in Chromium."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from test_search_browser import search

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_a_reader_searching_compiler_sees_the_archive_before_the_maintainer_guide(visitors):
    results, outside = search(visitors["desktop", "light"], "compiler")
    pages = [urlsplit(href).path for _, href in results]
    assert pages, "no result"
    guide = [index for index, page in enumerate(pages) if page.startswith("maintainer/")]
    archive = [index for index, page in enumerate(pages) if not page.startswith("maintainer/")]
    assert archive and (not guide or max(archive) < min(guide)), pages
    assert outside == []


def test_a_declared_misspelling_finds_the_person_first(visitors):
    results, outside = search(visitors["phone", "light"], "Jacques")
    text, href = results[0]
    assert href == "people.html#people-natasha-jaques", results[:3]
    assert "Natasha Jaques" in text
    assert outside == []
