"""Sorting within lists: the per-list step behind jaggy.sort, argsort, unique and top_k.

Order (like Awkward): NaN first, then the values ascending or descending, then missing values
(None) last; ties keep their original order. Strings compare byte-wise (lexicographically).
"""

from __future__ import annotations

from typing import Any

from jaggy._axiswalk import is_string
from jaggy.index import Index64

KERNEL_DTYPES = ("int64", "int32", "float64", "float32", "int8", "uint8", "int16", "uint16",
                 "uint32", "uint64")


def _unwrap_option(content: Any) -> tuple[Any, Any, Any]:
    """(inner content, option index or None, whether the index marks missing values)."""
    if content.is_option:
        opt = content.to_IndexedOptionArray64()
        return opt.content, opt.index.data, True
    if content.is_indexed:
        return content.content, content.index.to64().data, False
    return content, None, False


def string_ranks(strings: Any) -> Any:
    """int64 rank of every string of a string/bytestring list node (equal strings, equal ranks)."""
    xp = strings.backend.xp
    packed = strings.to_ListOffsetArray64().to_packed_offsets()
    offsets = packed.offsets.data
    chars = packed.content.data
    n = packed.length
    counts = offsets[1:] - offsets[:-1]
    width = max(int(counts.max()) if n else 0, 1)
    matrix = xp.zeros((n, width), dtype=xp.uint8)
    rows = xp.repeat(xp.arange(n), counts)
    cols = xp.arange(len(chars)) - xp.repeat(offsets[:-1], counts)
    matrix[rows, cols] = chars
    fixed = matrix.view(f"S{width}").reshape(n)
    order = xp.lexsort((counts, fixed))
    ranks = xp.empty(n, dtype=xp.int64)
    if n:
        s, c = fixed[order], counts[order]
        new = xp.empty(n, dtype=bool)
        new[0] = True
        new[1:] = (s[1:] != s[:-1]) | (c[1:] != c[:-1])
        ranks[order] = xp.cumsum(new) - 1
    return ranks


def reversed_ties(xp: Any, ranks: Any) -> Any:
    """Distinct keys in the order of ``ranks``, equal ranks in their order: sorted descending,
    equal strings come out in reverse order, as Awkward puts them."""
    out = xp.empty(len(ranks), dtype=xp.int64)
    out[xp.argsort(ranks, kind="stable")] = xp.arange(len(ranks), dtype=xp.int64)
    return out


def _sort_keys(inner: Any, positions: Any, fname: str) -> tuple[Any, bool]:
    """(values the kernel compares, whether they are the content's own values)."""
    from jaggy.layout import NumpyArray

    xp = inner.backend.xp
    if is_string(inner):
        ranks = string_ranks(inner)
        return (ranks if positions is None else ranks[positions]), False
    if inner.is_record:
        msg = f"jaggy.{fname}: cannot sort records (no order is defined between records); sort by a field instead"
        raise TypeError(msg)
    if inner.is_union:
        msg = f"jaggy.{fname}: cannot sort a union of different types"
        raise ValueError(msg)
    if inner.is_list:
        msg = f"jaggy.{fname}: sorting at an axis that is not the innermost is not implemented yet"
        raise NotImplementedError(msg)
    if not isinstance(inner, NumpyArray):
        msg = f"jaggy.{fname}: cannot sort a {type(inner).__name__}"
        raise TypeError(msg)
    data = inner.data
    if data.dtype == xp.bool_:
        data = data.view(xp.uint8)
    if data.dtype.name not in KERNEL_DTYPES:
        msg = f"jaggy.{fname}: cannot sort values of dtype {data.dtype}"
        raise TypeError(msg)
    return (data if positions is None else data[positions]), positions is None


