"""The code follows the project's ruff configuration (pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from conftest import PROJECT


def test_ruff_finds_nothing():
    checked = ["ext", "tests", "benchmarks", "docs/conf.py"]
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", *checked],
        cwd=PROJECT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
