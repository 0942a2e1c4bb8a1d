"""jaggy.num: the number of elements of every list at a given axis."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from jaggy.highlevel import Array, _result_for
from jaggy.layout.listoffsetarray import ListOffsetArray
from jaggy.layout.numpyarray import NumpyArray
from jaggy.operations._wrap import finish
from jaggy.operations.to_layout import to_layout

_INT64 = np.dtype(np.int64)


def num(array: Any, axis: int = 1, *, highlevel: bool = True, behavior: Mapping | None = None,
        attrs: Mapping | None = None) -> Any:
    """The number of elements in each list at ``axis``.

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        axis: the list dimension (0 gives the length of the array; negative counts from the
            innermost dimension).
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        An int for ``axis=0``, otherwise an int64 array with the structure above ``axis``
        (options and records on the way are kept).

    Example:
        >>> import jaggy
        >>> a = jaggy.Array([[[1, 2], [3]], [], [[4, 5, 6]]])
        >>> jaggy.num(a).to_list()
        [2, 0, 1]
        >>> jaggy.num(a, axis=2).to_list()
        [[2, 1], [], [3]]
        >>> jaggy.num(a, axis=0)
        3

    Raises:
        jaggy.errors.AxisError: ``axis`` is deeper than the array.
    """
    if type(array) is Array:
        layout = array._layout
        if type(layout) is ListOffsetArray and type(axis) is int and axis == 1 and not layout._parameters:
            # fast path: one diff of the offsets (checked for decreasing offsets)
            backend = layout._backend
            offsets = layout._offsets._data
            n = len(offsets) - 1
            counts = backend.xp.empty(n, _INT64)
            backend.kernels.offsets_to_counts(offsets, counts, n)
            return _result_for(NumpyArray._fast(counts, {}, backend), highlevel, array, behavior, attrs)
    else:
        layout = to_layout(array, allow_record=False)
    from jaggy._structure_util import check_axis, list_counts, recurse

    pos = check_axis(layout, axis, "num", into_strings=True)
    if pos == 0:
        return layout.length

    def action(node: Any, depth: int) -> Any:
        return NumpyArray(list_counts(node), backend=node.backend)

    out = recurse(layout, pos, "num", action)
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["num"]
