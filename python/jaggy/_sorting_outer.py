"""Sorting along an axis above the innermost one (``jaggy.sort(x, axis=0)`` of nested lists).

As in Awkward, the elements along such an axis are nested lists, and the values at the same
coordinates below the axis are sorted among themselves: with ``x = [[[3, 1], [2]]]`` and
``axis=1``, the first items of the two inner lists (3 and 2) are sorted into those two places,
giving ``[[[2, 1], [3]]]``. Every leaf value gets a key (its group above the axis, then its
coordinates below it); one stable ``lexsort`` by (key, missing, value) gives the sorted order,
one by key alone the places they fill (in their original order along the axis). The list
structure is unchanged (regular dimensions become var, as in Awkward), except that at every
optional level below the axis the missing entries move behind the present ones that share
their coordinates (the present ones keep their order and take their sublists along). Missing
values (None) sort last in both directions, NaN first; strings sort byte-wise.
"""

from __future__ import annotations

from typing import Any

from jaggy.index import Index64
from jaggy.layout import Content, ListOffsetArray, NumpyArray

__all__ = ["outer_argsort", "outer_sort"]


class _Items:
    """Per-item keys of one level: group above the axis, coordinates below it, and the rank
    argsort reports for the values the item holds."""

    def __init__(self, group: Any, coords: list, along: Any) -> None:
        self.group, self.coords, self.along = group, coords, along

    def by_key(self) -> tuple:
        return (*reversed(self.coords), self.group)

    def take(self, mask: Any) -> _Items:
        along = None if self.along is None else self.along[mask]
        return _Items(self.group[mask], [c[mask] for c in self.coords], along)

    def repeat(self, xp: Any, counts: Any, local: Any) -> _Items:
        along = None if self.along is None else xp.repeat(self.along, counts)
        coords = [xp.repeat(c, counts) for c in self.coords] + [local]
        return _Items(xp.repeat(self.group, counts), coords, along)


def _is_list(node: Any) -> bool:
    if isinstance(node, NumpyArray):
        return node.data.ndim > 1
    return node.is_list and node.parameter("__array__") not in ("string", "bytestring")


def _strip(node: Any) -> Any:
    while node.is_option or node.is_indexed:
        node = node.content
    return node


def _missing_last(xp: Any, items: _Items, valid: Any) -> Any:
    """Option index (over the present items, in order) that puts the present items of every
    coordinate group first and the missing ones last."""
    keys = items.by_key()
    slots = xp.lexsort(keys)
    sources = xp.lexsort((~valid, *keys))
    projpos = xp.cumsum(valid, dtype=xp.int64) - 1
    projpos[~valid] = -1
    out = xp.empty(len(valid), dtype=xp.int64)
    out[slots] = projpos[sources]
    return out


def _list_level(node: Any, items: _Items, structure: list, xp: Any, backend: Any) -> tuple:
    from jaggy.layout import RegularArray

    if isinstance(node, NumpyArray):
        node = node.to_RegularArray()
    if isinstance(node, RegularArray):  # becomes var in the result, as in Awkward
        size, length = node.size, node.length
        offsets = Index64._wrap(xp.arange(length + 1, dtype=xp.int64) * size, backend)
        child = node.content._getitem_range(0, length * size)
        counts = xp.full(length, size, dtype=xp.int64)
        local = xp.tile(xp.arange(size, dtype=xp.int64), length)
    else:
        packed = node.to_ListOffsetArray64(True)
        offsets = packed.offsets
        o = offsets.data
        counts = o[1:] - o[:-1]
        child = packed.content._getitem_range(0, int(o[-1]))
        local = xp.arange(int(o[-1]), dtype=xp.int64) - xp.repeat(o[:-1], counts)
    structure.append(("list", offsets, node.parameters))
    if not _is_list(_strip(child)):
        # these lists hold the values; Awkward's argsort counts a value's source as the rank of
        # its list among the present lists at the same coordinates of the same group
        items.along = _run_ranks(xp, items.by_key())
    return child, items.repeat(xp, counts, local)


def _levels(lst: Any, fname: str, keep_order: bool = False) -> tuple:
    """(structure below lst, leaf values, per-item keys of the leaf items, leaf option index
    or None); ``keep_order``: missing entries stay where they are."""
    from jaggy.layout import UnmaskedArray

    xp, backend = lst.backend.xp, lst.backend
    offsets = lst.offsets.data
    counts = offsets[1:] - offsets[:-1]
    n = int(offsets[-1])
    items = _Items(xp.repeat(xp.arange(lst.length, dtype=xp.int64), counts), [], None)
    structure: list = []
    node = lst.content._getitem_range(0, n)
    leafindex = None
    while True:
        if isinstance(node, UnmaskedArray):  # loses its option type, as in Awkward
            node = node.content
        elif node.is_option:
            opt = node.to_IndexedOptionArray64()
            index = opt.index.data
            if not _is_list(_strip(opt.content)):
                leafindex = index  # the values themselves are optional
                node = opt.content
                structure.append(("leafoption", None, opt.parameters))
                break
            valid = index >= 0
            if keep_order:
                outindex = xp.cumsum(valid, dtype=xp.int64) - 1
                outindex[~valid] = -1
            else:
                outindex = _missing_last(xp, items, valid)
            structure.append(("option", outindex, opt.parameters))
            node = opt.content._carry(Index64._wrap(index[valid], backend))
            items = items.take(valid)
        elif node.is_indexed:
            node = node.content._carry(node.index.to64())
        elif _is_list(node):
            node, items = _list_level(node, items, structure, xp, backend)
        else:
            break
    return structure, _check_leaf(node, fname), items, leafindex


