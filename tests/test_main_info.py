"""``python -m jaggy info`` works when the optional numba and cupy packages are missing."""

from __future__ import annotations

import builtins
import sys

import jaggy
import pytest
from jaggy import __main__ as cli

_BLOCKED = ("numba", "cupy", "cuda", "numba_cuda")


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


def test_info_without_numba_and_cupy(without_optional, capsys):
    assert cli.info() == 0
    out = capsys.readouterr().out
    assert f"jaggy {jaggy.__version__}" in out
    assert "numba: not installed" in out
    assert "CUDA backend: not available" in out


def test_main_info_command(without_optional, capsys):
    assert cli.main(["info"]) == 0
    assert "numba: not installed" in capsys.readouterr().out


def test_blocking_really_blocks(without_optional):
    with pytest.raises(ImportError):
        import numba  # noqa: F401
    with pytest.raises(ImportError):
        import cupy  # noqa: F401
