"""Sorting along an axis above the innermost one (``jaggy.sort(x, axis=0)`` of nested lists).

As in Awkward, the elements along such an axis are nested lists, and the values at the same
coordinates below the axis are sorted among themselves: with ``x = [[[3, 1], [2]]]`` and
``axis=1``, the first items of the two inner lists (3 and 2) are sorted into those two places,
giving ``[[[2, 1], [3]]]``. Every leaf value gets a key (its group above the axis, then its
coordinates below it); one stable ``lexsort`` by (key, value) gives the sorted order, one by key
alone the places they fill (in their original order along the axis). The list structure is
unchanged (regular dimensions become var, as in Awkward). Options with missing values,
records and strings below the axis are not handled here.
"""

from __future__ import annotations

from typing import Any

from jaggy.index import Index64
from jaggy.layout import ListOffsetArray, NumpyArray, RegularArray

__all__ = ["outer_argsort", "outer_sort"]


def _levels(lst: Any, fname: str) -> tuple[list, Any, list, Any]:
    """(structure of the levels below lst, leaf data, coordinates of every leaf value,
    [group, argsort's source rank] of every leaf value)."""
    xp = lst.backend.xp
    offsets = lst.offsets.data
    counts = offsets[1:] - offsets[:-1]
    n = int(offsets[-1])
    group = xp.repeat(xp.arange(lst.length, dtype=xp.int64), counts)
    along = xp.arange(n, dtype=xp.int64) - xp.repeat(offsets[:-1], counts)
    coords: list = []
    structure: list = []
    node = lst.content._getitem_range(0, n)
    while _is_list(node):
        if isinstance(node, RegularArray):  # becomes var in the result, as in Awkward
            size = node.size
            offsets = Index64._wrap(xp.arange(node.length + 1, dtype=xp.int64) * size, lst.backend)
            structure.append((ListOffsetArray, offsets, node.parameters))
            node = node.content._getitem_range(0, node.length * size)
            c = xp.full(len(group), size, dtype=xp.int64)
            local = xp.tile(xp.arange(size, dtype=xp.int64), len(group))
        else:
            packed = node.to_ListOffsetArray64(True)
            o = packed.offsets.data
            c = o[1:] - o[:-1]
            structure.append((ListOffsetArray, packed.offsets, node.parameters))
            node = packed.content._getitem_range(0, int(o[-1]))
            local = xp.arange(int(o[-1]), dtype=xp.int64) - xp.repeat(o[:-1], c)
        if coords and not _is_list(node):
            # these items hold the values; Awkward's argsort counts an element's rank among the
            # elements of its group that have a list at these same coordinates
            along = _run_ranks(xp, (*coords, group))
        group, along = xp.repeat(group, c), xp.repeat(along, c)
        coords = [xp.repeat(k, c) for k in coords] + [local]
    option = False
    if node.is_option or node.is_indexed:
        from jaggy.layout import UnmaskedArray

        if node.is_option and not isinstance(node, UnmaskedArray):
            if not bool(node.mask_as_bool(True).all()):
                msg = (f"jaggy.{fname}: sorting at an axis above the innermost is not implemented "
                       f"for values with missing entries (None)")
                raise NotImplementedError(msg)
            option = True  # the result keeps the option type (as Awkward's does)
        node = node.project() if not isinstance(node, UnmaskedArray) else node.content
    unknown = node.is_unknown  # no values at all (lists of empty lists)
    if unknown:
        node = NumpyArray(xp.zeros(0, dtype=xp.float64), backend=lst.backend)
    if node.is_record:
        msg = f"jaggy.{fname}: cannot sort records (no order is defined between records); sort by a field instead"
        raise TypeError(msg)
    if not isinstance(node, NumpyArray) or node.data.ndim != 1 or node.data.dtype.kind not in "biuf":
        msg = (f"jaggy.{fname}: sorting at an axis above the innermost is implemented for nested "
               f"lists of numbers, not {node.form.type}")
        raise NotImplementedError(msg)
    if option:
        structure.append(("option", None, None))
    if unknown:
        structure.append(("unknown", None, None))
    return structure, node, coords, (group, along)


def _orders(lst: Any, ascending: bool, fname: str, values: bool = False) -> tuple:
    xp = lst.backend.xp
    structure, leaf, coords, (group, along) = _levels(lst, fname)
    data = leaf.data
    if data.dtype.kind == "f":
        value = data if ascending else -data
        keys = (value, ~xp.isnan(data))  # NaN first in both directions, as innermost sorts
    else:
        ints = data.astype(xp.int8) if data.dtype.kind == "b" else data
        keys = (ints if ascending else ~ints,)
    by_key = (*reversed(coords), group)
    order = xp.lexsort((*keys, *by_key))  # values in sorted order, key by key
    places = xp.lexsort(by_key)           # where they go: each key's places in original order
    return structure, leaf if values else along, order, places


def _rebuild(lst: Any, structure: list, leaf: Any, values: bool) -> Any:
    """The lists of ``lst`` around a new leaf; ``values``: the leaf holds the sorted values
    (which keep an option or unknown type), else positions (int64)."""
    from jaggy.layout import EmptyArray, UnmaskedArray

    out = leaf
    while structure and structure[-1][0] in ("option", "unknown"):
        kind = structure.pop()[0]
        if values:
            out = UnmaskedArray(out) if kind == "option" else EmptyArray()
    for _, offsets, params in reversed(structure):
        out = ListOffsetArray(offsets, out, parameters=params)
    return ListOffsetArray(lst.offsets, out, parameters=lst.parameters)


def outer_sort(lst: Any, ascending: bool, fname: str) -> Any:
    """``lst`` (a packed ListOffsetArray whose elements are lists) sorted along its own axis."""
    xp = lst.backend.xp
    structure, leaf, order, places = _orders(lst, ascending, fname, values=True)
    data = xp.empty_like(leaf.data)
    data[places] = leaf.data[order]
    return _rebuild(lst, structure, NumpyArray(data, parameters=leaf.parameters), True)


def outer_argsort(lst: Any, ascending: bool, fname: str) -> Any:
    """For every place, the source of the value ``outer_sort`` puts there, as Awkward counts
    it: the source element's position along the axis or, where the elements hold lists of
    lists, its rank among the elements of its group that have a list of values at the same
    coordinates below the axis."""
    xp = lst.backend.xp
    structure, rank, order, places = _orders(lst, ascending, fname)
    out = xp.empty(len(rank), dtype=xp.int64)
    out[places] = rank[order]
    return _rebuild(lst, structure, NumpyArray(out), False)


def _is_list(node: Any) -> bool:
    return node.is_list and node.parameter("__array__") not in ("string", "bytestring")


def _run_ranks(xp: Any, keys: tuple) -> Any:
    """Rank of every item among the items with equal keys (in their original order)."""
    n = len(keys[0])
    rank = xp.empty(n, dtype=xp.int64)
    if n == 0:
        return rank
    order = xp.lexsort(keys)
    new = xp.zeros(n, dtype=bool)
    new[0] = True
    for k in keys:
        sk = k[order]
        new[1:] |= sk[1:] != sk[:-1]
    starts = xp.maximum.accumulate(xp.where(new, xp.arange(n), 0))
    rank[order] = xp.arange(n) - starts
    return rank
