"""Scale: a synthetic archive of 30 editions (tests/support/synthetic_archive.py) builds without a
warning, and its People page lists every generated person exactly once. Build times are not
asserted here; benchmarks/build_scale.py prints them.
"""

from __future__ import annotations

from collections import Counter

import pytest
from bs4 import BeautifulSoup

from conftest import warnings_of
from support.synthetic_archive import write_archive

EDITIONS = 30


@pytest.mark.slow
def test_thirty_generated_editions_build_cleanly(make_app, tmp_path):
    archive = write_archive(tmp_path / "archive", EDITIONS)
    # nitpicky, as `make html` builds (-n)
    app = make_app("html", srcdir=archive.srcdir, confoverrides={"nitpicky": True})
    app.build()
    assert warnings_of(app) == []
    assert sorted(app.env.found_docs) == sorted(archive.pages)
    assert len(archive.pages) == EDITIONS + 4
    for page in archive.pages:
        assert (app.outdir / f"{page}.html").is_file()

    def main(page: str) -> BeautifulSoup:
        soup = BeautifulSoup((app.outdir / f"{page}.html").read_text(), "html.parser")
        return soup.select_one("main") or soup.select_one("[role=main]")

    people = Counter(entry["id"] for entry in main("people").select(".ws-person"))
    assert people == Counter(f"people-{person}" for person in archive.people)
    # a misspelt name on a page is joined to its person, who keeps the right name
    assert archive.misspelt
    for person in (archive.people[person_id] for person_id in archive.misspelt):
        entry = main("people").select_one(f"#people-{person.id}")
        assert entry.h3.get_text(strip=True) == person.name
        assert entry.select_one(".ws-aliases").get_text() == f"Also written {person.alias}"
    assert len(main("talks").select("ul.ws-talks > li")) == 5 * EDITIONS
    assert len(main("index").select(".ws-edition-card")) == EDITIONS
