"""JSON input and output: the machinery behind ``jaggy.from_json`` and ``jaggy.to_json``.

Reading: the whole source is handed, as bytes, to the compiled parser (``jaggy._ext.from_json``,
which runs without the GIL) and the columns it builds come back through ``from_buffers``. A
JSONSchema is turned into a tree of ``(kind, nullable, ...)`` tuples that fixes the column types
before parsing. Writing: the layout is rewritten node by node where JSON needs it (tuples as
objects with "0", "1", ... keys, non-finite floats as strings, complex numbers as records), then
converted with the compiled ``to_list`` and serialized by Python's ``json`` module.
"""

from __future__ import annotations

import json as _json
import os
import pathlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any, overload

import numpy as np

_SCALAR_TYPES = ("boolean", "integer", "number", "string")


# ---------------------------------------------------------------------------------------------
# reading
# ---------------------------------------------------------------------------------------------
def read_source(source: Any, buffersize: int) -> Any:
    """The bytes of a JSON source: str/bytes (the text itself), a pathlib.Path, or a file-like
    object with ``read(num_bytes)`` returning bytes."""
    if isinstance(source, str):
        return source.encode("utf-8", errors="surrogateescape")
    if isinstance(source, (bytes, bytearray)):
        return source
    if isinstance(source, memoryview):
        return source.cast("B") if source.c_contiguous else source.tobytes()
    if isinstance(source, pathlib.PurePath):
        text = str(source)
        if "://" in text:
            msg = f"from_json: remote paths ({text!r}) need fsspec, which jaggy does not use; open the file yourself"
            raise NotImplementedError(msg)
        with open(source, "rb") as file:
            return file.read()
    read = getattr(source, "read", None)
    if not callable(read):
        msg = f"from_json: source must be str, bytes, a pathlib.Path or a file-like object, not {type(source).__name__}"
        raise TypeError(msg)
    chunks = []
    while True:
        chunk = read(buffersize)
        if not isinstance(chunk, (bytes, bytearray)):
            msg = "from_json: obj.read(num_bytes) should return bytes (is the file mode 'rb'?)"
            raise ValueError(msg)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def schema_spec(schema: Any) -> tuple:
    """A JSONSchema (dict or JSON text) as the nested tuples the compiled parser takes:
    ``(kind, nullable)`` for scalars, ``(\"array\", nullable, items, size)`` and
    ``(\"object\", nullable, names, specs)``."""
    if isinstance(schema, (str, bytes)):
        try:
            schema = _json.loads(schema)
        except ValueError as err:
            msg = f"from_json: the schema is not valid JSON: {err}"
            raise ValueError(msg) from None
    return _spec(schema, "schema")


def _spec(schema: Any, where: str) -> tuple:
    if not isinstance(schema, Mapping):
        msg = f"from_json: unrecognized JSONSchema at {where}: expected a dict, got {schema!r}"
        raise TypeError(msg)
    kind = schema.get("type")
    kinds = list(kind) if isinstance(kind, (list, tuple)) else [kind]
    nullable = "null" in kinds
    kinds = [k for k in kinds if k != "null"]
    if len(kinds) != 1 or not isinstance(kinds[0], str):
        msg = (f"from_json: JSONSchema at {where} must have one \"type\" (optionally with \"null\"), "
               f"got {kind!r}; unions of types are not supported")
        raise TypeError(msg)
    kind = kinds[0]
    if "enum" in schema:
        msg = f"from_json: JSONSchema \"enum\" (categorical data) at {where} is not implemented"
        raise NotImplementedError(msg)
    if kind in _SCALAR_TYPES:
        return (kind, nullable)
    if kind == "array":
        items = schema.get("items")
        if items is None:
            msg = f"from_json: JSONSchema array at {where} needs \"items\""
            raise TypeError(msg)
        size = None
        if "minItems" in schema and schema.get("minItems") == schema.get("maxItems"):
            size = int(schema["minItems"])
        return ("array", nullable, _spec(items, f"{where}.items"), size)
    if kind == "object":
        properties = schema.get("properties", {})
        if not isinstance(properties, Mapping):
            msg = f"from_json: JSONSchema \"properties\" at {where} must be a dict"
            raise TypeError(msg)
        names = [str(k) for k in properties]
        specs = [_spec(v, f"{where}.properties[{k!r}]") for k, v in properties.items()]
        return ("object", nullable, names, specs)
    msg = f"from_json: unrecognized JSONSchema type {kind!r} at {where}"
    raise TypeError(msg)


def apply_regular(layout: Any, spec: tuple) -> Any:
    """Arrays whose schema fixes their length (minItems == maxItems) as RegularArrays."""
    kind = spec[0]
    if layout.is_option:
        return layout.copy(content=apply_regular(layout.content, spec))
    if kind == "object":
        contents = [apply_regular(c, s) for c, s in zip(layout.contents, spec[3])]
        return layout.copy(contents=contents, length=layout.length) if contents else layout
    if kind != "array":
        return layout
    out = layout.copy(content=apply_regular(layout.content, spec[2]))
    size = spec[3]
    if size is None:
        return out
    counts = np.diff(np.asarray(out.offsets.data))
    if len(counts) and not bool((counts == size).all()):
        bad = int(np.argmax(counts != size))
        msg = (f"from_json: JSON schema mismatch: an array has {int(counts[bad])} items, "
               f"but the schema fixes its length at {size} (minItems == maxItems)")
        raise ValueError(msg)
    return out.to_RegularArray()


def check_complex_fields(fields: Any) -> tuple[str, str] | None:
    if fields is None:
        return None
    if (isinstance(fields, Sequence) and len(fields) == 2
            and all(isinstance(f, str) for f in fields)):
        return (fields[0], fields[1])
    msg = "from_json/to_json: complex_record_fields must be None or a pair of strings"
    raise TypeError(msg)


