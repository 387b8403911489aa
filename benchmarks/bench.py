"""Speed of the archive for readers and for maintainers: `make bench` runs it.

Reader side: builds the site, serves it on 127.0.0.1 compressed with gzip as a static host
serves it, and runs Lighthouse (npm ``lighthouse`` driving Debian's Chromium) on one page of each
kind with the mobile and desktop presets, several times. It prints one row per page kind with the
medians: requests, kilobytes transferred and the four category scores; then checks the budgets.

Build side: the extension's overhead against the same pages written in plain sphinx-design markup
(one build each, as a ratio), and the full and one-edition incremental build times of the site
(the rebuild as the median of several edits), checked against their budgets.

Exit status 1 when a budget is missed. Figures depend on the machine: compare runs on one machine.
"""
# ruff: noqa: T201 -- printing the figures is this script's job

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from support.builds import copy_site

PROJECT = Path(__file__).resolve().parent.parent
BENCHMARKS = PROJECT / "benchmarks"
LIGHTHOUSE = BENCHMARKS / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")

#: page kind -> the page's path in the built site (search runs a query, as a reader would)
PAGES = {
    "home": "index.html",
    "edition": "editions/neurips2024.html",
    "people": "people.html",
    "talks": "talks.html",
    "papers": "papers.html",
    "search": "search.html?q=learned+index",
}

# The budgets readers are promised: every reader page within 100 KB and 10 requests, the search
# page (with its query's results) within 150 KB; mobile performance 98 or more and full scores in
# the other categories on the pages below. tests/test_page_weight.py keeps the edition pages'
# bytes and requests without a browser.
PAGE_MAX_KB = 100
SEARCH_MAX_KB = 150
PAGE_MAX_REQUESTS = 10
MOBILE_MIN_PERFORMANCE = 98
FULL_SCORE_PAGES = ("home", "edition", "people", "papers", "search")
# The budgets maintainers are promised, in seconds of wall time.
FULL_BUILD_MAX_S = 10.0
REBUILD_MAX_S = 1.5

