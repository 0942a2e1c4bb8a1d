"""The broadcasting engine: walks several layouts in lock-step and applies an action.

``broadcast_and_apply(inputs, action, ...)`` visits the inputs node level by node level. At each
level it first asks ``action(inputs, depth, options)``; a tuple it returns is the result of that
level (one layout per output). Otherwise the inputs are aligned one structural step down:

* unions are split by their combined tags and the results reassembled;
* option types are projected onto the entries that are valid in every input, and the result is
  an option type (``None`` propagates);
* lists are aligned: regular dimensions of size 1 repeat, var lists must agree list by list
  (``cannot broadcast nested list at index i (lengths a and b)``), and inputs that are not lists
  at this level (per-list values) repeat over each list (left-broadcasting);
* records are broadcast field by field (same field names required).

Scalars (anything that is not a layout) pass through unchanged. All structural work is compiled
kernels or vectorised array operations; Python work is proportional to the number of nodes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from jaggy.backends import check_same_backend
from jaggy.index import Index64
from jaggy.layout import (
    Content,
    IndexedOptionArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnionArray,
)

_STRINGS = ("string", "bytestring")


@dataclass
class BroadcastOptions:
    """How ``broadcast_and_apply`` aligns its inputs."""

    function_name: str
    allow_records: bool = True
    left_broadcast: bool = True
    right_broadcast: bool = True
    parameters_rule: str = "intersect"
    strings_as_atoms: bool = True


#: per-list value dtypes that the broadcast_repeat kernel repeats
_REPEAT_DTYPES = frozenset(["float64", "float32", "int64", "int32", "int16", "int8", "uint64",
                            "uint32", "uint16", "uint8"])

def is_string(x: Any) -> bool:
    return isinstance(x, Content) and x.is_list and x.parameter("__array__") in _STRINGS


def broadcast_and_apply(inputs: Sequence[Any], action: Callable, *, function_name: str,
                        allow_records: bool = True, left_broadcast: bool = True,
                        right_broadcast: bool = True, parameters_rule: str = "intersect",
                        strings_as_atoms: bool = True) -> tuple:
    """Broadcast ``inputs`` (layouts and scalars) against each other and apply ``action``.

    Returns a tuple of layouts, one per output of ``action``.
    """
    options = BroadcastOptions(function_name, allow_records, left_broadcast, right_broadcast,
                               parameters_rule, strings_as_atoms)
    inputs = [_normalize(x) for x in inputs]
    contents = [x for x in inputs if isinstance(x, Content)]
    if len(contents) > 1:
        check_same_backend(contents, function_name)
    if not contents:
        out = action(inputs, depth=0, options=options)
        if out is None:
            msg = f"{function_name}: at least one input must be an array"
            raise TypeError(msg)
        return out
    if len(contents) == 1:  # one array and scalars: nothing to align at the top
        return apply_step(inputs, 1, action, options)
    if right_broadcast and all(_purelist_isregular(x) for x in contents):
        inputs = _right_pad(inputs, True)
        contents = [x for x in inputs if isinstance(x, Content)]
    lengths = {x.length for x in contents}
    if len(lengths) == 1:
        return apply_step(inputs, 1, action, options)
    if 0 in lengths:  # as in Awkward, an empty array broadcasts everything to empty
        inputs = [x._getitem_range(0, 0) if isinstance(x, Content) else x for x in inputs]
        return apply_step(inputs, 1, action, options)
    if len(lengths - {1}) > 1:
        a, b = sorted(lengths - {1})[:2]
        msg = f"{function_name}: cannot broadcast arrays of lengths {a} and {b}"
        raise ValueError(msg)
    n = max(lengths)
    xp = contents[0].backend.xp
    zeros = Index64._wrap(xp.zeros(n, xp.int64), contents[0].backend)
    inputs = [x._carry(zeros) if isinstance(x, Content) and x.length == 1 else x for x in inputs]
    return apply_step(inputs, 1, action, options)


def _normalize(x: Any) -> Any:
    """Multidimensional NumPy arrays as RegularArrays (before the action sees them)."""
    if isinstance(x, NumpyArray) and len(x.data.shape) > 1:
        return x.to_RegularArray()
    return x


def _purelist_isregular(x: Any) -> bool:
    """``x.purelist_isregular`` without building a form (strings are var lists)."""
    while True:
        if x.is_numpy or x.is_record or x.is_unknown:
            return True
        if x.is_union:
            return x.purelist_isregular
        if x.is_list and not x.is_regular:
            return False
        x = x.content


def _purelist_depth(x: Content) -> int:
    return x.purelist_depth if not x.is_numpy else len(x.data.shape)


def _right_pad(inputs: list, top: bool) -> list:
    """NumPy-style broadcasting of all-regular inputs: shallower ones gain size-1 dims, above the
    outermost dimension at the top (``(n,) -> (1, n)``), at this level below it
    (``(n,) -> (n, 1)``, the outer dimensions being already aligned)."""
    depths = [_purelist_depth(x) for x in inputs if isinstance(x, Content)]
    deepest = max(depths)
    if all(d == deepest for d in depths):
        return inputs
    out = []
    for x in inputs:
        if isinstance(x, Content):
            for _ in range(deepest - _purelist_depth(x)):
                x = RegularArray(x, x.length, 1) if top else RegularArray(x, 1, x.length)
        out.append(x)
    return out


def apply_step(inputs: list, depth: int, action: Callable, options: BroadcastOptions) -> tuple:
    """One level of broadcasting: the action, or one structural step down and back up."""
    inputs = [_normalize(x) for x in inputs]
    contents = [x for x in inputs if isinstance(x, Content)]
    if len(contents) > 1:
        if options.right_broadcast and any(x.is_list for x in contents) and all(
                _purelist_isregular(x) for x in contents):
            inputs = _right_pad(inputs, False)
            contents = [x for x in inputs if isinstance(x, Content)]
        n = contents[0].length
        for x in contents[1:]:
            if x.length != n:
                msg = (f"{options.function_name}: cannot broadcast {type(contents[0]).__name__} of length {n} "
                       f"with {type(x).__name__} of length {x.length}")
                raise ValueError(msg)
    out = action(inputs, depth=depth, options=options)
    if out is not None:
        return out
    if any(x.is_unknown for x in contents):  # as in Awkward: unknown leaves become float64
        inputs = [x.to_NumpyArray("float64") if isinstance(x, Content) and x.is_unknown else x
                  for x in inputs]
        return apply_step(inputs, depth, action, options)
    if any(x.is_union for x in contents):
        return _broadcast_union(inputs, depth, action, options)
    if any(x.is_option or x.is_indexed for x in contents):
        return _broadcast_option(inputs, depth, action, options)
    lists = [x for x in contents if x.is_list]
    if lists and options.strings_as_atoms and not all(is_string(x) for x in lists):
        lists = [x for x in lists if not is_string(x)]
    if lists:
        return _broadcast_list(inputs, lists, depth, action, options)
    if any(x.is_record for x in contents):
        return _broadcast_record(inputs, depth, action, options)
    kinds = ", ".join(sorted({type(x).__name__ for x in contents}))
    msg = f"{options.function_name}: cannot broadcast {kinds}"
    raise ValueError(msg)


# -- parameters ---------------------------------------------------------------------------
def _parameters(nodes: list, noutputs: int, rule: str, inputs: list) -> list[dict]:
    """The parameters of each output node at this level, by the broadcast_parameters_rule."""
    if rule == "one_to_one" and noutputs == len(inputs):
        return [dict(x.parameters) if isinstance(x, Content) and x in nodes else {} for x in inputs]
    params = [x.parameters for x in nodes]
    if rule == "none" or not params:
        out: dict = {}
    elif rule == "all_or_nothing" or rule == "one_to_one":
        out = dict(params[0]) if all(p == params[0] for p in params) else {}
    else:  # intersect
        out = {k: v for k, v in params[0].items() if all(k in p and p[k] == v for p in params[1:])}
    return [dict(out) for _ in range(noutputs)]


# -- lists --------------------------------------------------------------------------------
def _broadcast_list(inputs: list, lists: list, depth: int, action: Callable,
                    options: BroadcastOptions) -> tuple:
    n = lists[0].length
    backend = lists[0].backend
    xp = backend.xp
    if all(x.is_regular for x in lists):
        sizes = {x.size for x in lists}
        size = max(sizes - {1}) if sizes - {1} else 1
        if 0 in sizes:
            size, sizes = 0, {0}
        if len(sizes - {1}) > 1:
            a, b = sorted(sizes - {1})[:2]
            msg = (f"{options.function_name}: cannot broadcast RegularArray of size {a} with "
                   f"RegularArray of size {b}")
            raise ValueError(msg)
        repeat = None
        nextinputs = []
        for x in inputs:
            if isinstance(x, Content) and x in lists and (x.size == size or size == 0):
                nextinputs.append(x.content._getitem_range(0, n * size))  # type: ignore[attr-defined]  # a list/option node (is_* flags)
            elif isinstance(x, Content):
                if x not in lists:  # as in Awkward, non-lists pass as they are (no left-broadcast)
                    nextinputs.append(x)
                    continue
                # a size-1 regular list repeats
                inner = x.content._getitem_range(0, n)  # type: ignore[attr-defined]  # a list/option node (is_* flags)
                if size == 1:
                    nextinputs.append(inner)
                    continue
                if repeat is None:
                    repeat = Index64._wrap(xp.repeat(xp.arange(n, dtype=xp.int64), size), backend)
                nextinputs.append(inner._carry(repeat))
            else:
                nextinputs.append(x)
        outs = apply_step(nextinputs, depth + 1, action, options)
        params = _parameters(lists, len(outs), options.parameters_rule, inputs)
        return tuple(RegularArray(o, size, n, parameters=p) for o, p in zip(outs, params))

    first = next(x for x in lists if not x.is_regular)
    first = first.to_ListOffsetArray64()
    offsets = first.offsets.data
    start, stop = int(offsets[0]), int(offsets[-1]) if len(offsets) else 0
    parents = None
    nextinputs = []
    for x in inputs:
        if not isinstance(x, Content):
            nextinputs.append(x)
        elif x is first or (x in lists and x.is_list and not x.is_regular):
            lx = x.to_ListOffsetArray64()
            other = lx.offsets.data
            # equal offsets buffers (the common case) are recognised by one vectorised pass
            if other is not offsets and not (len(other) == len(offsets) and xp.array_equal(other, offsets)):
                _check_offsets(offsets, other, backend, options)
            nextinputs.append(lx.content._getitem_range(int(other[0]), int(other[-1])))
        elif x in lists and x.size != 1:
            if first.length:
                _check_regular(offsets, x.size, backend, options)
            nextinputs.append(x.content._getitem_range(0, n * x.size))  # type: ignore[attr-defined]  # a list/option node (is_* flags)
        elif x not in lists and x.is_numpy and len(x.data.shape) == 1 and options.left_broadcast:
            # per-list numbers repeated over their lists: one (parallel) pass, no gather
            values = x.data[:n]
            if values.dtype.name in _REPEAT_DTYPES and values.flags.c_contiguous:
                repeated = xp.empty(stop - start, values.dtype)
                backend.kernels.broadcast_repeat(offsets, values, repeated, n, stop - start)
            else:
                repeated = xp.repeat(values, offsets[1:] - offsets[:-1])
            nextinputs.append(NumpyArray(repeated, parameters=x.parameters or None, backend=backend))
        else:
            if parents is None:
                buf = xp.empty(stop - start, xp.int64)
                backend.kernels.broadcast_parents(offsets, buf, n, stop - start)
                parents = Index64._wrap(buf, backend)
            if x not in lists and not options.left_broadcast:
                nextinputs.append(x)  # as in Awkward: passes as it is (lengths are checked below)
                continue
            inner = x.content._getitem_range(0, n) if x in lists else x  # type: ignore[attr-defined]  # a list/option node (is_* flags)
            nextinputs.append(inner._carry(parents))
    outs = apply_step(nextinputs, depth + 1, action, options)
    outoffsets = first.offsets if start == 0 else first._compact_offsets64()
    params = _parameters(lists, len(outs), options.parameters_rule, inputs)
    return tuple(ListOffsetArray(outoffsets, o, parameters=p) for o, p in zip(outs, params))


def _check_offsets(a: Any, b: Any, backend: Any, options: BroadcastOptions) -> None:
    from jaggy.errors import KernelError

    try:
        backend.kernels.broadcast_offsets_check(a, b, len(a) - 1)
    except KernelError as err:
        i = err.index
        msg = (f"{options.function_name}: cannot broadcast nested list at index {i} (lengths "
               f"{int(a[i + 1] - a[i])} and {int(b[i + 1] - b[i])})")
        raise ValueError(msg) from None


def _check_regular(offsets: Any, size: int, backend: Any, options: BroadcastOptions) -> None:
    from jaggy.errors import KernelError

    try:
        backend.kernels.broadcast_regular_check(offsets, len(offsets) - 1, size)
    except KernelError as err:
        i = err.index
        msg = (f"{options.function_name}: cannot broadcast nested list at index {i} (lengths "
               f"{int(offsets[i + 1] - offsets[i])} and {size})")
        raise ValueError(msg) from None


# -- options ------------------------------------------------------------------------------
def _broadcast_option(inputs: list, depth: int, action: Callable, options: BroadcastOptions) -> tuple:
    contents = [x for x in inputs if isinstance(x, Content)]
    backend = contents[0].backend
    xp = backend.xp
    n = contents[0].length
    optional = [x for x in contents if x.is_option]
    indexes = {}
    missing = None
    for x in contents:
        if x.is_option or x.is_indexed:
            index = (x if x.is_indexed else x.to_IndexedOptionArray64()).index.data
            index = index.astype(xp.int64, copy=False)
            indexes[id(x)] = index
            if x.is_option:
                m = index < 0
                missing = m if missing is None else (missing | m)
    if missing is not None and bool(xp.any(missing)):
        valid = xp.nonzero(~missing)[0]
        outindex = xp.full(n, -1, xp.int64)
        outindex[valid] = xp.arange(len(valid), dtype=xp.int64)
    else:
        valid, outindex = None, None
    nextinputs = []
    for x in inputs:
        if not isinstance(x, Content):
            nextinputs.append(x)
            continue
        if id(x) in indexes:
            index = indexes[id(x)]
            carry = index if valid is None else index[valid]
            nextinputs.append(x.content._carry(Index64._wrap(carry, backend)))  # type: ignore[attr-defined]  # a list/option node (is_* flags)
        else:
            nextinputs.append(x if valid is None else x._carry(Index64._wrap(valid, backend)))
    outs = apply_step(nextinputs, depth, action, options)
    if not optional:
        return outs
    if outindex is None:
        outindex = xp.arange(n, dtype=xp.int64)
    params = _parameters(optional, len(outs), options.parameters_rule, inputs)
    return tuple(_wrap_option(outindex, o, p) for o, p in zip(outs, params))


def _wrap_option(index: Any, content: Content, parameters: dict) -> Content:
    from jaggy.layout.options import simplified_indexed

    if content.is_union:
        return _union_option(index, cast(UnionArray, content))
    return simplified_indexed(index, content, True, parameters or None)


def _union_option(index: Any, union: UnionArray) -> Content:
    """An option of a union, as a union of options (Awkward's simplified form)."""
    backend = union.backend
    xp = backend.xp
    missing = index < 0
    safe = xp.where(missing, 0, index)
    tags = union.tags.data[safe] if len(safe) else xp.zeros(0, xp.int8)
    inner = union.index.data.astype(xp.int64)[safe] if len(safe) else xp.zeros(0, xp.int64)
    from jaggy.index import Index

    contents = []
    for t, c in enumerate(union.contents):
        # each content gains one trailing missing entry, pointed to by the missing positions
        opt = c if c.is_option else IndexedOptionArray(
            Index64._wrap(xp.arange(c.length, dtype=xp.int64), backend), c)
        idx = opt.to_IndexedOptionArray64()
        contents.append(IndexedOptionArray(
            Index64._wrap(xp.concatenate([idx.index.data, xp.array([-1], xp.int64)]), backend), idx.content))
        inner = xp.where(missing & (tags == t), c.length, inner)
    return UnionArray(Index._wrap(tags.astype(xp.int8), backend), Index64._wrap(inner, backend), contents,
                      parameters=union.parameters)


# -- records ------------------------------------------------------------------------------
def _broadcast_record(inputs: list, depth: int, action: Callable, options: BroadcastOptions) -> tuple:
    records = [x for x in inputs if isinstance(x, Content) and x.is_record]
    if not options.allow_records:
        msg = f"{options.function_name}: cannot broadcast records"
        raise ValueError(msg)
    first = records[0]
    fields = first.fields
    for r in records[1:]:
        if r.is_tuple != first.is_tuple or set(r.fields) != set(fields):
            msg = (f"{options.function_name}: cannot broadcast records: fields don't match "
                   f"({', '.join(fields)} vs {', '.join(r.fields)})")
            raise ValueError(msg)
    n = first.length
    per_field = []
    for name in fields:
        nextinputs = [x.content(name) if isinstance(x, Content) and x.is_record else x for x in inputs]  # type: ignore[attr-defined]  # a RecordArray (is_record)
        per_field.append(apply_step(nextinputs, depth, action, options))
    noutputs = len(per_field[0]) if per_field else 1
    params = _parameters(records, noutputs, options.parameters_rule, inputs)
    names = None if first.is_tuple else fields
    return tuple(
        RecordArray([f[j] for f in per_field], names, n, parameters=params[j], backend=first.backend)
        for j in range(noutputs)
    )


# -- unions -------------------------------------------------------------------------------
def _broadcast_union(inputs: list, depth: int, action: Callable, options: BroadcastOptions) -> tuple:
    contents = [x for x in inputs if isinstance(x, Content)]
    backend = contents[0].backend
    xp = backend.xp
    n = contents[0].length
    combo = xp.zeros(n, xp.int64)
    stride = 1
    unions = [x for x in inputs if isinstance(x, Content) and x.is_union]
    for u in unions:
        combo += u.tags.data[:n].astype(xp.int64) * stride
        stride *= len(u.contents)
    present, inverse = xp.unique(combo, return_inverse=True)
    inverse = inverse.reshape(-1)
    groups = []
    for c in present.tolist():
        where = xp.nonzero(combo == c)[0]
        carry = Index64._wrap(where, backend)
        nextinputs = []
        for x in inputs:
            if isinstance(x, Content) and x.is_union:
                t = int(x.tags.data[where[0]])
                idx = x.index.data[where].astype(xp.int64)
                nextinputs.append(x.contents[t]._carry(Index64._wrap(idx, backend)))
            elif isinstance(x, Content):
                nextinputs.append(x._carry(carry))
            else:
                nextinputs.append(x)
        groups.append((where, apply_step(nextinputs, depth, action, options)))
    noutputs = len(groups[0][1]) if groups else 1
    outs = []
    for j in range(noutputs):
        parts = [g[1][j] for g in groups]
        index = xp.empty(n, xp.int64)
        for where, _ in groups:
            index[where] = xp.arange(len(where), dtype=xp.int64)
        outs.append(_merge_union(inverse.astype(xp.int8), index, parts, backend))
    return tuple(outs)


def _merge_union(tags: Any, index: Any, parts: list, backend: Any) -> Content:
    """The union of ``parts`` (selected by tags/index), merged where the parts share one form."""
    if len(parts) == 1:
        return parts[0]
    merged = _merge_numeric(tags, index, parts, backend)
    if merged is not None:
        return merged
    from jaggy._merging import union_simplified

    # as Awkward: parts that merge (numbers with numbers, not with booleans) become one content
    return union_simplified(tags, index, parts, mergebool=False)


def _merge_numeric(tags: Any, index: Any, parts: list, backend: Any) -> Content | None:
    """One NumpyArray (or an option of one) for parts that are all numbers, possibly optional."""
    xp = backend.xp

    def leaf(p: Any) -> Any:
        inner = p.content if p.is_option else p
        return inner if inner.is_numpy and inner.data.ndim == 1 and not inner.parameters else None

    if not all(leaf(p) is not None for p in parts):
        return None
    if len({leaf(p).data.dtype == xp.bool_ for p in parts}) > 1:
        return None  # booleans stay apart from numbers (a union), as in Awkward
    option = any(p.is_option for p in parts)
    datas, globals_, offset = [], [], 0
    for p in parts:
        inner = leaf(p)
        if p.is_option:
            idx = p.to_IndexedOptionArray64().index.data
            globals_.append(xp.where(idx < 0, -1, idx + offset))
        else:
            globals_.append(xp.arange(p.length, dtype=xp.int64) + offset)
        datas.append(inner.data)
        offset += inner.length
    starts = xp.cumsum(xp.array([0] + [p.length for p in parts[:-1]], xp.int64))
    table = xp.concatenate(globals_) if globals_ else xp.zeros(0, xp.int64)
    chosen = table[starts[tags.astype(xp.int64)] + index] if len(tags) else xp.zeros(0, xp.int64)
    data = xp.concatenate(datas)
    if option:
        return IndexedOptionArray(Index64._wrap(chosen, backend), NumpyArray(data, backend=backend))
    return NumpyArray(data[chosen], backend=backend)
