"""jaggy.merge_union_of_records: turn a union of records into one record of options."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

_NAME = "jaggy.merge_union_of_records"


def merge_union_of_records(array: Any, axis: int = -1, *, highlevel: bool = True,
                           behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Turn a union of records at ``axis`` into one record type (missing fields as None).

    Every field of any of the union's records becomes a field of the result; entries whose
    record lacks a field have None there (the field becomes option-type), and a field whose
    types differ between the records becomes a union of those types. Options or indexes
    around the union's records move outside the result (``union[?{x}, ?{y}]`` becomes
    ``?{x: ?A, y: ?B}``).

    Args:
        array: an array with a union of records at depth ``axis``.
        axis: the list depth of the union (negative counts from the innermost).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The array whose union of records became records.

    Example:
        >>> x = jaggy.Array([{"a": 1}, {"b": "x"}])
        >>> str(jaggy.merge_union_of_records(x).type)
        '2 * {a: ?int64, b: ?string}'

    Raises:
        AxisError: ``axis`` exceeds the depth of the array.
        TypeError: ``axis`` is negative and the array's records have fields of different
            depths, or ``axis`` is not an integer.
    """
    from jaggy._merge_union import merge_union
    from jaggy._recurse import transform
    from jaggy.errors import AxisError
    from jaggy.operations._wrap import finish
    from jaggy.operations.to_layout import to_layout

    if not isinstance(axis, (int, np.integer)) or isinstance(axis, (bool, np.bool_)):
        msg = f"{_NAME}: axis must be an integer, not {axis!r}"
        raise TypeError(msg)
    axis = int(axis)
    layout = to_layout(array, allow_record=False)

    def apply(node: Any, depth: int) -> Any:
        if axis >= 0:
            posaxis = axis
        else:
            mindepth, maxdepth = node.form.minmax_depth
            if mindepth != maxdepth:
                msg = (f"{_NAME}: axis={axis} is ambiguous: this array has depths from {mindepth} "
                       f"to {maxdepth}; use a non-negative axis")
                raise TypeError(msg)
            posaxis = axis + depth + maxdepth - 1
        if depth < posaxis + 1 and (node.is_numpy or node.is_unknown):
            msg = f"{_NAME}: axis={axis} exceeds the depth of this array ({depth})"
            raise AxisError(msg)
        if depth == posaxis + 1 and node.is_union:
            return merge_union(node)
        return None

    out = transform(layout, apply)
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["merge_union_of_records"]
