"""Normalizes the ``where`` of ``array[where]`` into a tuple of slice items.

Items are: ``int``, ``slice``, ``None`` (np.newaxis), ``str`` (a field), ``FieldList`` (several
fields), ``Advanced`` (a flat integer index, possibly multidimensional through ``shape``, where
``MISSING`` entries stand for None) and ``Jagged`` (a list-type layout whose leaves are int64 with
``MISSING`` for None, or bool). ``Ellipsis`` is expanded into full slices here.
"""

from __future__ import annotations

import operator
from typing import Any

import numpy as np

from jaggy.backends import backend_of_buffer
from jaggy.index import Index64

MISSING = np.iinfo(np.int64).min
#: parameters of a canonical jagged index leaf that came from an option type (internal only)
OPTIONAL_LEAF = {"__jaggy_optional_index__": True}
WHERE = "jaggy.Array.__getitem__"


def _xp(data: Any) -> Any:
    """The array module of a buffer: NumPy, or the device's (CuPy)."""
    return np if type(data) is np.ndarray else backend_of_buffer(data).xp


class FieldList(tuple):
    """Several field names selected at once: ``x[["a", "b"]]``."""


class Advanced:
    """A flat integer index (int64, MISSING = None) applied to one dimension, of a given shape."""

    __slots__ = ("index", "mask_length", "optional", "shape")

    def __init__(self, index: Any, shape: tuple, mask_length: int | None = None,
                 optional: bool = False) -> None:
        self.index = index
        self.shape = shape
        self.mask_length = mask_length
        self.optional = optional  # an option-typed index: the result is option-typed (like Awkward)


class Jagged:
    """A jagged (list-type) integer or boolean index: ``layout`` is a canonical list layout."""

    __slots__ = ("depth", "layout")

    def __init__(self, layout: Any, depth: int) -> None:
        self.layout = layout
        self.depth = depth


def _ellipsis_fill(layout: Any, before: list, after: list) -> int:
    """How many full slices ``...`` stands for: dimensions are counted through records (as
    Awkward), and a structure whose branches have different depths is ambiguous there."""
    def count(items: list) -> int:
        return sum(x.depth + 1 if isinstance(x, Jagged) else 1 for x in items if _is_dim(x))

    if not after:
        return 0
    tail = count(after)
    if tail == 0:  # only np.newaxis after it: the new axis goes after the list dimensions
        return max(0, layout.purelist_depth - count(before))
    low, high = layout.minmax_depth
    low, high = low - count(before), high - count(before)
    fill = 0
    while low - fill > tail or high - fill > tail:
        if low - fill == tail or high - fill == tail:
            msg = f"{WHERE}: an ellipsis ('...') cannot be used on data with different numbers of dimensions"
            raise IndexError(msg)
        fill += 1
    return fill


def _on_backend(backend: Any, arrays: list) -> None:
    """Index arrays from host data (lists, NumPy arrays) copied to the sliced array's device;
    an index on a device sliced on the host is a BackendError."""
    for a in arrays:
        buf = a.index if isinstance(a, Advanced) else None
        owner = backend_of_buffer(buf) if buf is not None else a.layout.backend
        if owner is backend:
            continue
        if owner.name != "cpu":
            from jaggy.errors import BackendError

            msg = (f"{WHERE}: the index is on the {owner.name!r} backend and the array on the "
                   f"{backend.name!r} backend; move one with jaggy.to_backend")
            raise BackendError(msg)
        if isinstance(a, Advanced):
            a.index = backend.asarray(buf)
        else:
            a.layout = a.layout.to_backend(backend)


def _is_dim(item: Any) -> bool:
    return not (item is None or isinstance(item, (str, FieldList)))


