"""jaggy.unflatten: split an array into lists of given lengths."""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from jaggy.operations._wrap import finish

if TYPE_CHECKING:
    from jaggy.layout.content import Content


def _counts_array(counts: Any, backend: Any) -> tuple[Any, Any]:
    """(int64 counts with missing as 0, missing mask or None) from an array-like of counts."""
    from jaggy.operations.to_layout import to_layout

    xp = backend.xp
    if isinstance(counts, xp.ndarray) and counts.ndim == 1 and counts.dtype.kind in "iu":
        return counts, None
    layout = to_layout(counts, allow_record=False)
    from jaggy._structure_flatten import concatenate_leaves, leaves

    flat = concatenate_leaves(leaves(layout, True, "unflatten"), "unflatten", backend)
    mask = None
    if flat.is_option:
        index = flat.to_IndexedOptionArray64().index.data
        mask = index < 0
        inner = flat.content
        values = inner.data[xp.where(mask, 0, index)] if inner.length else xp.zeros(len(index), xp.int64)
        data = xp.where(mask, 0, values)
    elif flat.is_unknown:  # like Awkward: counts of unknown type (e.g. []) are not integers
        msg = "jaggy.unflatten: 'counts' must be integers (an empty list has no type; pass an int64 array)"
        raise ValueError(msg)
    else:
        data = flat.data
    if data.dtype.kind == "f":
        if bool(xp.any(data != xp.floor(data))):
            msg = "jaggy.unflatten: 'counts' must be integers"
            raise ValueError(msg)
        data = data.astype(xp.int64)
    if data.dtype.kind not in "iu":
        msg = f"jaggy.unflatten: 'counts' must be integers, not {data.dtype}"
        raise TypeError(msg)
    return data, mask


def _split(content: Any, counts: Any, mask: Any, where: str) -> Any:
    """ListOffsetArray of ``content`` cut into lists of ``counts`` (which must sum to its length)."""
    from jaggy.errors import KernelError
    from jaggy.index import Index64
    from jaggy.layout.indexedarray import IndexedOptionArray
    from jaggy.layout.listoffsetarray import ListOffsetArray

    backend = content.backend
    xp = backend.xp
    offsets = xp.empty(len(counts) + 1, xp.int64)
    try:
        backend.kernels.counts_to_offsets(counts, offsets, len(counts))
    except KernelError as err:
        msg = f"jaggy.unflatten: invalid 'counts' {where}: {err}"
        raise ValueError(msg) from None
    if int(offsets[-1]) != content.length:
        msg = (f"jaggy.unflatten: structure imposed by 'counts' does not fit in the array {where} "
               f"(counts sum to {int(offsets[-1])}, the array has {content.length} elements there)")
        raise ValueError(msg)
    # offsets of non-negative counts that sum to the content's length: valid by construction
    out: Content = ListOffsetArray._fast(Index64._wrap(offsets, backend), content, {}, backend)
    if mask is not None:
        index = xp.where(mask, -1, xp.arange(len(counts), dtype=xp.int64))
        out = IndexedOptionArray(Index64._wrap(index, backend), out)
    return out


