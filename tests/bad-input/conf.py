"""One Sphinx project of pages with one fault each; tests/test_bad_input.py builds it."""

extensions = ["myst_parser", "workshop_archive"]
myst_enable_extensions = ["colon_fence"]
