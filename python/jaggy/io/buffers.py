"""to_buffers / from_buffers: an array as a Form, a length and a dict of flat buffers.

The Form JSON and the buffer keys (``node0-offsets``, ``node1-data``, ...) are Awkward's, so
arrays move between jaggy, Awkward and the tools built on it through these two functions.
``from_buffers`` checks every buffer's size and every offset and index before a layout is built
from it: short or corrupted buffers raise ``ValueError``, they never crash the process.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any

import numpy as np

from jaggy import index as ix
from jaggy.backends import backend_by_name, cpu
from jaggy.errors import KernelError, KernelIndexError
from jaggy.layout import (
    BitMaskedArray,
    ByteMaskedArray,
    Content,
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


@functools.lru_cache(maxsize=512)
def _form_from_json(text: str) -> Any:
    """Forms are immutable, so the parse of a given Form JSON can be shared."""
    from jaggy import forms

    return forms.from_json(text)


_INDEX_DTYPES = {"i8": np.int8, "u8": np.uint8, "i32": np.int32, "u32": np.uint32, "i64": np.int64}


def _key_function(buffer_key: Any) -> Callable[[Any, str], str]:
    if callable(buffer_key):
        return lambda form, attribute: buffer_key(form_key=form.form_key, attribute=attribute, form=form)
    return lambda form, attribute: buffer_key.format(form_key=form.form_key, attribute=attribute)


# ---------------------------------------------------------------------------------------------
# from_buffers
# ---------------------------------------------------------------------------------------------
class _Reader:
    def __init__(self, container: Mapping, getkey: Callable, byteorder: str) -> None:
        self.container = container
        self.getkey = getkey
        self.byteorder = byteorder

    def buffer(self, form: Any, attribute: str, dtype: Any, count: int) -> np.ndarray:
        key = self.getkey(form, attribute)
        if form.form_key is None:
            msg = f"from_buffers: the form node {type(form).__name__} has no form_key, so its {attribute!r} buffer cannot be found"
            raise ValueError(msg)
        try:
            raw = self.container[key]
        except KeyError:
            msg = f"from_buffers: buffer {key!r} ({type(form).__name__} {attribute}) is missing from the container"
            raise ValueError(msg) from None
        if callable(raw):
            raw = raw()
        dtype = np.dtype(dtype).newbyteorder(self.byteorder)
        if isinstance(raw, np.ndarray):
            flat = raw.reshape(-1).view(np.uint8) if raw.dtype != dtype else raw.reshape(-1)
        else:
            flat = np.frombuffer(memoryview(raw), np.uint8)
        if flat.dtype != dtype:
            usable = (len(flat) // dtype.itemsize) * dtype.itemsize
            flat = flat[:usable].view(dtype)
        if len(flat) < count:
            msg = (f"from_buffers: buffer {key!r} ({type(form).__name__} {attribute}) has {len(flat)} "
                   f"items of {dtype.name}, but {count} are needed")
            raise ValueError(msg)
        out = flat[:count]
        if not dtype.isnative:
            out = out.astype(dtype.newbyteorder("="))
        return out

    def index(self, form: Any, attribute: str, kind: str, count: int) -> ix.Index:
        data = self.buffer(form, attribute, _INDEX_DTYPES[kind], count)
        return ix.index_class(kind)(data)


def _checked(form: Any, what: str, run: Callable[[], None]) -> None:
    try:
        run()
    except (KernelError, KernelIndexError) as err:
        msg = f"from_buffers: {type(form).__name__} node {form.form_key!r}: {err} ({what})"
        raise ValueError(msg) from None


def _max_plus_one(data: np.ndarray) -> int:
    return int(data.max()) + 1 if len(data) else 0


def _read(form: Any, length: int, r: _Reader) -> Content:
    cls = type(form).__name__
    params = form.parameters or None
    if cls == "EmptyForm":
        if length != 0:
            msg = f"from_buffers: EmptyArray node {form.form_key!r} must have length 0, not {length}"
            raise ValueError(msg)
        return EmptyArray(parameters=params)
    if cls == "NumpyForm":
        from jaggy.types import primitive_to_dtype

        shape = tuple(form.inner_shape)
        data = r.buffer(form, "data", primitive_to_dtype(form.primitive), length * math.prod(shape))
        return NumpyArray(data.reshape((length, *shape)), parameters=params)
    if cls == "ListOffsetForm":
        offsets = r.index(form, "offsets", form.offsets, length + 1)
        n_content = int(offsets.data[length])
        _checked(form, "offsets", lambda: cpu.kernels.offsets_validity(offsets.data, length, n_content))
        return ListOffsetArray(offsets, _read(form.content, n_content, r), parameters=params)
    if cls == "ListForm":
        starts = r.index(form, "starts", form.starts, length)
        stops = r.index(form, "stops", form.stops, length)
        nonempty = stops.data[starts.data != stops.data]
        n_content = max(int(nonempty.max()), 0) if len(nonempty) else 0
        _checked(form, "starts/stops", lambda: cpu.kernels.list_validity(starts.data, stops.data, length, n_content))
        return ListArray(starts, stops, _read(form.content, n_content, r), parameters=params)
    if cls == "RegularForm":
        content = _read(form.content, length * form.size, r)
        return RegularArray(content, form.size, length, parameters=params)
    if cls in ("IndexedForm", "IndexedOptionForm"):
        index = r.index(form, "index", form.index, length)
        n_content = _max_plus_one(index.data)
        option = cls == "IndexedOptionForm"
        _checked(form, "index", lambda: cpu.kernels.index_validity(index.data, length, n_content, option))
        node = IndexedOptionArray if option else IndexedArray
        return node(index, _read(form.content, n_content, r), parameters=params)
    if cls == "ByteMaskedForm":
        mask = r.index(form, "mask", form.mask, length)
        return ByteMaskedArray(mask, _read(form.content, length, r), form.valid_when, parameters=params)
    if cls == "BitMaskedForm":
        mask = r.index(form, "mask", form.mask, (length + 7) // 8)
        return BitMaskedArray(mask, _read(form.content, length, r), form.valid_when, length,
                              form.lsb_order, parameters=params)
    if cls == "UnmaskedForm":
        return UnmaskedArray(_read(form.content, length, r), parameters=params)
    if cls == "RecordForm":
        contents = [_read(c, length, r) for c in form.contents]
        return RecordArray(contents, None if form.is_tuple else form.fields, length, parameters=params)
    if cls == "UnionForm":
        tags = r.index(form, "tags", form.tags, length)
        index = r.index(form, "index", form.index, length)
        ncontents = len(form.contents)
        bad = np.flatnonzero((tags.data < 0) | (tags.data >= ncontents))
        if len(bad):
            msg = f"from_buffers: UnionArray node {form.form_key!r}: tag is out of range at position {bad[0]}"
            raise ValueError(msg)
        if len(index.data) and index.data.dtype.kind == "i" and int(index.data.min()) < 0:
            msg = f"from_buffers: UnionArray node {form.form_key!r}: index is negative"
            raise ValueError(msg)
        contents = [_read(c, _max_plus_one(index.data[tags.data == t]), r) for t, c in enumerate(form.contents)]
        return UnionArray(tags, index, contents, parameters=params)
    msg = f"from_buffers: unknown form class {cls}"
    raise TypeError(msg)


def from_buffers(
    form: Any,
    length: int,
    container: Mapping,
    buffer_key: str | Callable = "{form_key}-{attribute}",
    *,
    backend: str = "cpu",
    byteorder: str = "<",
    allow_noncanonical_form: bool = False,
    enable_virtualarray_caching: bool = True,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """Build an array from a Form (object, dict or JSON), a length and named flat buffers.

    Buffers may be NumPy arrays, bytes-like objects or zero-argument callables returning either
    (callables are called here, once each: ``enable_virtualarray_caching`` is accepted for
    Awkward compatibility and has nothing to cache).
    Raises ``ValueError`` naming the buffer when one is missing, too short, or holds offsets or
    indexes that point outside the data.
    """
    from jaggy import forms

    if isinstance(form, str):
        form = _form_from_json(form)
    elif isinstance(form, Mapping):
        form = forms.from_dict(form)
    length = int(length)
    if length < 0:
        msg = f"from_buffers: length must be non-negative, not {length}"
        raise ValueError(msg)
    if byteorder not in ("<", ">", "=", "|"):
        msg = f"from_buffers: byteorder must be '<' or '>', not {byteorder!r}"
        raise ValueError(msg)
    layout = _read(form, length, _Reader(container, _key_function(buffer_key), byteorder))
    if backend != "cpu":
        layout = layout.to_backend(backend_by_name(backend))
    if not highlevel:
        return layout
    from jaggy.highlevel import Array

    return Array(layout, behavior=behavior, attrs=attrs)


# ---------------------------------------------------------------------------------------------
# to_buffers
# ---------------------------------------------------------------------------------------------
_ATTRIBUTES: dict[type, tuple[str, ...]] = {
    NumpyArray: ("data",),
    ListOffsetArray: ("offsets",),
    ListArray: ("starts", "stops"),
    IndexedArray: ("index",),
    IndexedOptionArray: ("index",),
    ByteMaskedArray: ("mask",),
    BitMaskedArray: ("mask",),
    UnionArray: ("tags", "index"),
}


def _write(node: Content, form: Any, out: MutableMapping, getkey: Callable, byteorder: str) -> None:
    host = node.backend.to_host
    for attribute in _ATTRIBUTES.get(type(node), ()):
        if attribute == "data":
            data = node.data.reshape(-1)
        else:
            data = getattr(node, attribute).data
            if isinstance(node, UnionArray) and attribute == "index":
                data = data[: node.length]
        data = np.ascontiguousarray(host(data))
        if data.dtype.byteorder not in ("|", byteorder) and not (byteorder == "<" and data.dtype.isnative):
            data = data.astype(data.dtype.newbyteorder(byteorder))  # type: ignore[arg-type]  # "<" or ">", checked by to_buffers
        out[getkey(form, attribute)] = data
    if isinstance(node, RecordArray):
        children = node.contents
        forms_ = form.contents
    elif isinstance(node, UnionArray):
        children, forms_ = node.contents, form.contents
    elif hasattr(node, "content") and not isinstance(node, (NumpyArray, EmptyArray)):
        children, forms_ = [node.content], [form.content]
    else:
        children, forms_ = [], []
    for child, child_form in zip(children, forms_):
        _write(child, child_form, out, getkey, byteorder)


def to_buffers(
    array: Any,
    container: MutableMapping | None = None,
    buffer_key: str | Callable = "{form_key}-{attribute}",
    form_key: str = "node{id}",
    *,
    id_start: int = 0,
    backend: Any = None,
    byteorder: str = "<",
) -> tuple[Any, int, MutableMapping]:
    """Decompose an array into (form, length, container of named flat NumPy buffers)."""
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    if byteorder == "=":
        byteorder = "<" if np.little_endian else ">"
    if byteorder not in ("<", ">"):
        msg = f"to_buffers: byteorder must be '<' or '>', not {byteorder!r}"
        raise ValueError(msg)
    form = layout.form_with_key(form_key, id_start)
    out: MutableMapping = {} if container is None else container
    _write(layout, form, out, _key_function(buffer_key), byteorder)
    return form, layout.length, out
