"""Speaker photos are resized at build time (ext/workshop_archive/photos.py; tests/roots/test-photos
holds a 2400 x 1600 photo for a card that shows 64 x 64 CSS pixels)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image, PngImagePlugin

from conftest import warnings_of
from support.builds import Project
from workshop_archive.photos import CARD_PHOTO_PX, MAX_BYTES, MAX_PIXELS

ORIGINAL = Path("photos", "ada-lovelace.jpg")


def source_files(srcdir: Path) -> dict[str, bytes]:
    """Every file of a test root outside its build output, with its content."""
    return {str(file.relative_to(srcdir)): file.read_bytes() for file in srcdir.rglob("*")
            if file.is_file() and "_build" not in file.relative_to(srcdir).parts}


def picture_of(app, person: str):
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.select_one(f"#{person} picture")


def srcset_files(app, srcset: str) -> dict[str, Path]:
    """``{"1x": file, "2x": file}`` of a srcset attribute."""
    return {density: app.outdir / url for url, density in (c.split() for c in srcset.split(", "))}


@pytest.mark.sphinx("html", testroot="photos")
def test_a_large_photo_reaches_the_reader_as_small_modern_copies(app):
    before = source_files(app.srcdir)
    app.build()
    assert warnings_of(app) == []
    picture = picture_of(app, "ada-lovelace")
    img = picture.img
    assert (img["width"], img["height"]) == (str(CARD_PHOTO_PX), str(CARD_PHOTO_PX))
    assert (img["loading"], img["decoding"], img["alt"]) == ("lazy", "async", "Ada Lovelace")
    sources = {source["type"]: source["srcset"] for source in picture.find_all("source")}
    assert "image/webp" in sources
    assert set(sources) <= {"image/avif", "image/webp"}
    for srcset in [*sources.values(), img["srcset"]]:
        files = srcset_files(app, srcset)
        assert set(files) == {"1x", "2x"}
        for density, file in files.items():
            with Image.open(file) as copy:
                side = CARD_PHOTO_PX * int(density[0])
                assert copy.size == (side, side)
                assert copy.format in {"AVIF", "WEBP", "JPEG"}
                assert not copy.info.get("exif")
    assert img["src"] == img["srcset"].split()[0]
    with Image.open(app.outdir / img["src"]) as fallback:
        assert fallback.format == "JPEG"
    original_size = (app.srcdir / ORIGINAL).stat().st_size
    served = [f for f in app.outdir.rglob("*") if f.is_file() and f.suffix != ".html"]
    assert not [f for f in served if f.name == ORIGINAL.name or f.stat().st_size >= original_size]
    assert source_files(app.srcdir) == before, "the build wrote into the source dir"


@pytest.mark.sphinx("html", testroot="photos")
def test_a_speaker_without_photo_keeps_the_initials_avatar(app):
    app.build()
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("#charles-babbage picture") is None
    assert soup.select_one("#charles-babbage img.ws-avatar")["src"].startswith("data:image/svg")


@pytest.mark.sphinx("text", testroot="photos")
def test_other_builders_leave_the_photo_out(app):
    app.build()
    assert warnings_of(app) == []
    assert "Ada Lovelace" in (app.outdir / "index.txt").read_text(encoding="utf-8")


def build(project: Project):
    done = project.build()
    assert done.warnings == []
    return done.app


def test_two_builds_and_a_parallel_build_write_identical_copies(copy_root):
    """Reproducible output: same names, same bytes, whether serial or with -j 2."""
    copies = []
    for run, parallel in enumerate((0, 0, 2)):
        app = build(copy_root("test-photos", to=f"build-{run}", parallel=parallel))
        copies.append({f.name: f.read_bytes() for f in (app.outdir / "_images").iterdir()})
    assert copies[0] == copies[1] == copies[2]
    assert len(copies[0]) >= 6  # (WebP, JPEG and maybe AVIF) x (1x, 2x)


def test_a_replaced_photo_gets_new_copies_on_an_incremental_build(copy_root):
    project = copy_root("test-photos")
    first = picture_of(build(project), "ada-lovelace").img["src"]
    with Image.open(project.srcdir / ORIGINAL) as image:
        image.transpose(Image.Transpose.FLIP_LEFT_RIGHT).save(project.srcdir / ORIGINAL,
                                                               quality=85)
    rebuilt = build(project)
    second = picture_of(rebuilt, "ada-lovelace").img["src"]
    assert second != first
    assert (rebuilt.outdir / second).is_file()


def build_with_photo(copy_root, write) -> tuple[Path, object]:
    """The photos root with its photo replaced by what ``write(path)`` writes, built once."""
    project = copy_root("test-photos")
    write(project.srcdir / ORIGINAL)
    return project.srcdir, project.build().app


def the_photo_warning(srcdir: Path, app) -> str:
    """The one warning of the build, which must be at the :photo: line (12) of the card; the
    card shows initials and keeps its text."""
    [warning] = warnings_of(app)
    prefix = f"{srcdir / 'index.md'}:12: WARNING: :photo: file '{ORIGINAL.as_posix()}' "
    assert warning.startswith(prefix), warning
    assert picture_of(app, "ada-lovelace") is None
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("#ada-lovelace img.ws-avatar") is not None
    assert "A photo far larger than a card shows" in soup.select_one("#ada-lovelace").get_text()
    return warning.removeprefix(prefix)


def test_a_file_that_is_no_image_warns_at_its_photo_line(copy_root):
    srcdir, app = build_with_photo(copy_root, lambda path: path.write_bytes(b"not a JPEG"))
    assert the_photo_warning(srcdir, app) == (
        "is not used: it is not an image Pillow reads; use a JPEG, PNG or WebP file "
        "[workshop.bad_photo]")


def test_a_png_whose_text_inflates_past_pillows_limit_warns_and_the_build_goes_on(copy_root):
    def text_bomb(path: Path) -> None:
        info = PngImagePlugin.PngInfo()
        info.add_text("comment", "a" * (4 * PngImagePlugin.MAX_TEXT_CHUNK), zip=True)
        Image.new("RGB", (8, 8)).save(path, "PNG", pnginfo=info)
        assert path.stat().st_size < 20_000  # small on disk

    srcdir, app = build_with_photo(copy_root, text_bomb)
    warning = the_photo_warning(srcdir, app)
    assert warning.startswith("is not used: it cannot be read as an image ("), warning
    assert warning.endswith("); use a JPEG or PNG file [workshop.bad_photo]")


def test_a_photo_of_too_many_pixels_warns_before_it_is_decoded(copy_root):
    side = 5001
    srcdir, app = build_with_photo(
        copy_root, lambda path: Image.new("L", (side, side)).save(path, "PNG"))
    assert the_photo_warning(srcdir, app) == (
        f"is not used: it has {side} x {side} pixels, more than {MAX_PIXELS / 1e6:.0f} megapixels; "
        "use a smaller copy, e.g. 512 x 512 [workshop.bad_photo]")


def test_a_photo_file_too_large_warns(copy_root):
    def large(path: Path) -> None:
        path.write_bytes(path.read_bytes() + bytes(MAX_BYTES))

    srcdir, app = build_with_photo(copy_root, large)
    assert "more than 20 MB; use a smaller copy [workshop.bad_photo]" in the_photo_warning(
        srcdir, app)


def test_a_photo_outside_the_project_is_not_published(copy_root, tmp_path):
    outside = tmp_path / "secret.jpg"
    project = copy_root("test-photos")
    outside.write_bytes((project.srcdir / ORIGINAL).read_bytes())
    project.edit("index.md", f":photo: {ORIGINAL.as_posix()}", ":photo: ../secret.jpg")
    app = project.build().app
    [warning] = warnings_of(app)
    assert warning == (f"{project.srcdir / 'index.md'}:12: WARNING: :photo: file '../secret.jpg' "
                       f"is outside the project ({outside}); put the photo beside the page, e.g. "
                       "in photos/ [workshop.bad_photo]")
    assert picture_of(app, "ada-lovelace") is None
    assert not list(Path(app.outdir).rglob("secret*"))


def test_a_missing_photo_added_later_is_shown_by_an_incremental_build(copy_root):
    project = copy_root("test-photos")
    photo = (project.srcdir / ORIGINAL).read_bytes()
    (project.srcdir / ORIGINAL).unlink()
    assert "does not exist" in project.build().warnings[0]
    again = project.build()  # nothing changed: still missing, still warned
    assert "does not exist" in again.warnings[0]
    (project.srcdir / ORIGINAL).write_bytes(photo)
    rebuilt = project.build()
    assert rebuilt.warnings == []
    assert picture_of(rebuilt.app, "ada-lovelace") is not None
