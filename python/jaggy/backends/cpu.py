"""The CPU backend: NumPy arrays and the compiled kernels of jaggy._ext."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np

from jaggy._kernels import api
from jaggy.backends import _pool
from jaggy.backends.base import Backend


def _numpy_with_pool() -> ModuleType:
    """NumPy's namespace with ``empty`` served from jaggy's pool of large buffers
    (``jaggy.backends._pool``): what the CPU backend's ``xp`` is."""
    xp = ModuleType("jaggy.backends.cpu.xp", "NumPy, with large empty buffers from jaggy's pool")
    xp.__dict__.update({k: v for k, v in vars(np).items() if not k.startswith("__")})
    setattr(xp, "empty", _pool.empty)  # noqa: B010
    setattr(xp, "__getattr__", lambda name: getattr(np, name))  # noqa: B010  (lazy submodules)
    return xp


class CPUBackend(Backend):
    name = "cpu"
    xp = _numpy_with_pool()
    kernels = api

    def to_host(self, data: Any) -> np.ndarray:
        return data


cpu = CPUBackend()
