"""Layout -> pyarrow.Array, one function per node class (used by jaggy.to_arrow and friends).

Buffers are handed to Arrow without a copy wherever the layouts agree: NumpyArray data, int32 or
int64 offsets starting at 0, string bytes, BitMaskedArray masks in lsb order with valid_when=True,
union tags. Copies happen only where Arrow needs another representation: booleans (bit-packed),
offsets that do not start at 0, option masks held as bytes or indexes, indexed nodes (gathered).

Option nodes become Arrow validity: the mask travels down to the node below it (and into every
field of a record), as Arrow has no node for "missing" on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from jaggy import index as ix
from jaggy.io.arrow_types import Meta
from jaggy.layout import (
    BitMaskedArray,
    ByteMaskedArray,
    EmptyArray,
    IndexedArray,
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnionArray,
    UnmaskedArray,
)

_INT32_MAX = np.iinfo(np.int32).max


class Valid:
    """Arrow validity of ``length`` entries, held as packed lsb-order bits or as a bool array."""

    __slots__ = ("_bits", "_bool", "length")

    def __init__(self, length: int, *, bits: Any = None, bools: Any = None) -> None:
        self.length = length
        self._bits = bits
        self._bool = bools

    def as_bool(self) -> Any:
        if self._bool is None:
            self._bool = np.unpackbits(self._bits, count=self.length, bitorder="little").view(np.bool_)
        return self._bool

    def as_bits(self) -> Any:
        if self._bits is None:
            self._bits = np.packbits(self._bool, bitorder="little")
        return self._bits

    def null_count(self) -> int:
        if self._bool is not None:
            return self.length - int(np.count_nonzero(self._bool))
        nbytes, rest = divmod(self.length, 8)
        ones = int(np.bitwise_count(self._bits[:nbytes]).sum())
        if rest:
            ones += int(np.bitwise_count(self._bits[nbytes] & ((1 << rest) - 1)))
        return self.length - ones


def and_valid(a: Valid | None, b: Valid | None) -> Valid | None:
    if a is None:
        return b
    if b is None:
        return a
    return Valid(a.length, bools=a.as_bool() & b.as_bool())


class Options:
    """The keyword options of to_arrow, plus the extension-type factory (None: plain Arrow)."""

    def __init__(self, pa: Any, factory: Any, *, list_to32: bool, string_to32: bool, bytestring_to32: bool,
                 emptyarray_to: Any, categorical_as_dictionary: bool, count_nulls: bool,
                 record_is_scalar: bool) -> None:
        self.pa = pa
        self.factory = factory
        self.list_to32 = list_to32
        self.string_to32 = string_to32
        self.bytestring_to32 = bytestring_to32
        self.emptyarray_to = emptyarray_to
        self.categorical_as_dictionary = categorical_as_dictionary
        self.count_nulls = count_nulls
        self.record_is_scalar = record_is_scalar


def needs_option(node: Any) -> bool:
    return node.is_option or isinstance(node, EmptyArray)


def _ext(o: Options, storage: Any, mask_node: Any, node: Any, nonnullable_null: bool = False) -> Any:
    if o.factory is None:
        return storage
    meta = Meta({
        "mask_type": None if mask_node is None else type(mask_node).__name__,
        "node_type": type(node).__name__,
        "mask_parameters": None if mask_node is None else dict(mask_node.parameters),
        "node_parameters": dict(node.parameters),
        "record_is_tuple": node.is_tuple if isinstance(node, RecordArray) else None,
        "record_is_scalar": o.record_is_scalar,
        "is_nonnullable_nulltype": nonnullable_null,
    })
    return o.factory(storage, meta)


def _validity(o: Options, valid: Valid | None) -> tuple[Any, int]:
    if valid is None:
        return None, 0
    return o.pa.py_buffer(valid.as_bits()), (valid.null_count() if o.count_nulls else -1)


def _buffer(o: Options, data: Any) -> Any:
    return o.pa.py_buffer(np.ascontiguousarray(data))


def write(node: Any, mask_node: Any, valid: Valid | None, length: int, o: Options) -> Any:
    """The Arrow array of the first ``length`` entries of ``node`` (with validity ``valid``)."""
    if node.length > length and not isinstance(node, (EmptyArray, UnionArray)):
        node = node._getitem_range(0, length)
    writer = _WRITERS.get(type(node))
    if writer is None:
        msg = f"to_arrow: cannot convert a {type(node).__name__} node to Arrow"
        raise TypeError(msg)
    return writer(node, mask_node, valid, length, o)


def _numpy(node: NumpyArray, mask_node: Any, valid: Valid | None, length: int, o: Options) -> Any:
    pa = o.pa
    data = node.data
    if data.ndim != 1:
        return write(node.to_RegularArray(), mask_node, valid, length, o)
    data = node.backend.to_host(data)
    if data.dtype == np.dtype("M8[D]"):
        data = data.view(np.int64).astype(np.int32)
        storage = pa.date32()
    else:
        storage = pa.from_numpy_dtype(data.dtype)
    if data.dtype == np.bool_:
        data = np.packbits(data, bitorder="little")
    vbuf, nulls = _validity(o, valid)
    return pa.Array.from_buffers(_ext(o, storage, mask_node, node), length, [vbuf, _buffer(o, data)],
                                 null_count=nulls if valid is not None else 0)


def _empty(node: EmptyArray, mask_node: Any, valid: Valid | None, length: int, o: Options) -> Any:
    if o.emptyarray_to is not None:
        dtype = np.dtype(o.emptyarray_to)
        return write(NumpyArray(np.zeros(length, dtype), parameters=node.parameters), mask_node, valid, length, o)
    storage = o.pa.null()
    return o.pa.Array.from_buffers(_ext(o, storage, mask_node, node, nonnullable_null=mask_node is None),
                                   length, [None], null_count=length)


def _string_type(pa: Any, is_string: bool, small: bool) -> Any:
    if is_string:
        return pa.string() if small else pa.large_string()
    return pa.binary() if small else pa.large_binary()


def _listoffset(node: ListOffsetArray, mask_node: Any, valid: Valid | None, length: int, o: Options) -> Any:
    pa = o.pa
    kind = node.parameter("__array__")
    is_string, is_bytes = kind == "string", kind == "bytestring"
    downsize = o.string_to32 if is_string else o.bytestring_to32 if is_bytes else o.list_to32
    offsets = node.backend.to_host(node.offsets.data[: length + 1])
    start, stop = int(offsets[0]), int(offsets[length])
    content = node.content
    if start != 0 or stop != content.length:
        content = content._getitem_range(start, stop)
    if start != 0:
        offsets = offsets - offsets.dtype.type(start)
    if offsets.dtype == np.uint32 or (offsets.dtype == np.int64 and downsize):
        offsets = offsets.astype(np.int32 if stop < _INT32_MAX else np.int64)
    small = offsets.dtype == np.int32
    vbuf, nulls = _validity(o, valid)
    if is_string or is_bytes:
        if not isinstance(content, NumpyArray):
            content = content.to_packed()
        if not isinstance(content, NumpyArray):
            msg = f"to_arrow: the characters of a {kind} must be a NumpyArray, not {type(content).__name__}"
            raise TypeError(msg)
        chars = node.backend.to_host(content.data).view(np.uint8)
        storage = _string_type(pa, is_string, small)
        return pa.Array.from_buffers(_ext(o, storage, mask_node, node), length,
                                     [vbuf, _buffer(o, offsets), _buffer(o, chars)],
                                     null_count=nulls if valid is not None else 0)
    child = write(content, None, None, content.length, o)
    field = pa.field("item", child.type, nullable=needs_option(content))
    storage = pa.list_(field) if small else pa.large_list(field)
    return pa.Array.from_buffers(_ext(o, storage, mask_node, node), length, [vbuf, _buffer(o, offsets)],
                                 children=[child], null_count=nulls if valid is not None else 0)


def _list(node: ListArray, mask_node: Any, valid: Valid | None, length: int, o: Options) -> Any:
    return write(node.to_ListOffsetArray64(False), mask_node, valid, length, o)


def _regular(node: RegularArray, mask_node: Any, valid: Valid | None, length: int, o: Options) -> Any:
    pa = o.pa
    kind = node.parameter("__array__")
    if kind == "string":
        return write(node.to_ListOffsetArray64(False), mask_node, valid, length, o)
    size = node.size
    content = node.content
    if content.length != length * size:
        content = content._getitem_range(0, length * size)
    vbuf, nulls = _validity(o, valid)
    if kind == "bytestring":
        content = content if isinstance(content, NumpyArray) else content.to_packed()
        chars = node.backend.to_host(content.data).view(np.uint8)
        return pa.Array.from_buffers(_ext(o, pa.binary(size), mask_node, node), length,
                                     [vbuf, _buffer(o, chars)], null_count=nulls if valid is not None else 0)
    child = write(content, None, None, length * size, o)
    field = pa.field("item", child.type, nullable=needs_option(content))
    return pa.Array.from_buffers(_ext(o, pa.list_(field, size), mask_node, node), length, [vbuf],
                                 children=[child], null_count=nulls if valid is not None else 0)


def _record(node: RecordArray, mask_node: Any, valid: Valid | None, length: int, o: Options) -> Any:
    pa = o.pa
    values = [write(c, mask_node, valid, length, o) for c in node.contents]
    outer_option = mask_node is not None and needs_option(mask_node)
    names = [str(i) for i in range(len(values))] if node.is_tuple else node.fields
    fields = [
        pa.field(name, v.type, nullable=outer_option or needs_option(c),
                 metadata={b"option_type": b"True" if needs_option(c) else b"False"})
        for name, v, c in zip(names, values, node.contents)
    ]
    vbuf, nulls = _validity(o, valid)
    return pa.Array.from_buffers(_ext(o, pa.struct(fields), mask_node, node), length, [vbuf],
                                 children=values, null_count=nulls if valid is not None else 0)


def _indexed_option(node: IndexedOptionArray, mask_node: Any, valid: Valid | None, length: int,
                    o: Options) -> Any:
    raw = node.backend.to_host(node.index.data)
    this_valid = raw >= 0
    index = np.where(this_valid, raw, 0).astype(np.int64, copy=False)
    params = {"__array__": "categorical"} if node.parameter("__array__") == "categorical" else None
    inner = IndexedArray(ix.Index64._wrap(index, node.backend), node.content, parameters=params)
    return _indexed(inner, node, and_valid(valid, Valid(length, bools=this_valid)), length, o)


def _filler(node: Any, n: int) -> Any:
    """A layout of ``n`` arbitrary entries with the form of ``node`` (stands under missing entries
    when an option's content is empty)."""
    if isinstance(node, EmptyArray) or n == 0:
        return node
    if isinstance(node, NumpyArray):
        return node.copy(data=np.zeros((n, *node.data.shape[1:]), node.data.dtype))
    if isinstance(node, (ListOffsetArray, ListArray)):
        return ListOffsetArray(ix.Index64._wrap(np.zeros(n + 1, np.int64), node.backend), node.content,
                               parameters=node.parameters)
    if isinstance(node, RegularArray):
        return RegularArray(_filler(node.content, n * node.size), node.size, n, parameters=node.parameters)
    if isinstance(node, RecordArray):
        return RecordArray([_filler(c, n) for c in node.contents], None if node.is_tuple else node.fields, n,
                           parameters=node.parameters)
    if node.is_option:
        return IndexedOptionArray(ix.Index64._wrap(np.full(n, -1, np.int64), node.backend), node.content,
                                  parameters=node.parameters)
    if node.is_indexed:
        return _filler(node.content, n).copy(parameters=node.parameters)
    msg = f"to_arrow: an empty {type(node).__name__} under missing values is not supported"
    raise NotImplementedError(msg)


def _indexed(node: IndexedArray, mask_node: Any, valid: Valid | None, length: int, o: Options) -> Any:
    pa = o.pa
    content = node.content
    merged = {**content.parameters, **node.parameters}
    if content.length == 0:
        return write(_filler(content, length).copy(parameters=merged), mask_node, valid, length, o)
    categorical = node.parameter("__array__") == "categorical"
    if categorical and o.categorical_as_dictionary:
        dictionary = write(content, None, None, content.length, o)
        index = node.backend.to_host(node.index.data[:length])
        mask = None if valid is None else ~valid.as_bool()
        out = pa.DictionaryArray.from_arrays(np.ascontiguousarray(index), dictionary, mask=mask)
        if o.factory is None:
            return out
        return pa.ExtensionArray.from_storage(_ext(o, out.type, mask_node, node), out)
    if categorical:
        merged = {k: v for k, v in merged.items() if k != "__array__"} | (
            {"__array__": content.parameters["__array__"]} if "__array__" in content.parameters else {})
    carry = ix.Index64._wrap(np.asarray(node.index.data[:length], dtype=np.int64), node.backend)
    taken = content._carry(carry)
    return write(taken.copy(parameters=merged or None), mask_node, valid, length, o)


def _bytemasked(node: ByteMaskedArray, mask_node: Any, valid: Valid | None, length: int, o: Options) -> Any:
    this = Valid(length, bools=np.asarray(node.backend.to_host(node.mask_as_bool(valid_when=True)))[:length])
    return write(node.content, node, and_valid(valid, this), length, o)


def _bitmasked(node: BitMaskedArray, mask_node: Any, valid: Valid | None, length: int, o: Options) -> Any:
    if not node.lsb_order:
        return write(node.to_ByteMaskedArray(), mask_node, valid, length, o)
    bits = node.backend.to_host(node.mask.data)[: (length + 7) // 8]
    if not node.valid_when:
        bits = ~bits
    return write(node.content, node, and_valid(valid, Valid(length, bits=bits)), length, o)


def _unmasked(node: UnmaskedArray, mask_node: Any, valid: Valid | None, length: int, o: Options) -> Any:
    return write(node.content, node, None, length, o)


def _union(node: UnionArray, mask_node: Any, valid: Valid | None, length: int, o: Options) -> Any:
    pa = o.pa
    tags = np.asarray(node.backend.to_host(node.tags.data))[:length]
    index = np.asarray(node.backend.to_host(node.index.data))[:length].astype(np.int64)
    vb = None if valid is None else valid.as_bool()
    values, copied = [], False
    for tag, content in enumerate(node.contents):
        selected = tags == tag
        this_index = index[selected]
        this_valid = None
        this_length = int(this_index.max()) + 1 if len(this_index) else 0
        if vb is not None:
            if len(np.unique(this_index)) == len(this_index):
                bools = np.zeros(this_length, np.bool_)
                bools[this_index] = vb[selected]
            else:
                content = content._carry(ix.Index64._wrap(this_index, node.backend))
                if not copied:
                    index, copied = index.copy(), True
                index[selected] = np.arange(len(this_index))
                bools, this_length = vb[selected], len(this_index)
            this_valid = Valid(this_length, bools=bools)
        values.append(write(content, mask_node, this_valid, this_length, o))
    if len(index) and int(index.max()) > _INT32_MAX:
        msg = "to_arrow: a union's index exceeds the int32 range of Arrow's dense unions"
        raise ValueError(msg)
    fields = [pa.field(str(i), v.type, nullable=mask_node is not None or needs_option(c))
              for i, (v, c) in enumerate(zip(values, node.contents))]
    storage = pa.union(fields, "dense", list(range(len(values))))
    return pa.Array.from_buffers(_ext(o, storage, None, node), length,
                                 [None, _buffer(o, tags.astype(np.int8, copy=False)),
                                  _buffer(o, index.astype(np.int32))], children=values)


_WRITERS: dict[type, Callable[..., Any]] = {
    NumpyArray: _numpy, EmptyArray: _empty, ListOffsetArray: _listoffset, ListArray: _list,
    RegularArray: _regular, RecordArray: _record, IndexedOptionArray: _indexed_option,
    IndexedArray: _indexed, ByteMaskedArray: _bytemasked, BitMaskedArray: _bitmasked,
    UnmaskedArray: _unmasked, UnionArray: _union,
}