def prepare(layout: Any, where: Any) -> tuple:
    """The tuple of items for ``layout[where]`` (Ellipsis expanded, arrays converted)."""
    items = where if type(where) is tuple else (where,)  # a FieldList is one item
    out = []
    for item in items:
        out.extend(_convert(item))
    ellipses = [i for i, x in enumerate(out) if x is Ellipsis]
    if len(ellipses) > 1:
        msg = f"{WHERE}: an index can only have a single ellipsis ('...')"
        raise IndexError(msg)
    if ellipses:
        i = ellipses[0]
        out[i:i + 1] = [slice(None)] * _ellipsis_fill(layout, out[:i], out[i + 1:])
    dims = [x for x in out if _is_dim(x)]
    if dims and isinstance(dims[0], Advanced) and dims[0].mask_length not in (None, layout.length):
        msg = (f"{WHERE}: boolean index has length {dims[0].mask_length} but the array has "
               f"length {layout.length} (axis 0)")
        raise IndexError(msg)
    arrays = [i for i, x in enumerate(out) if isinstance(x, (Advanced, Jagged))]
    if arrays:
        _on_backend(layout.backend, [out[i] for i in arrays])
    if arrays:
        spots = [i for i, x in enumerate(out) if isinstance(x, (Advanced, Jagged, int))]
        between = out[spots[0]:spots[-1]]
        if any(x is None or isinstance(x, slice) for x in between):
            msg = (f"{WHERE}: NumPy advanced indexing with array indices separated by None "
                   "(np.newaxis), Ellipsis, or slice are not permitted with jaggy arrays")
            raise ValueError(msg)
        awkward_style = [out[i] for i in arrays if isinstance(out[i], Jagged) or out[i].optional]
        if awkward_style and len(spots) > 1:
            kind = "a jagged index" if isinstance(awkward_style[0], Jagged) else "an index with missing values"
            msg = (f"{WHERE}: cannot mix {kind} with another array or integer index in one tuple "
                   "(slice in several steps instead)")
            raise ValueError(msg)
        flat = [out[i] for i in arrays if isinstance(out[i], Advanced)]
        if len(flat) > 1:
            _broadcast(flat)
    return tuple(out)


def _broadcast(flat: list) -> None:
    shapes = [a.shape for a in flat]
    try:
        shape = np.broadcast_shapes(*shapes)
    except ValueError:
        msg = f"{WHERE}: cannot broadcast the array indexes together (shapes {shapes})"
        raise IndexError(msg) from None
    for a in flat:
        a.index = _xp(a.index).ascontiguousarray(np.broadcast_to(a.index.reshape(a.shape), shape).reshape(-1))
        a.shape = shape


def _convert(item: Any) -> list:
    if item is None or item is Ellipsis or isinstance(item, (slice, str, FieldList, Advanced, Jagged)):
        return [item]
    if isinstance(item, (bool, np.bool_)):
        msg = f"{WHERE}: a single boolean is not a valid index (use a boolean array)"
        raise TypeError(msg)
    if isinstance(item, (int, np.integer)):
        return [operator.index(item)]
    if isinstance(item, list) and item and all(isinstance(x, str) for x in item):
        return [FieldList(item)]
    if isinstance(item, np.ndarray):
        return _from_numpy(item)
    if isinstance(item, (list, tuple)):
        try:
            arr = np.asarray(item)
        except ValueError:
            arr = None
        if arr is not None and arr.ndim == 1 and arr.dtype.kind in "iub":
            return _from_numpy(arr)
        if arr is not None and arr.ndim == 1 and arr.size == 0:
            return _from_numpy(arr.astype(np.int64))
    from jaggy.operations.to_layout import to_layout

    try:
        layout = to_layout(item, allow_record=False)
    except TypeError:
        layout = None
    if layout is None or not hasattr(layout, "is_list"):
        msg = f"{WHERE}: cannot use {item!r} (type {type(item).__name__}) as an index"
        raise TypeError(msg)
    return _from_layout(layout)


def _from_numpy(arr: Any) -> list:
    if arr.dtype.kind == "b":
        if arr.ndim == 0:
            msg = f"{WHERE}: a single boolean is not a valid index (use a boolean array)"
            raise TypeError(msg)
        xp = _xp(arr)
        return [Advanced(xp.ascontiguousarray(nz, dtype=np.int64), nz.shape, arr.shape[k])
                for k, nz in enumerate(xp.nonzero(arr))]
    if arr.dtype.kind not in "iu":
        msg = f"{WHERE}: an index array must contain integers or booleans, not {arr.dtype}"
        raise TypeError(msg)
    if arr.ndim == 0:
        return [int(arr)]
    return [Advanced(_xp(arr).ascontiguousarray(arr.reshape(-1), dtype=np.int64), arr.shape)]


