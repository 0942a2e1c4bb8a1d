"""Conversions between NumPy arrays (plain, masked, structured, of strings) and layouts.

Used by ``jaggy.from_numpy``, ``jaggy.to_numpy``, ``jaggy.from_dlpack`` and ``jaggy.from_cupy``.
All work is vectorized NumPy; per-call Python work is proportional to the number of fields.
"""

from __future__ import annotations

from typing import Any

import numpy as np

_STRING_KINDS = {"string": "U", "bytestring": "S"}
PRIMITIVE_POLICIES = ("error", "pass-through", "promote", "forbid")


# ------------------------------------------------------------------ NumPy -> layout


def strings_layout(array: np.ndarray) -> Any:
    """A flat ListArray of strings (``U``) or bytestrings (``S``) from any-shaped ``array``."""
    from jaggy.index import Index64
    from jaggy.layout import ListArray, NumpyArray

    flat = array.reshape(-1)
    if array.dtype.kind == "U":
        encoded = np.char.encode(flat, "utf-8") if len(flat) else np.zeros(0, "S1")
        kind, inner = "string", "char"
    else:
        encoded = flat
        kind, inner = "bytestring", "byte"
    width = max(encoded.dtype.itemsize, 1)
    if len(flat):
        chars = np.frombuffer(np.ascontiguousarray(encoded).tobytes(), np.uint8).reshape(len(flat), width)
    else:
        chars = np.zeros((0, width), np.uint8)
    nonzero = chars != 0
    # a string ends after its last non-zero byte (NumPy strips trailing NULs the same way)
    lengths = np.where(nonzero.any(axis=1), width - np.argmax(nonzero[:, ::-1], axis=1), 0)
    offsets = np.zeros(len(flat) + 1, np.int64)
    np.cumsum(lengths, out=offsets[1:])
    keep = np.arange(width)[None, :] < lengths[:, None]
    content = NumpyArray(chars[keep], parameters={"__array__": inner})
    return ListArray(Index64(offsets[:-1]), Index64(offsets[1:]), content, parameters={"__array__": kind})


def regularize(layout: Any, shape: tuple[int, ...]) -> Any:
    """Wrap a flat layout of ``prod(shape)`` items in RegularArrays for ``shape[1:]``."""
    from jaggy.layout import RegularArray

    for depth in range(len(shape) - 1, 0, -1):
        layout = RegularArray(layout, shape[depth], int(np.prod(shape[:depth])))
    return layout


def numpy_to_layout(array: Any, *, regulararray: bool, recordarray: bool, function: str) -> Any:
    """The layout of a NumPy (or masked, structured, string) array; numeric data is not copied."""
    from jaggy.index import Index8
    from jaggy.layout import ByteMaskedArray, Content, NumpyArray, RecordArray, UnmaskedArray

    mask: Any = None
    if isinstance(array, np.ma.MaskedArray):
        mask = array.mask
        array = np.ma.getdata(array)
    shape = array.shape
    if array.dtype.names is not None:
        if not recordarray:
            msg = (f"{function}: {array.dtype} is a structured dtype; pass recordarray=True to "
                   f"make records of its fields")
            raise TypeError(msg)
        names = list(array.dtype.names)
        contents = []
        for name in names:
            column = array[name]
            if mask is not None and mask is not np.ma.nomask:
                column = np.ma.MaskedArray(column, mask[name])
            elif mask is not None:
                column = np.ma.MaskedArray(column)
            contents.append(numpy_to_layout(column, regulararray=regulararray, recordarray=recordarray,
                                            function=function))
        return RecordArray(contents, names, shape[0])
    if array.dtype.kind == "O":
        msg = f"{function}: arrays of Python objects (dtype=object) are not supported; use jaggy.from_iter"
        raise TypeError(msg)
    if array.dtype.kind == "V":
        msg = f"{function}: unstructured void dtype {array.dtype} is not supported"
        raise TypeError(msg)
    layout: Content
    if mask is None and array.dtype.kind not in "US":
        layout = NumpyArray(array)
        return layout.to_RegularArray() if regulararray and array.ndim > 1 else layout
    # strings and masked data: a flat leaf (with the mask at the leaf), regular dimensions above
    if array.dtype.kind in "US":
        layout = strings_layout(array)
    else:
        layout = NumpyArray(array.reshape(-1))
    if mask is np.ma.nomask:
        layout = UnmaskedArray(layout)
    elif mask is not None:
        flat_mask = np.broadcast_to(mask, shape).reshape(-1)
        layout = ByteMaskedArray(Index8(flat_mask.view(np.int8)), layout, valid_when=False)
    return regularize(layout, shape)


def check_scalar(array: Any, primitive_policy: str, function: str) -> Any:
    """Apply ``primitive_policy`` to a zero-dimensional array (``'error'``: TypeError)."""
    if primitive_policy not in PRIMITIVE_POLICIES:
        msg = f"{function}: primitive_policy must be one of {PRIMITIVE_POLICIES}, not {primitive_policy!r}"
        raise ValueError(msg)
    if array.ndim != 0:
        return array
    if primitive_policy == "error":
        msg = (f"{function}: got a zero-dimensional array (a scalar); reshape it to (1,) or pass "
               f"primitive_policy='promote'")
        raise TypeError(msg)
    return array.reshape(1)


# ------------------------------------------------------------------ layout -> NumPy


