"""Fixtures of the browser and site-quality tests, loaded by tests/conftest.py as a pytest plugin.

The real site is built once per session (``built_site`` in tests/conftest.py), served from a
threaded http.server on 127.0.0.1 inside the test process, and visited by Debian's Chromium through
the ``playwright`` package. Any request that would leave the machine is aborted and recorded, so a
test can assert that a page loads with none. The tools that run in or beside the browser (axe-core,
the Nu HTML validator) are npm packages installed into tests/browser/node_modules by ``npm ci``.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

BROWSER_DIR = Path(__file__).parent
NODE_MODULES = BROWSER_DIR / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = Path("/usr/bin/chromium")
# Flags that keep Chromium from phoning home on its own (updates, sync, field trials), so the only
# traffic is what the page asks for.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
THEMES = ("light", "dark")
SCREENSHOTS = Path(__file__).parents[2] / "_build" / "screenshots"


def require(available: bool, what: str) -> None:
    """Skip a test whose tool is missing on a developer's machine; in CI fail it, never skip."""
    if available:
        return
    message = (f"{what} is missing (`.ci/run` installs it; "
               "`make test` runs `npm ci --prefix tests/browser`)")
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class QualityCounts:
    """What the site-quality tests covered, printed at the end of the run."""

    pages_scanned: set[str] = field(default_factory=set)
    axe_rules: set[str] = field(default_factory=set)
    axe_runs: int = 0
    links_checked: int = 0
    pages_validated: int = 0

    def lines(self) -> list[str]:
        lines = []
        if self.pages_scanned:
            lines.append(f"browser: {len(self.pages_scanned)} pages scanned, "
                         f"{len(self.axe_rules)} axe rules run ({self.axe_runs} page scans)")
        if self.pages_validated:
            lines.append(f"nu validator: {self.pages_validated} pages validated")
        if self.links_checked:
            lines.append(f"link crawl: {self.links_checked} links checked")
        return lines


_COUNTS = pytest.StashKey[QualityCounts]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_COUNTS] = QualityCounts()


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    lines = config.stash[_COUNTS].lines()
    if lines:
        terminalreporter.section("site quality coverage")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def quality_counts(pytestconfig: pytest.Config) -> QualityCounts:
    return pytestconfig.stash[_COUNTS]


@pytest.fixture(scope="session")
def site_html(built_site) -> Path:
    """The HTML output of the real site; the build itself must have passed with -W."""
    assert built_site.process.returncode == 0, built_site.process.stderr
    return built_site.html


def built_pages(html: Path) -> list[str]:
    """Every page of a build, relative to its root, leaving out the theme's files in _static/
    and the pages at the old site's addresses, which only lead on (tests/test_old_urls.py)."""
    return sorted(
        page.relative_to(html).as_posix() for page in html.rglob("*.html")
        if "_static" not in page.relative_to(html).parts
        and 'http-equiv="refresh"' not in page.read_text(encoding="utf-8")[:1000]
    )


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:
        """Keep the test output clean; failures are asserted on, not logged."""


@dataclass(frozen=True)
class LocalSite:
    """The built site served on 127.0.0.1: its files, its base URL and its pages."""

    root: Path
    base_url: str
    pages: list[str]

    def url(self, page: str) -> str:
        return f"{self.base_url}/{page}"


@pytest.fixture(scope="session")
def local_site(site_html: Path) -> Iterator[LocalSite]:
    handler = functools.partial(_QuietHandler, directory=str(site_html))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalSite(site_html, f"http://127.0.0.1:{server.server_port}", built_pages(site_html))
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, headless, driven by Playwright (never a browser Playwright downloads)."""
    require(CHROMIUM.exists(), f"Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    require(AXE_SCRIPT.exists(), "axe-core")
    return AXE_SCRIPT


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    require(VNU_JAR.exists(), "vnu-jar")
    require(shutil.which("java") is not None, "java")
    return VNU_JAR


@dataclass
class PageLoad:
    """What one page load asked of the network."""

    outside_requests: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)
    #: every URL of the local site the page asked for, in order
    site_requests: list[str] = field(default_factory=list)


class Visitor:
    """A browser context of one viewport and one colour theme, confined to the local site.

    Pydata-sphinx-theme picks its theme from localStorage ('mode', 'theme') before the first paint,
    so the theme is stored by an init script that runs before any page script.
    """

    def __init__(self, browser, site: LocalSite, viewport: dict[str, int], theme: str,
                 media: str = "screen") -> None:
        self.site = site
        self.theme = theme
        self.context = browser.new_context(
            viewport=viewport, color_scheme=theme, reduced_motion="reduce",
            device_scale_factor=1, service_workers="block",
        )
        self.context.add_init_script(
            f"localStorage.setItem('mode', '{theme}'); localStorage.setItem('theme', '{theme}');")
        self.media = media
        self.load: PageLoad = PageLoad()
        self.context.route("**/*", self._confine)

    def _confine(self, route) -> None:
        """Let requests to our server through; abort and record every other one."""
        if route.request.url.startswith(self.site.base_url + "/"):
            self.load.site_requests.append(route.request.url)
            route.continue_()
        else:
            self.load.outside_requests.append(route.request.url)
            route.abort("blockedbyclient")

    def _record_failure(self, response) -> None:
        if response.status >= 400:
            self.load.failed_responses.append(f"{response.status} {response.url}")

    @contextmanager
    def open(self, page_path: str) -> Iterator[tuple[object, PageLoad]]:
        """Load a page until the network is idle; yield it with what its load asked for."""
        self.load = PageLoad()
        page = self.context.new_page()
        page.emulate_media(media=self.media)
        page.on("response", self._record_failure)
        try:
            page.goto(self.site.url(page_path), wait_until="networkidle")
            yield page, self.load
        finally:
            page.close()

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="session")
def visitors(chromium, local_site) -> Iterator[dict[tuple[str, str], Visitor]]:
    """One visitor per (device, theme): ("phone"|"desktop", "light"|"dark")."""
    made = {
        (device, theme): Visitor(chromium, local_site, viewport, theme)
        for device, viewport in (("phone", PHONE), ("desktop", DESKTOP)) for theme in THEMES
    }
    yield made
    for visitor in made.values():
        visitor.close()


def path_of(url: str) -> str:
    """The path part of a URL, without its leading slash."""
    return urlsplit(url).path.lstrip("/")