def records_to_complex(layout: Any, fields: tuple[str, str]) -> Any:
    """Records having both ``fields`` become complex numbers (other fields are dropped)."""
    from jaggy._recurse import transform
    from jaggy.layout import NumpyArray

    def action(node: Any, depth: int) -> Any:
        if not (node.is_record and not node.is_tuple and set(fields).issubset(node.fields)):
            return None
        real = node._getitem_field(fields[0])
        imag = node._getitem_field(fields[1])
        for part in (real, imag):
            if not (part.is_numpy and part.data.ndim == 1 and part.data.dtype.kind in "iuf"):
                msg = (f"from_json: expected records with fields {fields[0]!r} and {fields[1]!r} to have "
                       f"integer or floating point types, not {str(real.form.type)!r} and {str(imag.form.type)!r}")
                raise ValueError(msg)
        xp = node.backend.xp
        with np.errstate(invalid="ignore"):
            data = xp.asarray(real.data) + xp.asarray(imag.data) * 1j
        return NumpyArray(data)

    return transform(layout, action)


# ---------------------------------------------------------------------------------------------
# writing
# ---------------------------------------------------------------------------------------------
def _float_with_strings(node: Any, strings: dict[str, str]) -> Any:
    """A float NumpyArray whose NaN/inf values (those with a replacement) become strings: a union
    of the floats and a string array, built with vectorized NumPy."""
    from jaggy.index import Index8, Index64
    from jaggy.layout import ListOffsetArray, NumpyArray, UnionArray

    data = np.asarray(node.data)
    which = np.full(len(data), -1, np.int64)
    words: list[bytes] = []
    for key, test in (("nan", np.isnan), ("posinf", np.isposinf), ("neginf", np.isneginf)):
        if key in strings:
            which[test(data)] = len(words)
            words.append(strings[key].encode("utf-8", errors="surrogateescape"))
    is_string = which >= 0
    if not is_string.any():
        return None
    lengths = np.array([len(w) for w in words], np.int64)
    picked = which[is_string]
    offsets = np.zeros(len(picked) + 1, np.int64)
    np.cumsum(lengths[picked], out=offsets[1:])
    chars = np.frombuffer(b"".join(words), np.uint8)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    gather = np.repeat(starts[picked] - offsets[:-1], lengths[picked]) + np.arange(offsets[-1], dtype=np.int64)
    strings_node = ListOffsetArray(
        Index64(offsets),
        NumpyArray(chars[gather], parameters={"__array__": "char"}),
        parameters={"__array__": "string"},
    )
    tags = is_string.astype(np.int8)
    index = np.empty(len(data), np.int64)
    index[~is_string] = np.arange(int((~is_string).sum()), dtype=np.int64)
    index[is_string] = np.arange(len(picked), dtype=np.int64)
    floats = NumpyArray(data[~is_string])
    return UnionArray(Index8(tags), Index64(index), [floats, strings_node])


def prepare_for_json(layout: Any, strings: dict[str, str], complex_fields: tuple[str, str] | None) -> Any:
    """The layout rewritten into what ``to_list`` + ``json.dumps`` write as Awkward does."""
    from jaggy._recurse import transform
    from jaggy.layout import NumpyArray, RecordArray

    def action(node: Any, depth: int) -> Any:
        if node.is_record and node.is_tuple:
            contents = [transform(c._getitem_range(0, node.length), action) for c in node.contents]
            fields = [str(i) for i in range(len(contents))]
            return RecordArray(contents, fields, length=node.length, parameters=node.parameters)
        if not node.is_numpy or node.parameter("__array__") in ("char", "byte"):
            return None
        kind = node.data.dtype.kind
        if kind == "c" and complex_fields is not None:
            data = np.asarray(node.data)
            if data.ndim != 1:
                return None
            parts = [NumpyArray(np.ascontiguousarray(data.real)), NumpyArray(np.ascontiguousarray(data.imag))]
            return RecordArray([transform(p, action) for p in parts], list(complex_fields), length=len(data))
        if kind == "f" and strings and node.data.ndim == 1:
            return _float_with_strings(node, strings)
        return None

    return transform(layout, action)


@overload
def dump(data: Any, file: None, indent: int | None, separators: tuple[str, str],
         default: Callable[[Any], Any] | None) -> str: ...
@overload
def dump(data: Any, file: Any, indent: int | None, separators: tuple[str, str],
         default: Callable[[Any], Any] | None) -> str | None: ...
def dump(data: Any, file: Any, indent: int | None, separators: tuple[str, str],
         default: Callable[[Any], Any] | None) -> str | None:
    """``json.dumps``/``json.dump`` with Awkward's settings (ASCII output, no NaN tokens)."""
    options: dict[str, Any] = {"skipkeys": True, "ensure_ascii": True, "check_circular": False, "allow_nan": False,
               "indent": indent, "separators": separators, "default": default, "sort_keys": False}
    if file is None:
        return _json.dumps(data, **options)
    _json.dump(data, file, **options)
    return None


def open_for_writing(file: Any) -> tuple[Any, bool]:
    """(a writable text file, whether we opened it and must close it)."""
    if isinstance(file, (str, bytes, os.PathLike)):
        path = os.fsdecode(file)
        if "://" in path:
            msg = f"to_json: remote paths ({path!r}) need fsspec, which jaggy does not use; open the file yourself"
            raise NotImplementedError(msg)
        return open(path, "w", encoding="utf8"), True
    if not callable(getattr(file, "write", None)):
        msg = f"to_json: file must be a path or an object with a write method, not {type(file).__name__}"
        raise TypeError(msg)
    return file, False