def _strings_to_numpy(layout: Any, kind: str) -> np.ndarray:
    xp = layout.backend.xp
    packed = layout.to_ListOffsetArray64().to_packed_offsets()
    offsets = xp.asarray(packed.offsets.data)
    chars = xp.asarray(packed.content.data).view(np.uint8)
    n = packed.length
    lengths = offsets[1:] - offsets[:-1]
    width = max(int(lengths.max()) if n else 0, 1)
    matrix = np.zeros((n, width), np.uint8)
    rows = np.repeat(np.arange(n), lengths)
    cols = np.arange(len(rows)) - np.repeat(offsets[:-1] - offsets[0], lengths)
    matrix[rows, cols] = chars[offsets[0]:offsets[-1]] if n else chars[:0]
    out = matrix.view(f"S{width}").reshape(n)
    if kind == "U":
        out = np.char.decode(out, "utf-8") if n else np.zeros(0, "U1")
    return out


def _add_missing(data: Any, missing: np.ndarray) -> Any:
    """``data`` as a masked array, also masked where ``missing`` (one flag per outer item)."""
    extra = missing.reshape(-1, *([1] * (data.ndim - 1)))
    mask = np.ma.getmaskarray(data).copy()
    if data.dtype.names is not None:
        for name in data.dtype.names:
            mask[name] |= np.broadcast_to(extra.reshape(extra.shape + (1,) * (mask[name].ndim - extra.ndim)),
                                          mask[name].shape)
    else:
        mask |= np.broadcast_to(extra, mask.shape)
    return np.ma.MaskedArray(np.ma.getdata(data), mask)


def layout_to_device(layout: Any, function: str) -> Any:
    """An array of the layout's own backend (a CuPy array for the 'cuda' backend) from a layout
    whose dimensions are all regular, without missing values, records or strings; nothing is
    copied to the host."""
    from jaggy.index import Index64
    from jaggy.layout import RegularArray

    if layout.is_option:
        option = layout.to_IndexedOptionArray64()
        if bool((option.index.data < 0).any()):
            msg = f"{function}: cannot convert missing values (None) to a device array"
            raise ValueError(msg)
        return layout_to_device(option.content._carry(Index64._wrap(option.index.data, layout.backend)), function)
    if layout.is_indexed:
        return layout_to_device(layout.project(), function)
    if layout.is_list and layout.parameter("__array__") not in _STRING_KINDS:
        regular = layout if isinstance(layout, RegularArray) else layout.to_RegularArray()
        inner = layout_to_device(regular.content._getitem_range(0, regular.length * regular.size), function)
        return inner.reshape((regular.length, regular.size, *inner.shape[1:]))
    if layout.is_numpy:
        return layout.data
    msg = f"{function}: an array of type {layout.form.type} has no device-array form (records, strings and unions must be converted on the host)"
    raise ValueError(msg)


def layout_to_numpy(layout: Any, allow_missing: bool) -> Any:
    """A NumPy array (masked where values are missing, structured for records) from a layout."""
    from jaggy.index import Index64
    from jaggy.layout import RegularArray

    if layout.backend.name != "cpu":  # an explicit copy of the device's buffers to the host
        from jaggy.backends import cpu

        layout = layout.to_backend(cpu)

    kind = _STRING_KINDS.get(layout.parameter("__array__"))
    if layout.is_list and kind is not None:
        return _strings_to_numpy(layout, kind)
    if layout.is_record:
        return _record_to_numpy(layout, allow_missing)
    if layout.is_option:
        xp = layout.backend.xp
        option = layout.to_IndexedOptionArray64()
        index = xp.asarray(option.index.data)
        missing = index < 0
        content = option.content
        if not bool(missing.any()):
            data = layout_to_numpy(content._carry(Index64._wrap(index, layout.backend)), allow_missing)
            return _add_missing(data, missing) if allow_missing else data
        if not allow_missing:
            msg = "to_numpy: cannot convert missing values (None) to NumPy with allow_missing=False"
            raise ValueError(msg)
        if content.length == 0:
            return np.ma.MaskedArray(np.zeros(len(index)), np.ones(len(index), bool))
        safe = Index64._wrap(xp.where(missing, 0, index), layout.backend)
        return _add_missing(layout_to_numpy(content._carry(safe), allow_missing), missing)
    if layout.is_indexed:
        return layout_to_numpy(layout.project(), allow_missing)
    if layout.is_list:
        regular = layout if isinstance(layout, RegularArray) else layout.to_RegularArray()
        inner = layout_to_numpy(regular.content._getitem_range(0, regular.length * regular.size), allow_missing)
        return inner.reshape((regular.length, regular.size, *inner.shape[1:]))
    return layout.backend.to_host(layout.to_numpy(allow_missing))


def _record_to_numpy(layout: Any, allow_missing: bool) -> Any:
    columns = [layout_to_numpy(c._getitem_range(0, layout.length), allow_missing) for c in layout.contents]
    dtype = [(name, col.dtype, col.shape[1:]) for name, col in zip(layout.fields, columns)]
    out = np.empty(layout.length, dtype=dtype)
    masked = any(isinstance(col, np.ma.MaskedArray) for col in columns)
    mask = np.zeros(layout.length, dtype=np.ma.make_mask_descr(out.dtype)) if masked else None
    for name, col in zip(layout.fields, columns):
        out[name] = np.ma.getdata(col)
        if mask is not None:
            mask[name] = np.ma.getmaskarray(col)
    return out if mask is None else np.ma.MaskedArray(out, mask)
