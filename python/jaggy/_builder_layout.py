"""Layouts from the compiled builder's output without the general ``from_buffers`` reader.

``jaggy._ext.from_iter`` and ``ArrayBuilder.snapshot`` export ``(form_json, length, buffers)``
whose buffers are typed NumPy arrays of exactly the sizes the form needs (the builder made them).
The general reader re-validates every buffer, which dominates the cost of building a small
array (``jaggy.Array([[1.0, 2.0], [3.0]])``). Here the form is compiled once per distinct JSON
text into a small plan, and nodes are assembled from the buffers directly. Forms with node
kinds the plan does not cover (unions) go through ``from_buffers``.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from jaggy.backends import cpu
from jaggy.index import Index8, Index64
from jaggy.layout import (
    EmptyArray,
    IndexedOptionArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    UnionArray,
    UnmaskedArray,
)

__all__ = ["layout_from_builder"]


def layout_from_builder(form: str, length: int, buffers: dict) -> Any:
    """The layout of a builder export (see the module docstring)."""
    plan = _plan(form)
    if plan is None:
        from jaggy.io.buffers import from_buffers

        return from_buffers(form, length, buffers, highlevel=False)
    return _build(plan, length, buffers)


@functools.lru_cache(maxsize=256)
def _plan(form: str) -> Any:
    try:
        return _compile(json.loads(form))
    except _Unsupported:
        return None


class _Unsupported(Exception):
    pass


def _compile(node: dict) -> tuple:
    cls = node["class"]
    params = node.get("parameters") or {}
    key = node.get("form_key")
    if cls == "NumpyArray":
        if node.get("inner_shape"):
            raise _Unsupported
        return ("numpy", key, params)
    if cls == "ListOffsetArray" and node["offsets"] == "i64":
        return ("list", key, params, _compile(node["content"]))
    if cls == "IndexedOptionArray" and node["index"] == "i64":
        return ("option", key, params, _compile(node["content"]))
    if cls == "UnmaskedArray":
        return ("unmasked", key, params, _compile(node["content"]))
    if cls == "RecordArray":
        return ("record", key, params, node.get("fields"), tuple(_compile(c) for c in node["contents"]))
    if cls == "UnionArray" and node["tags"] == "i8" and node["index"] == "i64":
        return ("union", key, params, tuple(_compile(c) for c in node["contents"]))
    if cls == "EmptyArray":
        return ("empty", key, params)
    raise _Unsupported


def _build(plan: tuple, length: int, buffers: dict) -> Any:
    kind, key, params = plan[0], plan[1], dict(plan[2])
    if kind == "numpy":
        return NumpyArray._fast(buffers[key + "-data"][:length], params, cpu)
    if kind == "list":
        offsets = buffers[key + "-offsets"][:length + 1]
        content = _build(plan[3], int(offsets[-1]), buffers)
        return ListOffsetArray._fast(Index64._wrap(offsets, cpu), content, params, cpu)
    if kind == "option":
        index = buffers[key + "-index"][:length]
        content = _build(plan[3], int(index.max()) + 1 if length else 0, buffers)
        return IndexedOptionArray(Index64._wrap(index, cpu), content, parameters=params)
    if kind == "unmasked":
        return UnmaskedArray(_build(plan[3], length, buffers), parameters=params)
    if kind == "record":
        contents = [_build(c, length, buffers) for c in plan[4]]
        return RecordArray(contents, plan[3], length, parameters=params, backend=cpu)
    if kind == "union":
        tags = buffers[key + "-tags"][:length]
        index = buffers[key + "-index"][:length]
        counts = cpu.xp.bincount(tags, minlength=len(plan[3]))
        contents = [_build(c, int(n), buffers) for c, n in zip(plan[3], counts.tolist())]
        return UnionArray(Index8._wrap(tags, cpu), Index64._wrap(index, cpu), contents, parameters=params)
    return EmptyArray(parameters=params)
