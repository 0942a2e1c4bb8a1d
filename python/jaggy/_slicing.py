"""``__getitem__`` on layouts: the algorithms behind ``array[where]``.

Awkward's full semantics: integers, slices (any step), tuples across dimensions, ``...``,
``np.newaxis``, field names anywhere in a tuple, lists of field names, integer and boolean arrays
(NumPy arrays, Python lists, jaggy arrays) with NumPy-style broadcasting of several array indexes,
jagged integer and boolean arrays, and option-typed indexes (None selects None).

The common cases (``x[i]``, ``x[a:b]``, ``x["field"]``) are answered directly; everything else wraps
the array in a length-1 RegularArray and applies the items one dimension at a time
(``jaggy._slicing_next.apply``), then takes the single element.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from jaggy.index import Index64
from jaggy.layout.listoffsetarray import ListOffsetArray
from jaggy.layout.numpyarray import NumpyArray

_WHERE = "jaggy.Array.__getitem__"


def getitem(layout: Any, where: Any) -> Any:
    """``layout[where]`` for a layout node; returns a layout, a layout Record or a scalar."""
    if type(where) is tuple and len(where) == 1:  # not a FieldList (a tuple subclass)
        where = where[0]
    if isinstance(where, str):
        return _field(layout, where)
    if isinstance(where, slice):
        if where.step is not None and where.step == 0:
            msg = f"{_WHERE}: slice step cannot be zero"
            raise ValueError(msg)
        start, stop, step = where.indices(layout.length)
        if step == 1:
            return layout._getitem_range(start, max(start, stop))
        xp = layout.backend.xp
        carry = xp.arange(start, stop, step, dtype=xp.int64)
        return layout._carry(Index64._wrap(carry, layout.backend))
    if isinstance(where, int) and not isinstance(where, bool):
        return layout._getitem_at(_at(layout, where))
    if isinstance(where, list) and where and all(isinstance(x, str) for x in where):
        return _fields(layout, where)
    if type(where) is ListOffsetArray and type(layout) is ListOffsetArray:
        out = _jagged().lists_by_jagged_mask(layout, where)
        if out is not None:
            return out
    mask = where._data if type(where) is NumpyArray and not where._parameters else where
    if type(mask) is np.ndarray:
        out = _flat_mask(layout, mask)
        if out is not None:
            return out
    return _general(layout, where)


def _flat_mask(layout: Any, mask: Any) -> Any:
    """``layout[mask]`` for a flat boolean mask as long as the array (``x[num(x) > 0]``): the
    selected positions, which are in range by construction; None for anything else."""
    if mask.dtype.kind != "b" or mask.ndim != 1 or len(mask) != layout.length:
        return None
    xp = layout.backend.xp
    if type(layout) is ListOffsetArray and layout._offsets._data.dtype == xp.int64:
        # the common case: the selected lists' bounds in one compaction pass
        from jaggy.layout import ListArray

        backend, offsets = layout._backend, layout._offsets._data
        total = int(xp.count_nonzero(mask))
        starts, stops = xp.empty(total, xp.int64), xp.empty(total, xp.int64)
        backend.kernels.slice_lists_by_mask(offsets[:-1], offsets[1:], mask, starts, stops,
                                            layout.length, total)
        return ListArray(Index64._wrap(starts, backend), Index64._wrap(stops, backend),
                         layout._content, parameters=layout._parameters)
    selected = xp.nonzero(mask)[0].astype(xp.int64, copy=False)
    return layout._carry(Index64._wrap(selected, layout.backend))


def _jagged() -> Any:
    import jaggy._slicing_jagged

    return jaggy._slicing_jagged


def _at(layout: Any, i: int) -> int:
    n = layout.length
    j = i + n if i < 0 else i
    if not 0 <= j < n:
        msg = f"{_WHERE}: index {i} is out of bounds for axis 0 with size {n}"
        raise IndexError(msg)
    return j


def _field(layout: Any, name: str) -> Any:
    from jaggy.errors import FieldNotFoundError

    try:
        return layout._getitem_field(name)
    except FieldNotFoundError:
        fields = layout.fields
        msg = f"{_WHERE}: no field {name!r} in this array; its fields are {fields!r}"
        raise FieldNotFoundError(msg) from None


def _fields(layout: Any, names: list) -> Any:
    from jaggy.errors import FieldNotFoundError

    missing = [n for n in names if n not in layout.fields]
    if missing:
        msg = f"{_WHERE}: no field {missing[0]!r} in this array; its fields are {layout.fields!r}"
        raise FieldNotFoundError(msg)
    return layout._getitem_fields(names)


def _general(layout: Any, where: Any) -> Any:
    from jaggy._slicing_prepare import FieldList, prepare
    from jaggy.errors import FieldNotFoundError

    items = prepare(layout, where)
    for item in items:
        if isinstance(item, str) or isinstance(item, FieldList):
            names = [item] if isinstance(item, str) else list(item)
            for name in names:
                if not _has_field(layout, name):
                    msg = f"{_WHERE}: no field {name!r} in this array; its fields are {_all_fields(layout)!r}"
                    raise FieldNotFoundError(msg)
    if items and isinstance(items[0], int) and not isinstance(items[0], bool) and None not in items:
        from jaggy.layout import Content
        from jaggy.record import Record

        at = _at(layout, items[0])
        head = layout._getitem_at(at)
        if len(items) == 1:
            return head
        if isinstance(head, Content):
            return getitem(head, items[1:])
        if isinstance(head, Record) and isinstance(items[1], str) and len(items) == 2:
            return head[items[1]]
        if head is None or isinstance(head, Record):
            # a missing element (the rest is still checked against its type: the result is None)
            # or a record (the rest applies to each field): the general path on this one element
            return _apply_general(layout._getitem_range(at, at + 1), (0, *items[1:]))
        msg = f"{_WHERE}: too many indices for array: {items[0]} selects a scalar"
        raise IndexError(msg)
    return _apply_general(layout, items)


def _apply_general(layout: Any, items: tuple) -> Any:
    from jaggy._slicing_next import apply
    from jaggy.layout import RegularArray

    wrapped = RegularArray(layout, layout.length, 1)
    out = apply(wrapped, items, 0, None, 0)
    return out._getitem_at(0)


def _has_field(layout: Any, name: str) -> bool:
    return name in _all_fields(layout)


def _all_fields(layout: Any) -> list:
    """Field names reachable at any depth (for the check of field items anywhere in a tuple)."""
    seen: list = []
    stack = [layout]
    while stack:
        node = stack.pop()
        if node.is_record:
            seen.extend(f for f in node.fields if f not in seen)
            stack.extend(node.contents)
        elif node.is_union:
            stack.extend(node.contents)
        elif node.is_list or node.is_option or node.is_indexed:
            stack.append(node.content)
    return seen


__all__ = ["getitem"]
