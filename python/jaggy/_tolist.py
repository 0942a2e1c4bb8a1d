"""Conversion of a columnar layout into Python objects (``to_list``).

The layout tree is walked once, here, to build a *plan*: nested tuples holding each node's
kind, its NumPy buffers and its children (the format is documented in ``src/tolist_plan.h``).
``jaggy._ext.to_list(plan, start, stop)`` then produces the Python objects in C++, checking
every offset, index and tag it follows. Python work is proportional to the number of layout
nodes, never to the number of elements.

Nodes are recognised by class name, so Awkward's layout classes work as well as jaggy's.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from jaggy import _ext

# Node kinds of the plan; they match enum Kind in src/tolist_plan.h.
LEAF = 0
OBJLEAF = 1
REGULAR = 2
LISTOFFSET = 3
LIST = 4
RECORD = 5
INDEXED = 6
INDEXEDOPTION = 7
BYTEMASKED = 8
BITMASKED = 9
UNION = 10
EMPTY = 11

# String kinds of list nodes.
_NOT_STRING = 0
_UTF8 = 1
_BYTES = 2

# (dtype kind, itemsize) pairs the C++ side converts without calling back into NumPy.
_FAST_LEAF = {
    ("b", 1),
    *(("i", s) for s in (1, 2, 4, 8)),
    *(("u", s) for s in (1, 2, 4, 8)),
    ("f", 4),
    ("f", 8),
    ("c", 8),
    ("c", 16),
}

__all__ = ["record_to_python", "to_list", "to_python"]


def _host(buffer: Any) -> np.ndarray:
    """A buffer (NumPy array, Index, or device array) as a NumPy array in native byte order."""
    data = buffer
    if not isinstance(data, np.ndarray):
        if not hasattr(data, "get"):  # a device array's .data is its memory pointer
            data = getattr(buffer, "data", buffer)
        if not isinstance(data, np.ndarray):
            data = data.get() if hasattr(data, "get") else np.asarray(data)
    if not data.dtype.isnative:
        data = data.astype(data.dtype.newbyteorder("="))
    return data


def _flat(buffer: Any) -> np.ndarray:
    """A 1-D, C-contiguous, native-order NumPy view (or copy) of an index or mask buffer."""
    return np.ascontiguousarray(_host(buffer)).reshape(-1)


def _numpy_plan(node: Any) -> tuple:
    data = np.ascontiguousarray(_host(node.data))
    shape = data.shape
    flat = data.reshape(-1)
    key = (flat.dtype.kind, flat.dtype.itemsize)
    if key == ("f", 2):
        flat = flat.astype(np.float32)  # exact; boxed as a Python float like any other
        key = ("f", 4)
    plan: tuple = (LEAF if key in _FAST_LEAF else OBJLEAF, len(flat), flat)
    # Inner dimensions become RegularArrays, innermost first.
    for axis in range(len(shape) - 1, 0, -1):
        outer = 1
        for d in shape[:axis]:
            outer *= d
        plan = (REGULAR, outer, shape[axis], plan, _NOT_STRING)
    return plan


def _string_kind(node: Any) -> int:
    """Whether a list node holds strings or bytestrings that C++ may decode directly."""
    kind = node.parameter("__array__")
    if kind not in ("string", "bytestring"):
        return _NOT_STRING
    content = node.content
    if type(content).__name__ != "NumpyArray" or len(content.data.shape) != 1:
        return _NOT_STRING
    if content.data.dtype.itemsize != 1:
        return _NOT_STRING
    return _UTF8 if kind == "string" else _BYTES


def _plan(node: Any) -> tuple:
    name = type(node).__name__
    if name == "NumpyArray":
        return _numpy_plan(node)
    if name == "EmptyArray":
        return (EMPTY, 0)
    if name == "RegularArray":
        return (REGULAR, len(node), node.size, _plan(node.content), _string_kind(node))
    if name == "ListOffsetArray":
        return (LISTOFFSET, len(node), _flat(node.offsets), _plan(node.content), _string_kind(node))
    if name == "ListArray":
        return (
            LIST,
            len(node),
            _flat(node.starts),
            _flat(node.stops),
            _plan(node.content),
            _string_kind(node),
        )
    if name == "RecordArray":
        fields = None if node.is_tuple else tuple(node.fields)
        return (RECORD, len(node), fields, tuple(_plan(c) for c in node.contents))
    if name == "IndexedArray":
        return (INDEXED, len(node), _flat(node.index), _plan(node.content))
    if name == "IndexedOptionArray":
        return (INDEXEDOPTION, len(node), _flat(node.index), _plan(node.content))
    if name == "ByteMaskedArray":
        return (BYTEMASKED, len(node), _flat(node.mask), bool(node.valid_when), _plan(node.content))
    if name == "BitMaskedArray":
        return (
            BITMASKED,
            len(node),
            _flat(node.mask),
            bool(node.valid_when),
            bool(node.lsb_order),
            _plan(node.content),
        )
    if name == "UnmaskedArray":
        return _plan(node.content)  # nothing is missing: the content, element for element
    if name == "UnionArray":
        return (
            UNION,
            len(node),
            _flat(node.tags),
            _flat(node.index),
            tuple(_plan(c) for c in node.contents),
        )
    msg = f"to_list: unsupported layout node {name}"
    raise TypeError(msg)


def to_python(layout: Any, start: int = 0, stop: int | None = None) -> list:
    """Elements ``[start, stop)`` of ``layout`` as a list of Python objects."""
    from jaggy._tolist_size import check_to_list_size

    if stop is None:
        stop = len(layout)
    if getattr(getattr(layout, "backend", None), "name", "cpu") != "cpu":
        # the C++ conversion reads host buffers: copy the wanted range from the device
        from jaggy.backends import cpu

        layout = layout._getitem_range(start, stop).to_backend(cpu)
        start, stop = 0, stop - start
    plan = _plan(layout)
    check_to_list_size(plan, start, stop)
    return _ext.to_list(plan, start, stop)


def record_to_python(layout: Any, at: int) -> dict | tuple:
    """Record ``at`` of a RecordArray (or the element at ``at`` of any layout) as Python."""
    return to_python(layout, at, at + 1)[0]


def to_list(layout: Any) -> Any:
    """``layout`` as Python objects, equal to ``awkward.to_list`` of the same layout.

    A layout converts to a list; a Record (an object with ``.array`` and ``.at``) to a dict or
    tuple; a bare NumpyArray of characters or bytes to one ``str`` or ``bytes``.
    """
    name = type(layout).__name__
    if name == "Record":
        return record_to_python(layout.array, layout.at)
    if name == "NumpyArray" and len(layout.data.shape) == 1:
        kind = layout.parameter("__array__")
        if kind in ("char", "byte"):
            raw = _host(layout.data).tobytes()
            return raw.decode("utf-8", "surrogateescape") if kind == "char" else raw
    return to_python(layout)
