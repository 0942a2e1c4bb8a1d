"""The Backend interface: what layout and algorithm code may ask of a device."""

from __future__ import annotations

from typing import Any


class Backend:
    """One device: ``xp`` is its array library (numpy-compatible), ``kernels`` its kernel API."""

    name: str = "abstract"
    xp: Any = None
    kernels: Any = None

    def __repr__(self) -> str:
        return f"<jaggy backend {self.name!r}>"

    def asarray(self, data: Any, dtype: Any = None) -> Any:
        return self.xp.asarray(data, dtype=dtype)

    def to_host(self, data: Any) -> Any:
        """A NumPy copy (or view, on the CPU) of a buffer of this backend."""
        raise NotImplementedError(f"{type(self).__name__}.to_host")