def _strip(layout: Any) -> Any:
    while layout.is_indexed and not layout.is_option:
        layout = layout.project()
    return layout


def _leaf_kind(layout: Any) -> str:
    if layout.is_unknown:
        return "int"
    if layout.is_numpy:
        if layout.data.ndim != 1:
            msg = f"{WHERE}: a multidimensional NumPy leaf inside an index array is not supported"
            raise TypeError(msg)
        kind = layout.data.dtype.kind
        if kind == "b":
            return "bool"
        if kind in "iu":
            return "int"
    msg = f"{WHERE}: an index array must contain integers or booleans, not {layout.form.type}"
    raise TypeError(msg)


def _regular_to_leaf(layout: Any) -> bool:
    """Only regular dimensions down to a NumPy leaf (no option or var dimension on the way): an
    index NumPy itself could take. An option anywhere makes it a jagged index (as Awkward)."""
    while layout.is_regular:
        layout = _strip(layout.content)
    return layout.is_numpy


def _from_layout(layout: Any) -> list:
    layout = _strip(layout)
    if layout.is_union or layout.is_record:
        msg = f"{WHERE}: cannot use an array of type {layout.form.type} as an index"
        raise TypeError(msg)
    if layout.is_regular and layout.parameter("__array__") is None:
        if _regular_to_leaf(layout):
            try:
                arr = layout.to_numpy(allow_missing=False)
            except (ValueError, NotImplementedError, TypeError):
                arr = None
            if arr is not None and not np.ma.isMaskedArray(arr) and arr.dtype.kind in "iub":
                return _from_numpy(arr if layout.backend.name == "cpu" else layout.backend.asarray(arr))
    if layout.is_numpy or layout.is_unknown:
        data = layout.data if layout.is_numpy else layout.backend.xp.zeros(0, np.int64)
        return _from_numpy(data)
    if layout.is_option:
        values = _option_values(layout)
        if values is not None:
            return [Advanced(values, (len(values),), optional=True)]
    canon, depth = _canonical(layout)
    return [Jagged(canon, depth)]


def _option_values(layout: Any) -> Any:
    """Flat index values (MISSING = None) of an option node directly over a numeric leaf, or None
    when its content is anything else. A byte mask over integers is filled in one pass."""
    if type(layout).__name__ == "ByteMaskedArray":
        leaf = layout.content
        if leaf.is_numpy and _leaf_kind(leaf) == "int" and not leaf.parameters:
            xp, n = leaf.backend.xp, layout.length
            values = xp.empty(n, np.int64)
            leaf.backend.kernels.bytemask_fill(xp.ascontiguousarray(leaf.data[:n], dtype=np.int64),
                                               layout.mask.data[:n], xp.full(1, MISSING, np.int64),
                                               values, n, bool(layout.valid_when))
            return values
    option = layout.to_IndexedOptionArray64()
    inner = _strip(option.content)
    if inner.is_numpy or inner.is_unknown:
        return _missing_values(option.index.data, inner)
    return None


def _missing_values(index: Any, leaf: Any) -> Any:
    """Flat index values of an option over a numeric leaf: bools become the positions of True
    (and None) entries, None becomes MISSING."""
    kind = _leaf_kind(leaf)
    xp = leaf.backend.xp
    if kind == "bool":
        missing = index < 0
        data = leaf.data[xp.where(missing, 0, index)] if len(leaf.data) else xp.zeros(len(index), bool)
        keep = xp.logical_or(data, missing)
        out = xp.nonzero(keep)[0].astype(np.int64)
        out[missing[keep]] = MISSING
        return out
    data = leaf.data if leaf.is_numpy else xp.zeros(0, np.int64)
    if len(data) == 0:
        return xp.full(len(index), MISSING, np.int64)
    # one pass: content[index], or MISSING where the index is negative (bounds-checked kernel)
    values = xp.empty(len(index), np.int64)
    leaf.backend.kernels.index_fill(xp.ascontiguousarray(data, dtype=np.int64),
                                    xp.ascontiguousarray(index, dtype=np.int64),
                                    xp.full(1, MISSING, np.int64), values, len(index), len(data))
    return values


