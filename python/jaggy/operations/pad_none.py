"""jaggy.pad_none: lengthen (and optionally cut) lists to a target length with None."""

from __future__ import annotations

import operator
from collections.abc import Mapping
from typing import Any

from jaggy._memcheck import check_alloc
from jaggy.operations._wrap import finish


def _pad_list(node: Any, target: int, clip: bool) -> Any:
    from jaggy._structure_util import list_counts
    from jaggy.index import Index64
    from jaggy.layout.listoffsetarray import ListOffsetArray
    from jaggy.layout.options import simplified_indexed
    from jaggy.layout.regulararray import RegularArray

    backend = node.backend
    xp = backend.xp
    n = node.length
    if node.is_regular and not clip and node.size > target:
        return node  # like Awkward: a regular dimension longer than the target stays
    if clip:
        check_alloc("pad_none", n * target, 8, "index entries")
        outoffsets = xp.arange(n + 1, dtype=xp.int64) * target
    else:
        counts = list_counts(node)
        outoffsets = xp.empty(n + 1, xp.int64)
        outoffsets[0] = 0
        if type(node).__name__ == "ListArray" and (n == 0 or int(counts.min()) > target):
            return node  # like Awkward: a ListArray whose lists are all longer stays as it is
        check_alloc("pad_none", float(xp.maximum(counts, target).sum(dtype=xp.float64)), 8,
                    "index entries")
        xp.cumsum(xp.maximum(counts, target), out=outoffsets[1:])
    total = int(outoffsets[-1])
    index = xp.empty(total, xp.int64)
    starts, stops = node.starts.data, node.stops.data
    backend.kernels.pad_index(starts, stops, outoffsets, index, n, total)
    content = simplified_indexed(index, node.content, True)
    if clip or node.is_regular:
        size = target if clip else max(node.size, target)
        return RegularArray(content, size, n, parameters=node.parameters)
    return ListOffsetArray(Index64._wrap(outoffsets, backend), content, parameters=node.parameters)


def pad_none(array: Any, target: int, axis: int = 1, *, clip: bool = False,
             highlevel: bool = True, behavior: Mapping | None = None,
             attrs: Mapping | None = None) -> Any:
    """Pads the lists at ``axis`` with None up to ``target`` elements.

    With ``clip=True`` longer lists are also cut, so that every list has exactly ``target``
    elements (a regular dimension).

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        target: the minimum (or, with ``clip``, exact) list length, an int >= 0.
        axis: the list dimension (0 pads the array itself; negative counts from the innermost).
        clip: cut the lists longer than ``target``.
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        The padded array, option-type at ``axis``.

    Example:
        >>> import jaggy
        >>> a = jaggy.Array([[1], [2, 3, 4], []])
        >>> jaggy.pad_none(a, 2).to_list()
        [[1, None], [2, 3, 4], [None, None]]
        >>> out = jaggy.pad_none(a, 2, clip=True)
        >>> out.to_list(), str(out.type)
        ([[1, None], [2, 3], [None, None]], '3 * 2 * ?int64')

    Raises:
        jaggy.errors.AxisError: ``axis`` is deeper than the array.
        TypeError: ``target`` is not an integer.
        ValueError: ``target`` is negative.
    """
    from jaggy._structure_util import check_axis, recurse
    from jaggy.layout.options import simplified_indexed
    from jaggy.operations.to_layout import to_layout

    try:
        target = operator.index(target)
    except TypeError:
        msg = f"jaggy.pad_none: 'target' must be an integer, not {target!r}"
        raise TypeError(msg) from None
    if target < 0:
        msg = f"jaggy.pad_none: 'target' must be non-negative, not {target}"
        raise ValueError(msg)
    layout = to_layout(array, allow_record=False)
    pos = check_axis(layout, axis, "pad_none")

    def pad_entries(node: Any, depth: int) -> Any:
        xp = node.backend.xp
        n = node.length
        if not clip and target < n and node.is_numpy:
            return node  # like Awkward: numbers longer than the target stay as they are
        width = target if clip else max(target, n)
        check_alloc("pad_none", width, 8, "index entries")
        index = xp.arange(width, dtype=xp.int64)
        index[n:] = -1
        return simplified_indexed(index, node, True)

    if pos == 0:
        out = pad_entries(layout, 1)
    else:
        out = recurse(layout, pos, "pad_none", lambda node, depth: _pad_list(node, target, clip),
                      entries=pad_entries, union_merge=False)
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["pad_none"]
