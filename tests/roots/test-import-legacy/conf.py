extensions = ["myst_parser", "sphinxcontrib.bibtex", "workshop_archive"]
myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["references.bib"]
bibtex_foot_reference_style = "foot"
exclude_patterns = ["_build"]
