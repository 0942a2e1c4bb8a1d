"""Per-list steps of jaggy's extensions beyond Awkward: cumsum/cumprod, unique, top_k."""

from __future__ import annotations

from typing import Any

from jaggy.index import Index64


def _numeric(node: Any, fname: str) -> Any:
    from jaggy.layout import NumpyArray

    if not isinstance(node, NumpyArray) or node.data.ndim != 1 or node.parameter("__array__"):
        msg = f"jaggy.{fname}: needs numbers at the innermost axis, not {node.form.type}"
        raise TypeError(msg)
    return node.data


def scan_list(lst: Any, op: int, fname: str) -> Any:
    """Running sum (op 0) or product (op 1) within every list; None passes through."""
    from jaggy.layout import IndexedOptionArray, ListOffsetArray, NumpyArray

    xp, kernels = lst.backend.xp, lst.backend.kernels
    offsets, content = lst.offsets.data, lst.content
    option = content.to_IndexedOptionArray64() if content.is_option else None
    inner = option.content if option is not None else content
    if inner.is_unknown:
        return lst
    data = _numeric(inner, fname)
    if option is not None:
        index = option.index.data
        valid = index >= 0
        running = xp.zeros(len(index) + 1, dtype=xp.int64)
        xp.cumsum(valid, out=running[1:])
        voffsets = xp.ascontiguousarray(running[offsets])
        data = data[index[valid]]
    else:
        voffsets = offsets
    kind = data.dtype.kind
    dtype = {"b": xp.int64, "i": xp.int64, "u": xp.uint64}.get(kind, data.dtype)
    values = xp.ascontiguousarray(data, dtype=dtype)
    out = xp.empty_like(values)
    kernels.segmented_scan(voffsets, values, out, len(voffsets) - 1, len(values), op)
    result: Any = NumpyArray(out)
    if option is not None:
        outindex = xp.where(valid, running[:-1], -1)
        result = IndexedOptionArray(Index64._wrap(outindex, lst.backend), result)
    return ListOffsetArray(lst.offsets, result)


def unique_list(lst: Any, fname: str) -> Any:
    """Sorted distinct values of every list (None dropped, NaN kept once)."""
    from jaggy._sorting import sort_list
    from jaggy.layout import ListOffsetArray, NumpyArray

    xp = lst.backend.xp
    content = lst.content
    if content.is_option:
        opt = content.to_IndexedOptionArray64()
        valid = opt.index.data >= 0
        running = xp.zeros(len(valid) + 1, dtype=xp.int64)
        xp.cumsum(valid, out=running[1:])
        lst = ListOffsetArray(Index64._wrap(xp.ascontiguousarray(running[lst.offsets.data]),
                                            lst.backend), opt.project())
    if lst.content.is_unknown:
        return lst
    _numeric(lst.content, fname)
    srt = sort_list(lst, True, fname)
    offsets, values = srt.offsets.data, srt.content.data
    n = len(values)
    keep = xp.ones(n, dtype=bool)
    if n:
        same = values[1:] == values[:-1]
        if values.dtype.kind == "f":
            same |= xp.isnan(values[1:]) & xp.isnan(values[:-1])
        keep[1:] = ~same
        starts = offsets[:-1][offsets[:-1] < offsets[1:]]
        keep[starts] = True
    running = xp.zeros(n + 1, dtype=xp.int64)
    xp.cumsum(keep, out=running[1:])
    newoffsets = xp.ascontiguousarray(running[offsets])
    return ListOffsetArray(Index64._wrap(newoffsets, lst.backend), NumpyArray(values[keep]))


def top_k_list(lst: Any, k: int, ascending: bool, fname: str) -> Any:
    """The first k entries of every sorted list (all of a shorter list)."""
    from jaggy._sorting import sort_list
    from jaggy.layout import ListOffsetArray

    xp, kernels = lst.backend.xp, lst.backend.kernels
    srt = sort_list(lst, ascending, fname)
    offsets = srt.offsets.data
    n = srt.length
    counts = xp.minimum(offsets[1:] - offsets[:-1], k)
    newoffsets = xp.empty(n + 1, dtype=xp.int64)
    kernels.counts_to_offsets(counts, newoffsets, n)
    total = int(newoffsets[-1])
    carry = xp.empty(total, dtype=xp.int64)
    kernels.list_carry(xp.ascontiguousarray(offsets[:-1]), newoffsets, carry, n, total)
    return ListOffsetArray(Index64._wrap(newoffsets, lst.backend),
                           srt.content._carry(Index64._wrap(carry, lst.backend)))


def flat_unique(layout: Any, fname: str) -> Any:
    """Sorted distinct non-missing leaf values of the whole array."""
    from jaggy.layout import NumpyArray

    xp = layout.backend.xp
    node = layout.to_packed()
    while True:
        if node.is_option:
            node = node.project()
        elif node.is_indexed:
            node = node.content._carry(node.index.to64())
        elif node.is_list and node.parameter("__array__") is None:
            node = node.to_ListOffsetArray64().to_packed_offsets().content
            node = node._getitem_range(0, node.length)
        else:
            break
    if node.is_unknown:
        return node
    data = _numeric(node, fname)
    return NumpyArray(xp.unique(data))
