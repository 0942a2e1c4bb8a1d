"""Applying a per-list operation at a chosen axis: the walk through outer lists and options.

``apply_at_axis(layout, posaxis, fn, fname)`` descends through ``posaxis - 1`` list levels
(carrying options and indexes along, without touching the data) and calls ``fn`` on every list
node found at depth ``posaxis``, as a ListOffsetArray whose offsets start at 0 (int64). ``fn``
returns a node of the same length. ``posaxis = 0`` treats the whole array as one list. Python
work is proportional to the number of nodes, never to the length.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jaggy.errors import axis_depth_error
from jaggy.index import Index64

STRING_PARAMS = ("string", "bytestring")


def is_string(node: Any) -> bool:
    return node.is_list and node.parameter("__array__") in STRING_PARAMS


def list_depth(layout: Any) -> int:
    """Number of list dimensions, strings counting as leaves (like Awkward's purelist depth)."""
    return int(layout.purelist_depth)


def normalize_axis(layout: Any, axis: Any, fname: str) -> int:
    if isinstance(axis, bool) or not isinstance(axis, int):
        msg = f"jaggy.{fname}: axis must be an integer, not {axis!r}"
        raise TypeError(msg)
    depth = list_depth(layout)
    posaxis = axis + depth if axis < 0 else axis
    if posaxis < 0 or posaxis >= depth:
        raise axis_depth_error(f"jaggy.{fname}", axis, depth)
    return posaxis


def packed_list(node: Any) -> Any:
    """The list node as a ListOffsetArray with int64 offsets from 0 over a sliced content."""
    from jaggy.layout import NumpyArray

    if isinstance(node, NumpyArray):
        node = node.to_RegularArray()
    return node.to_ListOffsetArray64().to_packed_offsets()


def whole_as_list(layout: Any) -> Any:
    """The array as a single list (a ListOffsetArray of length 1)."""
    from jaggy.layout import ListOffsetArray

    xp = layout.backend.xp
    offsets = xp.asarray([0, layout.length], dtype=xp.int64)
    return ListOffsetArray(Index64._wrap(offsets, layout.backend), layout)


def apply_at_axis(layout: Any, posaxis: int, fn: Callable[[Any], Any], fname: str,
                  keep_regular: bool = False) -> Any:
    """Replace every list at depth ``posaxis`` by ``fn(list)`` (see the module docstring);
    with ``keep_regular``, a regular list's result is made regular again."""
    if posaxis == 0:
        out = fn(whole_as_list(layout))
        return out.content._getitem_range(int(out.offsets.data[0]), int(out.offsets.data[1]))
    return _walk(layout, posaxis, 1, fn, fname, keep_regular)


def _walk(node: Any, posaxis: int, depth: int, fn: Callable[[Any], Any], fname: str,
          keep_regular: bool = False) -> Any:
    from jaggy.layout import (
        IndexedOptionArray,
        ListOffsetArray,
        NumpyArray,
        RegularArray,
        UnmaskedArray,
    )

    if isinstance(node, UnmaskedArray):
        return UnmaskedArray(_walk(node.content, posaxis, depth, fn, fname, keep_regular))
    if node.is_option or node.is_indexed:
        option = node if node.is_indexed and not node.is_option else node.to_IndexedOptionArray64()
        if node.is_option:
            carry, outindex = option._compact()
            inner = _walk(option.content._carry(carry), posaxis, depth, fn, fname, keep_regular)
            return IndexedOptionArray(outindex, inner)
        return _walk(option.content._carry(option.index.to64()), posaxis, depth, fn, fname, keep_regular)
    if node.is_union:
        msg = f"jaggy.{fname}: unions (arrays of mixed types) are not supported at this axis"
        raise NotImplementedError(msg)
    if node.is_record:
        msg = f"jaggy.{fname}: cannot apply to records at axis={posaxis}; select a field first"
        raise TypeError(msg)
    if isinstance(node, NumpyArray) and len(node.inner_shape) > 0:
        node = node.to_RegularArray()
    if not node.is_list or is_string(node):
        raise axis_depth_error(f"jaggy.{fname}", posaxis, depth - 1)
    if depth == posaxis:
        out = fn(packed_list(node))
        return out.to_RegularArray() if keep_regular and node.is_regular else out
    # outer regular dimensions become var ones (as in Awkward's sort), or stay regular with
    # keep_regular (as in Awkward's combinations)
    packed = packed_list(node)
    inner = _walk(packed.content, posaxis, depth + 1, fn, fname, keep_regular)
    if keep_regular and node.is_regular:
        return RegularArray(inner, node.size, node.length, parameters=node.parameters)
    return ListOffsetArray(packed.offsets, inner, parameters=node.parameters)
