"""What readers see, in the project's language: the extension's message catalog and dates.

Every text the extension writes into a page is an English message passed through ``_`` (Sphinx's
``get_translation`` for the catalog ``workshop_archive``), and shown translated when
``locale/<language>/LC_MESSAGES/workshop_archive.mo`` has it, as Sphinx's own texts are. The
badges and link texts of the vocabulary settings (``ws_roles``, ``ws_links``) go through it too,
so the defaults are translated and a workshop's own texts are shown as written. Dates are written
by Babel (which Sphinx itself uses) in the language's own long form.

To add a language: copy ``locale/de/LC_MESSAGES/workshop_archive.po`` to the language's folder,
translate it, and compile it to ``workshop_archive.mo`` with ``pybabel compile -d
ext/workshop_archive/locale -D workshop_archive``; ``tests/test_i18n.py`` checks that each
catalog holds every message and that its ``.mo`` is compiled from its ``.po``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from sphinx.locale import get_translation

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

CATALOG = "workshop_archive"
LOCALE_DIR = Path(__file__).parent / "locale"

#: ``_("Abstract")``: the message in the project's language
_ = get_translation(CATALOG)


def babel_locale(config: Config) -> Locale:
    """The Babel locale of the project's ``language`` (English when Babel does not know it)."""
    try:
        return Locale.parse(config.language or "en")
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def long_date(iso: str, config: Config) -> str:
    """``2023-12-16`` -> ``Saturday, December 16, 2023`` (``Samstag, 16. Dezember 2023``)."""
    return format_date(dt.date.fromisoformat(iso), "full", locale=babel_locale(config))


def month_day(iso: str, config: Config) -> str:
    """``2023-10-06`` -> ``October 6, 2023`` (``6. Oktober 2023``)."""
    return format_date(dt.date.fromisoformat(iso), "long", locale=babel_locale(config))


def setup(app: Sphinx) -> None:
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
