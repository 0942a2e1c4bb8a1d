"""The recursive step of ``array[where]``: apply one slice item to the dimension *inside* a node.

``apply(node, items, pos, advanced, depth)`` returns a node of the same length as ``node`` whose
elements are ``node[i][items[pos]][items[pos + 1]]...`` (the outer dimension is kept, so the caller
wraps the whole array in a length-1 RegularArray first). ``advanced`` is, after the first integer
array index, the position in that (broadcast) index array of every element; later integer array
indexes are read at those positions instead of forming an outer product. ``depth`` counts list
dimensions for error messages (0 = the array's own first axis).
"""

from __future__ import annotations

from typing import Any

from jaggy._slicing_prepare import WHERE, Advanced, FieldList, Jagged
from jaggy.errors import KernelError, KernelIndexError
from jaggy.index import Index64


def apply(node: Any, items: tuple, pos: int, advanced: Any, depth: int) -> Any:
    if pos == len(items):
        return node
    head = items[pos]
    if isinstance(head, (str, FieldList)) and node.is_unknown:
        return apply(node, items, pos + 1, advanced, depth)  # no elements: any field is empty
    if isinstance(head, (str, FieldList)):
        return apply(_take_fields(node, head), items, pos + 1, advanced, depth)
    if head is None:
        from jaggy.layout import RegularArray

        inner = apply(node, items, pos + 1, advanced, depth)
        return RegularArray(inner, 1, inner.length)
    return _dispatch(node, items, pos, advanced, depth)


def _take_fields(node: Any, head: Any) -> Any:
    from jaggy.errors import FieldNotFoundError

    try:
        return node._getitem_field(head) if isinstance(head, str) else node._getitem_fields(list(head))
    except FieldNotFoundError as err:
        msg = f"{WHERE}: {err}"
        raise FieldNotFoundError(msg) from None


def _dispatch(node: Any, items: tuple, pos: int, advanced: Any, depth: int) -> Any:
    if node.is_list:
        if isinstance(items[pos], Jagged):
            from jaggy._slicing_jagged import list_jagged_head

            return list_jagged_head(node, items, pos, advanced, depth)
        if node.is_regular:
            return _regular(node, items, pos, advanced, depth)
        return _var(node, items, pos, advanced, depth)
    if node.is_option:
        return option_apply(node, lambda content, adv: apply(content, items, pos, adv, depth), advanced)
    if node.is_indexed:
        return apply(node.project(), items, pos, advanced, depth)
    if node.is_record:
        later = [i for i in range(pos + 1, len(items)) if isinstance(items[i], (str, FieldList))]
        if later:  # a field name later in the tuple is taken here, where the record is (as Awkward)
            i = later[0]
            rest = items[:i] + items[i + 1:]
            return apply(node, (*items[:pos], items[i], *rest[pos:]), pos, advanced, depth)
        return record_apply(node, lambda content: apply(content, items, pos, advanced, depth))
    if node.is_union:
        return union_apply(node, lambda content, adv: apply(content, items, pos, adv, depth), advanced)
    if node.is_numpy and node.data.ndim > 1:
        return apply(node.to_RegularArray(), items, pos, advanced, depth)
    msg = (f"{WHERE}: too many indices for array: the index has more dimensions than the array "
           f"(axis {depth} has type {node.form.type})")
    raise IndexError(msg)


# -- structural helpers ------------------------------------------------------------------------
def carry(content: Any, positions: Any, maybe_missing: bool = False, option: bool = False) -> Any:
    """``content`` at ``positions`` (computed by a bounds-checked kernel); -1 entries become None.
    ``option``: the result is option-typed even without missing entries (an option-typed index)."""
    from jaggy.layout import IndexedOptionArray, NumpyArray

    backend = content.backend
    if option or (maybe_missing and len(positions) and bool((positions < 0).any())):
        if content.is_union:
            return IndexedOptionArray(Index64._wrap(positions, backend), content)
        from jaggy.layout.options import simplified_indexed

        return simplified_indexed(positions, content, True)
    if content.is_numpy:
        return NumpyArray(content.data[positions], parameters=content.parameters, backend=backend)
    return content._carry(Index64._wrap(positions, backend))


def wrap_option(outindex: Any, content: Any) -> Any:
    from jaggy.layout import IndexedOptionArray
    from jaggy.layout.options import simplified_indexed

    if content.is_union:
        return IndexedOptionArray(Index64._wrap(outindex, content.backend), content)
    if content.length == 0 and (content.is_option or content.is_indexed):
        # every entry is missing (nothing to point into): an all-None option over the inner content
        inner = content if content.is_indexed else content.to_IndexedOptionArray64()
        return IndexedOptionArray(Index64._wrap(outindex, content.backend), inner.content)
    return simplified_indexed(outindex, content, True)


