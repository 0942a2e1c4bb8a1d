"""jaggy.fill_none: replace None with a value."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def _fill_option(node: Any, value: Any) -> Any:
    """The option node ``node`` with its missing entries replaced by ``value`` (a length-1 layout)."""
    from jaggy.layout.numpyarray import NumpyArray

    backend = node.backend
    xp = backend.xp
    content = node.content
    if type(node).__name__ == "UnmaskedArray":
        return content  # nothing can be missing
    if content.is_numpy and content.data.ndim == 1 and value.is_numpy and value.data.ndim == 1 \
            and not content.parameters and not value.parameters:
        dtype = xp.result_type(content.data.dtype, value.data.dtype)
        if node.is_option and type(node).__name__ == "ByteMaskedArray":
            n = node.length
            out = xp.empty(n, dtype)
            backend.kernels.bytemask_fill(xp.ascontiguousarray(content.data[:n], dtype=dtype),
                                          node.mask.data[:n], value.data[:1].astype(dtype), out, n,
                                          bool(node.valid_when))
            return NumpyArray(out, backend=backend)
        index = node.to_IndexedOptionArray64().index.data
        out = xp.empty(len(index), dtype)
        fill = value.data[:1].astype(dtype)
        backend.kernels.index_fill(content.data.astype(dtype, copy=False), index, fill, out,
                                   len(index), content.length)
        return NumpyArray(out, backend=backend)
    from jaggy._merging import union_simplified

    index = node.to_IndexedOptionArray64().index.data
    missing = index < 0
    # content and value merge where they can (numbers, strings, unknown), else a union
    return union_simplified(missing.astype(xp.int8), xp.where(missing, 0, index), [content, value])


def _value_layout(value: Any, backend: Any) -> Any:
    import numbers

    from jaggy.layout.numpyarray import NumpyArray
    from jaggy.operations.to_layout import to_layout

    xp = backend.xp
    if isinstance(value, (bool, numbers.Number, xp.generic)) and not isinstance(value, str):
        arr = xp.asarray([value])
        if isinstance(value, bool):
            arr = arr.astype(xp.bool_)
        elif isinstance(value, int):
            arr = arr.astype(xp.int64)
        elif isinstance(value, float):
            arr = arr.astype(xp.float64)
        return NumpyArray(arr, backend=backend)
    if isinstance(value, str):
        return to_layout([value], allow_record=False)
    from jaggy.highlevel import Array

    if isinstance(value, xp.ndarray) and value.ndim == 0:
        return _value_layout(value[()], backend)
    if isinstance(value, (Array, list, tuple, xp.ndarray)):
        # like Awkward, an array value is one value (every None becomes the whole array); it is
        # not broadcast against ``array``
        from jaggy.layout.regulararray import RegularArray

        inner = to_layout(value, allow_record=False)
        return RegularArray(inner, inner.length, 1)
    from jaggy.highlevel import Record
    from jaggy.record import Record as LayoutRecord

    if isinstance(value, Record):
        value = value.layout
    if isinstance(value, LayoutRecord):
        return value.array._getitem_range(value.at, value.at + 1)
    if isinstance(value, Mapping):
        from jaggy.operations.from_iter import from_iter

        return from_iter([value], highlevel=False)
    msg = f"jaggy.fill_none: cannot fill with a value of type {type(value).__name__}"
    raise TypeError(msg)


def _fill_all(node: Any, value: Any) -> Any:
    from jaggy._structure_util import as_list_like, is_string, union_map

    node = as_list_like(node)
    if node.is_union:  # every kind filled on its own; numbers then merge (not with booleans)
        return union_map(node, lambda c: _fill_all(c, value))
    if node.is_option:
        return _fill_option(node.copy(content=_fill_inner(node.content, value)), value)
    if node.is_indexed:
        return node.copy(content=_fill_all(node.content, value))
    if node.is_list and not is_string(node):
        return node.copy(content=_fill_all(node.content, value))
    if node.is_record:
        return node.copy(contents=[_fill_all(c, value) for c in node.contents], length=node.length)
    return node


def _fill_inner(node: Any, value: Any) -> Any:
    return _fill_all(node, value)


def _fill_at(node: Any, value: Any) -> Any:
    """Fills the entries of ``node`` (the level at the requested axis)."""
    from jaggy._structure_util import rewrap, union_map

    if node.is_union:
        return union_map(node, lambda c: _fill_at(c, value))
    if node.is_option:
        return _fill_option(node, value)
    if node.is_indexed:
        return rewrap(node, _fill_at(node.content, value))
    if node.is_record:
        return node.copy(contents=[_fill_at(c, value) for c in node.contents], length=node.length)
    return node


def fill_none(array: Any, value: Any, axis: int | None = -1, *, highlevel: bool = True,
              behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Replaces the None entries at ``axis`` (at every level if None) by ``value``.

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        value: a number, bool or string, a record (a dict or ``jaggy.Record``), or a
            list/array (as in Awkward, one value that is itself a list: it is not broadcast
            against ``array``).
        axis: the dimension to fill (-1: the innermost; None: every level).
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        The array without missing values there. Numbers are promoted like NumPy; a value of
        another kind makes a union type.

    Example:
        >>> import jaggy
        >>> jaggy.fill_none(jaggy.Array([[1, None], [None]]), 0).to_list()
        [[1, 0], [0]]
        >>> print(jaggy.fill_none(jaggy.Array([[1, None], [None]]), 0.5).type)
        2 * var * float64

    Raises:
        jaggy.errors.AxisError: ``axis`` is deeper than the array.
        TypeError: ``value`` is of a kind that cannot be filled in (e.g. None).
    """
    from jaggy._structure_util import check_axis, recurse
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    backend = layout.backend
    value_layout = _value_layout(value, backend)
    pos = check_axis(layout, axis, "fill_none", allow_none=True, into_strings=True)
    if pos is None:  # axis=None
        out = _fill_all(layout, value_layout)
    elif pos == 0:
        out = _fill_at(layout, value_layout)
    else:
        out = recurse(layout, pos, "fill_none",
                      lambda node, depth: node.copy(content=_fill_at(node.content, value_layout)),
                      entries=lambda node, depth: _fill_at(node, value_layout))
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["fill_none"]
