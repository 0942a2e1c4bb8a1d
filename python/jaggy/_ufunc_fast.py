"""A short path for ufuncs on arrays of one shared structure (and scalars).

When every array argument is the same chain of plain list nodes (``ListOffsetArray`` starting at
offset 0, ``RegularArray``) ending in a one-dimensional ``NumpyArray``, none of them carrying
parameters, and the arrays' list boundaries are equal level by level (the same offsets buffer,
or buffers found equal by one vectorised comparison), then broadcasting cannot change anything:
the ufunc applies to the leaf buffers directly and the result re-uses the structure. This is
the common case (``array * 2 + 1``, ``a * b + a`` for arrays from the same source), and it
costs a few microseconds of Python work for small arrays. Anything else (options, records,
unions, strings, named types, length-1 or per-list broadcasting, offsets not starting at 0)
returns None and goes through the general broadcasting engine (``jaggy._broadcasting``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from jaggy.layout import Content, ListOffsetArray, NumpyArray, RegularArray

#: arguments that pass to the ufunc as they are
SCALARS = (int, float, bool, complex, np.number, np.bool_)


def leaves(layouts: list) -> tuple[list, list, Any] | None:
    """``(spine, leaf_inputs, backend)`` for layouts of one shared plain structure (scalars
    pass), or None. ``spine`` lists the list levels from the outside in, for ``rebuild``."""
    nodes: list[Any] = []  # nodes of the classes compared below (type(x) is ...)
    for x in layouts:
        if isinstance(x, Content):
            nodes.append(x)
        elif not isinstance(x, SCALARS):
            return None
    if not nodes:
        return None
    if len(nodes) == 1:
        return _one(nodes[0], layouts)
    backend = nodes[0]._backend
    for x in nodes:
        if x._backend is not backend:
            return None  # broadcast_and_apply says which backends
    spine: list = []
    while True:
        first = nodes[0]
        cls = type(first)
        for x in nodes:
            if type(x) is not cls or x._parameters:
                return None
        if cls is NumpyArray:
            data = first.data
            if data.ndim != 1:
                return None
            n = len(data)
            for x in nodes:
                if x.data.ndim != 1 or len(x.data) != n:
                    return None
            break
        if cls is ListOffsetArray:
            offsets = first._offsets
            buf = offsets._data
            if buf.shape[0] == 0 or buf.item(0) != 0:
                return None
            for x in nodes:
                other = x._offsets._data
                if other is not buf and not (other.dtype == buf.dtype and other.shape == buf.shape
                                             and first.backend.xp.array_equal(other, buf)):
                    return None
            stop = buf.item(-1)
            spine.append((ListOffsetArray, offsets))
            nodes = [x._content if x._content.length == stop else x._content._getitem_range(0, stop)
                     for x in nodes]
        elif cls is RegularArray:
            size, length = first.size, first.length
            for x in nodes:
                if x.size != size or x.length != length:
                    return None
            spine.append((RegularArray, (size, length)))
            stop = size * length
            nodes = [x.content if x.content.length == stop else x.content._getitem_range(0, stop)
                     for x in nodes]
        else:
            return None
    if len(nodes) == 1:
        data = nodes[0].data
        return spine, [data if isinstance(x, Content) else x for x in layouts], nodes[0].backend
    it = iter(nodes)
    return spine, [next(it).data if isinstance(x, Content) else x for x in layouts], nodes[0].backend


def _one(node: Any, layouts: list) -> tuple[list, list, Any] | None:
    """``leaves`` for a single array among scalars: any plain structure qualifies."""
    spine: list = []
    while True:
        if node._parameters:
            return None
        cls = type(node)
        if cls is NumpyArray:
            data = node._data
            if data.ndim != 1:
                return None
            break
        if cls is ListOffsetArray:
            offsets = node._offsets
            buf = offsets._data
            if buf.shape[0] == 0 or buf.item(0) != 0:
                return None
            stop = buf.item(-1)
            spine.append((ListOffsetArray, offsets))
        elif cls is RegularArray:
            stop = node.size * node.length
            spine.append((RegularArray, (node.size, node.length)))
        else:
            return None
        content = node._content
        node = content if content.length == stop else content._getitem_range(0, stop)
    return spine, [data if isinstance(x, Content) else x for x in layouts], node._backend


def rebuild(spine: list, data: Any, backend: Any) -> Content:
    """The structure ``spine`` around a new leaf buffer.

    The nodes are assembled without their constructors' checks where those checks are known to
    pass (offsets taken from a valid node, a native numeric leaf of the right length); this
    relies on the node classes' private fields (``_data``, ``_offsets``, ``_content``, ``_init``).
    """
    if getattr(data, "ndim", 0) == 1 and data.dtype.kind in "biufcmM" and data.dtype.isnative:
        out: Content = object.__new__(NumpyArray)
        out._data = data  # type: ignore[attr-defined]
        out._init(None, backend)
    else:
        out = NumpyArray(data, backend=backend)
    for cls, info in reversed(spine):
        if cls is ListOffsetArray:
            node = object.__new__(ListOffsetArray)
            node._offsets = info
            node._content = out
            node._init(None, backend)
            out = node
        else:
            out = RegularArray(out, info[0], info[1])
    return out
