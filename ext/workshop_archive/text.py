"""Pure helpers on text: slugs, initials, times, links and markup detection (no Sphinx here)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from anyascii import anyascii

#: The link schemes a reader may follow. Anything else (javascript:, data:, file:) is refused.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

_TIME = re.compile(
    r"^(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>[ap])\.?\s*m\.?$|"
    r"^(?P<hour24>\d{1,2})[:.h](?P<minute24>\d{2})$",
    re.IGNORECASE,
)
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
#: a Markdown link written in text: ``[label](scheme:...)``, a link definition
#: ``[label]: scheme:...`` (for ``[text][label]``) and an autolink ``<scheme:...>``
_WRITTEN_LINK = re.compile(
    r"\]\(\s*<?(?P<url>[a-zA-Z][a-zA-Z0-9+.-]*:[^\s>]*?)>?\)(?![^\s(]*\))|"
    r"^\s*\[[^\]]+\]:\s*<?(?P<defined>[a-zA-Z][a-zA-Z0-9+.-]*:[^\s>]*)|"
    r"<(?P<auto>[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>",
    re.MULTILINE,
)


def slugify(text: str) -> str:
    """An id made of the text's letters and digits: ASCII, lowercase, words joined by hyphens.

    The rule, stable between builds and machines (docs/maintainer/directives.md):

    - letters and digits of any script are written in Latin letters by anyascii
      (``"Łukasz Ødegaard"`` -> ``lukasz-odegaard``, ``"Ελένη"`` -> ``eleni``), each Chinese,
      Japanese or Korean ideograph as a word of its own (``"张伟"`` -> ``zhang-wei``);
    - anything else (spaces, punctuation, emoji) separates words;
    - a text with letters of a script other than Latin ends with ``-`` and the first six hex
      digits of the SHA-256 of the text (NFC, case-folded, spaces collapsed), so that two names
      that read alike in Latin letters (``张伟``, ``章伟``) are two ids.

    A text without letters or digits gives ``''``.
    """
    text = " ".join(unicodedata.normalize("NFC", text).split())
    words = []
    for char in text:
        if char.isascii():
            words.append(char)
        elif unicodedata.category(char)[0] in "LN":
            latin = anyascii(char)
            words.append(f" {latin} " if _is_ideograph(char) else latin)
        else:  # accents are composed by NFC; what is left (symbols, emoji) separates words
            words.append(" ")
    slug = re.sub(r"[^a-z0-9]+", "-", "".join(words).lower()).strip("-")
    if slug and any(_is_other_script(char) for char in text):
        slug += "-" + hashlib.sha256(text.casefold().encode()).hexdigest()[:6]
    return slug


def _is_ideograph(char: str) -> bool:
    return unicodedata.name(char, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY "
                                                  "IDEOGRAPH", "HANGUL SYLLABLE"))


def _is_other_script(char: str) -> bool:
    """A letter of a script other than Latin (Unicode names Latin letters ``LATIN ...``)."""
    return (not char.isascii() and unicodedata.category(char).startswith("L")
            and not unicodedata.name(char, "").startswith("LATIN"))


def initials(name: str) -> str:
    """The first letters of the first and last words of a name (``"Chris Lattner"`` -> ``"CL"``)."""
    words = [word for word in re.split(r"[\s\-]+", name) if word[:1].isalpha()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][0].upper()
    return (words[0][0] + words[-1][0]).upper()


def family_name(name: str) -> str:
    """The last word of a name, the key people are sorted by."""
    words = name.split()
    return words[-1] if words else name


@dataclass(frozen=True, order=True)
class ClockTime:
    """A time of day, in minutes after midnight."""

    minutes: int

    @property
    def display(self) -> str:
        """The archive's one form: ``9:05 AM``, ``12:30 PM``."""
        hour, minute = divmod(self.minutes, 60)
        half = "AM" if hour < 12 else "PM"
        return f"{(hour % 12) or 12}:{minute:02d} {half}"

    def shown(self, clock: int) -> str:
        """The time as readers see it on the ``clock`` of the ``ws_clock`` setting: ``9:05 AM``
        (12) or ``09:05`` (24)."""
        return self.display if clock == 12 else self.iso

    @property
    def iso(self) -> str:
        """``09:05``, for machine-readable output."""
        return "{:02d}:{:02d}".format(*divmod(self.minutes, 60))


def parse_time(text: str) -> ClockTime | None:
    """Read the forms the legacy site used: ``9:05 AM``, ``11:30AM``, ``9 am``, ``14:30``.

    :return: the time, or None when the text is not a time of day.
    """
    match = _TIME.match(text.strip())
    if not match:
        return None
    if match["hour24"] is not None:
        hour, minute = int(match["hour24"]), int(match["minute24"])
        if hour > 23 or minute > 59:
            return None
        return ClockTime(hour * 60 + minute)
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
    return ClockTime(hour * 60 + minute)


def link_problem(url: str) -> str | None:
    """Why a URL may not be shown as a link, or None when it is a safe absolute link."""
    scheme = urlsplit(url.strip()).scheme.lower()
    if not scheme:
        return "it has no scheme; write the full address, starting with https://"
    if scheme not in SAFE_SCHEMES:
        return f"its scheme {scheme!r} is not allowed; use http, https or mailto"
    return None


def web_link_problem(url: str) -> str | None:
    """Why a URL may not be shown as a link to a web page (a paper's PDF, a talk's slides), or
    None when it is an http or https address."""
    scheme = urlsplit(url.strip()).scheme.lower()
    if scheme and scheme not in ("http", "https"):
        return f"its scheme {scheme!r} is not allowed; use http or https"
    return link_problem(url)


def has_markup(text: str) -> bool:
    """True when the text holds an HTML tag such as ``<script>`` or ``<b>``."""
    return bool(_TAG.search(text))


def refused_links(text: str) -> list[str]:
    """The URLs of Markdown links in ``text`` whose scheme is not allowed.

    markdown-it does not make links of ``javascript:`` or ``data:`` URLs; it leaves
    ``[label](javascript:...)``, ``[label]: javascript:...`` and ``<javascript:...>`` as text,
    which this finds so it can be warned about.
    """
    found = (m["url"] or m["defined"] or m["auto"] for m in _WRITTEN_LINK.finditer(text))
    return [url for url in found if link_problem(url)]
