"""Sphinx configuration of the ML for Systems archive.

The source directory is docs/; editions/ joins it through the relative symlink docs/editions, so an
edition is added by adding a file under editions/ only (docs/maintainer/architecture.md says why).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

project = "ML for Systems Archive"
author = "The ML for Systems workshop organizers"
# The archive has no releases; EPUB requires a version, so it names the archive's format.
version = release = "1"
# Reproducible output: the copyright year follows SOURCE_DATE_EPOCH when it is set.
copyright = f"2018–{time.gmtime(int(os.environ.get('SOURCE_DATE_EPOCH', time.time()))).tm_year}, {author}"  # noqa: E501

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "workshop_archive",
    # the site layer: pydata-sphinx-theme made lighter, icons, print rules (ext/archive_site)
    "archive_site",
]

root_doc = "index"
exclude_patterns = ["_build", "snippets/*", "**/README.md"]
suppress_warnings: list[str] = []

# -- MyST ---------------------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "fieldlist", "deflist", "attrs_inline", "smartquotes"]
myst_heading_anchors = 3
# Keep footnotes (and so each page's reference list) where {footbibliography} stands.
myst_footnote_sort = False

# -- citations: one shared .bib, numbered per page (footcite) -------------------------------------
bibtex_bibfiles = ["../references.bib"]
bibtex_default_style = "unsrt"
bibtex_reference_style = "label"
bibtex_foot_reference_style = "foot"

# -- the archive --------------------------------------------------------------------------------
ws_people_file = "../editions/people.toml"
ws_workshop_title = "Workshop on ML for Systems"

# -- HTML ---------------------------------------------------------------------------------------
# Where the archive is served (Read the Docs says where it builds): canonical links, the sitemap,
# link previews and the addresses in calendars and structured data are absolute under it.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "https://mlforsystems.org/")
# The old site's addresses keep working: mlforsystems.org/<edition>/<page>.html (and the root
# pages, which showed the newest edition) lead to the page and section that hold the same content
# (docs/maintainer/old-urls.md lists them for Read the Docs' redirects). {edition} is every
# edition the archive has; the first section found on the page is used, else the page's top.
ws_old_urls = {
    "{edition}/index.html": ("{edition}", ()),
    "{edition}/schedule.html": ("{edition}", ("schedule",)),
    "{edition}/accepted_papers.html": ("{edition}", ("accepted-papers", "papers")),
    "{edition}/call_for_papers.html": ("{edition}", ("call-for-papers", "about-{edition}")),
    "schedule.html": ("neurips2025", ("schedule",)),
    "accepted_papers.html": ("neurips2025", ("accepted-papers", "papers")),
    "call_for_papers.html": ("neurips2025", ("call-for-papers", "about-neurips2025")),
}
# The search lists the maintainer guide after the archive's own pages (docs/search-scorer.js;
# a project generated from this configuration, as benchmarks/synthetic_archive.py writes, has none).
_scorer = Path(__file__).with_name("search-scorer.js")
html_search_scorer = str(_scorer) if _scorer.is_file() else ""
# Results without a page summary: Sphinx's searchtools.js would fetch the whole HTML of every
# page a query matches to quote a line of it (26 requests and 426 KB for "learned index" on
# nine editions). Each person, talk, paper and edition result still says what it is and where
# (docs/maintainer/performance.md).
html_show_search_summary = False
html_theme = "pydata_sphinx_theme"
html_title = "ML for Systems Archive"
html_static_path: list[str] = []
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
# The theme fills in these three when the builder starts, after Sphinx has compared the settings
# with the previous build's; written here as the theme would, so that a build after an unchanged
# one does not say "The configuration has changed".
html_permalinks_icon = "#"
html_theme_options = {
    "icon_links": [],
    "logo": {},
    "navbar_start": ["navbar-logo"],
    "navbar_center": ["navbar-nav"],
    "navbar_end": ["theme-switcher"],
    "navbar_persistent": ["search-button"],
    "header_links_before_dropdown": 6,
    "navigation_with_keys": False,
    "show_prev_next": False,
    "secondary_sidebar_items": ["page-toc"],
    "footer_start": ["copyright"],
    "footer_end": [],
}
html_context = {"default_mode": "auto"}
# The index pages have no section of their own to navigate: their width goes to the content.
html_sidebars = {"**": ["sidebar-nav-bs"], "index": [], "people": [], "talks": []}
