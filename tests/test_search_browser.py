"""The built-in search, used as a reader uses it: type a query on the search page, read the results.

Runs offline in headless Chromium against the real site (tests/browser/fixtures.py).
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from test_page_weight import gzipped_size

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Sphinx's searchtools.js writes this line when it has ranked every result.
FINISHED = ("document.querySelector('#search-results .search-summary')"
            "?.textContent.includes('found')")

# benchmarks/bench.py's budget (SEARCH_MAX_KB) for the search page with a query's results
SEARCH_MAX_BYTES = 150 * 1024


def search(visitor, query: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Type ``query`` into the search page's own box and press Enter.

    Returns the results as (text, href) pairs and the requests that tried to leave the machine.
    """
    with visitor.open("search.html") as (page, load):
        box = page.locator("#main-content input[name=q]")
        box.fill(query)
        box.press("Enter")
        page.wait_for_function(FINISHED)
        results = page.locator("#search-results ul.search > li > a")
        found = [(link.inner_text().strip(), link.get_attribute("href"))
                 for link in results.all()]
    return found, load.outside_requests


def test_searching_a_name_finds_the_edition_and_the_person(visitors):
    results, outside = search(visitors["desktop", "light"], "Lattner")
    pages = {urlsplit(href).path for _, href in results}
    assert "editions/neurips2023.html" in pages
    assert ("Chris Lattner", "people.html") in {
        (text, urlsplit(href).path) for text, href in results}
    assert outside == []


def test_searching_words_of_a_title_finds_the_talk(visitors):
    results, outside = search(visitors["phone", "dark"], "large language models chip design")
    talks = [text for text, href in results if href.startswith("editions/neurips2023.html#")]
    assert talks == ["William Dally: Adapting Large Language Models for Chip Design at NVIDIA"]
    assert outside == []


def test_every_search_result_lands_on_its_entry(visitors, local_site):
    """Each result of a name search links to an id that exists on its page."""
    results, _ = search(visitors["desktop", "light"], "Lattner")
    missing = []
    for _, href in results:
        parts = urlsplit(href)
        if not parts.fragment:
            continue
        soup = BeautifulSoup((local_site.root / parts.path).read_text(encoding="utf-8"),
                             "html.parser")
        if soup.find(id=unquote(parts.fragment)) is None:
            missing.append(href)
    assert missing == []


def test_the_search_page_with_its_results_stays_within_its_budget(visitors, local_site):
    """The query make bench measures: every file the page fetched until its results were
    listed, each gzip-compressed as a static host sends it, within the search budget; no
    result's page is fetched (Sphinx's summaries would fetch each one, 426 KB in all)."""
    with visitors["phone", "light"].open("search.html?q=learned+index") as (page, load):
        page.wait_for_function(FINISHED)
        page.wait_for_load_state("networkidle")
        shown = page.locator("#search-results ul.search > li").count()
        fetched = [unquote(urlsplit(url).path).lstrip("/") for url in load.site_requests]
    assert shown >= 10
    assert [path for path in fetched if path.endswith(".html")] == ["search.html"], fetched
    weight = sum(gzipped_size(local_site.root / path) for path in fetched)
    assert weight <= SEARCH_MAX_BYTES, (weight, fetched)
    assert load.outside_requests == []


def result_lines(visitor, query: str) -> list[str]:
    """The results of ``search.html?q=<query>`` as a reader reads them, one line each."""
    with visitor.open(f"search.html?q={query}") as (page, _):
        page.wait_for_function(FINISHED)
        return [item.inner_text() for item in page.locator("#search-results li").all()]


def test_a_result_says_what_it_is_and_where(visitors):
    """Without page summaries, a paper, talk or person result says its kind and its page."""
    papers = result_lines(visitors["desktop", "light"], "learned+index")
    assert "SOSD: A Benchmark for Learned Indexes (paper, in ML for Systems at NeurIPS 2019)" \
        in papers, papers
    people = result_lines(visitors["phone", "dark"], "Lattner")
    assert "Chris Lattner (person, in People)" in people, people
    assert any(line.startswith("Chris Lattner: ") and line.endswith(
        " (talk, in ML for Systems at NeurIPS 2023)") for line in people), people


#: the layout shifts of the page so far (Chromium's Layout Instability API): value, what moved
LAYOUT_SHIFTS = """() => new Promise(done => {
  const shifts = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      const moved = entry.sources.map(source => source.node && source.node.nodeName);
      shifts.push([entry.value, moved.join(" ")]);
    }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(shifts), 500);
})"""


def test_results_arriving_move_nothing_on_a_phone(visitors):
    """The results' area and their summary line keep their space from the start
    (ext/archive_site/static/search.css): as the results arrive one by one and the summary is
    written above them, neither they nor the footer move where the reader sees them. Without
    it, these shifts came to 0.07, a Lighthouse performance point on phones."""
    with visitors["phone", "light"].open("search.html?q=learned+index") as (page, _):
        page.wait_for_function(FINISHED)
        shifts = page.evaluate(LAYOUT_SHIFTS)
    assert sum(value for value, _ in shifts) < 0.01, shifts
