"""``python -m jaggy demo`` prints the tour; ``--plot [PATH]`` writes a PNG or explains why not."""

from __future__ import annotations

import builtins
import os
import subprocess
import sys
from pathlib import Path

import jaggy
import numpy as np
import pytest
from jaggy import __main__ as cli

JAGGY_ROOT = str(Path(jaggy.__file__).resolve().parents[1])  # installed, or the source tree
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def without_matplotlib(monkeypatch):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name.split(".")[0] == "matplotlib":
            msg = f"No module named {name!r} (blocked by the test)"
            raise ImportError(msg)
        return real_import(name, *args, **kwargs)

    for module in list(sys.modules):
        if module.split(".")[0] == "matplotlib":
            monkeypatch.delitem(sys.modules, module)
    monkeypatch.setattr(builtins, "__import__", fake_import)


def test_readme_demo_command_prints_the_tour(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "python -m jaggy demo" in readme
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (JAGGY_ROOT, env.get("PYTHONPATH", "")) if p)
    result = subprocess.run([sys.executable, "-m", "jaggy", "demo"], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert out.startswith(f"jaggy {jaggy.__version__}: a tour of the bundled sample (events.json)")
    for step in range(1, 11):
        assert f"\n{step}. " in out, step
    assert "1,000 events" in out
    assert "equal = True" in out
    assert out.count(" ms") >= 6  # timings
    assert len(out.splitlines()) <= 60  # about a page
    assert "Add --plot [PATH]" in out
    assert list(tmp_path.iterdir()) == []  # no plot unless asked


def test_dimuon_mass_matches_a_python_loop() -> None:
    from jaggy.data import load_events

    events = load_events()
    expected = []
    for event in events.to_list():
        muons = event["muons"]
        masses = []
        for i in range(len(muons)):
            for j in range(i + 1, len(muons)):
                a, b = muons[i], muons[j]
                if a["charge"] != b["charge"]:
                    m2 = 2 * a["pt"] * b["pt"] * (np.cosh(a["eta"] - b["eta"]) - np.cos(a["phi"] - b["phi"]))
                    masses.append(float(np.sqrt(m2)))
        expected.append(masses)
    got = cli._dimuon_mass(events).to_list()
    assert len(got) == len(expected)
    assert sum(map(len, expected)) > 0
    for g, e in zip(got, expected):
        np.testing.assert_allclose(g, e, rtol=1e-12)


def test_plot_without_matplotlib(without_matplotlib, tmp_path: Path, capsys) -> None:
    target = tmp_path / "out.png"
    assert cli.main(["demo", "--plot", str(target)]) == 0
    out = capsys.readouterr().out
    assert "--plot: matplotlib is not installed (pip install matplotlib); no PNG written" in out
    assert "Done." in out
    assert not target.exists()


def test_plot_writes_png(tmp_path: Path, capsys) -> None:
    pytest.importorskip("matplotlib")
    target = tmp_path / "hist.png"
    assert cli.main(["demo", "--plot", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"--plot: wrote a histogram of the dimuon mass to {target}" in out
    data = target.read_bytes()
    assert data.startswith(PNG_MAGIC)
    assert len(data) > 1000


def test_plot_default_path(tmp_path: Path, monkeypatch, capsys) -> None:
    pytest.importorskip("matplotlib")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["demo", "--plot"]) == 0
    assert "to jaggy-demo.png" in capsys.readouterr().out
    assert (tmp_path / "jaggy-demo.png").read_bytes().startswith(PNG_MAGIC)