#: what a static host (GitHub Pages, Read the Docs) sends compressed
COMPRESSIBLE = {".html", ".css", ".js", ".svg", ".json", ".txt", ".xml", ".inv", ".map"}
SOURCE_DATE_EPOCH = "1700000000"


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed for clients that accept it, with a static host's caching."""

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path /= "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if path.suffix not in COMPRESSIBLE or not accepts_gzip or not path.is_file():
            return super().send_head()
        # mtime=0 keeps the compressed bytes, and so the measured sizes, the same on every run.
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _BytesReader(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the benchmark's output to its table."""


class _BytesReader:
    """The file-like object ``SimpleHTTPRequestHandler.copyfile`` reads a response body from."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        chunk, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return chunk

    def close(self) -> None:
        self.data = b""


@contextlib.contextmanager
def serve(root: Path):
    """Serve ``root`` on a free port of 127.0.0.1 until the block ends; yields the base URL."""

    def handler(*args, **kwargs):
        return GzipHandler(*args, directory=str(root), **kwargs)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True)
class Audit:
    """One Lighthouse run on one page with one preset."""

    requests: int
    kilobytes: float
    scores: dict[str, int]


def ensure_tools() -> None:
    """Install Lighthouse from the lock file when missing; Chromium comes from apt."""
    if not CHROMIUM.exists():
        sys.exit("benchmark: Debian's chromium is missing; run `apt-get install -y chromium`")
    if not LIGHTHOUSE.exists():
        subprocess.run(["npm", "ci", "--prefix", str(BENCHMARKS), "--no-audit", "--no-fund"],
                       check=True)


def lighthouse(url: str, preset: str) -> Audit:
    command = ["node", str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    if preset == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(command, capture_output=True, text=True, check=True,
                            env={**os.environ, "CHROME_PATH": str(CHROMIUM)})
    report = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse failed on {url}: {report['runtimeError']}")
    audits = report["audits"]
    return Audit(
        # data: URIs (the initials avatars) are listed too, but cost no request.
        requests=sum(not item["url"].startswith("data:")
                     for item in audits["network-requests"]["details"]["items"]),
        kilobytes=audits["total-byte-weight"]["numericValue"] / 1024,
        scores={name: round(100 * (report["categories"][name]["score"] or 0))
                for name in CATEGORIES},
    )


def median_audit(audits: list[Audit]) -> Audit:
    return Audit(
        requests=round(statistics.median(a.requests for a in audits)),
        kilobytes=statistics.median(a.kilobytes for a in audits),
        scores={name: round(statistics.median(a.scores[name] for a in audits))
                for name in CATEGORIES},
    )


def reader_side(html: Path, runs: int) -> list[str]:
    """Print the Lighthouse table; return the budgets missed."""
    ensure_tools()
    results: dict[tuple[str, str], list[Audit]] = {}
    with serve(html) as base:
        for run in range(runs):
            for kind, path in PAGES.items():
                for preset in ("mobile", "desktop"):
                    audit = lighthouse(base + path, preset)
                    results.setdefault((kind, preset), []).append(audit)
                    print(f"  run {run + 1}/{runs} {kind:8} {preset:7} perf "
                          f"{audit.scores['performance']:3}  {audit.requests} requests "
                          f"{audit.kilobytes:.1f} KB", file=sys.stderr, flush=True)
    print(f"\nLighthouse {lighthouse_version()}, Chromium behind a gzip server on 127.0.0.1, "
          f"median of {runs} run(s); scores mobile / desktop\n")
    print("| page | requests | KB transferred | performance | accessibility | best practices "
          "| SEO |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    missed = []
    for kind in PAGES:
        mobile = median_audit(results[(kind, "mobile")])
        desktop = median_audit(results[(kind, "desktop")])
        cells = [f"{mobile.scores[n]} / {desktop.scores[n]}" for n in CATEGORIES]
        print(f"| {kind} | {mobile.requests} | {mobile.kilobytes:.1f} | {' | '.join(cells)} |")
        missed += missed_budgets(kind, mobile, desktop)
    return missed


def missed_budgets(kind: str, mobile: Audit, desktop: Audit) -> list[str]:
    missed = []
    max_kb = SEARCH_MAX_KB if kind == "search" else PAGE_MAX_KB
    if mobile.kilobytes > max_kb:
        missed.append(f"{kind}: {mobile.kilobytes:.1f} KB > {max_kb} KB")
    if kind != "search" and mobile.requests > PAGE_MAX_REQUESTS:
        missed.append(f"{kind}: {mobile.requests} requests > {PAGE_MAX_REQUESTS}")
    if kind in FULL_SCORE_PAGES:
        if mobile.scores["performance"] < MOBILE_MIN_PERFORMANCE:
            missed.append(f"{kind}: mobile performance {mobile.scores['performance']} "
                          f"< {MOBILE_MIN_PERFORMANCE}")
        for name in CATEGORIES[1:]:
            for preset, audit in (("mobile", mobile), ("desktop", desktop)):
                if audit.scores[name] < 100:
                    missed.append(f"{kind}: {preset} {name} {audit.scores[name]} < 100")
    return missed


def lighthouse_version() -> str:
    package = json.loads((LIGHTHOUSE.parent.parent / "package.json").read_text())
    return package["version"]


def sphinx_build(source: Path, outdir: Path, *extra: str) -> float:
    """Seconds one ``sphinx-build -b html`` takes (warnings are errors, as in `make html`)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-b", "html",
                    *extra, str(source), str(outdir)], check=True,
                   env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    return time.perf_counter() - start


