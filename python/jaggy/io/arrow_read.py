"""pyarrow.Array -> layout, one branch per Arrow type (used by jaggy.from_arrow and from_parquet).

Arrow's buffers become NumPy views without a copy (``np.frombuffer``): primitive data, int32/int64
list and string offsets, string bytes, validity bitmaps (as BitMaskedArray masks in lsb order) when
the array's offset is a multiple of 8, union tags and offsets. Booleans are unpacked (Arrow packs
them in bits), dictionary indices widened to int64, validity bitmaps at an unaligned offset shifted.

Every buffer size, offset and index is checked before a layout is built on it, so inconsistent
Arrow input raises ``ValueError`` instead of reading outside a buffer.

Every reader returns an ``Out``: the layout with an option node (Arrow's nullable fields) and,
for the parent to pick when the field is not nullable, the same layout without it.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from jaggy import index as ix
from jaggy.backends import cpu
from jaggy.errors import KernelError, KernelIndexError
from jaggy.io.arrow_types import Meta, field_option, split_type
from jaggy.layout import (
    BitMaskedArray,
    EmptyArray,
    IndexedArray,
    IndexedOptionArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnionArray,
    UnmaskedArray,
)
from jaggy.layout.options import simplified_indexed

_PRIMITIVE = {
    "int8": "i1", "int16": "i2", "int32": "i4", "int64": "i8", "uint8": "u1", "uint16": "u2",
    "uint32": "u4", "uint64": "u8", "halffloat": "f2", "float": "f4", "double": "f8",
}
_TEMPORAL = {
    "date32[day]": (np.int32, "M8[D]"), "date64[ms]": (None, "M8[ms]"),
    "time32[s]": (np.int32, "M8[s]"), "time32[ms]": (np.int32, "M8[ms]"),
    "time64[us]": (None, "M8[us]"), "time64[ns]": (None, "M8[ns]"),
}


class Out:
    """A converted node: ``option`` (with Arrow's option wrapper) and ``plain`` (without)."""

    __slots__ = ("_plain", "option")

    def __init__(self, option: Any, plain: Any) -> None:
        self.option = option
        self._plain = plain

    @property
    def plain(self) -> Any:
        if callable(self._plain):
            self._plain = self._plain()
        return self._plain

    def pick(self, keep_option: bool) -> Any:
        return self.option if keep_option else self.plain


def _fail(what: str) -> None:
    msg = f"from_arrow: {what}"
    raise ValueError(msg)


def _array_of(buf: Any, dtype: Any, needed: int, what: str) -> Any:
    dtype = np.dtype(dtype)
    if buf is None:
        if needed:
            _fail(f"the {what} buffer is missing")
        return np.zeros(0, dtype)
    out = np.frombuffer(buf, np.uint8)
    out = out[: len(out) - len(out) % dtype.itemsize].view(dtype)
    if len(out) < needed:
        _fail(f"the {what} buffer holds {len(out)} items, but {needed} are needed")
    return out


def _bits(buf: Any, offset: int, length: int) -> Any:
    """The validity bits of entries offset..offset+length, starting at bit 0 (None: all valid)."""
    if buf is None:
        return None
    raw = _array_of(buf, np.uint8, (offset + length + 7) // 8, "validity")
    if offset % 8 == 0:
        return raw[offset // 8: offset // 8 + (length + 7) // 8]
    unpacked = np.unpackbits(raw, count=offset + length, bitorder="little")[offset:]
    return np.packbits(unpacked, bitorder="little")


def _check(run: Any, what: str) -> None:
    try:
        run()
    except (KernelError, KernelIndexError) as err:
        _fail(f"{what}: {err}")


def _params(meta: Meta | None, default: dict | None = None) -> dict | None:
    params = None if meta is None else meta.node_parameters
    return default if params is None else params


def _finalize(out: Any, bits: Any, meta: Meta | None, generate_bitmasks: bool) -> Out:
    """Wrap ``out`` in the option node its Arrow validity describes (Awkward's rules)."""
    mask_params = None if meta is None else meta.mask_parameters
    length = out.length
    if meta is not None and meta.mask_type == "UnmaskedArray":
        bits = None
        generate_bitmasks = False
    if bits is None and generate_bitmasks:
        bits = np.full((length + 7) // 8, 0xFF, np.uint8)
    if out.is_union:
        contents = [c if c.is_option else UnmaskedArray(c) for c in out.contents]
        if bits is not None:
            valid = np.unpackbits(bits, count=length, bitorder="little").view(np.bool_)
            option = IndexedOptionArray(
                ix.Index64._wrap(np.where(valid, np.arange(length), -1), cpu),
                UnionArray(out.tags, out.index, contents), parameters=mask_params)
            return Out(option, out)
        return Out(UnionArray(out.tags, out.index, contents, parameters=out.parameters), out)
    if bits is None:
        return Out(UnmaskedArray(out, parameters=mask_params), out)
    mask = ix.IndexU8._wrap(np.asarray(bits, np.uint8), cpu)
    return Out(BitMaskedArray(mask, out, True, length, True, parameters=mask_params), out)


def read(arr: Any, meta: Meta | None, storage: Any, pa: Any, gb: bool) -> Out:
    node: Any
    """Convert one Arrow array whose (non-extension) type is ``storage``."""
    if meta is not None or isinstance(arr.type, pa.ExtensionType):
        while isinstance(arr.type, pa.ExtensionType):
            arr = arr.storage
    types = pa.types
    offset, length = arr.offset, len(arr)
    if isinstance(storage, pa.ExtensionType):
        return read(arr, meta, storage.storage_type, pa, gb)
    if types.is_dictionary(storage):
        return _dictionary(arr, meta, pa, gb)
    bufs = arr.buffers()
    if types.is_fixed_size_list(storage):
        child = _child(arr.values, storage.value_field, pa, gb)
        size = storage.list_size
        if child.length < (offset + length) * size:
            _fail(f"the values of a fixed-size list hold {child.length} items, but {(offset + length) * size} are needed")
        node = RegularArray(child._getitem_range(offset * size, (offset + length) * size), size, length,
                            parameters=_params(meta))
        return _finalize(node, _bits(bufs[0], offset, length), meta, gb)
    if types.is_list(storage) or types.is_large_list(storage):
        dtype = np.int32 if types.is_list(storage) else np.int64
        offsets = _array_of(bufs[1], dtype, offset + length + 1 if length else 0, "offsets")
        offsets = offsets[offset: offset + length + 1] if length else np.zeros(1, dtype)
        child = _child(arr.values, storage.value_field, pa, gb)
        _check(lambda: cpu.kernels.offsets_validity(offsets, length, child.length), "list offsets")
        node = ListOffsetArray(ix.Index._wrap(offsets, cpu), child, parameters=_params(meta))
        return _finalize(node, _bits(bufs[0], offset, length), meta, gb)
    if types.is_map(storage):
        msg = "from_arrow: Arrow map types are not supported (as in Awkward)"
        raise NotImplementedError(msg)
    if types.is_decimal(storage):
        msg = "from_arrow: Arrow decimal types cannot be converted (NumPy has no decimal dtype)"
        raise ValueError(msg)
    if types.is_fixed_size_binary(storage):
        width = storage.byte_width
        data = _array_of(bufs[1], np.uint8, (offset + length) * width, "fixed-size binary data")
        chars = NumpyArray(data[offset * width: (offset + length) * width], parameters={"__array__": "byte"})
        node = RegularArray(chars, width, length, parameters=_params(meta, {"__array__": "bytestring"}))
        return _finalize(node, _bits(bufs[0], offset, length), meta, gb)
    if types.is_string(storage) or types.is_large_string(storage) or types.is_binary(storage) \
            or types.is_large_binary(storage):
        return _string(arr, storage, bufs, meta, pa, gb)
    if types.is_struct(storage):
        return _struct(arr, storage, bufs, meta, pa, gb)
    if types.is_union(storage):
        return _union(arr, storage, bufs, meta, pa, gb)
    if types.is_null(storage):
        empty = EmptyArray(parameters=_params(meta))
        if meta is not None and meta.is_nonnullable_nulltype and length == 0:
            return Out(empty, empty)
        mask_params = None if meta is None else meta.mask_parameters
        option = IndexedOptionArray(ix.Index64._wrap(np.full(length, -1, np.int64), cpu), empty,
                                    parameters=mask_params)
        return Out(option, option)
    if types.is_boolean(storage):
        raw = _array_of(bufs[1], np.uint8, (offset + length + 7) // 8, "boolean data")
        data = np.unpackbits(raw, count=offset + length, bitorder="little")[offset:].view(np.bool_)
        return _finalize(NumpyArray(data, parameters=_params(meta)), _bits(bufs[0], offset, length), meta, gb)
    return _primitive(arr, storage, bufs, meta, pa, gb)


def _child(arr: Any, field: Any, pa: Any, gb: bool) -> Any:
    meta, storage = split_type(pa, field.type, field)
    return read(arr, meta, storage, pa, gb).pick(field.nullable)


def _primitive(arr: Any, storage: Any, bufs: list, meta: Meta | None, pa: Any, gb: bool) -> Out:
    offset, length = arr.offset, len(arr)
    name = str(storage)
    dtype: Any
    if name in _TEMPORAL:
        raw_dtype, dtype = _TEMPORAL[name]
        data = _array_of(bufs[1], raw_dtype or np.int64, offset + length, "data")[offset: offset + length]
        data = data.astype(np.int64).view(dtype)
    else:
        if pa.types.is_timestamp(storage) or pa.types.is_duration(storage):
            dtype = np.dtype(f"{'M8' if pa.types.is_timestamp(storage) else 'm8'}[{storage.unit}]")
        elif name in _PRIMITIVE:
            dtype = np.dtype(_PRIMITIVE[name])
        else:
            msg = f"from_arrow: unrecognized Arrow type {storage}"
            raise TypeError(msg)
        data = _array_of(bufs[1], dtype, offset + length, "data")[offset: offset + length]
    return _finalize(NumpyArray(data, parameters=_params(meta)), _bits(bufs[0], offset, length), meta, gb)


def _string(arr: Any, storage: Any, bufs: list, meta: Meta | None, pa: Any, gb: bool) -> Out:
    offset, length = arr.offset, len(arr)
    types = pa.types
    small = types.is_string(storage) or types.is_binary(storage)
    is_string = types.is_string(storage) or types.is_large_string(storage)
    dtype = np.int32 if small else np.int64
    offsets = _array_of(bufs[1], dtype, offset + length + 1 if length else 0, "string offsets")
    offsets = offsets[offset: offset + length + 1] if length else np.zeros(1, dtype)
    chars = _array_of(bufs[2], np.uint8, 0, "string data")
    _check(lambda: cpu.kernels.offsets_validity(offsets, length, len(chars)), "string offsets")
    if is_string:
        params, sub = _params(meta, {"__array__": "string"}), {"__array__": "char"}
    else:
        params, sub = _params(meta, {"__array__": "bytestring"}), {"__array__": "byte"}
    node = ListOffsetArray(ix.Index._wrap(offsets, cpu), NumpyArray(chars, parameters=sub), parameters=params)
    return _finalize(node, _bits(bufs[0], offset, length), meta, gb)


def _struct(arr: Any, storage: Any, bufs: list, meta: Meta | None, pa: Any, gb: bool) -> Out:
    length = len(arr)
    contents = []
    for i in range(storage.num_fields):
        field = storage.field(i)
        fmeta, fstorage = split_type(pa, field.type, field)
        out = read(arr.field(i), fmeta, fstorage, pa, gb)
        keep = field.nullable and field_option(field) is not False
        contents.append(out.pick(keep))
    names = None if meta is not None and meta.record_is_tuple else [storage.field(i).name for i in range(storage.num_fields)]
    node = RecordArray(contents, names, length, parameters=_params(meta))
    return _finalize(node, _bits(bufs[0], arr.offset, length), meta, gb)


def _union(arr: Any, storage: Any, bufs: list, meta: Meta | None, pa: Any, gb: bool) -> Out:
    offset, length = arr.offset, len(arr)
    codes = list(storage.type_codes)
    tags = _array_of(bufs[1], np.int8, offset + length, "union tags")[offset: offset + length]
    if codes != list(range(len(codes))):
        lookup = np.full(256, -1, np.int8)
        lookup[np.asarray(codes, np.int64) % 256] = np.arange(len(codes), dtype=np.int8)
        tags = lookup[tags.view(np.uint8)]
    contents = []
    for i in range(storage.num_fields):
        field = storage.field(i)
        fmeta, fstorage = split_type(pa, field.type, field)
        contents.append(read(arr.field(i), fmeta, fstorage, pa, gb).pick(field.nullable))
    if storage.mode == "sparse":
        index = np.arange(length, dtype=np.int64)
    else:
        index = _array_of(bufs[2], np.int32, offset + length, "union offsets")[offset: offset + length]
    lengths = np.array([c.length for c in contents], np.int64)
    bad = (tags < 0) | (tags >= len(contents))
    if bad.any():
        _fail(f"union tag out of range at position {int(np.flatnonzero(bad)[0])}")
    bad = (index < 0) | (index >= lengths[tags])
    if bad.any():
        _fail(f"union offset out of range at position {int(np.flatnonzero(bad)[0])}")
    params = _params(meta)
    if len(contents) == 1:
        node = contents[0]._carry(ix.Index64._wrap(index.astype(np.int64), cpu))
        return _finalize(node.copy(parameters=params) if params else node, None, meta, gb)
    if any(c.is_union for c in contents):
        msg = "from_arrow: a union directly inside a union is not supported"
        raise NotImplementedError(msg)
    if any(c.is_option for c in contents):
        contents = [c if c.is_option else UnmaskedArray(c) for c in contents]
    node = UnionArray(ix.Index8._wrap(np.ascontiguousarray(tags, np.int8), cpu), ix.Index._wrap(index, cpu),
                      contents, parameters=params)
    return _finalize(node, None, meta, gb)


def _dictionary(arr: Any, meta: Meta | None, pa: Any, gb: bool) -> Out:
    from jaggy.io.arrow import _handle

    indices = arr.indices
    masked = read(indices, None, indices.type, pa, gb).option
    index = np.asarray(masked.content.data, np.int64)
    dictionary = _handle(arr.dictionary, gb, pa)
    n = dictionary.option.length
    if not isinstance(masked, UnmaskedArray):
        missing = masked.mask_as_bool(valid_when=False)
        if missing.any():
            index = np.where(missing, -1, index)
    bad = (index < -1) | (index >= n)
    if bad.any():
        _fail(f"dictionary index out of range at position {int(np.flatnonzero(bad)[0])}")
    params = None
    if meta is not None:
        params = {**(meta.mask_parameters or {}), **(meta.node_parameters or {})} or None
    if params is None:
        params = {"__array__": "categorical"}
    option = simplified_indexed(index, dictionary.option, True, params)
    content = dictionary.plain

    def plain() -> Any:
        if (index < 0).any():
            _fail("a non-nullable dictionary array has missing values")
        return IndexedArray(ix.Index64._wrap(index, cpu), content, parameters=params)

    return Out(option, plain)
