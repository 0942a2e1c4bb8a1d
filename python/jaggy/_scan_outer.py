"""Running sums and products along an axis above the innermost one (jaggy.cumsum/cumprod).

An axis-k scan accumulates the same values that an axis-k reduction groups: the values at equal
coordinates below the axis, in their order along it. With ``x = [[[1, 2], [10]]]`` and
``axis=1``, the first items of the two inner lists accumulate (1, then 1 + 10) and the second
items on their own: ``[[[1, 2], [11]]]``. The structure is unchanged (regular dimensions become
var); None values stay None and do not reset the running value. One stable ``lexsort`` by
coordinates puts every group together, one segmented scan kernel accumulates them.
"""

from __future__ import annotations

from typing import Any

from jaggy.index import Index64
from jaggy.layout import Content, NumpyArray

__all__ = ["outer_scan"]


def outer_scan(lst: Any, op: int, fname: str) -> Any:
    """``lst`` (a packed ListOffsetArray whose elements are lists) scanned along its own axis:
    op 0 a running sum, 1 a running product."""
    from jaggy._extensions import _numeric
    from jaggy._sorting_outer import _levels, _rebuild
    from jaggy.layout import EmptyArray, IndexedOptionArray

    xp, kernels, backend = lst.backend.xp, lst.backend.kernels, lst.backend
    structure, leaf, items, leafindex = _levels(lst, fname, keep_order=True)
    new: Content
    if leaf.is_unknown:
        new = EmptyArray()
        if leafindex is not None:
            params = structure.pop()[2]
            new = IndexedOptionArray(Index64._wrap(leafindex, backend), new, parameters=params)
        return _rebuild(lst, structure, new, True)
    data = _numeric(leaf, fname)
    if leafindex is not None:
        valid = leafindex >= 0
        items = items.take(valid)
        data = data[leafindex[valid]]
    keys = items.by_key()
    n = len(data)
    order = xp.lexsort(keys)
    boundary = xp.ones(n, dtype=bool)
    if n:
        same = xp.ones(n - 1, dtype=bool)
        for k in keys:  # a few key arrays (one per level), never per element
            sk = k[order]
            same &= sk[1:] == sk[:-1]
        boundary[1:] = ~same
    starts = xp.flatnonzero(boundary).astype(xp.int64)
    offsets = xp.concatenate([starts, xp.asarray([n], dtype=xp.int64)])
    kind = data.dtype.kind
    dtype = {"b": xp.int64, "i": xp.int64, "u": xp.uint64}.get(kind, data.dtype)
    values = xp.ascontiguousarray(data[order], dtype=dtype)
    scanned = xp.empty_like(values)
    kernels.segmented_scan(offsets, values, scanned, len(offsets) - 1, n, op)
    out = xp.empty_like(scanned)
    out[order] = scanned
    result: Content = NumpyArray(out, backend=backend)
    if leafindex is not None:
        params = structure.pop()[2]
        compact = xp.cumsum(valid, dtype=xp.int64) - 1
        compact[~valid] = -1
        result = IndexedOptionArray(Index64._wrap(compact, backend), result, parameters=params)
    return _rebuild(lst, structure, result, True)
