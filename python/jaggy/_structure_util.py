"""Shared machinery of the structure functions (num, flatten, pad_none, fill_none, ...).

Every function here works on layout nodes and costs Python time proportional to the number of
nodes, never to the data: the per-list work goes through ``backend.xp`` or compiled kernels.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, overload

from jaggy.errors import AxisError, axis_depth_error
from jaggy.index import Index64

_STRINGS = ("string", "bytestring")


def is_string(node: Any) -> bool:
    return node.is_list and node.parameter("__array__") in _STRINGS


def depth_range(node: Any) -> tuple[int, int]:
    """(min, max) list depth below and including ``node`` (a 1-D leaf counts 1, strings are leaves)."""
    if node.is_numpy:
        return node.data.ndim, node.data.ndim
    if node.is_unknown:
        return 1, 1
    if node.is_list:
        if is_string(node):
            return 1, 1
        lo, hi = depth_range(node.content)
        return lo + 1, hi + 1
    if node.is_option or node.is_indexed:
        return depth_range(node.content)
    children = node.contents if (node.is_record or node.is_union) else []
    if not children:
        return 1, 1
    ranges = [depth_range(c) for c in children]
    return min(r[0] for r in ranges), max(r[1] for r in ranges)


def axis_error(fname: str, axis: int, depth: int) -> AxisError:
    return axis_depth_error(f"jaggy.{fname}", axis, depth)


def string_depth(node: Any) -> int:
    """Maximum depth counting the characters of strings as one more level (as positive axes do)."""
    if node.is_list:
        return 1 + string_depth(node.content)
    if node.is_option or node.is_indexed:
        return string_depth(node.content)
    if (node.is_record or node.is_union) and node.contents:
        return max(string_depth(c) for c in node.contents)
    return depth_range(node)[1]


def known_depth(node: Any) -> int:
    """Maximum depth over the paths that end in a leaf of known type (0 if every leaf is unknown)."""
    if node.is_unknown:
        return 0
    if node.is_list and not is_string(node):
        inner = known_depth(node.content)
        return inner + 1 if inner else 0
    if node.is_option or node.is_indexed:
        return known_depth(node.content)
    if (node.is_record or node.is_union) and node.contents:
        return max(known_depth(c) for c in node.contents)
    return depth_range(node)[1]


@overload
def check_axis(layout: Any, axis: Any, fname: str, *, allow_none: Literal[False] = False,
               into_strings: bool = False, negative_beyond_ok: bool = False) -> int: ...
@overload
def check_axis(layout: Any, axis: Any, fname: str, *, allow_none: bool,
               into_strings: bool = False, negative_beyond_ok: bool = False) -> int | None: ...
def check_axis(layout: Any, axis: Any, fname: str, *, allow_none: bool = False,
               into_strings: bool = False, negative_beyond_ok: bool = False) -> int | None:
    """Validates ``axis`` against the array's depth the way Awkward does; returns it non-negative
    where the array's depth is the same on every path, else the negative axis (resolved per node
    by ``posaxis``).

    Negative axes count strings and unknown-type leaves as one level; positive axes may reach
    the characters of strings when ``into_strings``. With ``negative_beyond_ok`` a negative axis
    beyond the depth is returned (as a negative number) instead of raising.
    """
    import operator

    if axis is None:
        if allow_none:
            return None
        msg = f"jaggy.{fname}: axis=None is not allowed here; pass an integer"
        raise TypeError(msg)
    try:
        axis = operator.index(axis)
    except TypeError:
        msg = f"jaggy.{fname}: 'axis' must be an integer, not {axis!r}"
        raise TypeError(msg) from None
    lo, hi = depth_range(layout)
    if axis >= 0:
        limit = string_depth(layout) if into_strings else hi
        if axis >= limit:
            raise axis_error(fname, axis, limit)
        return axis
    if lo == hi:
        if axis + hi < 0 and not negative_beyond_ok:
            raise axis_error(fname, axis, hi)
        return axis + hi
    if -axis > hi and not negative_beyond_ok:
        raise axis_error(fname, axis, hi)
    return axis


def posaxis(node: Any, axis: int, depth: int) -> int | None:
    """The non-negative axis as seen at ``node`` (``depth`` = 1 at the top); None if ambiguous."""
    if axis >= 0:
        return axis
    lo, hi = depth_range(node)
    if lo != hi:
        return None
    return axis + depth + lo - 1


def as_list_like(node: Any) -> Any:
    """A multi-dimensional NumpyArray as RegularArrays; any other node unchanged."""
    if node.is_numpy and node.data.ndim > 1:
        return node.to_RegularArray()
    return node


def rewrap(wrapper: Any, content: Any) -> Any:
    """An option/indexed ``wrapper`` over a new content of the same length (nested options merged)."""
    if content.is_option or content.is_indexed or content.is_union:
        from jaggy.layout.options import simplified_indexed

        outer = wrapper if wrapper.is_indexed else wrapper.to_IndexedOptionArray64()
        index = outer.index.data.astype(wrapper.backend.xp.int64, copy=False)
        return simplified_indexed(index, content, wrapper.is_option, parameters=wrapper.parameters or None)
    return wrapper.copy(content=content)


def recurse(layout: Any, axis: int, fname: str, action: Callable[[Any, int], Any],
            depth: int = 1, top_depth: int | None = None,
            entries: Callable[[Any, int], Any] | None = None, union_merge: bool = True) -> Any:
    """Rebuilds ``layout`` down to the list nodes at ``axis`` and replaces each by ``action(node,
    depth)``; options, indexes, records and unions on the way are kept. With ``entries``, a
    record field whose own entries are at ``axis`` (a negative axis meaning different levels in
    different fields) is replaced by ``entries(field, depth)``. Unions are entered content by
    content (``union_merge``: see ``union_map``)."""
    top = depth_range(layout)[1] if top_depth is None else top_depth
    node = as_list_like(layout)
    pos = posaxis(node, axis, depth)
    if entries is not None and pos is not None and pos == depth - 1:
        if node.is_union:  # the entries of each kind on their own, as Awkward does
            return union_map(node, lambda c: entries(c, depth), union_merge)
        return entries(node, depth)
    if node.is_list and pos == depth:
        return action(node, depth)
    if node.is_list and not is_string(node):
        if pos is not None and pos < depth:
            raise axis_error(fname, axis, top)
        return node.copy(content=recurse(node.content, axis, fname, action, depth + 1, top, entries,
                                         union_merge))
    if node.is_option or node.is_indexed:
        return rewrap(node, recurse(node.content, axis, fname, action, depth, top, entries, union_merge))
    if node.is_record:
        contents = [recurse(c, axis, fname, action, depth, top, entries, union_merge)
                    for c in node.contents]
        return node.copy(contents=contents, length=node.length)
    if node.is_union:  # each kind of entry on its own (a negative axis may mean different depths)
        return union_map(node, lambda c: recurse(c, axis, fname, action, depth, top, entries,
                                                 union_merge), union_merge)
    raise axis_error(fname, axis, top)


def union_map(node: Any, fn: Callable[[Any], Any], merge: bool = True) -> Any:
    """The union ``node`` with ``fn`` applied to each of its contents (``fn`` keeps lengths).
    With ``merge``, contents that became mergeable merge (booleans stay apart from numbers);
    without, the union keeps one content per old one (Awkward differs by function)."""
    from jaggy._merging import union_simplified

    contents = [fn(c) for c in node.contents]
    options = {bool(c.is_option) for c in contents}
    if not merge and len(options) == 1 and not any(c.is_union for c in contents):
        return node.copy(contents=contents)
    return union_simplified(node.tags.data, node.index.data, contents, mergebool=False,
                            parameters=node.parameters or None)


def packed_list(node: Any) -> tuple[Any, Any]:
    """(offsets from 0 as int64 ndarray, content holding exactly the lists' elements in order)
    of a list node; zero-copy for ListOffsetArray and RegularArray."""
    xp = node.backend.xp
    if node.is_regular:
        size = node.size
        offsets = xp.arange(node.length + 1, dtype=xp.int64) * size
        return offsets, node.content._getitem_range(0, node.length * size)
    if hasattr(node, "to_packed_offsets") and type(node).__name__ == "ListOffsetArray":
        packed = node.to_packed_offsets()
        return packed.offsets.data, packed.content
    offsets, carry = node._packed_carry()
    content = node.content
    if content.length and len(carry.data):
        return offsets.data, content._carry(carry)
    return offsets.data, content._getitem_range(0, 0)


def list_counts(node: Any) -> Any:
    """Length of every list of a list node, as an int64 ndarray (checked)."""
    xp, kernels = node.backend.xp, node.backend.kernels
    n = node.length
    if node.is_regular:
        return xp.full(n, node.size, dtype=xp.int64)
    if type(node).__name__ == "ListOffsetArray":
        counts = xp.empty(n, xp.int64)
        kernels.offsets_to_counts(node.offsets.data, counts, n)
        return counts
    starts, stops = node.starts.data, node.stops.data
    counts = stops.astype(xp.int64, copy=False) - starts.astype(xp.int64, copy=False)
    if n and bool(xp.any(counts < 0)):
        bad = int(xp.argmax(counts < 0))
        msg = f"list {bad} has start > stop (the layout is invalid)"
        raise ValueError(msg)
    return counts


def counts_to_offsets(counts: Any, backend: Any) -> Any:
    xp = backend.xp
    offsets = xp.empty(len(counts) + 1, xp.int64)
    backend.kernels.counts_to_offsets(counts, offsets, len(counts))
    return offsets


def index64(data: Any, backend: Any) -> Index64:
    return Index64._wrap(data, backend)


def option_index(node: Any) -> Any:
    """The int64 option index of an option node (negative = missing)."""
    return node.to_IndexedOptionArray64().index.data


def union_is_none(node: Any) -> Any:
    """Missing-entry mask of a UnionArray (whose contents are all options or none of them)."""
    xp = node.backend.xp
    out = xp.zeros(node.length, dtype=xp.bool_)
    tags = node.tags.data
    index = node.index.data.astype(xp.int64, copy=False)
    for k, content in enumerate(node.contents):
        if content.is_option:
            sel = tags == k
            out[sel] = content.mask_as_bool(False)[index[sel]]
    return out
