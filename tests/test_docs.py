"""The documentation builds without warnings and its examples run (when Sphinx is installed)."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import jaggy
import pytest

ROOT = Path(__file__).resolve().parent.parent
HAVE_SPHINX = all(importlib.util.find_spec(m) is not None for m in ("sphinx", "myst_parser"))
pytestmark = pytest.mark.skipif(not HAVE_SPHINX, reason="needs the docs extra (sphinx, myst-parser)")


def _build(builder: str, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    # the jaggy these tests import (installed, or the source tree with a development build)
    env["PYTHONPATH"] = os.pathsep.join([str(Path(jaggy.__file__).resolve().parents[1]),
                                         env.get("PYTHONPATH", "")])
    env["PYTHONWARNINGS"] = "ignore"  # pytest's warnings-as-errors must not leak into Sphinx
    cmd = [sys.executable, "-m", "sphinx", "-b", builder, *extra, "-q",
           "-d", str(tmp_path / "doctrees"), str(ROOT / "docs"), str(tmp_path / builder)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, check=False)


def test_html_builds_without_warnings(tmp_path: Path) -> None:
    result = _build("html", tmp_path, "-W", "--keep-going")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "html" / "api" / "operations.html").exists()


def _examples(objects: list) -> int:
    """The number of ``>>>`` lines (doctest examples) in the objects' docstrings, skipped ones aside."""
    lines = [line.strip() for obj in objects for line in (obj.__doc__ or "").splitlines()]
    return sum(1 for line in lines if line.startswith(">>>") and "+SKIP" not in line)


def _tried(output: str, document: str) -> int:
    found = re.search(rf"^Document: {re.escape(document)}\n.*?^\s*(\d+) tests in \d+ items\.$", output,
                      re.M | re.S)
    return int(found.group(1)) if found else 0


def test_doctests_pass(tmp_path: Path) -> None:
    result = _build("doctest", tmp_path)
    output = (tmp_path / "doctest" / "output.txt").read_text(encoding="utf-8")
    assert result.returncode == 0, output + result.stderr
    assert "0 failures in tests" in output
    # every example in the docstrings of the public functions ran (through the API pages)
    sys.path.insert(0, str(ROOT / "docs"))
    try:
        import gen_api
    finally:
        sys.path.remove(str(ROOT / "docs"))
    import jaggy.str

    operations = [getattr(jaggy, name) for name in gen_api.operation_names()]
    strings = [getattr(jaggy.str, name) for name in gen_api.str_names()]
    assert _examples(operations) >= 280  # every operation has at least one (test_docstring_examples)
    assert _tried(output, "api/operations") == _examples(operations)
    assert _tried(output, "api/str") == _examples(strings)
    # the class docstrings' examples (the page also runs those of their methods)
    classes = [jaggy.Array, jaggy.Record, jaggy.ArrayBuilder]
    assert _examples(classes) >= 15
    assert _tried(output, "api/highlevel") >= _examples(classes)
    # and the hand-written pages' examples
    for page in ("getting-started", "extensions", "howto/gpu", "howto/selecting"):
        assert _tried(output, page) > 0, page