def _canonical(layout: Any) -> tuple[Any, int]:
    """A jagged index as ListOffsetArray / IndexedOptionArray nodes over int64 (MISSING = None) or
    bool leaves; returns it and the number of dimensions it spans."""
    from jaggy.layout import IndexedOptionArray, ListOffsetArray, NumpyArray

    layout = _strip(layout)
    if layout.is_option:
        # an option-typed integer leaf makes an option-typed result even where nothing is missing
        values = _option_values(layout)
        if values is not None:
            return NumpyArray(values, parameters=OPTIONAL_LEAF), 0
        option = layout.to_IndexedOptionArray64()
        content, depth = _canonical(option.content)
        if content.is_numpy:
            values = _missing_values(option.index.data, content)
            return NumpyArray(values, parameters=OPTIONAL_LEAF), depth
        return IndexedOptionArray(option.index, content), depth
    if layout.is_list:
        if layout.parameter("__array__") in ("string", "bytestring"):
            msg = f"{WHERE}: cannot use strings as an index inside a nested list"
            raise TypeError(msg)
        lists = layout.to_ListOffsetArray64().to_packed_offsets()
        inner = _strip(lists.content)
        if inner.is_option and _is_bool_leaf(inner):
            return _option_mask_lists(lists.offsets.data, inner.to_IndexedOptionArray64()), 1
        content, depth = _canonical(lists.content)
        return ListOffsetArray(lists.offsets, content), depth + 1
    if layout.is_numpy or layout.is_unknown:
        kind = _leaf_kind(layout)
        xp = layout.backend.xp
        if kind == "bool":
            return NumpyArray(xp.ascontiguousarray(layout.data, dtype=bool)), 0
        data = layout.data if layout.is_numpy else xp.zeros(0, np.int64)
        return NumpyArray(xp.ascontiguousarray(data, dtype=np.int64)), 0
    msg = f"{WHERE}: cannot use an array of type {layout.form.type} as an index"
    raise TypeError(msg)


def _is_bool_leaf(option: Any) -> bool:
    leaf = _strip(option.content)
    return leaf.is_numpy and leaf.data.ndim == 1 and leaf.data.dtype.kind == "b"


def _option_mask_lists(offsets: Any, option: Any) -> Any:
    """Lists of an option-typed boolean mask as lists of local integer indexes (None -> MISSING)."""
    from jaggy.layout import ListOffsetArray, NumpyArray

    backend = option.backend
    kernels, xp = backend.kernels, backend.xp
    index = option.index.data
    leaf = _strip(option.content).data
    missing = index < 0
    values = leaf[xp.where(missing, 0, index)] if len(leaf) else xp.zeros(len(index), bool)
    keep = xp.ascontiguousarray(xp.logical_or(values, missing))
    n = len(offsets) - 1
    starts = xp.ascontiguousarray(offsets[:-1])
    counts = xp.empty(n, np.int64)
    kernels.slice_jagged_mask_count(starts, xp.ascontiguousarray(offsets[1:]), offsets, keep, counts, n, len(keep))
    outoffsets = xp.empty(n + 1, np.int64)
    kernels.counts_to_offsets(counts, outoffsets, n)
    total = int(outoffsets[-1])
    positions = xp.empty(total, np.int64)
    kernels.slice_jagged_mask_carry(starts, offsets, keep, outoffsets, positions, n, len(keep), total)
    local = positions - xp.repeat(starts, counts)
    local[missing[positions]] = MISSING
    return ListOffsetArray(Index64(outoffsets), NumpyArray(local))


def index64(data: Any, backend: Any) -> Index64:
    return Index64._wrap(data, backend)