def _check_leaf(node: Any, fname: str) -> Any:
    from jaggy._axiswalk import is_string

    if is_string(node) and node.is_regular:  # sorted strings are var-length, as in Awkward
        return node.to_ListOffsetArray64(True)
    if node.is_unknown or is_string(node):
        return node
    if node.is_record:
        msg = f"jaggy.{fname}: cannot sort records (no order is defined between records); sort by a field instead"
        raise TypeError(msg)
    if node.is_union:
        msg = f"jaggy.{fname}: cannot sort a union of different types"
        raise ValueError(msg)
    if not isinstance(node, NumpyArray) or node.data.dtype.kind not in "biuf":
        msg = f"jaggy.{fname}: cannot sort values of type {node.form.type}"
        raise TypeError(msg)
    return node


def _value_keys(xp: Any, leaf: Any, positions: Any, ascending: bool) -> tuple:
    """lexsort keys (least significant first) of the leaf values at ``positions``."""
    from jaggy._axiswalk import is_string
    from jaggy._sorting import reversed_ties, string_ranks

    if leaf.is_unknown:
        return ()
    if is_string(leaf):
        ranks = string_ranks(leaf)
        ranks = ranks if positions is None else ranks[positions]
        return (ranks if ascending else -reversed_ties(xp, ranks),)
    data = leaf.data if positions is None else leaf.data[positions]
    if data.dtype.kind == "f":
        return (data if ascending else -data, ~xp.isnan(data))  # NaN first in both directions
    ints = data.astype(xp.int8) if data.dtype.kind == "b" else data
    return (ints if ascending else ~ints,)


def _orders(lst: Any, ascending: bool, fname: str) -> tuple:
    xp = lst.backend.xp
    structure, leaf, items, leafindex = _levels(lst, fname)
    by_key = items.by_key()
    if leafindex is None:
        keys = _value_keys(xp, leaf, None, ascending)
    else:
        missing = leafindex < 0
        keys = _value_keys(xp, leaf, leafindex[~missing], ascending)
        full = [xp.zeros(len(missing), dtype=k.dtype) for k in keys]  # missing ones: in order
        for f, k in zip(full, keys):
            f[~missing] = k
        keys = (*full, missing)
    order = xp.lexsort((*keys, *by_key))  # values in sorted order, key by key
    places = xp.lexsort(by_key)           # where they go: each key's places in original order
    return structure, leaf, items, leafindex, order, places


def _rebuild(lst: Any, structure: list, leaf: Any, values: bool) -> Any:
    """The lists of ``lst`` around a new leaf; ``values``: the leaf holds the sorted values
    (which keep their option type), else positions (int64, options kept above the values)."""
    from jaggy.layout import IndexedOptionArray

    out = leaf
    for kind, data, params in reversed(structure):
        if kind == "list":
            out = ListOffsetArray(data, out, parameters=params)
        elif kind == "option":
            out = IndexedOptionArray(Index64._wrap(data, lst.backend), out, parameters=params)
    return ListOffsetArray(lst.offsets, out, parameters=lst.parameters)


def outer_sort(lst: Any, ascending: bool, fname: str) -> Any:
    """``lst`` (a packed ListOffsetArray whose elements are lists) sorted along its own axis."""
    from jaggy.layout import EmptyArray, IndexedOptionArray

    xp, backend = lst.backend.xp, lst.backend
    structure, leaf, _, leafindex, order, places = _orders(lst, ascending, fname)
    if leafindex is not None:
        outindex = xp.empty(len(leafindex), dtype=xp.int64)
        outindex[places] = leafindex[order]
        params = structure.pop()[2]
        new: Content = IndexedOptionArray(Index64._wrap(outindex, backend), leaf, parameters=params)
        return _rebuild(lst, structure, new, True)
    carry = xp.empty(len(order), dtype=xp.int64)
    carry[places] = order
    if leaf.is_unknown:
        new = EmptyArray()
    elif isinstance(leaf, NumpyArray):
        new = NumpyArray(leaf.data[carry], parameters=leaf.parameters, backend=backend)
    else:
        new = leaf._carry(Index64._wrap(carry, backend))
    return _rebuild(lst, structure, new, True)


def outer_argsort(lst: Any, ascending: bool, fname: str) -> Any:
    """For every place, the source of the value ``outer_sort`` puts there, as Awkward counts
    it: the rank of the source's list among the present lists of its group at the same
    coordinates below the axis."""
    from jaggy._axiswalk import is_string

    xp = lst.backend.xp
    structure, leaf, items, leafindex, order, places = _orders(lst, ascending, fname)
    if leafindex is not None:
        structure.pop()
    along = items.along
    if is_string(leaf):
        # Awkward counts a string's source as its rank among the strings at the same
        # coordinates
        along = _run_ranks(xp, items.take(leafindex >= 0).by_key()) if leafindex is not None \
            else _run_ranks(xp, items.by_key())
    if leafindex is not None:
        # and a missing value's source as its position among all entries there
        missing = leafindex < 0
        full = _run_ranks(xp, items.by_key())
        if is_string(leaf):
            full[~missing] = along
        else:
            full[~missing] = along[~missing]
        along = full
    out = xp.empty(len(order), dtype=xp.int64)
    out[places] = along[order]
    return _rebuild(lst, structure, NumpyArray(out, backend=lst.backend), False)


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
