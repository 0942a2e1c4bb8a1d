"""jaggy.type: the data type of an array, record or scalar."""

from __future__ import annotations

import builtins
from typing import Any

import numpy as np


def type(array: Any, *, behavior: Any = None) -> Any:
    """The type of ``array``: an ``ArrayType`` for arrays, ``ScalarType`` for records, a
    ``NumpyType`` for NumPy scalars.

    >>> import jaggy
    >>> str(jaggy.type(jaggy.Array([[1, 2], [], [3]])))
    '3 * var * int64'
    """
    from jaggy import types
    from jaggy.highlevel import Array, Record
    from jaggy.layout import Content
    from jaggy.record import Record as LayoutRecord

    if isinstance(array, (Array, Record)):
        return array.type
    if isinstance(array, LayoutRecord):
        return types.ScalarType(array.array.form.type)
    if isinstance(array, Content):
        return types.ArrayType(array.form.type, array.length)
    if isinstance(array, (np.generic, builtins.bool, int, float, complex)):
        return types.NumpyType(types.dtype_to_primitive(np.asarray(array).dtype))
    if array is None:
        return types.UnknownType()
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array)
    if isinstance(layout, LayoutRecord):
        return types.ScalarType(layout.array.form.type)
    return types.ArrayType(layout.form.type, layout.length)

__all__ = ["type"]
