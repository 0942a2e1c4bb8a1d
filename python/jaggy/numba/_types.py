"""Numba types of jaggy views, their data models, and ``typeof`` of Array / Record.

``ArrayViewType(root, pos)`` is a range ``[start, stop)`` of the node at position ``pos``
of a layout type ``root`` (see ``_lookup``); ``RecordViewType(root, pos)`` is one record
of a RecordArray node. Both models are small and fixed: two or one integers, the table
pointer and a borrowed reference to the ``Lookup`` that owns the buffers.
"""

from __future__ import annotations

from typing import Any, NoReturn

import numpy as np
from numba.core import errors, types
from numba.core.datamodel import models
from numba.extending import register_model, typeof_impl
from numba.np import numpy_support

from jaggy.backends import require_cpu
from jaggy.highlevel import Array, Record
from jaggy.numba._lookup import Root, Spec, build_lookup

TABLE = types.CPointer(types.intp)


def fail(what: str, spec: Spec, detail: str = "") -> NoReturn:
    """A compile-time error naming the jaggy type and the operation."""
    msg = f"jaggy.numba: {what} is not supported on jaggy type '{spec.typestr}'"
    if detail:
        msg += f": {detail}"
    raise errors.TypingError(msg)


class ArrayViewType(types.IterableType):
    """The Numba type of a ``jaggy.Array`` (or of a sub-array) inside compiled code."""

    def __init__(self, root: Root, pos: int) -> None:
        self.root = root
        self.pos = pos
        spec = root.specs[pos]
        super().__init__(name=f"jaggy.ArrayView[{spec.typestr}]#{root.id}.{pos}")

    @property
    def spec(self) -> Spec:
        return self.root.specs[self.pos]

    @property
    def iterator_type(self) -> ArrayViewIterType:
        return ArrayViewIterType(self)


class RecordViewType(types.Type):
    """The Numba type of one record (``jaggy.Record`` or an element of a record array)."""

    def __init__(self, root: Root, pos: int) -> None:
        self.root = root
        self.pos = pos
        spec = root.specs[pos]
        super().__init__(name=f"jaggy.RecordView[{spec.typestr}]#{root.id}.{pos}")

    @property
    def spec(self) -> Spec:
        return self.root.specs[self.pos]


class ArrayViewIterType(types.SimpleIteratorType):
    def __init__(self, view: ArrayViewType) -> None:
        self.view = view
        super().__init__(f"iter({view.name})", element_type(view.root, view.pos, "iteration"))


@register_model(ArrayViewType)
class ArrayViewModel(models.StructModel):
    def __init__(self, dmm: Any, fe_type: Any) -> None:
        members = [("start", types.intp), ("stop", types.intp), ("table", TABLE),
                   ("lookup", types.pyobject)]
        super().__init__(dmm, fe_type, members)


@register_model(RecordViewType)
class RecordViewModel(models.StructModel):
    def __init__(self, dmm: Any, fe_type: Any) -> None:
        members = [("at", types.intp), ("table", TABLE), ("lookup", types.pyobject)]
        super().__init__(dmm, fe_type, members)


@register_model(ArrayViewIterType)
class ArrayViewIterModel(models.StructModel):
    def __init__(self, dmm: Any, fe_type: Any) -> None:
        members = [("view", fe_type.view), ("at", types.EphemeralPointer(types.intp))]
        super().__init__(dmm, fe_type, members)


def leaf_type(dtype: str | None) -> types.Type:
    return types.boolean if dtype == "|b1" else numpy_support.from_dtype(np.dtype(dtype))


def element_type(root: Root, pos: int, what: str) -> types.Type:
    """The Numba type of one element of the node at ``pos`` (``what`` names the operation)."""
    spec = root.specs[pos]
    kind = spec.kind
    if kind in ("numpy", "empty"):
        return leaf_type(spec.dtype)
    if kind in ("list", "regular"):
        if spec.string == "string":
            return types.unicode_type
        return ArrayViewType(root, spec.children[0].pos)
    if kind == "record":
        return RecordViewType(root, pos)
    if kind == "indexed":
        return element_type(root, spec.children[0].pos, what)
    if kind in ("indexedoption", "bytemasked", "bitmasked", "unmasked"):
        inner = element_type(root, spec.children[0].pos, what)
        return inner if isinstance(inner, types.Optional) else types.Optional(inner)
    # union: values usable where the branches agree
    branches = [element_type(root, c.pos, what) for c in spec.children]
    ctx = _typing_context()
    unified = ctx.unify_types(*branches) if branches else None
    if unified is None:
        fail(what, spec, "the union's branches (" + ", ".join(str(b) for b in branches)
             + ") have no common Numba type")
    return unified


def _typing_context() -> Any:
    from numba.core.registry import cpu_target

    return cpu_target.typing_context


# The cache lives in the instance's __dict__ under "_numba_lookup" (the C lowering reads it by
# that name too); dict access is as cheap as a slot.
_CACHE = "_numba_lookup"


def array_cache(arr: Array) -> tuple:
    """``(layout, lookup, table address, length)`` for ``arr``, built once and cached."""
    try:
        cache = arr.__dict__[_CACHE]
        if cache[0] is arr._layout:
            return cache
    except KeyError:
        pass
    layout = arr._layout
    require_cpu("jaggy arrays in numba.njit functions", layout.backend)
    lookup = build_lookup(layout, arr._behavior, arr._attrs)
    cache = (layout, lookup, lookup.table.ctypes.data, layout.length,
             ArrayViewType(lookup.root, 0))
    arr.__dict__[_CACHE] = cache
    return cache


def record_cache(rec: Record) -> tuple:
    """``(layout, lookup, table address, at)`` for a ``jaggy.Record``, built once."""
    try:
        cache = rec.__dict__[_CACHE]
        if cache[0] is rec._layout:
            return cache
    except KeyError:
        pass
    layout = rec._layout
    require_cpu("jaggy records in numba.njit functions", layout.array.backend)
    lookup = build_lookup(layout.array, rec._behavior, rec._attrs)
    cache = (layout, lookup, lookup.table.ctypes.data, layout.at,
             RecordViewType(lookup.root, 0))
    rec.__dict__[_CACHE] = cache
    return cache


@typeof_impl.register(Array)
def _typeof_array(val: Array, c: Any) -> types.Type:
    return array_cache(val)[4]


@typeof_impl.register(Record)
def _typeof_record(val: Record, c: Any) -> types.Type:
    return record_cache(val)[4]


def _array_numba_type(self: Array) -> types.Type:
    cache = self.__dict__.get(_CACHE)
    if cache is not None and cache[0] is self._layout:
        return cache[4]
    return array_cache(self)[4]


def _record_numba_type(self: Record) -> types.Type:
    return record_cache(self)[4]


# Numba's dispatcher asks every argument for ``_numba_type_`` before anything else; answering
# it from the cache skips the generic ``typeof`` machinery (the main per-call cost).
Array._numba_type_ = property(_array_numba_type)  # type: ignore[attr-defined]
Record._numba_type_ = property(_record_numba_type)  # type: ignore[attr-defined]
