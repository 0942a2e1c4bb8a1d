"""Reductions (sum, max, argmin, mean, ...) along any axis of a layout.

Vocabulary: a *group* is a run of consecutive elements of a node, given by int64 ``offsets``
(``ngroups + 1`` entries). ``negaxis`` counts list depths from the innermost (1 = the leaf
values' axis).

Two mutually recursive walks do all the structural work:

- ``_local(node, negaxis)`` reduces *inside* every element of ``node`` (the axis lies below
  node's outermost dimension) and returns an array of ``len(node)`` results with node's outer
  structure (lists, regular dimensions, missing entries) kept.
- ``_segments(node, offsets)`` reduces node's outermost axis within every group and returns one
  result per group. Missing entries are dropped (the offsets are recounted); where node holds
  lists, the lists of a group are reduced position by position ("across lists": element ``j`` of
  every list of the group forms a new group), which is how Awkward reduces an outer axis.

At the leaves a ``Reducer`` turns (data, offsets) into one value per group with a compiled
segmented kernel. All steps are vectorized: Python work is proportional to the number of
layout nodes, not to the data.
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from jaggy import _ufunc_threads
from jaggy._reducers_leaf import Reducer
from jaggy.errors import axis_depth_error
from jaggy.highlevel import Array, _result_for
from jaggy.index import Index8, Index64
from jaggy.layout import (
    ByteMaskedArray,
    Content,
    ListOffsetArray,
    NumpyArray,
    RegularArray,
    UnmaskedArray,
)
from jaggy.layout.options import simplified_indexed

__all__ = ["Context", "normalize_axis", "reduce_layout"]


class Context:
    """What one reduction call needs at every node: the reducer and the user's options."""

    __slots__ = ("fname", "keepdims", "mask", "nan_as_none", "reducer")

    def __init__(self, reducer: Reducer, fname: str, *, mask: bool, keepdims: bool,
                 nan_as_none: bool = False) -> None:
        self.reducer = reducer
        self.fname = fname
        self.mask = mask
        self.keepdims = keepdims
        self.nan_as_none = nan_as_none


def _raise_unreducible(node: Content, ctx: Context) -> None:
    if node.is_record:
        name = node.parameter("__record__")
        what = f"records ({name})" if name else "records"
        msg = (f"{ctx.fname}: cannot reduce {what}; no {ctx.fname} overload for this record type "
               f"(fields: {', '.join(node.fields)})")
        raise TypeError(msg)
    if node.is_union:
        msg = f"{ctx.fname}: cannot reduce an array of mixed types (a union)"
        raise TypeError(msg)
    msg = f"{ctx.fname}: cannot reduce a {type(node).__name__}"
    raise TypeError(msg)


def _depth(layout: Content, fname: str) -> int:
    node: Any = layout  # walked by its is_* flags
    depth = 0
    while True:
        if node.is_list:
            depth += 1
            node = node.content
        elif node.is_option or node.is_indexed:
            node = node.content
        elif node.is_numpy:
            return depth + len(node.inner_shape) + 1
        elif node.is_unknown:
            return depth + 1
        elif node.is_record or node.is_union:
            return depth + 1
        else:
            msg = f"{fname}: cannot reduce a {type(node).__name__}"
            raise TypeError(msg)


def normalize_axis(layout: Content, axis: Any, fname: str) -> int:
    """``negaxis`` (1 = innermost) for a user's axis, or AxisError naming fname and the depth."""
    if isinstance(axis, bool) or not isinstance(axis, numbers.Integral):
        msg = f"{fname}: axis must be None or an integer, not {axis!r}"
        raise TypeError(msg)
    axis = int(axis)
    depth = _depth(layout, fname)
    negaxis = depth - axis if axis >= 0 else -axis
    if not 1 <= negaxis <= depth:
        raise axis_depth_error(fname, axis, depth)
    return negaxis


