"""Jagged indexes in ``array[where]``: a list-type array of integers or booleans whose lists select
within the array's lists (``x[mask]`` with a jagged mask, ``x[argmax(..., keepdims=True)]``).

A boolean leaf is one count pass and one compress pass (``slice_jagged_mask_count`` then
``slice_jagged_mask_carry``); an integer leaf is one bounds-checked gather (``slice_jagged_index``).
"""

from __future__ import annotations

from typing import Any

from jaggy._slicing_next import (
    apply,
    carry,
    option_apply,
    record_apply,
    starts_stops,
    union_apply,
    wrap_option,
)
from jaggy._slicing_prepare import WHERE
from jaggy.errors import KernelError, KernelIndexError
from jaggy.index import Index64
from jaggy.layout import ListOffsetArray, NumpyArray


def list_jagged_head(node: Any, items: tuple, pos: int, advanced: Any, depth: int) -> Any:
    """A jagged index applied inside a list node: every list must be as long as the index."""
    from jaggy.layout import RegularArray

    if advanced is not None:
        msg = f"{WHERE}: cannot mix a jagged index with NumPy-style advanced indexing"
        raise ValueError(msg)
    xp = node.backend.xp
    jag = items[pos].layout
    h, n = jag.length, node.length
    starts, stops = starts_stops(node)
    bad = xp.nonzero((stops - starts) != h)[0]
    if len(bad):
        i = int(bad[0])
        where = "the array" if depth == 0 else f"list {i} at axis {depth}"
        msg = (f"{WHERE}: cannot fit a jagged index of length {h} into {where}, "
               f"which has length {int(stops[i] - starts[i])}")
        raise IndexError(msg)
    if n == 1:
        inner = node.content._getitem_range(int(starts[0]), int(stops[0]))
    else:
        positions = (starts[:, None] + xp.arange(h, dtype=xp.int64)[None, :]).reshape(-1)
        inner = carry(node.content, positions)
        jag = jag._carry(Index64._wrap(xp.tile(xp.arange(h, dtype=xp.int64), n), node.backend))
    out = jagged_apply(inner, jag, items, pos, depth)
    return RegularArray(out, h, n)


def jagged_apply(node: Any, jag: Any, items: tuple, pos: int, depth: int) -> Any:
    """``node[i][jag[i]]`` for every i, then the rest of the items inside."""
    if node.length != jag.length:
        msg = (f"{WHERE}: the jagged index has {jag.length} lists where the array has "
               f"{node.length} at axis {depth}")
        raise IndexError(msg)
    if jag.is_option:
        return _jag_option(node, jag, items, pos, depth)
    if node.is_option:
        return option_apply(node, lambda c, _a, j: jagged_apply(c, j, items, pos, depth), None,
                            extra=lambda valid: _take(jag, valid))
    if node.is_indexed:
        return jagged_apply(node.project(), jag, items, pos, depth)
    if node.is_record:
        return record_apply(node, lambda c: jagged_apply(c, jag, items, pos, depth))
    if node.is_union:
        return union_apply(node, lambda c, _a, j: jagged_apply(c, j, items, pos, depth), None,
                           extra=lambda where: _take(jag, where))
    if node.is_numpy and node.data.ndim > 1:
        return jagged_apply(node.to_RegularArray(), jag, items, pos, depth)
    if node.is_regular:
        return jagged_apply(node.to_ListOffsetArray64(), jag, items, pos, depth)
    if not node.is_list:
        msg = (f"{WHERE}: too many dimensions in the jagged index: axis {depth + 1} of the array "
               f"has type {node.form.type}, which is not a list")
        raise IndexError(msg)
    inner = jag.content
    if inner.is_numpy and inner.data.dtype.kind == "b":
        return _mask(node, jag, items, pos, depth)
    if inner.is_numpy:
        return _ints(node, jag, items, pos, depth)
    return _nested(node, jag, items, pos, depth)


def _take(jag: Any, positions: Any) -> Any:
    return jag._carry(Index64._wrap(positions, jag.backend))


