"""Test configuration shared by every test directory.

Hypothesis runs derandomized by default (the same examples on every run, so CI is reproducible);
``HYPOTHESIS_PROFILE=explore`` draws new random examples, for hunting bugs locally.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


# -- every result an operation returns passes validity_error -----------------------------------
import pytest  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "invalid_layouts: the test builds invalid layouts on purpose; results are not validated",
    )


def _gpu_available() -> bool:
    try:
        import cupy

        return bool(cupy.cuda.is_available())
    except Exception:  # not installed, or a broken CUDA install
        return False


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("gpu") is None or _gpu_available():
        return
    reason = "needs CuPy and an NVIDIA GPU (none available)"
    if os.environ.get("JAGGY_REQUIRE_GPU", "0") not in ("", "0"):
        pytest.fail(f"JAGGY_REQUIRE_GPU=1: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _validate_results(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Wraps ``jaggy.highlevel.wrap`` (through which every operation returns its result) so that
    an invalid result layout fails the test where it was made. ``JAGGY_VALIDATE=0`` turns it off;
    tests that build invalid layouts on purpose carry ``@pytest.mark.invalid_layouts``."""
    if os.environ.get("JAGGY_VALIDATE", "1") == "0" or request.node.get_closest_marker(
        "invalid_layouts"
    ):
        return
    try:
        import jaggy.highlevel as highlevel
        from jaggy.operations.validity_error import validity_error
    except ImportError:
        return
    original = highlevel.wrap

    def checked(result: object, behavior: object = None, attrs: object = None) -> object:
        out = original(result, behavior, attrs)
        layout = getattr(out, "_layout", None)
        if layout is not None and hasattr(layout, "array") and hasattr(layout, "at"):
            layout = layout.array  # a Record: validate the array it points into
        if layout is not None and hasattr(layout, "_validity_error"):
            error = validity_error(layout)
            if error:
                msg = f"an operation returned an invalid layout: {error}"
                raise AssertionError(msg)
        return out

    monkeypatch.setattr(highlevel, "wrap", checked)
