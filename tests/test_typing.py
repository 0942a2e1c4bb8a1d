"""The installed jaggy package type-checks cleanly with mypy (configuration: [tool.mypy] in the
repository's pyproject.toml)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import jaggy
import pytest

_PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def _copy_sources(src: Path, dst: Path) -> None:
    """The package's Python sources and stubs (mypy does not report errors in packages it finds
    in site-packages, so the installed package is checked as a copy)."""
    for path in src.rglob("*"):
        if path.is_file() and path.suffix in (".py", ".pyi", ".typed") and "__pycache__" not in path.parts:
            target = dst / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def test_mypy_clean(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    if not _PYPROJECT.is_file() or "[tool.mypy]" not in _PYPROJECT.read_text(encoding="utf-8"):
        pytest.skip("the repository's pyproject.toml (with [tool.mypy]) is not available")
    package = tmp_path / "src" / "jaggy"
    _copy_sources(Path(jaggy.__file__).parent, package)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(_PYPROJECT),
         "--cache-dir", str(tmp_path / "mypy_cache"), "--no-error-summary", "--show-error-codes",
         str(package)],
        cwd=tmp_path / "src", capture_output=True, text=True, timeout=600, check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"mypy reported errors:\n{output}"
