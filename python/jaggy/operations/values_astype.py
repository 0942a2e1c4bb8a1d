"""jaggy.values_astype: convert the numbers of an array to another dtype."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np


def values_astype(array: Any, to: Any, *, including_unknown: bool = False, highlevel: bool = True,
                  behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Convert every numeric leaf of ``array`` to the dtype ``to``, keeping the structure.

    Args:
        array: any array; strings and bytestrings are left as they are.
        to: a NumPy dtype or its name (``np.float32``, ``"int64"``, ``"datetime64[s]"``...).
        including_unknown: if True, lists of unknown type (EmptyArray) also become ``to``.
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The array with converted numbers (NumPy's ``astype`` rules).

    Example:
        >>> print(jaggy.values_astype(jaggy.Array([[1, 2], []]), "float32").type)
        2 * var * float32

    Raises:
        TypeError: ``to`` is not a dtype NumPy knows.
    """
    from jaggy._recurse import is_string_like, transform
    from jaggy.layout import EmptyArray, NumpyArray
    from jaggy.operations._wrap import finish
    from jaggy.operations.to_layout import to_layout

    try:
        dtype = np.dtype(to)
    except TypeError as err:
        msg = f"jaggy.values_astype: cannot convert to {to!r}: not a NumPy dtype"
        raise TypeError(msg) from err
    if dtype.kind not in "biufcmM":
        msg = f"jaggy.values_astype: cannot convert to {dtype}: only booleans, numbers and dates/times"
        raise TypeError(msg)

    def convert(node: Any, depth: int) -> Any:
        if is_string_like(node):
            return node
        if isinstance(node, NumpyArray):
            return NumpyArray(node.data.astype(dtype), parameters=node.parameters, backend=node.backend)
        if isinstance(node, EmptyArray) and including_unknown:
            return NumpyArray(node.backend.xp.zeros(0, dtype), parameters=node.parameters,
                              backend=node.backend)
        return None

    layout = to_layout(array, allow_record=False)
    return finish(transform(layout, convert), highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["values_astype"]
