"""jaggy.run_lengths: lengths of the runs of equal values in the innermost lists."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def _run_lengths_flat(values: Any, list_offsets: Any, backend: Any) -> tuple[Any, Any]:
    """(run lengths, offsets of the runs per list) of a packed leaf cut by ``list_offsets``."""
    xp = backend.xp
    if isinstance(values, tuple):  # strings: (n, equal-to-previous flags)
        n, same_as_prev = values
        change = ~same_as_prev
    else:
        n = len(values)
        change = xp.ones(n, dtype=xp.bool_)
        if n > 1:
            change[1:] = values[1:] != values[:-1]
    starts_of_lists = list_offsets[:-1]
    change[starts_of_lists[starts_of_lists < n]] = True
    run_starts = xp.flatnonzero(change)
    lengths = xp.diff(xp.append(run_starts, n)).astype(xp.int64)
    run_offsets = xp.searchsorted(run_starts, list_offsets, side="left").astype(xp.int64)
    return lengths, run_offsets


def _string_keys(node: Any, xp: Any) -> tuple[int, Any]:
    """(number of strings, True where a string equals the one before it), vectorized."""
    from jaggy._structure_util import packed_list

    offsets, content = packed_list(node)
    chars = content.data
    n = len(offsets) - 1
    lengths = xp.diff(offsets)
    same = xp.zeros(n, dtype=xp.bool_)
    if n > 1:
        owner = xp.repeat(xp.arange(n, dtype=xp.int64), lengths)
        pos = xp.arange(len(owner), dtype=xp.int64)
        own_len = lengths[owner]
        prev_len = xp.where(owner >= 1, lengths[xp.maximum(owner - 1, 0)], -1)
        comparable = (owner >= 1) & (prev_len == own_len)
        back = xp.where(comparable, pos - own_len, pos)
        differs = comparable & (chars[pos] != chars[back])
        bad = xp.bincount(owner, weights=differs, minlength=n)
        same[1:] = (lengths[1:] == lengths[:-1]) & (bad[1:] == 0)
    return n, same


def run_lengths(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
                attrs: Mapping | None = None) -> Any:
    """The lengths of the runs of equal consecutive values in each innermost list.

    A one-dimensional array is one list. Strings compare as whole strings; missing values at the
    innermost level are skipped (as in Awkward).

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        int64 run lengths, in lists with the array's structure above the innermost level.

    Example:
        >>> import jaggy
        >>> jaggy.run_lengths(jaggy.Array([[1, 1, 2], [3, 3], []])).to_list()
        [[2, 1], [2], []]
        >>> jaggy.run_lengths(jaggy.Array(["a", "a", "b"])).to_list()
        [2, 1]

    Raises:
        NotImplementedError: records or unions at the innermost level.
    """
    from jaggy._structure_util import as_list_like, depth_range, is_string, packed_list, rewrap
    from jaggy.index import Index64
    from jaggy.layout.listoffsetarray import ListOffsetArray
    from jaggy.layout.numpyarray import NumpyArray
    from jaggy.operations.drop_none import _drop_list
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    backend = layout.backend
    xp = backend.xp

    def leaf_values(node: Any) -> Any:
        node = as_list_like(node)
        if node.is_numpy:
            return node.data
        if node.is_unknown:
            return xp.zeros(0, xp.float64)
        if is_string(node):
            return _string_keys(node, xp)
        msg = "jaggy.run_lengths: records or unions at the innermost level are not implemented"
        raise NotImplementedError(msg)

    def rec(node: Any) -> Any:
        node = as_list_like(node)
        if node.is_option or node.is_indexed:
            if depth_range(node.content)[1] <= 2:  # like Awkward: None in the runs is skipped
                return rec(node.project())
            return rewrap(node, rec(node.content))
        if node.is_list and not is_string(node):
            if node.content.is_option or node.content.is_indexed:
                if depth_range(node.content.content)[1] <= 2:
                    node = _drop_list(node.copy(content=node.content.to_IndexedOptionArray64()))
            inner = as_list_like(node.content)
            if (inner.is_list and not is_string(inner)) or inner.is_option or inner.is_indexed:
                return node.copy(content=rec(node.content))
            offsets, content = packed_list(node)
            lengths, run_offsets = _run_lengths_flat(leaf_values(content), offsets, backend)
            return ListOffsetArray(Index64._wrap(run_offsets, backend), NumpyArray(lengths, backend=backend))
        values = leaf_values(node)
        lengths, _ = _run_lengths_flat(values, xp.zeros(1, xp.int64), backend)
        return NumpyArray(lengths, backend=backend)

    out = rec(layout)
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["run_lengths"]
