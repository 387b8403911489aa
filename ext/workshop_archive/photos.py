"""Speaker photos, resized at build time to the size a card shows them.

Read phase: :func:`photo_node`, called by the speaker directive, returns a :class:`speaker_photo`
node that holds the photo's path (relative to the source dir) and its name for alt text.

Write phase, HTML: the visitor writes small copies of the photo into the output's ``_images/``:
square crops of :data:`CARD_PHOTO_PX` CSS pixels and twice that for high-density screens, as AVIF
(when Pillow can write it), WebP and JPEG (JPEG alone in an EPUB). It renders a ``<picture>``
whose ``<img>`` has its width and height (no layout shift) and loads lazily, since speaker cards
sit below the fold. The original never reaches the output; nothing is written into the source dir.

Names of the copies come from the original's content and the encoding settings, so every build
and every parallel writer arrives at the same files, a replaced photo gets new names, and a copy
already written is not encoded again. Encoding is deterministic (no metadata, fixed settings), so
two builds of one commit give identical bytes. A file that is no image, or is too large
(:data:`MAX_PIXELS`, :data:`MAX_BYTES`), warns at the ``:photo:`` line when the page is read, and
the card shows initials. Other builders leave the photo out; the card names the speaker.
"""

from __future__ import annotations

import hashlib
import io
import os
import posixpath
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes
from PIL import Image, ImageOps, UnidentifiedImageError, features

from .diagnostics import Problem, warn

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.writers.html5 import HTML5Translator

#: the size of a photo on a speaker card in CSS pixels (.ws-speaker-head img, workshop_archive.css)
CARD_PHOTO_PX = 64
#: device-pixel ratios a copy is made for
DENSITIES = (1, 2)
#: the most pixels a photo may have: a 5000 x 5000 photo decodes in about a second, a card shows
#: it at 128 x 128 at most, and a larger one only slows every build down
MAX_PIXELS = 25_000_000
#: the largest photo file, in bytes
MAX_BYTES = 20_000_000


class Encoding(NamedTuple):
    """One output format of the copies."""

    extension: str
    mime_type: str
    #: Pillow's format name and save options
    pillow_format: str
    options: tuple[tuple[str, object], ...]


AVIF = Encoding("avif", "image/avif", "AVIF", (("quality", 60), ("speed", 6)))
WEBP = Encoding("webp", "image/webp", "WEBP", (("quality", 80), ("method", 6)))
JPEG = Encoding("jpg", "image/jpeg", "JPEG", (("quality", 82), ("optimize", True),
                                               ("progressive", True)))


def encodings(builder: Builder) -> list[Encoding]:
    """Best first: the ``<source>`` elements in this order, JPEG last as the ``<img>`` itself.
    An EPUB gets JPEG alone: its manifest knows no AVIF, and readers ignore ``<picture>``."""
    if builder.name.startswith("epub"):
        return [JPEG]
    return [*([AVIF] if features.check("avif") else []), WEBP, JPEG]


class speaker_photo(nodes.General, nodes.Element):  # noqa: N801 -- docutils names nodes so
    """A speaker's photo; attributes ``source`` (path relative to the source dir) and ``alt``."""


def photo_node(source: str, alt: str) -> speaker_photo:
    """The node of the photo at ``source``, relative to the source dir (as ``relfn2path`` gives)."""
    return speaker_photo(source=source, alt=alt)