# --------------------------------------------------------------------------------------------
# small helpers over int64 arrays
# --------------------------------------------------------------------------------------------
def _counts(offsets: np.ndarray) -> np.ndarray:
    return offsets[1:] - offsets[:-1]


def _offsets_from_counts(xp: Any, counts: np.ndarray) -> np.ndarray:
    out = xp.empty(len(counts) + 1, xp.int64)
    out[0] = 0
    xp.cumsum(counts, out=out[1:])
    return out


def _local_positions(xp: Any, offsets: np.ndarray, length: int) -> np.ndarray:
    """Position of every element of a node within its group (0 outside the groups)."""
    pos = xp.zeros(length, xp.int64)
    lo, hi = int(offsets[0]), int(offsets[-1])
    counts = _counts(offsets)
    pos[lo:hi] = xp.arange(hi - lo, dtype=xp.int64) - xp.repeat(offsets[:-1] - lo, counts)
    return pos


def _packed_list(node: Any) -> tuple[np.ndarray, Content]:
    """(offsets starting at 0, content starting at the first list) of a list node."""
    xp = node.backend.xp
    if node.is_regular:
        size = node.size
        offsets = xp.arange(node.length + 1, dtype=xp.int64) * size
        return offsets, node.content._getitem_range(0, node.length * size)
    packed = node.to_ListOffsetArray64(True)
    return packed.offsets.data, packed.content


def _as_numpy_or_regular(node: Content) -> Content:
    if node.is_unknown:
        xp = node.backend.xp
        return NumpyArray(xp.zeros(0, xp.float64), backend=node.backend)
    if node.is_numpy and len(node.inner_shape) > 0:
        return node.to_RegularArray()
    return node


# --------------------------------------------------------------------------------------------
# the two walks
# --------------------------------------------------------------------------------------------
def _local(node: Content, negaxis: int, depth: int, ctx: Context) -> Content:
    node = _as_numpy_or_regular(node)
    if node.is_list:
        offsets, content = _packed_list(node)
        if negaxis == depth - 1:
            return _segments(content, offsets, depth - 1, ctx, None, ctx.keepdims)
        out = _local(content, negaxis, depth - 1, ctx)
        if node.is_regular:
            return RegularArray(out, node.size, node.length)
        return ListOffsetArray(Index64._wrap(offsets, node.backend), out)
    if node.is_option:
        xp = node.backend.xp
        valid = node.mask_as_bool(True)
        inner = _local(node.project(), negaxis, depth, ctx)
        return simplified_indexed(option_index(valid, xp), inner, True)
    if node.is_indexed:
        return _local(node.project(), negaxis, depth, ctx)
    _raise_unreducible(node, ctx)
    raise AssertionError


def _segments(node: Any, offsets: np.ndarray, depth: int, ctx: Context, pos: Any,
              keepdims: bool) -> Content:
    node = _as_numpy_or_regular(node)
    xp = node.backend.xp
    ngroups = len(offsets) - 1
    if node.is_numpy:
        out = _leaf(node, offsets, ctx, pos)
    elif node.is_option or node.is_indexed:
        if type(node) is UnmaskedArray:
            return _segments(node.content, offsets, depth, ctx, pos, keepdims)
        if node.is_option:
            valid = node.mask_as_bool(True)
            if pos is None and depth == 1 and ctx.reducer.needs_position:
                pos = _local_positions(xp, offsets, node.length)
            if pos is not None and depth == 1:
                pos = pos[valid]
            else:
                pos = None
            cs = xp.empty(len(valid) + 1, xp.int64)
            cs[0] = 0
            xp.cumsum(valid, out=cs[1:])
            return _segments(node.project(), cs[offsets], depth, ctx, pos, keepdims)
        return _segments(node.project(), offsets, depth, ctx, pos, keepdims)
    elif node.is_list:
        out = _across_lists(node, offsets, depth, ctx)
    else:
        _raise_unreducible(node, ctx)
    if keepdims:
        out = RegularArray(out, 1, ngroups)
    return out


