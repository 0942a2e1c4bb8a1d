"""LLVM code that reads one element of a node through the buffer table.

``element_at(context, builder, root, pos, table, lookup, j)`` returns the value (of
``_types.element_type(root, pos)``) of element ``j`` of the node at ``pos``; the caller has
checked ``j`` against the view's bounds, and the table was validated when it was built,
so every offset and index read here is in range.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
from llvmlite import ir
from numba import carray
from numba.core import cgutils, types
from numba.cpython.unicode import PY_UNICODE_1BYTE_KIND, _empty_string, _set_code_point
from numba.extending import register_jitable

from jaggy.numba._lookup import Root
from jaggy.numba._types import ArrayViewType, RecordViewType, element_type, leaf_type


def call_conv(context: Any) -> Any:
    """The context's calling convention (numba-cuda deprecates the attribute; still valid)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return context.call_conv


def slot(context: Any, builder: Any, table: Any, index: int) -> Any:
    """The intp stored in table slot ``index``."""
    return builder.load(builder.gep(table, [context.get_constant(types.intp, index)]))


def load_buffer(context: Any, builder: Any, table: Any, index: int, dtype: str | None, j: Any) -> Any:
    """Element ``j`` of the buffer in slot ``index`` (a NumPy dtype string), as its Numba value."""
    nbty = leaf_type(dtype)
    model = context.data_model_manager[nbty]
    ptr = builder.inttoptr(slot(context, builder, table, index), model.get_data_type().as_pointer())
    return model.load_from_data_pointer(builder, builder.gep(ptr, [j]))


def as_intp(context: Any, builder: Any, value: Any, dtype: str | None) -> Any:
    return context.cast(builder, value, leaf_type(dtype), types.intp)


def make_view(context: Any, builder: Any, vtype: ArrayViewType, start: Any, stop: Any,
              table: Any, lookup: Any) -> Any:
    view = cgutils.create_struct_proxy(vtype)(context, builder)
    view.start = start
    view.stop = stop
    view.table = table
    view.lookup = lookup
    return view._getvalue()


@register_jitable
def _decode_utf8(ptr: Any, n: int) -> Any:
    data = carray(ptr, (n,))
    count = 0
    maxcp = 0
    i = 0
    while i < n:
        b = data[i]
        width = 1 if b < 0x80 else (2 if b < 0xE0 else (3 if b < 0xF0 else 4))
        cp = b if width == 1 else (b & (0xFF >> (width + 1)))
        for k in range(1, width):
            if i + k < n:
                cp = (cp << 6) | (data[i + k] & 0x3F)
        maxcp = max(maxcp, cp)
        count += 1
        i += width
    kind = PY_UNICODE_1BYTE_KIND if maxcp < 256 else (2 if maxcp < 65536 else 4)
    out = _empty_string(kind, count, 1 if maxcp < 128 else 0)
    i = 0
    c = 0
    while i < n:
        b = data[i]
        width = 1 if b < 0x80 else (2 if b < 0xE0 else (3 if b < 0xF0 else 4))
        cp = b if width == 1 else (b & (0xFF >> (width + 1)))
        for k in range(1, width):
            if i + k < n:
                cp = (cp << 6) | (data[i + k] & 0x3F)
        _set_code_point(out, c, np.uint32(cp))
        c += 1
        i += width
    return out


def _string(context: Any, builder: Any, root: Root, spec: Any, table: Any, start: Any,
            stop: Any) -> Any:
    child = spec.children[0]
    u8p = types.CPointer(types.uint8)
    base = builder.inttoptr(slot(context, builder, table, child.base),
                            context.get_value_type(u8p))
    ptr = builder.gep(base, [start])
    sig = types.unicode_type(u8p, types.intp)
    return context.compile_internal(builder, _decode_utf8, sig, [ptr, builder.sub(stop, start)])


def _list_bounds(context: Any, builder: Any, spec: Any, table: Any, j: Any) -> tuple:
    if spec.kind == "regular":
        size = context.get_constant(types.intp, spec.size)
        start = builder.mul(j, size)
        return start, builder.add(start, size)
    start = load_buffer(context, builder, table, spec.base, "<i8", j)
    stop = load_buffer(context, builder, table, spec.base + 1, "<i8", j)
    return start, stop


