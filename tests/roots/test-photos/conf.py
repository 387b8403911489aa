extensions = ["myst_parser", "workshop_archive"]
myst_enable_extensions = ["colon_fence"]
