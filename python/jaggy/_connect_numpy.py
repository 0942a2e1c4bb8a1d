"""NumPy protocols on jaggy arrays: ``__array_ufunc__`` and ``__array_function__``.

Ufuncs apply to the leaf buffers after broadcasting the inputs' structures
(``jaggy._broadcasting``). Not implemented yet in this version: both raise NotImplementedError.
"""

from __future__ import annotations

from typing import Any


def array_ufunc(ufunc: Any, method: str, inputs: tuple, kwargs: dict) -> Any:
    msg = f"jaggy.Array.__array_ufunc__ ({ufunc.__name__}.{method} on jaggy arrays) is not implemented yet"
    raise NotImplementedError(msg)


def array_function(func: Any, types: tuple, args: tuple, kwargs: dict) -> Any:
    msg = f"jaggy.Array.__array_function__ ({getattr(func, '__name__', func)} on jaggy arrays) is not implemented yet"
    raise NotImplementedError(msg)
