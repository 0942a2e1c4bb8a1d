"""Combinations and cartesian products within lists, sized exactly before they are filled.

Each is one count kernel (per-list size), one scan (output offsets) and one fill kernel that
writes the carry of every output element; nothing larger than the output is allocated.
"""

from __future__ import annotations

from typing import Any

from jaggy._memcheck import check_alloc
from jaggy.index import Index64


def _record(contents: list, fields: list[str] | None, length: int, parameters: dict | None,
            with_name: str | None) -> Any:
    from jaggy.layout import RecordArray

    params = dict(parameters or {})
    if with_name is not None:
        params["__record__"] = with_name
    return RecordArray(contents, fields, length, parameters=params or None)


#: leaf dtypes that combinations2_take fills directly
_TAKE_DTYPES = frozenset(["float64", "float32", "int64", "int32", "int16", "int8", "uint64",
                          "uint32", "uint16", "uint8"])


def _blocks(carry: Any, k: int, total: int) -> list:
    return [carry[m * total:(m + 1) * total] for m in range(k)]


def _gather(content: Any, carry: Any) -> Any:
    """content at positions ``carry``: built by the kernels from validated offsets, so always in
    bounds; a NumpyArray is gathered directly (no second bounds pass)."""
    from jaggy.layout import NumpyArray

    if type(content) is NumpyArray:
        data = content.backend.xp.take(content.data, carry, axis=0)
        return NumpyArray(data, parameters=content.parameters, backend=content.backend)
    return content._carry(Index64._wrap(carry, content.backend))


def combinations_list(lst: Any, n: int, replacement: bool, fields: list[str] | None,
                      parameters: dict | None, with_name: str | None, arg: bool) -> Any:
    """Combinations of every list of the packed ListOffsetArray ``lst``."""
    from jaggy.layout import ListOffsetArray, NumpyArray

    backend = lst.backend
    xp, kernels = backend.xp, backend.kernels
    offsets = lst.offsets.data
    nlists = lst.length
    lengths = offsets[1:] - offsets[:-1]
    counts = xp.empty(nlists, dtype=xp.int64)
    kernels.combinations_count(lengths, counts, nlists, n, bool(replacement))
    outoffsets = xp.empty(nlists + 1, dtype=xp.int64)
    kernels.counts_to_offsets(counts, outoffsets, nlists)
    total = int(outoffsets[-1])
    content = lst.content
    if (n == 2 and not arg and type(content) is NumpyArray and content.data.ndim == 1
            and content.data.dtype.name in _TAKE_DTYPES):
        # pairs of numbers: both fields filled in one pass, no positions arrays
        data = content.data
        check_alloc("combinations", 2 * total, data.dtype.itemsize, "values")
        first, second = xp.empty(total, data.dtype), xp.empty(total, data.dtype)
        kernels.combinations2_take(offsets, data, outoffsets, first, second, nlists, len(data),
                                   total, bool(replacement))
        contents = [NumpyArray(x, parameters=content.parameters, backend=backend)
                    for x in (first, second)]
        record = _record(contents, fields, total, parameters, with_name)
        return ListOffsetArray(Index64._wrap(outoffsets, backend), record)
    starts = xp.zeros(nlists, dtype=xp.int64) if arg else xp.ascontiguousarray(offsets[:-1])
    check_alloc("combinations", n * total, 8, "carry entries")
    carry = xp.empty(n * total, dtype=xp.int64)
    kernels.combinations_fill(starts, xp.ascontiguousarray(lengths), outoffsets, carry, nlists, n,
                              total, bool(replacement))
    if arg:
        contents = [NumpyArray(b) for b in _blocks(carry, n, total)]
    else:
        contents = [_gather(lst.content, b) for b in _blocks(carry, n, total)]
    record = _record(contents, fields, total, parameters, with_name)
    return ListOffsetArray(Index64._wrap(outoffsets, backend), record)


