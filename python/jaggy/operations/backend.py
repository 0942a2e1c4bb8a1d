"""jaggy.backend: the name of the backend that holds the arrays' buffers."""

from __future__ import annotations

from typing import Any

from jaggy.errors import BackendError


def backend(*arrays: Any) -> str:
    """The name of the backend that holds the buffers of ``arrays``.

    Parameters:
        *arrays: jaggy arrays, records, layouts, NumPy or CuPy arrays; other objects
            (numbers, strings, None) are ignored.

    Returns:
        ``"cpu"`` or ``"cuda"`` (``"cpu"`` when no argument holds buffers).

    Example:
        >>> import jaggy
        >>> jaggy.backend(jaggy.Array([[1, 2], [3]]))
        'cpu'
        >>> jaggy.backend(jaggy.Array([1, 2]), 3.5)
        'cpu'

    Raises:
        jaggy.errors.BackendError: the arrays are on different backends (move them with
            ``jaggy.to_backend``).
    """
    from jaggy.highlevel import Array, Record
    from jaggy.layout import Content
    from jaggy.record import Record as LayoutRecord

    names = set()
    for a in arrays:
        if isinstance(a, (Array, Record)):
            a = a.layout
        if isinstance(a, (Content, LayoutRecord)):
            names.add(a.backend.name)
        elif type(a).__module__.startswith("cupy") or getattr(type(a), "_jaggy_device_", None):
            names.add("cuda")
        elif hasattr(a, "__array__"):
            names.add("cpu")
    if len(names) > 1:
        msg = f"arrays are on different backends ({', '.join(sorted(names))}); move them with jaggy.to_backend"
        raise BackendError(msg)
    return names.pop() if names else "cpu"

__all__ = ["backend"]
