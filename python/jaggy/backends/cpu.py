"""The CPU backend: NumPy arrays and the compiled kernels of jaggy._ext."""

from __future__ import annotations

from typing import Any

import numpy as np

from jaggy._kernels import api
from jaggy.backends.base import Backend


class CPUBackend(Backend):
    name = "cpu"
    xp = np
    kernels = api

    def to_host(self, data: Any) -> np.ndarray:
        return data


cpu = CPUBackend()