def _packed(jag: Any) -> tuple[Any, Any]:
    """Offsets from 0 and the packed content of a list node."""
    from jaggy.layout import ListOffsetArray

    if isinstance(jag, ListOffsetArray):
        lists = jag.to_ListOffsetArray64().to_packed_offsets()
        return lists.offsets.data, lists.content
    offsets, positions = jag._packed_carry()
    return offsets.data, jag.content._carry(positions)


def _jag_option(node: Any, jag: Any, items: tuple, pos: int, depth: int) -> Any:
    """Lists of the index that are None give None."""
    xp, kernels = node.backend.xp, node.backend.kernels
    option = jag.to_IndexedOptionArray64()
    index = option.index.data
    n = len(index)
    nextcarry = xp.empty(n, xp.int64)
    outindex = xp.empty(n, xp.int64)
    nvalid = xp.zeros(1, xp.int64)
    kernels.option_compact(index, nextcarry, outindex, nvalid, n)
    valid = xp.nonzero(index >= 0)[0]
    sub = carry(node, valid)
    out = jagged_apply(sub, _take(option.content, nextcarry[:int(nvalid[0])]), items, pos, depth)
    return wrap_option(outindex, out)


def _mask(node: Any, jag: Any, items: tuple, pos: int, depth: int) -> Any:
    from jaggy.layout import ListOffsetArray

    xp, backend = node.backend.xp, node.backend
    starts, stops = starts_stops(node)
    if isinstance(jag, ListOffsetArray) and jag.offsets.dtype == xp.int64:
        maskoffsets, mask = jag.offsets.data, jag.content.data
    else:
        maskoffsets, packed = _packed(jag)
        mask = packed.data
    offsets, positions = mask_positions(backend, starts, stops, maskoffsets, mask, depth)
    inner = apply(carry(node.content, positions), items, pos + 1, None, depth + 2)
    params = node.parameters if pos + 1 == len(items) else {}
    return ListOffsetArray(Index64._wrap(offsets, backend), inner, parameters=params)


def mask_positions(backend: Any, starts: Any, stops: Any, maskoffsets: Any, mask: Any,
                   depth: int) -> tuple[Any, Any]:
    """(new offsets, content positions) of lists [starts, stops) filtered by a jagged boolean
    mask (int64 ``maskoffsets`` into ``mask``); IndexError where a mask list's length differs."""
    offsets = _mask_offsets(backend, starts, stops, maskoffsets, mask, depth)
    total = int(offsets[-1])
    positions = backend.xp.empty(total, backend.xp.int64)
    backend.kernels.slice_jagged_mask_carry(starts, maskoffsets, mask, offsets, positions,
                                            len(starts), len(mask), total)
    return offsets, positions


def _mask_offsets(backend: Any, starts: Any, stops: Any, maskoffsets: Any, mask: Any,
                  depth: int) -> Any:
    """Offsets of the filtered lists (the count pass), with the errors in user terms."""
    xp, kernels = backend.xp, backend.kernels
    n = len(starts)
    counts = xp.empty(n, xp.int64)
    try:
        kernels.slice_jagged_mask_count(starts, stops, maskoffsets, mask, counts, n, len(mask))
    except KernelIndexError as err:
        i = err.index
        msg = (f"{WHERE}: jagged boolean mask list {i} has length "
               f"{int(maskoffsets[i + 1] - maskoffsets[i])} but the array's list {i} has length "
               f"{int(stops[i] - starts[i])} (axis {depth + 1})")
        raise IndexError(msg) from None
    except KernelError as err:
        msg = f"{WHERE}: invalid jagged boolean mask: {err}"
        raise ValueError(msg) from None
    offsets = xp.empty(n + 1, xp.int64)
    kernels.counts_to_offsets(counts, offsets, n)
    return offsets


#: leaf dtypes that slice_jagged_mask_take filters in one pass
_TAKE_DTYPES = frozenset(["float64", "float32", "int64", "int32", "int16", "int8", "uint64",
                          "uint32", "uint16", "uint8"])


