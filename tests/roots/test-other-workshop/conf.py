# Another workshop: its own roles, link kinds and schedule kinds, a 24-hour clock, German, and a
# theme that is not pydata-sphinx-theme.
extensions = ["myst_parser", "workshop_archive"]
myst_enable_extensions = ["colon_fence"]
language = "de"
html_theme = "alabaster"
ws_people_file = "people.toml"
ws_clock = 24
ws_roles = {"hauptvortrag": "Hauptvortrag", "gast": "Gastvortrag", "thema": "Thema: {topic}"}
ws_links = {"homepage": "Webseite", "orcid": "ORCID", "mastodon": "Mastodon"}
ws_schedule_kinds = {"pause": ["pause", "mittag", "kaffee"], "vortrag": ["vortrag"],
                     "talk": [], "other": []}
