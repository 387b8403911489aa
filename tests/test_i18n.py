"""Every text the extension writes into a page is a message of its catalog, and every catalog
(ext/workshop_archive/locale) translates each message and is compiled from its .po."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from workshop_archive.config import DEFAULT_LINKS, DEFAULT_ROLES
from workshop_archive.directives.papers import LINKS, OTHER_PAPERS, PRESENTATIONS
from workshop_archive.i18n import LOCALE_DIR

EXTENSION = LOCALE_DIR.parent
CATALOGS = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/workshop_archive.po"))


def messages_in_code() -> set[str]:
    """The literal messages of ``_("...")`` calls in the extension's modules."""
    found = set()
    for module in EXTENSION.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "_" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found


#: every message: the literal ones and the texts of the defaults passed to ``_`` at run time
MESSAGES = messages_in_code() | {*DEFAULT_ROLES.values(), *DEFAULT_LINKS.values(),
                                 *LINKS.values(), *PRESENTATIONS.values(), OTHER_PAPERS}


def test_the_extension_has_messages_and_a_catalog():
    assert len(MESSAGES) > 40
    assert {"Abstract", "Schedule of {day}", "Keynote Speaker", "ORCID"} <= MESSAGES
    assert [path.parts[-3] for path in CATALOGS] == ["de"]


@pytest.mark.parametrize("po", CATALOGS, ids=lambda path: path.parts[-3])
def test_a_catalog_translates_every_message_and_nothing_else(po: Path):
    with po.open("rb") as file:
        catalog = read_po(file)
    translated = translations(catalog)
    assert set(translated) == MESSAGES
    assert all(translated.values())
    # a placeholder kept, so that .format() fills the translation
    for message, translation in translated.items():
        assert sorted(part.split("}")[0] for part in message.split("{")[1:]) == sorted(
            part.split("}")[0] for part in translation.split("{")[1:]), message


def translations(catalog) -> dict[str, str]:
    return {message.id: message.string for message in catalog if message.id}


@pytest.mark.parametrize("po", CATALOGS, ids=lambda path: path.parts[-3])
def test_the_compiled_catalog_is_the_po(po: Path):
    with po.open("rb") as source, po.with_suffix(".mo").open("rb") as compiled:
        assert translations(read_mo(compiled)) == translations(read_po(source)), (
            "compile it again: pybabel compile -d ext/workshop_archive/locale -D workshop_archive")
