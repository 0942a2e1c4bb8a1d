from __future__ import annotations

import pytest

numba = pytest.importorskip("numba")


@pytest.fixture(autouse=True, scope="session")
def _register_jaggy_numba():
    import jaggy.numba

    jaggy.numba.register()
