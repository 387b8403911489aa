extensions = ["myst_parser", "workshop_archive"]
myst_enable_extensions = ["colon_fence"]
# EPUB3 wants both.
version = "2030"
copyright = "2030, Test Workshop"  # noqa: A001
ws_workshop_title = "Workshop on Test Systems"