def local_argsort(lst: Any, ascending: bool, fname: str) -> tuple[Any, Any, Any, bool]:
    """(local positions that sort every list, inner content, option index or None, is_option)
    for a packed ListOffsetArray ``lst``."""
    xp, kernels = lst.backend.xp, lst.backend.kernels
    offsets = lst.offsets.data
    n = lst.length
    total = int(offsets[-1])
    inner, index, is_option = _unwrap_option(lst.content)
    out = xp.empty(total, dtype=xp.int64)
    if inner.is_unknown or total == 0:  # nothing to compare: every entry is missing
        out = xp.arange(total, dtype=xp.int64) - xp.repeat(offsets[:-1], offsets[1:] - offsets[:-1])
        return out, inner, index, is_option
    positions = None if index is None else xp.where(index < 0, 0, index)
    keys, _ = _sort_keys(inner, positions, fname)
    if not ascending and is_string(inner):
        keys = reversed_ties(xp, keys)
    mask = (index >= 0).view(xp.int8) if is_option else xp.zeros(0, dtype=xp.int8)
    kernels.segmented_argsort(offsets, xp.ascontiguousarray(keys), mask, out, n, total,
                              len(mask), bool(ascending))
    return out, inner, index, is_option


def global_positions(lst: Any, local: Any) -> Any:
    """Positions in the list's content of local positions (one per element)."""
    xp = lst.backend.xp
    offsets = lst.offsets.data
    return local + xp.repeat(offsets[:-1], offsets[1:] - offsets[:-1])


def sort_list(lst: Any, ascending: bool, fname: str) -> Any:
    """The packed ListOffsetArray ``lst`` with every list sorted."""
    from jaggy.layout import IndexedOptionArray, ListOffsetArray, NumpyArray, UnmaskedArray

    if isinstance(lst.content, UnmaskedArray):
        # nothing is missing: the sorted values are not optional (as in Awkward)
        lst = ListOffsetArray(lst.offsets, lst.content.content, parameters=lst.parameters)
    if _is_nested(lst.content):
        from jaggy._sorting_outer import outer_sort

        return outer_sort(lst, ascending, fname)
    xp, kernels = lst.backend.xp, lst.backend.kernels
    offsets = lst.offsets.data
    n, total = lst.length, int(offsets[-1])
    content = lst.content
    if isinstance(content, NumpyArray) and content.data.ndim == 1 and total:
        keys, own = _sort_keys(content, None, fname)
        if own:
            out = xp.empty_like(keys)
            kernels.segmented_sort(offsets, xp.ascontiguousarray(keys), out, n, total, bool(ascending))
            if content.data.dtype == xp.bool_:
                out = out.view(xp.bool_)
            return ListOffsetArray(lst.offsets, NumpyArray(out, parameters=content.parameters),
                                   parameters=lst.parameters)
    local, inner, index, is_option = local_argsort(lst, ascending, fname)
    if inner.is_unknown or total == 0:
        return lst
    if is_string(inner) and inner.is_regular:  # sorted strings are var-length, as in Awkward
        inner = inner.to_ListOffsetArray64(True)
    carry = global_positions(lst, local)
    if index is None:
        sorted_content = inner._carry(Index64._wrap(carry, lst.backend))
    elif is_option:
        sorted_content = IndexedOptionArray(Index64._wrap(index[carry], lst.backend), inner,
                                            parameters=content.parameters)
    else:
        sorted_content = inner._carry(Index64._wrap(index[carry], lst.backend))
    return ListOffsetArray(lst.offsets, sorted_content, parameters=lst.parameters)


def argsort_list(lst: Any, ascending: bool, fname: str) -> Any:
    """Local positions that sort every list of the packed ListOffsetArray ``lst``."""
    from jaggy.layout import ListOffsetArray, NumpyArray

    if _is_nested(lst.content):
        from jaggy._sorting_outer import outer_argsort

        return outer_argsort(lst, ascending, fname)
    local, _, _, _ = local_argsort(lst, ascending, fname)
    return ListOffsetArray(lst.offsets, NumpyArray(local))


def _is_nested(content: Any) -> bool:
    """Whether the elements being sorted are lists themselves, possibly missing (an axis above
    the innermost)."""
    from jaggy.layout import NumpyArray

    while content.is_option or content.is_indexed:
        content = content.content
    if isinstance(content, NumpyArray):
        return content.data.ndim > 1
    return content.is_list and not is_string(content)