def site_build_times(workdir: Path, edits: int) -> tuple[Path, float, list[float]]:
    """Build a copy of the site from scratch, then again after each of ``edits`` edits of one
    edition (a newline appended to the last edition page).

    Returns the output dir, the full build's time and each rebuild's, in seconds.
    """
    source = copy_site(workdir)
    outdir = workdir / "html"
    full = sphinx_build(source, outdir)
    edition = sorted((workdir / "editions").glob("*.md"))[-1]
    rebuilds = []
    for _ in range(edits):
        edition.write_text(edition.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        rebuilds.append(sphinx_build(source, outdir))
    return outdir, full, rebuilds


def missed_build_budgets(full: float, rebuild: float) -> list[str]:
    missed = []
    if full > FULL_BUILD_MAX_S:
        missed.append(f"full build {full:.1f} s > {FULL_BUILD_MAX_S} s")
    if rebuild > REBUILD_MAX_S:
        missed.append(f"one-edition rebuild {rebuild:.2f} s > {REBUILD_MAX_S} s")
    return missed


# The same synthetic editions twice: speaker cards through the extension, and the cards a
# maintainer would write by hand in sphinx-design markup.
SYNTHETIC_EDITIONS = 30
SYNTHETIC_SPEAKERS = 8
SYNTHETIC_CONF = """\
extensions = ["myst_parser", "sphinx_design"{extra}]
myst_enable_extensions = ["colon_fence"]
html_theme = "basic"
"""


def made_up_word(*seed: object) -> str:
    """A capitalised word of 8 letters drawn from ``seed``: names unlike each other, so the
    extension's similar-name check stays quiet as it does on real editions."""
    digest = hashlib.sha256(repr(seed).encode()).digest()
    return "".join(chr(ord("a") + byte % 26) for byte in digest[:8]).capitalize()


def synthetic_page(edition: int, with_extension: bool) -> str:
    lines = [f"# Edition {edition}", ""]
    if with_extension:
        lines += [f":::{{edition}} e{edition}", f":date: {2000 + edition}-12-01", ":::", ""]
    else:
        lines += [f"**Date:** {2000 + edition}-12-01", "", "::::{grid} 1 2 2 2", ""]
    for speaker in range(SYNTHETIC_SPEAKERS):
        given, family = (made_up_word(edition, speaker, part) for part in ("given", "family"))
        name = f"{given} {family}"
        bio = f"{name} works on learned systems and gave talk number {speaker}."
        if with_extension:
            lines += [f":::{{speaker}} {name}", ":affiliation: A University", ":role: invited",
                      f":talk: Talk {speaker} of edition {edition}", "", bio, ":::", ""]
        else:
            lines += [f":::{{grid-item-card}} {name}", "", "Invited Speaker, A University", "",
                      f"*Talk {speaker} of edition {edition}*", "", bio, ":::", ""]
    if not with_extension:
        lines += ["::::", ""]
    return "\n".join(lines)


def extension_overhead(workdir: Path) -> tuple[float, float]:
    """Seconds to build the synthetic editions with the extension and in plain markup."""
    times = []
    for with_extension in (True, False):
        source = workdir / ("extension" if with_extension else "plain")
        source.mkdir()
        extra = ', "workshop_archive"' if with_extension else ""
        (source / "conf.py").write_text(SYNTHETIC_CONF.format(extra=extra))
        pages = [f"e{n}" for n in range(SYNTHETIC_EDITIONS)]
        for number, page in enumerate(pages):
            (source / f"{page}.md").write_text(synthetic_page(number, with_extension))
        toctree = "\n".join(pages)
        (source / "index.md").write_text(f"# Editions\n\n```{{toctree}}\n{toctree}\n```\n")
        times.append(sphinx_build(source, workdir / f"{source.name}-html"))
    return times[0], times[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and preset")
    parser.add_argument("--no-lighthouse", action="store_true",
                        help="only the build-side figures")
    parser.add_argument("--edits", type=int, default=5,
                        help="one-edition rebuilds timed (the median is checked)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ws-bench-") as tmp:
        workdir = Path(tmp)
        html, full, rebuilds = site_build_times(workdir / "site", options.edits)
        (workdir / "synthetic").mkdir()
        with_extension, plain = extension_overhead(workdir / "synthetic")
        missed = [] if options.no_lighthouse else reader_side(html, options.runs)
    rebuild = statistics.median(rebuilds)
    missed += missed_build_budgets(full, rebuild)
    print(f"\nBuild: full {full:.1f} s, one edition edited {rebuild:.2f} s (median of "
          f"{', '.join(f'{time:.2f}' for time in rebuilds)}); extension vs plain "
          f"sphinx-design markup ({SYNTHETIC_EDITIONS} editions x {SYNTHETIC_SPEAKERS} speakers): "
          f"{with_extension:.1f} s / {plain:.1f} s = {with_extension / plain:.2f}x")
    for line in missed:
        print(f"BUDGET MISSED: {line}")
    if not missed:
        print("Budgets kept." if not options.no_lighthouse else "Build budgets kept.")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
