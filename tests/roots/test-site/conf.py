extensions = ["myst_parser", "sphinx_design", "workshop_archive", "archive_site"]
myst_enable_extensions = ["colon_fence"]
html_theme = "pydata_sphinx_theme"
html_theme_options = {"navbar_end": ["theme-switcher"], "navbar_persistent": ["search-button"]}