def option_apply(node: Any, fn: Any, advanced: Any, extra: Any = None) -> Any:
    """Applies ``fn(valid content, advanced)`` to the valid entries of an option node and puts the
    missing entries back (``extra``, if given, is carried along like ``advanced``)."""
    xp, kernels = node.backend.xp, node.backend.kernels
    option = node.to_IndexedOptionArray64()
    index = option.index.data
    n = len(index)
    nextcarry = xp.empty(n, xp.int64)
    outindex = xp.empty(n, xp.int64)
    nvalid = xp.zeros(1, xp.int64)
    kernels.option_compact(index, nextcarry, outindex, nvalid, n)
    k = int(nvalid[0])
    content = carry(option.content, nextcarry[:k])
    if advanced is not None or extra is not None:
        valid = xp.nonzero(index >= 0)[0]
        advanced = None if advanced is None else advanced[valid]
        out = fn(content, advanced) if extra is None else fn(content, advanced, extra(valid))
    else:
        out = fn(content, None)
    return wrap_option(outindex, out)


def record_apply(node: Any, fn: Any) -> Any:
    from jaggy.layout import RecordArray

    contents = [fn(c._getitem_range(0, node.length)) for c in node.contents]
    return RecordArray(contents, None if node.is_tuple else node.fields, node.length,
                       parameters=node.parameters, backend=node.backend)


def union_apply(node: Any, fn: Any, advanced: Any, extra: Any = None) -> Any:

    xp = node.backend.xp
    tags = node.tags.data
    index = node.index.data[:len(tags)].astype(xp.int64, copy=False)
    outindex = xp.empty(len(tags), xp.int64)
    outs = []
    for t, content in enumerate(node.contents):
        where = xp.nonzero(tags == t)[0]
        outindex[where] = xp.arange(len(where), dtype=xp.int64)
        sub = carry(content, index[where])
        adv = None if advanced is None else advanced[where]
        outs.append(fn(sub, adv) if extra is None else fn(sub, adv, extra(where)))
    from jaggy._merging import union_simplified

    # like Awkward, the contents' results are merged where their types allow (unknown merges with
    # anything), nested unions are flattened, and one remaining content needs no union
    return union_simplified(tags, outindex, outs, parameters=node.parameters or None)


def starts_stops(node: Any) -> tuple[Any, Any]:
    xp = node.backend.xp
    if node.is_regular:
        starts = xp.arange(node.length, dtype=xp.int64) * node.size
        return starts, starts + node.size
    starts, stops = node.starts.data, node.stops.data[:node.length]
    if starts.dtype != xp.int64:
        starts, stops = starts.astype(xp.int64), stops.astype(xp.int64)
    return xp.ascontiguousarray(starts), xp.ascontiguousarray(stops)


def _index_error(value: int, i: int, length: int, depth: int) -> IndexError:
    if depth == 0:
        msg = f"{WHERE}: index {value} is out of bounds for axis 0 with size {length}"
    else:
        msg = f"{WHERE}: index {value} is out of range for list {i} of length {length} (axis {depth})"
    return IndexError(msg)


# -- list nodes -------------------------------------------------------------------------------
#: leaf dtypes that slice_list_at_take reads in one pass
_TAKE_DTYPES = frozenset(["float64", "float32", "int64", "int32", "int16", "int8", "uint64",
                          "uint32", "uint16", "uint8"])


