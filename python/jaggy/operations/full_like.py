"""jaggy.full_like: an array of the same structure with every value replaced by one value."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

_ZERO = object()  # zeros_like: strings become empty rather than "0"


def full_like(array: Any, fill_value: Any, *, dtype: Any = None, including_unknown: bool = False,
              highlevel: bool = True, behavior: Mapping | None = None,
              attrs: Mapping | None = None) -> Any:
    """An array with the structure of ``array`` and ``fill_value`` in place of every value.

    Args:
        array: any array (lists, records, options and None are kept).
        fill_value: the value; numbers take the array's dtype (or ``dtype``); strings become
            ``str(fill_value)`` (bytestrings its bytes).
        dtype: the dtype of the result's numbers; given, strings become numbers too.
        including_unknown: with ``dtype``, lists of unknown type also become ``dtype``.
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The filled array.

    Example:
        >>> jaggy.full_like(jaggy.Array([[1, 2], [3]]), 7).to_list()
        [[7, 7], [7]]

    Raises:
        TypeError: ``dtype`` is not a NumPy dtype.
    """
    return _full(array, fill_value, dtype, including_unknown, highlevel, behavior, attrs, "full_like")


def _full(array: Any, fill_value: Any, dtype: Any, including_unknown: bool, highlevel: bool,
          behavior: Any, attrs: Any, name: str) -> Any:
    from jaggy._recurse import is_string_like, transform
    from jaggy.layout import EmptyArray, NumpyArray
    from jaggy.operations._wrap import finish
    from jaggy.operations.to_layout import to_layout

    if dtype is not None:
        try:
            dtype = np.dtype(dtype)
        except TypeError as err:
            msg = f"jaggy.{name}: dtype={dtype!r} is not a NumPy dtype"
            raise TypeError(msg) from err
    value = 0 if fill_value is _ZERO else fill_value

    def fill(node: Any, depth: int) -> Any:
        xp = node.backend.xp
        if is_string_like(node):
            if dtype is not None:
                return NumpyArray(xp.full(node.length, value, dtype=dtype), backend=node.backend)
            return _strings(node, fill_value)
        if isinstance(node, NumpyArray):
            out_dtype = dtype if dtype is not None else node.data.dtype
            data = xp.full(node.data.shape, value, dtype=out_dtype)
            return NumpyArray(data, parameters=node.parameters, backend=node.backend)
        if isinstance(node, EmptyArray) and including_unknown and dtype is not None:
            return NumpyArray(xp.zeros(0, dtype), backend=node.backend)
        return None

    layout = to_layout(array, allow_record=False)
    return finish(transform(layout, fill), highlevel, array, behavior=behavior, attrs=attrs)


def _strings(node: Any, fill_value: Any) -> Any:
    from jaggy.index import Index64
    from jaggy.layout import ListOffsetArray, NumpyArray

    xp = node.backend.xp
    is_bytes = node.parameter("__array__") == "bytestring"
    if fill_value is _ZERO:
        raw = b""
    elif isinstance(fill_value, bytes):
        raw = fill_value
    elif isinstance(fill_value, str):
        raw = fill_value.encode()
    else:
        raw = str(fill_value).encode()
    n = node.length
    offsets = xp.arange(n + 1, dtype=np.int64) * len(raw)
    chars = xp.tile(xp.frombuffer(raw, np.uint8), n) if raw else xp.zeros(0, np.uint8)
    content = NumpyArray(chars, parameters={"__array__": "byte" if is_bytes else "char"},
                         backend=node.backend)
    return ListOffsetArray(Index64._wrap(offsets, node.backend), content, parameters=node.parameters)


__all__ = ["full_like"]
