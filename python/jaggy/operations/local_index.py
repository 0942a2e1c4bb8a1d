"""jaggy.local_index: the position of every element within its list."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def local_index(array: Any, axis: int = -1, *, highlevel: bool = True,
                behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """The position of every element within its list at ``axis`` (0, 1, 2, ... in each list).

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        axis: the list dimension (0 numbers the top-level entries; negative counts from the
            innermost dimension).
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        An int64 array with the structure of ``array`` down to ``axis`` (regular dimensions stay
        regular, options and records are kept).

    Example:
        >>> import jaggy
        >>> a = jaggy.Array([[5, 6, 7], [], [8]])
        >>> jaggy.local_index(a).to_list()
        [[0, 1, 2], [], [0]]
        >>> jaggy.local_index(a, axis=0).to_list()
        [0, 1, 2]

    Raises:
        jaggy.errors.AxisError: ``axis`` is deeper than the array.
    """
    from jaggy._structure_util import check_axis, recurse
    from jaggy.layout.listoffsetarray import ListOffsetArray
    from jaggy.layout.numpyarray import NumpyArray
    from jaggy.layout.regulararray import RegularArray
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    pos = check_axis(layout, axis, "local_index", into_strings=True)
    xp = layout.backend.xp

    def action(node: Any, depth: int) -> Any:
        backend = node.backend
        if node.is_regular:
            size = node.size
            data = xp.tile(xp.arange(size, dtype=xp.int64), node.length)
            return RegularArray(NumpyArray(data, backend=backend), size, node.length)
        if type(node) is ListOffsetArray:
            offsets = node.offsets.data.astype(xp.int64, copy=False)
        else:
            offsets, _ = node._packed_carry()
            offsets = offsets.data
        n = len(offsets) - 1
        total = int(offsets[-1] - offsets[0]) if n >= 0 else 0
        out = xp.empty(total, xp.int64)
        backend.kernels.local_index(offsets, out, n, total)
        packed = offsets - offsets[0] if int(offsets[0]) else offsets
        from jaggy.index import Index64

        return ListOffsetArray(Index64._wrap(packed, backend), NumpyArray(out, backend=backend))

    if pos == 0:
        out = NumpyArray(xp.arange(layout.length, dtype=xp.int64), backend=layout.backend)
    else:
        out = recurse(layout, pos, "local_index", action,
                      entries=lambda node, depth: NumpyArray(xp.arange(node.length, dtype=xp.int64),
                                                             backend=node.backend),
                      union_merge=False)
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["local_index"]