def _optional(context: Any, builder: Any, root: Root, spec: Any, table: Any, lookup: Any,
              j: Any, valid: Any, k: Any) -> Any:
    """An Optional value: None unless ``valid``, else element ``k`` of the child."""
    child = spec.children[0]
    outer = element_type(root, spec.pos, "")
    assert isinstance(outer, types.Optional)  # the type of an option node's elements
    inner_t = element_type(root, child.pos, "")
    out = cgutils.alloca_once(builder, context.get_value_type(outer))
    with builder.if_else(valid) as (then, otherwise):
        with then:
            value = element_at(context, builder, root, child.pos, table, lookup, k)
            if not isinstance(inner_t, types.Optional):
                value = context.make_optional_value(builder, inner_t, value)
            builder.store(value, out)
        with otherwise:
            builder.store(context.make_optional_none(builder, outer.type), out)
    return builder.load(out)


def element_at(context: Any, builder: Any, root: Root, pos: int, table: Any, lookup: Any,
               j: Any) -> Any:
    spec = root.specs[pos]
    kind = spec.kind
    if kind == "numpy":
        return load_buffer(context, builder, table, spec.base, spec.dtype, j)
    if kind == "empty":
        return context.get_constant(types.float64, 0.0)
    if kind in ("list", "regular"):
        start, stop = _list_bounds(context, builder, spec, table, j)
        if spec.string == "string":
            return _string(context, builder, root, spec, table, start, stop)
        vtype = ArrayViewType(root, spec.children[0].pos)
        return make_view(context, builder, vtype, start, stop, table, lookup)
    if kind == "record":
        rec = cgutils.create_struct_proxy(RecordViewType(root, pos))(context, builder)
        rec.at = j
        rec.table = table
        rec.lookup = lookup
        return rec._getvalue()
    if kind == "indexed":
        k = as_intp(context, builder, load_buffer(context, builder, table, spec.base, spec.dtype, j),
                    spec.dtype)
        return element_at(context, builder, root, spec.children[0].pos, table, lookup, k)
    if kind == "indexedoption":
        k = as_intp(context, builder, load_buffer(context, builder, table, spec.base, spec.dtype, j),
                    spec.dtype)
        valid = builder.icmp_signed(">=", k, ir.Constant(k.type, 0))
        return _optional(context, builder, root, spec, table, lookup, j, valid, k)
    if kind == "bytemasked":
        m = load_buffer(context, builder, table, spec.base, "|i1", j)
        isset = builder.icmp_signed("!=", m, ir.Constant(m.type, 0))
        valid = isset if spec.flag else builder.not_(isset)
        return _optional(context, builder, root, spec, table, lookup, j, valid, j)
    if kind == "bitmasked":
        byte = load_buffer(context, builder, table, spec.base, "|u1",
                           builder.ashr(j, ir.Constant(j.type, 3)))
        bit = builder.trunc(builder.and_(j, ir.Constant(j.type, 7)), byte.type)
        if not spec.lsb:
            bit = builder.sub(ir.Constant(byte.type, 7), bit)
        isset = builder.trunc(builder.lshr(byte, bit), ir.IntType(1))
        valid = isset if spec.flag else builder.not_(isset)
        return _optional(context, builder, root, spec, table, lookup, j, valid, j)
    if kind == "unmasked":
        return _optional(context, builder, root, spec, table, lookup, j, cgutils.true_bit, j)
    return _union(context, builder, root, spec, table, lookup, j)


def _union(context: Any, builder: Any, root: Root, spec: Any, table: Any, lookup: Any,
           j: Any) -> Any:
    outer = element_type(root, spec.pos, "")
    tag = as_intp(context, builder, load_buffer(context, builder, table, spec.base, "|i1", j),
                  "|i1")
    k = as_intp(context, builder, load_buffer(context, builder, table, spec.base + 1,
                                              spec.dtype, j), spec.dtype)
    out = cgutils.alloca_once(builder, context.get_value_type(outer))
    end = builder.append_basic_block("union.end")
    switch = builder.switch(tag, end)
    for t, child in enumerate(spec.children):
        block = builder.append_basic_block(f"union.{t}")
        switch.add_case(ir.Constant(tag.type, t), block)
        builder.position_at_end(block)
        value = element_at(context, builder, root, child.pos, table, lookup, k)
        builder.store(context.cast(builder, value, element_type(root, child.pos, ""), outer), out)
        builder.branch(end)
    builder.position_at_end(end)
    return builder.load(out)