def lists_by_jagged_mask(layout: Any, where: Any) -> Any:
    """``layout[where]`` for the most common jagged mask, ``x[x > cut]``: both are plain
    ListOffsetArrays of the same length and ``where`` holds booleans (else None: the general
    path handles it). Lists of numbers are filtered in one pass over the values."""
    content = where._content
    if (type(content) is not NumpyArray or content._parameters or content._data.dtype.kind != "b"
            or content._data.ndim != 1 or where._parameters or layout.length != where.length
            or "__array__" in layout._parameters):
        return None
    xp, backend = layout._backend.xp, layout._backend
    maskoffsets = where._offsets.data
    if maskoffsets.dtype != xp.int64:
        return None
    offsets = layout._offsets.data
    if offsets.dtype != xp.int64:
        offsets = offsets.astype(xp.int64)
    starts, mask, inner = offsets[:-1], content._data, layout._content
    if type(inner) is NumpyArray and inner._data.ndim == 1 and inner._data.dtype.name in _TAKE_DTYPES:
        newoffsets = _mask_offsets(backend, starts, offsets[1:], maskoffsets, mask, 0)
        total = int(newoffsets[-1])
        data = inner._data
        out = xp.empty(total, data.dtype)
        backend.kernels.slice_jagged_mask_take(starts, maskoffsets, mask, newoffsets, data, out,
                                               len(starts), len(mask), len(data), total)
        inner = NumpyArray._fast(out, inner._parameters, backend)
    else:
        newoffsets, positions = mask_positions(backend, starts, offsets[1:], maskoffsets, mask, 0)
        inner = carry(inner, positions)
    return ListOffsetArray._fast(Index64._wrap(newoffsets, backend), inner, layout._parameters, backend)


def _ints(node: Any, jag: Any, items: tuple, pos: int, depth: int) -> Any:
    from jaggy._slicing_prepare import MISSING
    from jaggy.layout import ListOffsetArray

    xp, kernels, backend = node.backend.xp, node.backend.kernels, node.backend
    n = node.length
    starts, stops = starts_stops(node)
    offsets, packed = _packed(jag)
    index = packed.data
    total = len(index)
    positions = xp.empty(total, xp.int64)
    try:
        kernels.slice_jagged_index(starts, stops, offsets, index, positions, n, total)
    except KernelIndexError as err:
        p = err.index
        i = int(xp.searchsorted(offsets, p, side="right")) - 1
        msg = (f"{WHERE}: index {int(index[p])} is out of range for list {i} of length "
               f"{int(stops[i] - starts[i])} (axis {depth + 1})")
        raise IndexError(msg) from None
    optional = packed.parameter("__jaggy_optional_index__") is True
    missing = bool((index == MISSING).any()) if total and not optional else False
    inner = apply(carry(node.content, positions, missing, optional), items, pos + 1, None, depth + 2)
    return ListOffsetArray(Index64._wrap(offsets, backend), inner)


def _nested(node: Any, jag: Any, items: tuple, pos: int, depth: int) -> Any:
    from jaggy.layout import ListOffsetArray

    xp, backend = node.backend.xp, node.backend
    starts, stops = starts_stops(node)
    jstarts, jstops = starts_stops(jag)
    bad = xp.nonzero((stops - starts) != (jstops - jstarts))[0]
    if len(bad):
        i = int(bad[0])
        msg = (f"{WHERE}: jagged index list {i} has length {int(jstops[i] - jstarts[i])} but the "
               f"array's list {i} has length {int(stops[i] - starts[i])} (axis {depth + 1})")
        raise IndexError(msg)
    lists = node if node.is_list and not node.is_regular else node.to_ListOffsetArray64()
    offsets, positions = lists._packed_carry()
    inner_node = carry(node.content, positions.data)
    _, inner_jag = _packed(jag)
    out = jagged_apply(inner_node, inner_jag, items, pos, depth + 1)
    return ListOffsetArray(Index64._wrap(offsets.data, backend), out)
