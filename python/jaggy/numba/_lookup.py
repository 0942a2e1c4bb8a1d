"""The flat table of buffer addresses that compiled code reads a jaggy array through.

A layout tree is numbered in pre-order: every node gets a *position* and a fixed number of
*slots* in one ``intp`` table (buffer addresses). Both follow from the node types alone, so
they are compile-time constants of the Numba type (see ``Root``); only the table itself is
a run-time value. The table is built once per ``jaggy.Array`` (validated with vectorized
NumPy checks so that compiled code can trust every offset and index) and cached on it.

Slots per node: NumpyArray [data], ListArray/ListOffsetArray [starts, stops],
Indexed/IndexedOption [index], ByteMasked/BitMasked [mask], Union [tags, index]; Empty,
Regular, Record and Unmasked need none (a RegularArray's size is part of the type).

This module does not import Numba.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from jaggy import layout as L

_SLOTS = {"numpy": 1, "empty": 0, "regular": 0, "list": 2, "record": 0, "indexed": 1,
          "indexedoption": 1, "bytemasked": 1, "bitmasked": 1, "unmasked": 0, "union": 2}


class Spec:
    """What compiled code knows about one node: kind, dtypes, flags, children, slots."""

    __slots__ = ("base", "children", "dtype", "fields", "flag", "is_tuple", "kind",
                 "lsb", "pos", "size", "string", "typestr")

    def __init__(self, kind: str, pos: int, base: int) -> None:
        self.kind = kind
        self.pos = pos
        self.base = base
        self.children: list[Spec] = []
        self.dtype: str | None = None   # numpy leaf / index / starts dtype
        self.size = 0                   # RegularArray size
        self.flag = True                # valid_when
        self.lsb = True                 # BitMasked lsb_order
        self.fields: list[str] = []
        self.is_tuple = False
        self.string: str | None = None  # "string" / "bytestring" for list-of-char nodes
        self.typestr = ""

    def signature(self) -> tuple:
        return (self.kind, self.dtype, self.size, self.flag, self.lsb, tuple(self.fields),
                self.is_tuple, self.string, tuple(c.signature() for c in self.children))


class Root:
    """All node specs of one distinct layout type, by position; ``id`` names the type."""

    def __init__(self, specs: list[Spec], nslots: int, ident: int) -> None:
        self.specs = specs
        self.nslots = nslots
        self.id = ident


_ROOTS: dict[tuple, Root] = {}


class Lookup:
    """The run-time side of a view: the table, the nodes by position, the owner's behavior.

    ``box_array``/``box_record`` are what compiled code calls to return views to Python."""

    __slots__ = ("attrs", "behavior", "keep", "nodes", "root", "table")

    def __init__(self, root: Root, table: np.ndarray, nodes: list, keep: list,
                 behavior: Any, attrs: Any) -> None:
        self.root = root
        self.table = table
        self.nodes = nodes
        self.keep = keep
        self.behavior = behavior
        self.attrs = attrs

    def box_array(self, pos: int, start: int, stop: int) -> Any:
        from jaggy.highlevel import wrap

        return wrap(self.nodes[pos]._getitem_range(start, stop), self.behavior, self.attrs)

    def box_record(self, pos: int, at: int) -> Any:
        from jaggy.highlevel import wrap
        from jaggy.record import Record

        return wrap(Record(self.nodes[pos], at), self.behavior, self.attrs)


def _fail(node: Any, what: str) -> None:
    msg = f"jaggy.numba: cannot pass this array to Numba: {type(node).__name__} {what}"
    raise ValueError(msg)


def _check_range(node: Any, lo: np.ndarray, hi: np.ndarray, content_len: int) -> None:
    if len(lo) == 0:
        return
    if np.any(hi < lo):
        _fail(node, "has a list whose stop is before its start")
    nonempty = hi > lo
    if np.any(nonempty):
        if lo[nonempty].min() < 0 or hi[nonempty].max() > content_len:
            _fail(node, f"has a list outside its content (length {content_len})")


class _Walker:
    def __init__(self) -> None:
        self.specs: list[Spec] = []
        self.nodes: list[Any] = []
        self.ptrs: list[int] = []
        self.keep: list[Any] = []

    def buffer(self, arr: np.ndarray) -> None:
        arr = np.ascontiguousarray(arr)
        self.keep.append(arr)
        self.ptrs.append(arr.ctypes.data)

    def walk(self, node: Any, length: int) -> Spec:
        if isinstance(node, L.NumpyArray) and node.data.ndim > 1:
            node = node.to_RegularArray()
        kind = _kind(node)
        spec = Spec(kind, len(self.specs), len(self.ptrs))
        spec.typestr = str(node.form.type)
        self.specs.append(spec)
        self.nodes.append(node)
        if not isinstance(node.backend.xp.zeros(0), np.ndarray):
            _fail(node, "is not on the CPU backend (use jaggy.to_backend(array, 'cpu'))")
        getattr(self, "_" + kind)(node, spec, length)
        return spec

    def _numpy(self, node: Any, spec: Spec, length: int) -> None:
        data = node.data
        if data.dtype.kind not in "biufc":
            _fail(node, f"has dtype {data.dtype}, which Numba views do not support")
        spec.dtype = data.dtype.str
        spec.string = node.parameters.get("__array__")
        self.buffer(data)

    def _empty(self, node: Any, spec: Spec, length: int) -> None:
        spec.dtype = "<f8"

    def _regular(self, node: Any, spec: Spec, length: int) -> None:
        spec.size = int(node.size)
        spec.string = node.parameters.get("__array__")
        if node.content.length < length * spec.size:
            _fail(node, "has a content shorter than length * size")
        spec.children.append(self.walk(node.content, length * spec.size))

    def _list(self, node: Any, spec: Spec, length: int) -> None:
        if isinstance(node, L.ListOffsetArray):
            offsets = node.offsets.data.astype(np.int64, copy=False)[: length + 1]
            lo, hi = offsets[:-1], offsets[1:]
            self.buffer(offsets)
            self.ptrs.append(self.ptrs[-1] + 8)
        else:
            lo = node.starts.data.astype(np.int64, copy=False)[:length]
            hi = node.stops.data.astype(np.int64, copy=False)[:length]
            self.buffer(lo)
            self.buffer(hi)
        spec.dtype = "<i8"
        spec.string = node.parameters.get("__array__")
        _check_range(node, lo, hi, node.content.length)
        spec.children.append(self.walk(node.content, node.content.length))

    def _record(self, node: Any, spec: Spec, length: int) -> None:
        spec.fields = list(node.fields)
        spec.is_tuple = node.is_tuple
        for c in node.contents:
            if c.length < length:
                _fail(node, "has a field shorter than the record array")
            spec.children.append(self.walk(c, c.length))

    def _index(self, node: Any, spec: Spec, length: int, option: bool) -> None:
        index = node.index.data[:length]
        n = node.content.length
        if len(index) and (index.max() >= n or (not option and index.min() < 0)):
            _fail(node, f"has an index outside its content (length {n})")
        spec.dtype = index.dtype.str
        self.buffer(index)
        spec.children.append(self.walk(node.content, n))

    def _indexed(self, node: Any, spec: Spec, length: int) -> None:
        self._index(node, spec, length, False)

    def _indexedoption(self, node: Any, spec: Spec, length: int) -> None:
        self._index(node, spec, length, True)

    def _bytemasked(self, node: Any, spec: Spec, length: int) -> None:
        spec.flag = bool(node.valid_when)
        self.buffer(node.mask.data)
        spec.children.append(self.walk(node.content, node.content.length))

    def _bitmasked(self, node: Any, spec: Spec, length: int) -> None:
        spec.flag = bool(node.valid_when)
        spec.lsb = bool(node.lsb_order)
        self.buffer(node.mask.data)
        spec.children.append(self.walk(node.content, node.content.length))

    def _unmasked(self, node: Any, spec: Spec, length: int) -> None:
        spec.children.append(self.walk(node.content, node.content.length))

    def _union(self, node: Any, spec: Spec, length: int) -> None:
        tags = node.tags.data[:length]
        index = node.index.data[:length]
        contents = node.contents
        if len(tags):
            if tags.min() < 0 or tags.max() >= len(contents):
                _fail(node, "has a tag outside its contents")
            for t, c in enumerate(contents):
                sel = index[tags == t]
                if len(sel) and (sel.min() < 0 or sel.max() >= c.length):
                    _fail(node, f"has an index outside its content {t}")
        spec.dtype = index.dtype.str
        self.buffer(tags)
        self.buffer(index)
        for c in contents:
            spec.children.append(self.walk(c, c.length))


def _kind(node: Any) -> str:
    for cls, kind in _KINDS:
        if isinstance(node, cls):
            return kind
    msg = f"jaggy.numba: no Numba view for layout node {type(node).__name__}"
    raise TypeError(msg)


_KINDS = [(L.NumpyArray, "numpy"), (L.EmptyArray, "empty"), (L.RegularArray, "regular"),
          (L.ListOffsetArray, "list"), (L.ListArray, "list"), (L.RecordArray, "record"),
          (L.IndexedOptionArray, "indexedoption"), (L.IndexedArray, "indexed"),
          (L.ByteMaskedArray, "bytemasked"), (L.BitMaskedArray, "bitmasked"),
          (L.UnmaskedArray, "unmasked"), (L.UnionArray, "union")]


def build_lookup(layout: Any, behavior: Any, attrs: Any) -> Lookup:
    """Walks ``layout`` once: validated buffer table, node list and the interned Root."""
    walker = _Walker()
    top = walker.walk(layout, layout.length)
    sig = top.signature()
    root = _ROOTS.get(sig)
    if root is None:
        root = Root(walker.specs, len(walker.ptrs), len(_ROOTS))
        _ROOTS[sig] = root
    table = np.array([*walker.ptrs, 0], dtype=np.intp)
    return Lookup(root, table, walker.nodes, walker.keep, behavior, attrs)
