"""Build time against archive size: ``make bench-build`` runs it (a benchmark, not a test).

For each size N it writes a synthetic archive of N editions (tests/support/synthetic_archive.py) and
runs ``sphinx-build -b html -n -W --keep-going`` as ``make html`` does:

- a full build, serial;
- an incremental build after one edit (an organizer's affiliation on the first edition page),
  counting the pages Sphinx re-read and the pages it wrote;
- a full build with ``-j 2`` into a fresh output directory.

It prints one row per size. Figures depend on the machine and its load: compare runs made on one
machine, one after the other. Exit status 1 when a build fails or warns.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from support.synthetic_archive import edit_one_edition, write_archive

SIZES = (10, 50, 200)
#: Sphinx's summary of what it is about to read: "updating environment: 0 added, 1 changed, ..."
UPDATE = re.compile(r"(\d+) added, (\d+) changed, (\d+) removed")


def sphinx_build(srcdir: Path, outdir: Path, *options: str) -> tuple[float, str]:
    """Run one build; returns its wall time in seconds and its output."""
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-n", "-W", "--keep-going",
               *options, str(srcdir), str(outdir)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"build failed: {' '.join(command)}\n{done.stdout[-2000:]}\n{done.stderr}")
    return elapsed, done.stdout


def page_times(outdir: Path) -> dict[Path, int]:
    return {page: page.stat().st_mtime_ns for page in outdir.rglob("*.html")}


def measure(size: int, workdir: Path) -> dict[str, object]:
    """The figures of one archive size."""
    archive = write_archive(workdir / f"archive-{size}", size)
    serial, parallel = workdir / f"html-{size}", workdir / f"html-{size}-j2"
    full, _ = sphinx_build(archive.srcdir, serial)

    before = page_times(serial)
    edit_one_edition(archive)
    incremental, output = sphinx_build(archive.srcdir, serial)
    update = UPDATE.search(output)
    reread = int(update[1]) + int(update[2]) if update else -1
    documents = {serial / f"{page}.html" for page in archive.pages}
    written = sum(1 for page, stamp in page_times(serial).items()
                  if page in documents and stamp != before.get(page))

    full_j2, _ = sphinx_build(archive.srcdir, parallel, "-j", "2")
    return {
        "N": size,
        "pages": len(archive.pages),
        "people": len(archive.people),
        "full s": f"{full:.1f}",
        "edit: re-read": reread,
        "edit: written": written,
        "edit s": f"{incremental:.1f}",
        "-j 2 full s": f"{full_j2:.1f}",
    }


def print_table(rows: list[dict[str, object]]) -> None:
    columns = list(rows[0])
    widths = [max(len(column), *(len(str(row[column])) for row in rows)) for column in columns]
    print("  ".join(c.rjust(w) for c, w in zip(columns, widths, strict=True)))  # noqa: T201
    for row in rows:
        print("  ".join(str(row[c]).rjust(w) for c, w in zip(columns, widths, strict=True)))  # noqa: T201


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=SIZES,
                        help="numbers of editions (default: 10 50 200)")
    parser.add_argument("--workdir", type=Path,
                        help="keep the archives and their builds here (default: a temporary dir)")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ws-bench-") as temporary:
        workdir = arguments.workdir or Path(temporary)
        rows = []
        for size in arguments.sizes:
            rows.append(measure(size, workdir))
            print(f"N={size} done", file=sys.stderr)  # noqa: T201
        print_table(rows)


if __name__ == "__main__":
    main()