def unflatten(array: Any, counts: Any, axis: int = 0, *, highlevel: bool = True,
              behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Splits the entries at ``axis`` into lists of lengths ``counts`` (the inverse of flatten).

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        counts: an int (regular lists of that size; at axis 0, as in Awkward, a partial last
            list is dropped; deeper, each list's length must be a multiple of it) or an array of
            non-negative ints (None makes a missing list), flat or jagged: at ``axis > 0`` the
            counts are consumed in order across the lists at that axis and each list must be
            cut exactly.
        axis: the dimension whose entries are split.
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        The array with one more dimension.

    Example:
        >>> import jaggy
        >>> jaggy.unflatten(jaggy.Array([1, 2, 3, 4, 5]), [2, 0, 3]).to_list()
        [[1, 2], [], [3, 4, 5]]
        >>> jaggy.unflatten(jaggy.Array([[1, 2, 3, 4], [5, 6]]), 2, axis=1).to_list()
        [[[1, 2], [3, 4]], [[5, 6]]]

    Raises:
        ValueError: a count is negative or not a whole number, or the counts do not fit the
            lists (the message names the list).
        TypeError: ``counts`` are not numbers (e.g. booleans).
        jaggy.errors.AxisError: ``axis`` is deeper than the array.
        NotImplementedError: missing values in ``counts`` at ``axis > 0``.
    """
    from jaggy._structure_util import check_axis, packed_list, recurse
    from jaggy.index import Index64
    from jaggy.layout.listoffsetarray import ListOffsetArray
    from jaggy.layout.regulararray import RegularArray
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    backend = layout.backend
    xp = backend.xp
    pos = check_axis(layout, axis, "unflatten")
    if isinstance(counts, numbers.Integral) and not isinstance(counts, bool):
        size = int(counts)
        if size < 0:
            msg = f"jaggy.unflatten: 'counts' must be non-negative, not {size}"
            raise ValueError(msg)

        def regular(node: Any, where: str) -> Any:
            if (size == 0 and node.length != 0) or (size and node.length % size):
                msg = (f"jaggy.unflatten: structure imposed by 'counts' does not fit in the array "
                       f"{where} (length {node.length} is not a multiple of {size})")
                raise ValueError(msg)
            return RegularArray(node, size, 0)

        if pos == 0:
            if size > layout.length:
                msg = (f"jaggy.unflatten: structure imposed by 'counts' does not fit in the array "
                       f"at axis=0 (a list of {size} is longer than the array's {layout.length})")
                raise ValueError(msg)
            # like Awkward: the length is the number of whole lists (a partial last one is dropped)
            n = layout.length // size if size else 0
            out = RegularArray(layout._getitem_range(0, n * size), size, n)
        else:
            out = recurse(layout, pos, "unflatten",
                          lambda node, depth: _regular_inner(node, regular, pos))
        return finish(out, highlevel, array, behavior=behavior, attrs=attrs)

    counts_data, mask = _counts_array(counts, backend)
    if pos == 0:
        out = _split(layout, counts_data, mask, "at axis=0")
        return finish(out, highlevel, array, behavior=behavior, attrs=attrs)
    if mask is not None:
        msg = "jaggy.unflatten: missing values in 'counts' at axis > 0 are not implemented"
        raise NotImplementedError(msg)
    used = [0]

    def action(node: Any, depth: int) -> Any:
        outer, content = packed_list(node)
        cum = xp.empty(len(counts_data) + 1, xp.int64)
        _split_offsets(counts_data, cum, backend)
        begin = used[0]
        local = xp.ascontiguousarray(cum[begin:] - cum[begin])
        # like Awkward: zero counts at a boundary belong to the list before it; the first list
        # starts at this node's first count
        where = xp.searchsorted(local, outer, side="right").astype(xp.int64) - 1
        where[0] = 0
        fits = local[xp.clip(where, 0, len(local) - 1)] == outer
        if not bool(xp.all(fits)):
            bad = int(xp.argmin(fits))
            msg = (f"jaggy.unflatten: structure imposed by 'counts' does not fit in the array at "
                   f"axis={axis}: a new list would cross the end of list {max(bad - 1, 0)}")
            raise ValueError(msg)
        stop = begin + int(where[-1])
        inner = ListOffsetArray(Index64._wrap(local[:int(where[-1]) + 1], backend), content)
        used[0] = stop
        return ListOffsetArray(Index64._wrap(where, backend), inner)

    out = recurse(layout, pos, "unflatten", action)
    if used[0] != len(counts_data):
        msg = (f"jaggy.unflatten: structure imposed by 'counts' does not fit in the array at "
               f"axis={axis} ({len(counts_data) - used[0]} counts left over)")
        raise ValueError(msg)
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


def _split_offsets(counts: Any, out: Any, backend: Any) -> None:
    from jaggy.errors import KernelError

    try:
        backend.kernels.counts_to_offsets(counts, out, len(counts))
    except KernelError as err:
        msg = f"jaggy.unflatten: invalid 'counts': {err}"
        raise ValueError(msg) from None


def _regular_inner(node: Any, regular: Any, pos: int) -> Any:
    from jaggy._structure_util import packed_list
    from jaggy.index import Index64
    from jaggy.layout.listoffsetarray import ListOffsetArray

    offsets, content = packed_list(node)
    inner = regular(content, f"at axis={pos}")
    size = inner.size
    if size and bool((offsets % size != 0).any()):
        msg = f"jaggy.unflatten: structure imposed by 'counts' does not fit in the array at axis={pos}"
        raise ValueError(msg)
    new = offsets // size if size else offsets * 0
    return ListOffsetArray(Index64._wrap(new, node.backend), inner)


__all__ = ["unflatten"]