def _across_lists(node: Content, offsets: np.ndarray, depth: int, ctx: Context) -> Content:
    """Reduce groups of lists element by element: element j of every list in group g forms
    one new group; the result holds, per group, a list as long as the group's longest list."""
    xp = node.backend.xp
    kernels = node.backend.kernels
    lo, hi = int(offsets[0]), int(offsets[-1])
    if lo != 0 or hi != node.length:
        node = node._getitem_range(lo, hi)
        offsets = offsets - lo
    ngroups = len(offsets) - 1
    loffs, content = _packed_list(node)
    nlists = node.length
    lcounts = _counts(loffs)
    if node.is_regular:
        maxlen = xp.full(ngroups, node.size, xp.int64)
    else:
        maxlen = xp.empty(ngroups, xp.int64)
        kernels.reduce_max(offsets, lcounts, xp.zeros(1, xp.int64), maxlen, ngroups, nlists)
    outoffsets = _offsets_from_counts(xp, maxlen)
    group_of_list = xp.repeat(xp.arange(ngroups, dtype=xp.int64), _counts(offsets))
    total = int(loffs[-1])
    list_of_elem = xp.repeat(xp.arange(nlists, dtype=xp.int64), lcounts)
    j = xp.arange(total, dtype=xp.int64) - loffs[:-1][list_of_elem]
    key = outoffsets[:-1][group_of_list][list_of_elem] + j
    carry = xp.argsort(key, kind="stable")
    newoffsets = _offsets_from_counts(xp, xp.bincount(key, minlength=int(outoffsets[-1])))
    pos = None
    if ctx.reducer.needs_position:
        pos = (list_of_elem - offsets[:-1][group_of_list][list_of_elem])[carry]
    carried = content._carry(Index64._wrap(carry.astype(xp.int64, copy=False), node.backend))
    inner = _segments(carried, newoffsets, depth - 1, ctx, pos, False)
    if node.is_regular:
        return RegularArray(inner, node.size, ngroups)
    return ListOffsetArray(Index64._wrap(outoffsets, node.backend), inner)


def _leaf(node: NumpyArray, offsets: np.ndarray, ctx: Context, pos: Any) -> Content:
    backend = node.backend
    xp = backend.xp
    data = node.data
    if ctx.nan_as_none and data.dtype.kind in "fc":
        valid = ~xp.isnan(data)
        if not bool(valid.all()):
            if pos is None and ctx.reducer.needs_position:
                pos = _local_positions(xp, offsets, len(data))
            if pos is not None:
                pos = pos[valid]
            cs = xp.empty(len(valid) + 1, xp.int64)
            cs[0] = 0
            xp.cumsum(valid, out=cs[1:])
            offsets = cs[offsets]
            data = data[valid]
    if ctx.mask and ctx.reducer.fuses_mask:  # the option mask comes from the same kernel pass
        values, valid = ctx.reducer.apply_masked(data, offsets, pos, backend)
    else:
        values = ctx.reducer.apply(data, offsets, pos, backend)
        if ctx.mask:
            # (on several threads for a million lists or more: a third of a millisecond each)
            valid = _ufunc_threads.call(xp.greater, [offsets[1:], offsets[:-1]], {})
    # (a new one-dimensional native numeric buffer: no constructor checks needed)
    out: Content = NumpyArray._fast(values, {}, backend)
    if ctx.mask:
        out = ByteMaskedArray(Index8._wrap(valid.view(xp.int8), backend), out, valid_when=True)
    return out


