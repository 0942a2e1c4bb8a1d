"""``python -m jaggy info`` works with and without the optional numba and cupy packages.

The subprocess tests run ``python -m jaggy info`` itself, once in the normal environment and once
with a ``sitecustomize`` module whose meta-path finder makes ``import numba`` / ``import cupy``
fail, as on a machine where they are not installed.
"""

from __future__ import annotations

import builtins
import importlib.util
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import jaggy
import pytest
from jaggy import __main__ as cli

_BLOCKED = ("numba", "cupy", "cuda", "numba_cuda")
JAGGY_ROOT = str(Path(jaggy.__file__).resolve().parents[1])  # installed, or the source tree

BLOCKER = textwrap.dedent(
    """
    import sys

    class _Blocker:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {blocked!r}:
                raise ImportError(f"No module named {{name!r}} (blocked by the test)")
            return None

    sys.meta_path.insert(0, _Blocker())
    """
).format(blocked=_BLOCKED)


@pytest.fixture
def without_optional(monkeypatch):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name.split(".")[0] in _BLOCKED:
            msg = f"No module named {name!r} (blocked by the test)"
            raise ImportError(msg)
        return real_import(name, *args, **kwargs)

    for module in list(sys.modules):
        if module.split(".")[0] in _BLOCKED:
            monkeypatch.delitem(sys.modules, module)
    monkeypatch.setattr(builtins, "__import__", fake_import)


def _run_info(tmp_path: Path, *, block: bool, threads: str | None = None) -> str:
    env = dict(os.environ)
    paths = [JAGGY_ROOT, env.get("PYTHONPATH", "")]
    if block:
        (tmp_path / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
        paths.insert(0, str(tmp_path))
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    env.pop("JAGGY_NUM_THREADS", None)
    if threads is not None:
        env["JAGGY_NUM_THREADS"] = threads
    result = subprocess.run([sys.executable, "-m", "jaggy", "info"], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _line(out: str, prefix: str) -> str:
    found = [line for line in out.splitlines() if line.startswith(prefix)]
    assert len(found) == 1, (prefix, out)
    return found[0]


def test_info_without_numba_and_cupy(without_optional, capsys):
    assert cli.info() == 0
    out = capsys.readouterr().out
    assert f"jaggy {jaggy.__version__}" in out
    assert _line(out, "numba:") == "numba: not installed"
    assert _line(out, "  cuda:").startswith("  cuda: not available (the 'cuda' backend needs CuPy")


def test_main_info_command(without_optional, capsys):
    assert cli.main(["info"]) == 0
    assert "numba: not installed" in capsys.readouterr().out


def test_blocking_really_blocks(without_optional):
    with pytest.raises(ImportError):
        import numba  # noqa: F401
    with pytest.raises(ImportError):
        import cupy  # noqa: F401


def test_info_subprocess_blocked(tmp_path: Path) -> None:
    out = _run_info(tmp_path, block=True, threads="2")
    import numpy as np

    assert _line(out, "jaggy ").startswith(f"jaggy {jaggy.__version__}")
    assert _line(out, "jaggy ").endswith(f" at {Path(jaggy.__file__).resolve().parent}")
    assert f"numpy {np.__version__}" in _line(out, "python ")
    assert _line(out, "threads:").startswith("threads: 2 (JAGGY_NUM_THREADS=2;")
    assert _line(out, "  cpu:") == "  cpu: available (NumPy + compiled kernels)"
    cuda = _line(out, "  cuda:")
    assert cuda.startswith("  cuda: not available (the 'cuda' backend needs CuPy, which is not installed")
    assert _line(out, "numba:") == "numba: not installed"
    for module in ("pyarrow", "dask"):  # not blocked: reported as in this environment
        line = _line(out, f"{module}:")
        if importlib.util.find_spec(module) is None:
            assert line == f"{module}: not installed"
        else:
            assert line == f"{module}: {importlib.import_module(module).__version__}"


def test_info_subprocess_normal(tmp_path: Path) -> None:
    out = _run_info(tmp_path, block=False)
    assert re.fullmatch(r"threads: \d+ \(JAGGY_NUM_THREADS not set; OpenMP: (yes|no); \d+ CPUs\)",
                        _line(out, "threads:"))
    numba_line = _line(out, "numba:")
    if importlib.util.find_spec("numba") is None:
        assert numba_line == "numba: not installed"
    else:
        import numba

        assert numba_line == f"numba: {numba.__version__} (jaggy.numba available)"
    cuda = _line(out, "  cuda:")
    if importlib.util.find_spec("cupy") is None:
        assert "needs CuPy, which is not installed" in cuda
    else:  # CuPy present: either a usable GPU or the reason why not
        assert cuda == "  cuda: available" or cuda.startswith("  cuda: not available (")


def test_info_rejects_plot(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["info", "--plot"])
    assert exc.value.code == 2
    assert "--plot goes with the demo command" in capsys.readouterr().err