def photo_problem(path: Path) -> str | None:
    """Why the photo at ``path`` cannot be used, or None. Read phase, so that the warning is at
    the ``:photo:`` line: the file is opened and decoded (JPEG at the card's size, cheaply), so
    that the write phase meets no surprise."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return (f"the file has {size / 1e6:.1f} MB, more than {MAX_BYTES / 1e6:.0f} MB; "
                "use a smaller copy")
    try:
        with Image.open(path) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                return (f"it has {width} x {height} pixels, more than {MAX_PIXELS / 1e6:.0f} "
                        "megapixels; use a smaller copy, e.g. 512 x 512")
            image.draft("RGB", (CARD_PHOTO_PX * max(DENSITIES),) * 2)
            image.load()
    # Pillow reports a broken file with many kinds of error (OSError, ValueError for a text chunk
    # that inflates past its limit, SyntaxError, EOFError, struct.error...): any one means the
    # file cannot be shown.
    except Exception as error:
        if isinstance(error, UnidentifiedImageError):
            return "it is not an image Pillow reads; use a JPEG, PNG or WebP file"
        return f"it cannot be read as an image ({error}); use a JPEG or PNG file"
    return None


def copy_name(stem: str, original: bytes, encoding: Encoding, pixels: int) -> str:
    """The file name of one copy: the original's name (``stem``) for people, then a digest of its
    content and the settings, so the same photo gets the same name in any build."""
    digest = hashlib.sha256(original)
    digest.update(repr((encoding, pixels)).encode())
    return f"{stem}-{pixels}-{digest.hexdigest()[:12]}.{encoding.extension}"


def encode(original: bytes, encoding: Encoding, pixels: int) -> bytes:
    """A square crop of the photo's centre, ``pixels`` wide, in ``encoding``, without metadata."""
    with Image.open(io.BytesIO(original)) as image:
        upright = ImageOps.exif_transpose(image).convert("RGBA")
    # Transparent parts on white, as the card's background in the light theme.
    white = Image.new("RGBA", upright.size, "white")
    upright = Image.alpha_composite(white, upright).convert("RGB")
    square = ImageOps.fit(upright, (pixels, pixels), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    square.save(buffer, encoding.pillow_format, **dict(encoding.options))
    return buffer.getvalue()


def write_once(target: Path, make: Callable[[], bytes]) -> None:
    """Write ``target`` unless it exists, atomically: a parallel writer making the same file
    either finds it whole or replaces it with identical bytes."""
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".ws-photo-")
    with os.fdopen(handle, "wb") as file:
        file.write(make())
    # mkstemp makes the file private; a copy is published like any file of the site.
    Path(temporary).chmod(0o644)
    Path(temporary).replace(target)


def publish(original: Path, builder: Builder) -> dict[Encoding, dict[int, str]]:
    """Write the copies of ``original`` into the output's images dir; their names by encoding and
    density."""
    images_dir = Path(builder.outdir, builder.imagedir)
    data = original.read_bytes()
    names: dict[Encoding, dict[int, str]] = {}
    for encoding in encodings(builder):
        for density in DENSITIES:
            pixels = CARD_PHOTO_PX * density
            name = copy_name(original.stem, data, encoding, pixels)
            write_once(images_dir / name,
                       lambda encoding=encoding, pixels=pixels: encode(data, encoding, pixels))
            names.setdefault(encoding, {})[density] = name
    return names


def visit_speaker_photo_html(self: HTML5Translator, node: speaker_photo) -> None:
    builder = self.builder
    try:
        names = publish(Path(builder.srcdir, node["source"]), builder)
    # checked when the page was read (photo_problem); the file may have changed since
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        reason = "not a format Pillow reads" if isinstance(error, UnidentifiedImageError) else error
        warn(f":photo: {node['source']!r} cannot be read as an image ({reason}); replace the "
             "file or remove the option to show initials", Problem.missing_photo, node)
        raise nodes.SkipNode from None

    def srcset(encoding: Encoding) -> str:
        return ", ".join(f"{posixpath.join(builder.imgpath, name)} {density}x"
                         for density, name in names[encoding].items())

    *sources, fallback = names
    self.body.append(self.starttag(node, "picture", ""))
    for encoding in sources:
        self.body.append(self.emptytag(nodes.Element(), "source", "", type=encoding.mime_type,
                                       srcset=srcset(encoding)))
    self.body.append(self.emptytag(
        nodes.Element(), "img", "", src=posixpath.join(builder.imgpath, names[fallback][1]),
        srcset=srcset(fallback), alt=node["alt"], CLASS="ws-photo", width=str(CARD_PHOTO_PX),
        height=str(CARD_PHOTO_PX), loading="lazy", decoding="async"))
    self.body.append("</picture>")
    raise nodes.SkipNode


def skip(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup_photos(app: Sphinx) -> None:
    """Register the photo node: resized copies in HTML, left out elsewhere."""
    skipped = (skip, None)
    app.add_node(speaker_photo, html=(visit_speaker_photo_html, None), latex=skipped,
                 text=skipped, man=skipped, texinfo=skipped)
