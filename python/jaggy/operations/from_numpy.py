"""jaggy.from_numpy: a NumPy array (regular, masked, structured or of strings) as a jaggy array."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from jaggy.operations._wrap import finish


def _strings(array: np.ndarray) -> Any:
    from jaggy.index import Index64
    from jaggy.layout import ListOffsetArray, NumpyArray

    flat = array.reshape(-1)
    if array.dtype.kind == "U":
        encoded = np.char.encode(flat, "utf-8")
        kind, inner = "string", "char"
    else:
        encoded = flat
        kind, inner = "bytestring", "byte"
    width = max(encoded.dtype.itemsize, 1)
    chars = np.frombuffer(encoded.tobytes(), np.uint8).reshape(len(flat), width) if len(flat) else np.zeros((0, width), np.uint8)
    nonzero = chars != 0
    # length = position after the last non-zero byte (NumPy strips trailing NULs the same way)
    lengths = np.where(nonzero.any(axis=1), width - np.argmax(nonzero[:, ::-1], axis=1), 0)
    offsets = np.zeros(len(flat) + 1, np.int64)
    np.cumsum(lengths, out=offsets[1:])
    keep = np.arange(width)[None, :] < lengths[:, None]
    content = NumpyArray(chars[keep], parameters={"__array__": inner})
    return ListOffsetArray(Index64(offsets), content, parameters={"__array__": kind})


def _regularize(layout: Any, shape: tuple[int, ...]) -> Any:
    from jaggy.layout import RegularArray

    for depth in range(len(shape) - 1, 0, -1):
        layout = RegularArray(layout, shape[depth], int(np.prod(shape[:depth])))
    return layout


def from_numpy(
    array: Any,
    *,
    regulararray: bool = False,
    recordarray: bool = True,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """View a NumPy array as a jaggy array (no copy for numeric data).

    Inner dimensions become regular dimensions (``3 * 2 * float64``); masked arrays become
    option types; structured dtypes become records (``recordarray=True``); ``U``/``S`` arrays
    become strings and bytestrings.

    >>> import jaggy, numpy as np
    >>> str(jaggy.from_numpy(np.zeros((3, 2))).type)
    '3 * 2 * float64'
    """
    from jaggy.index import Index8
    from jaggy.layout import ByteMaskedArray, NumpyArray, RecordArray, UnmaskedArray

    mask = None
    if isinstance(array, np.ma.MaskedArray):
        mask = np.ma.getmaskarray(array)
        array = np.ma.getdata(array)
    if not hasattr(array, "dtype") or not hasattr(array, "shape"):
        array = np.asarray(array)
    if array.ndim == 0:
        msg = "from_numpy: a zero-dimensional array is a scalar, not an array; reshape it to (1,)"
        raise TypeError(msg)
    shape = array.shape
    if array.dtype.names is not None:
        if not recordarray:
            msg = "from_numpy: structured arrays need recordarray=True"
            raise ValueError(msg)
        contents = [from_numpy(np.ascontiguousarray(array[name]).reshape(-1), regulararray=regulararray,
                               highlevel=False) for name in array.dtype.names]
        layout: Any = RecordArray(contents, list(array.dtype.names), int(np.prod(shape)))
        layout = _regularize(layout, shape)
    elif array.dtype.kind in "US":
        layout = _regularize(_strings(array), shape)
    elif array.dtype.kind == "O":
        msg = "from_numpy: arrays of Python objects are not supported; use jaggy.from_iter"
        raise TypeError(msg)
    else:
        layout = NumpyArray(array)
        if regulararray and array.ndim > 1:
            layout = layout.to_RegularArray()
    if mask is not None:
        if mask.ndim > 1:
            mask = mask.reshape(shape[0], -1).any(axis=1) if mask.size else np.zeros(shape[0], bool)
        if mask.any():
            layout = ByteMaskedArray(Index8(mask.astype(np.int8)), layout, valid_when=False)
        else:
            layout = UnmaskedArray(layout)
    return finish(layout, highlevel, behavior=behavior, attrs=attrs)

__all__ = ["from_numpy"]
