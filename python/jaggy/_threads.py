"""Thread count of the compiled kernels (OpenMP): ``jaggy.set_num_threads`` / ``get_num_threads``.

The environment variable ``JAGGY_NUM_THREADS`` sets the initial count. Results never depend on
the count: parallel kernels combine per-thread work in a fixed order and report the first error.
"""

from __future__ import annotations

import os

from jaggy import _ext


def set_num_threads(n: int) -> None:
    """Use ``n`` threads (at least 1) in kernels over large inputs."""
    if int(n) < 1:
        msg = f"jaggy.set_num_threads: the number of threads must be at least 1, not {n}"
        raise ValueError(msg)
    _ext.set_num_threads(int(n))


def get_num_threads() -> int:
    """The number of threads kernels over large inputs use."""
    return int(_ext.get_num_threads())


def _init_from_environment() -> None:
    value = os.environ.get("JAGGY_NUM_THREADS")
    if value:
        try:
            set_num_threads(int(value))
        except ValueError:
            msg = f"JAGGY_NUM_THREADS must be a positive integer, not {value!r}"
            raise ValueError(msg) from None
