extensions = ["myst_parser", "workshop_archive"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
ws_people_file = "people.toml"
# as `make html` runs (-n): a reference that does not resolve must warn exactly once
nitpicky = True
