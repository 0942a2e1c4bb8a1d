"""Columns of a jaggy array flattened for pandas: values plus one index level per list depth.

``columns(layout)`` walks the layout once per node (records give one column per leaf field,
lists add an index level, missing values become NaN/None at the leaves and drop missing lists);
all the per-element work is vectorized NumPy.
"""

from __future__ import annotations

from typing import Any

import numpy as np

Column = tuple[tuple, Any, list]  # (field path, values, [level arrays, outermost first])


def _leaf_values(layout: Any) -> Any:
    from jaggy.io.nparrays import layout_to_numpy

    values = layout_to_numpy(layout, allow_missing=True)
    if values.dtype.kind in "US":
        values = values.astype(object)
    return np.ma.getdata(values) if not isinstance(values, np.ma.MaskedArray) else values


def _mask_values(values: Any, missing: np.ndarray) -> Any:
    if not missing.any():
        return values
    if values.dtype.kind in "iu":
        values = values.astype(np.float64)
    elif values.dtype.kind not in "fcmMO":  # booleans (like strings) become objects
        values = values.astype(object)
        values[missing] = np.nan
        return values
    else:
        values = values.copy()
    if values.dtype.kind == "O":
        values[missing] = None
    elif values.dtype.kind in "mM":
        values[missing] = np.datetime64("NaT") if values.dtype.kind == "M" else np.timedelta64("NaT")
    else:
        values[missing] = np.nan
    return values


def columns(layout: Any, function: str) -> list[Column]:
    """The leaf columns of ``layout`` (a layout of length n), each with its index levels."""
    from jaggy.index import Index64

    n = layout.length
    if layout.parameter("__array__") in ("string", "bytestring") or layout.is_numpy or layout.is_unknown:
        if layout.is_numpy and layout.data.ndim > 1:
            return columns(layout.to_RegularArray(), function)
        return [((), _leaf_values(layout), [np.arange(n)])]
    if layout.is_record:
        out = []
        for name, content in zip(layout.fields, layout.contents):
            for path, values, levels in columns(content._getitem_range(0, n), function):
                out.append(((name, *path), values, levels))
        return out
    if layout.is_option:
        option = layout.to_IndexedOptionArray64()
        index = np.asarray(option.index.data)
        missing = index < 0
        safe = Index64._wrap(np.where(missing, 0, index), layout.backend)
        content = option.content
        if content.length == 0:
            values = np.full(n, np.nan)
            return [((), values, [np.arange(n)])] if not content.is_record else [
                ((name,), values, [np.arange(n)]) for name in content.fields]
        out = []
        for path, values, levels in columns(content._carry(safe), function):
            lost = missing[levels[0]]
            if len(levels) == 1:
                out.append((path, _mask_values(np.ma.getdata(values), lost | np.ma.getmaskarray(values)), levels))
            else:
                keep = ~lost
                out.append((path, values[keep], [lev[keep] for lev in levels]))
        return out
    if layout.is_indexed:
        return columns(layout.project(), function)
    if layout.is_list:
        packed = layout.to_ListOffsetArray64()
        offsets = np.asarray(packed.offsets.data)
        counts = offsets[1:] - offsets[:-1]
        parent = np.repeat(np.arange(n), counts)
        local = np.arange(len(parent)) - np.repeat(offsets[:-1] - offsets[0], counts)
        content = packed.content._getitem_range(int(offsets[0]), int(offsets[-1])) if n else \
            packed.content._getitem_range(0, 0)
        out = []
        for path, values, levels in columns(content, function):
            first = levels[0]
            out.append((path, values, [parent[first], local[first], *levels[1:]]))
        return out
    msg = f"{function}: cannot make a DataFrame of an array with a {type(layout).__name__} (union types)"
    raise TypeError(msg)