def cartesian_lists(lsts: list, fields: list[str] | None, nested: list[int],
                    parameters: dict | None, with_name: str | None, arg: bool,
                    regular: list | None = None, valid: list | None = None) -> Any:
    """Cartesian product, list by list, of packed ListOffsetArrays of equal length; ``nested``
    holds the positions of the arrays after which a new list level begins. ``regular`` gives,
    per array, its size where it was a regular dimension: a level made from one regular array
    stays regular (as in Awkward). ``valid`` gives, per array, None or which of its lists are
    present (missing ones are empty lists in ``lsts``): the level that array opens becomes
    optional, missing where its list is missing."""
    from jaggy.layout import IndexedOptionArray, ListOffsetArray, NumpyArray, RegularArray

    regular = regular or [None] * len(lsts)
    valid = valid or [None] * len(lsts)

    def optional(node: Any, m: int, rows: Any) -> Any:
        if valid[m] is None:
            return node
        index = xp.where(valid[m][rows], xp.arange(len(rows), dtype=xp.int64), -1)
        return IndexedOptionArray(Index64._wrap(index, backend), node)

    def level(offsets: Any, content: Any, lo: int, hi: int) -> Any:
        if lo == hi and regular[lo] is not None:
            return RegularArray(content, regular[lo], len(offsets) - 1)
        return ListOffsetArray(Index64._wrap(offsets, backend), content)

    backend = lsts[0].backend
    xp, kernels = backend.xp, backend.kernels
    k, nlists = len(lsts), lsts[0].length
    per_lengths = [lst.offsets.data[1:] - lst.offsets.data[:-1] for lst in lsts]
    lengths = xp.concatenate(per_lengths) if k else xp.zeros(0, xp.int64)
    if arg:
        starts = xp.zeros(k * nlists, dtype=xp.int64)
    else:
        starts = xp.concatenate([lst.offsets.data[:-1] for lst in lsts])
    counts = xp.empty(nlists, dtype=xp.int64)
    kernels.cartesian_count(lengths, counts, nlists, k)
    outoffsets = xp.empty(nlists + 1, dtype=xp.int64)
    kernels.counts_to_offsets(counts, outoffsets, nlists)
    total = int(outoffsets[-1])
    leaves = [lst.content for lst in lsts]
    if (k == 2 and not arg and all(type(c) is NumpyArray and c.data.ndim == 1 for c in leaves)
            and leaves[0].data.dtype == leaves[1].data.dtype
            and leaves[0].data.dtype.name in _TAKE_DTYPES):
        # pairs of numbers of one dtype: both fields filled in one pass, no positions arrays
        d1, d2 = leaves[0].data, leaves[1].data
        check_alloc("cartesian", 2 * total, d1.dtype.itemsize, "values")
        first, second = xp.empty(total, d1.dtype), xp.empty(total, d1.dtype)
        kernels.cartesian2_take(lsts[0].offsets.data, d1, lsts[1].offsets.data, d2, outoffsets,
                                first, second, nlists, len(d1), len(d2), total)
        contents = [NumpyArray(x, parameters=c.parameters, backend=backend)
                    for x, c in zip((first, second), leaves)]
    else:
        check_alloc("cartesian", k * total, 8, "carry entries")
        carry = xp.empty(k * total, dtype=xp.int64)
        kernels.cartesian_fill(starts, lengths, outoffsets, carry, nlists, k, total)
        if arg:
            contents = [NumpyArray(b) for b in _blocks(carry, k, total)]
        else:
            contents = [_gather(lst.content, b) for lst, b in zip(lsts, _blocks(carry, k, total))]
    out = _record(contents, fields, total, parameters, with_name)
    # nested levels, innermost first: a sublist per prefix up to the boundary
    bounds = sorted(set(nested))
    for r in range(len(bounds) - 1, -1, -1):
        b = bounds[r]
        upper = bounds[r + 1] if r + 1 < len(bounds) else k - 1
        size = xp.ones(nlists, dtype=xp.int64)
        for m in range(b + 1, upper + 1):
            size = size * per_lengths[m]
        nsub = xp.ones(nlists, dtype=xp.int64)
        for m in range(b + 1):
            nsub = nsub * per_lengths[m]
        sub = xp.repeat(size, nsub)
        suboffsets = xp.empty(len(sub) + 1, dtype=xp.int64)
        kernels.counts_to_offsets(sub, suboffsets, len(sub))
        out = level(suboffsets, out, b + 1, upper)
        if valid[b + 1] is not None:
            out = optional(out, b + 1, xp.repeat(xp.arange(nlists, dtype=xp.int64), nsub))
    if bounds:
        nsub = xp.ones(nlists, dtype=xp.int64)
        for m in range(bounds[0] + 1):
            nsub = nsub * per_lengths[m]
        outoffsets = xp.empty(nlists + 1, dtype=xp.int64)
        kernels.counts_to_offsets(nsub, outoffsets, nlists)
    out = level(outoffsets, out, 0, bounds[0] if bounds else k - 1)
    return optional(out, 0, xp.arange(nlists, dtype=xp.int64))