# --------------------------------------------------------------------------------------------
# entry point
# --------------------------------------------------------------------------------------------
def _flat_leaf(layout: Content, ctx: Context) -> Content:
    """Every reachable leaf value (list structure dropped), keeping a leaf-level option."""
    node: Any = _as_numpy_or_regular(layout)
    while True:
        if node.is_list:
            node = _as_numpy_or_regular(_packed_list(node)[1])
        elif node.is_option or node.is_indexed:
            inner = node.content
            while inner.is_option or inner.is_indexed:
                inner = inner.content
            if inner.is_numpy and len(inner.inner_shape) == 0:
                return node
            node = _as_numpy_or_regular(node.project())
        elif node.is_numpy:
            return node
        else:
            _raise_unreducible(node, ctx)


def reduce_layout(layout: Content, ctx: Context, axis: Any) -> Any:
    """Reduce ``layout`` along ``axis`` (None = everything): a layout, a scalar, or None."""
    xp = layout.backend.xp
    if axis is None:
        depth = _depth(layout, ctx.fname)
        leaf = _flat_leaf(layout, ctx)
        if hasattr(ctx.reducer, "propagate_nan"):
            ctx.reducer.propagate_nan = True
        offsets = xp.array([0, leaf.length], xp.int64)
        out = _segments(leaf, offsets, 1, ctx, None, False)
        if not ctx.keepdims:
            return out._getitem_at(0)
        for _ in range(depth - 1):
            out = RegularArray(out, 1, 1)
        return out
    negaxis = normalize_axis(layout, axis, ctx.fname)
    depth = _depth(layout, ctx.fname)
    if negaxis == depth:
        if depth == 1 and hasattr(ctx.reducer, "propagate_nan"):
            ctx.reducer.propagate_nan = True  # a whole 1-D array reduces as with axis=None
        offsets = xp.array([0, layout.length], xp.int64)
        return _segments(layout, offsets, depth, ctx, None, ctx.keepdims)._getitem_at(0)
    return _local(layout, negaxis, depth, ctx)


def option_index(valid: Any, xp: Any) -> Any:
    """IndexedOptionArray index: running position where valid, -1 where not."""
    index = xp.cumsum(valid) - 1
    index[~valid] = -1
    return index


def _flat_lists(layout: ListOffsetArray, reducer: Reducer, fname: str, mask_identity: Any) -> Any:
    """The most common call, ``sum(lists_of_numbers, axis=1)``, without the general walk (the
    same leaf step it would end in); None when ``layout`` is not plain lists of numbers."""
    content = layout._content
    if type(content) is not NumpyArray or content._parameters or content._data.ndim != 1:
        return None
    offsets = layout._offsets._data
    if offsets.dtype != np.int64:
        offsets = offsets.astype(np.int64)
    if not mask_identity:  # (_leaf without its options: the reducer's values as a leaf)
        backend = content._backend
        return NumpyArray._fast(reducer.apply(content._data, offsets, None, backend), {}, backend)
    ctx = Context(reducer, fname, mask=True, keepdims=False)
    return _leaf(content, offsets, ctx, None)


def run(fname: str, reducer: Reducer, array: Any, axis: Any, keepdims: bool, mask_identity: bool,
        highlevel: bool, behavior: Any, attrs: Any, *, nan_as_none: bool = False) -> Any:
    """The body of every public reducer: unwrap, reduce, wrap (a scalar is returned as is)."""
    if type(array) is Array:
        layout = array._layout
        if (type(layout) is ListOffsetArray and type(axis) is int and (axis == 1 or axis == -1)
                and not keepdims and not nan_as_none):
            out = _flat_lists(layout, reducer, fname, mask_identity)
            if out is not None:
                return _result_for(out, highlevel, array, behavior, attrs)
    else:
        from jaggy.operations.to_layout import to_layout

        layout = to_layout(array, allow_record=False)
    ctx = Context(reducer, fname, mask=bool(mask_identity), keepdims=bool(keepdims),
                  nan_as_none=nan_as_none)
    out = reduce_layout(layout, ctx, axis)
    if isinstance(out, Content):
        from jaggy.operations._wrap import finish

        return finish(out, highlevel, array, behavior=behavior, attrs=attrs)
    return out