def _var(node: Any, items: tuple, pos: int, advanced: Any, depth: int) -> Any:
    from jaggy.layout import ListArray, ListOffsetArray, NumpyArray

    xp, kernels, backend = node.backend.xp, node.backend.kernels, node.backend
    head = items[pos]
    last = pos + 1 == len(items)
    n = node.length
    if isinstance(head, int):
        starts, stops = starts_stops(node)
        content = node.content
        leaf: Any = content.data if type(content) is NumpyArray else None
        fused = last and leaf is not None and leaf.ndim == 1 and leaf.dtype.name in _TAKE_DTYPES
        out = xp.empty(n, leaf.dtype if fused else xp.int64)
        try:
            if fused:  # lists of numbers: the values in one pass, no positions array
                kernels.slice_list_at_take(starts, stops, leaf, out, n, len(leaf), head)
            else:
                kernels.slice_list_at(starts, stops, out, n, head)
        except KernelIndexError as err:
            i = err.index
            raise _index_error(head, i, int(stops[i] - starts[i]), depth) from None
        except KernelError as err:
            msg = f"{WHERE}: the array's layout is invalid: {err}"
            raise ValueError(msg) from None
        if fused:
            return NumpyArray(out, parameters=content.parameters, backend=backend)
        return apply(carry(content, out), items, pos + 1, advanced, depth + 1)
    if isinstance(head, slice):
        step = 1 if head.step is None else int(head.step)
        if step == 0:
            msg = f"{WHERE}: slice step cannot be zero"
            raise ValueError(msg)
        if head.start is None and head.stop is None and step == 1:
            if last:
                return node
            lists = node.to_ListOffsetArray64().to_packed_offsets()
            return ListOffsetArray(lists.offsets, apply(lists.content, items, pos + 1, None, depth + 1))
        starts, stops = starts_stops(node)
        outstarts = xp.empty(n, xp.int64)
        counts = xp.empty(n, xp.int64)
        kernels.slice_list_range(starts, stops, outstarts, counts, n,
                                 0 if head.start is None else int(head.start),
                                 0 if head.stop is None else int(head.stop), step,
                                 head.start is not None, head.stop is not None)
        if last and step == 1:
            return ListArray(Index64._wrap(outstarts, backend), Index64._wrap(outstarts + counts, backend),
                             node.content, parameters=node.parameters)
        offsets = xp.empty(n + 1, xp.int64)
        kernels.counts_to_offsets(counts, offsets, n)
        total = int(offsets[-1])
        positions = xp.empty(total, xp.int64)
        kernels.slice_list_range_carry(outstarts, offsets, positions, n, step, total)
        inner = apply(carry(node.content, positions), items, pos + 1, None, depth + 1)
        params = node.parameters if last else {}
        return ListOffsetArray(Index64._wrap(offsets, backend), inner, parameters=params)
    if isinstance(head, Advanced):
        starts, stops = starts_stops(node)
        return _advanced(node, starts, stops, items, pos, advanced, depth)
    msg = f"{WHERE}: unsupported index item {head!r}"
    raise TypeError(msg)


def _regular(node: Any, items: tuple, pos: int, advanced: Any, depth: int) -> Any:
    from jaggy.layout import RegularArray

    xp = node.backend.xp
    head = items[pos]
    n, size = node.length, node.size
    if isinstance(head, int):
        j = head + size if head < 0 else head
        if not 0 <= j < size:  # out of range for the regular size, even with no lists (like Awkward)
            raise _index_error(head, 0, size, depth)
        positions = xp.arange(n, dtype=xp.int64) * size + j
        return apply(carry(node.content, positions), items, pos + 1, advanced, depth + 1)
    if isinstance(head, slice):
        if head.step is not None and head.step == 0:
            msg = f"{WHERE}: slice step cannot be zero"
            raise ValueError(msg)
        a, b, step = head.indices(size)
        m = len(range(a, b, step))
        if n == 1 and step == 1:
            inner = node.content._getitem_range(a, a + m)
        else:
            local = xp.arange(a, b, step, dtype=xp.int64)
            positions = (xp.arange(n, dtype=xp.int64) * size)[:, None] + local[None, :]
            inner = carry(node.content, positions.reshape(-1))
        last = pos + 1 == len(items)
        return RegularArray(apply(inner, items, pos + 1, None, depth + 1), m, n,
                            parameters=node.parameters if last else {})
    if isinstance(head, Advanced):
        starts, stops = starts_stops(node)
        return _advanced(node, starts, stops, items, pos, advanced, depth)
    msg = f"{WHERE}: unsupported index item {head!r}"
    raise TypeError(msg)


def _advanced(node: Any, starts: Any, stops: Any, items: tuple, pos: int, advanced: Any,
              depth: int) -> Any:
    from jaggy._slicing_prepare import MISSING
    from jaggy.layout import RegularArray

    xp, kernels = node.backend.xp, node.backend.kernels
    head = items[pos]
    index = head.index
    n, m = node.length, len(index)
    missing = bool((index == MISSING).any()) if m else False
    if advanced is None:
        positions = xp.empty(n * m, xp.int64)
        try:
            kernels.slice_list_array(starts, stops, index, positions, n, m)
        except KernelIndexError as err:
            i, j = divmod(err.index, m)
            raise _index_error(int(index[j]), i, int(stops[i] - starts[i]), depth) from None
        # where the next items also hold arrays, they pair with this one position by position
        nextadvanced = None if pos + 1 == len(items) else xp.tile(xp.arange(m, dtype=xp.int64), n)
        inner = apply(carry(node.content, positions, missing, head.optional), items, pos + 1, nextadvanced,
                      depth + 1)
        for size in reversed(head.shape[1:]):
            inner = RegularArray(inner, size, inner.length // size if size else 0)
        return RegularArray(inner, head.shape[0], n)
    positions = xp.empty(n, xp.int64)
    try:
        kernels.slice_list_advanced(starts, stops, index, advanced, positions, n, m)
    except KernelIndexError as err:
        i = err.index
        raise _index_error(int(index[advanced[i]]), i, int(stops[i] - starts[i]), depth) from None
    return apply(carry(node.content, positions, missing, head.optional), items, pos + 1, advanced, depth + 1)
