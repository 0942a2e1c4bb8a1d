"""Form construction from dicts, JSON and types (Awkward 1.x and 2.x Form JSON accepted)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import numpy as np

from jaggy import types as _t
from jaggy.forms._base import (
    Form,
    _parameters_union,
)
from jaggy.forms._nodes import (
    BitMaskedForm,
    ByteMaskedForm,
    EmptyForm,
    IndexedForm,
    IndexedOptionForm,
    ListForm,
    ListOffsetForm,
    NumpyForm,
    RecordForm,
    RegularForm,
    UnionForm,
    UnmaskedForm,
)
from jaggy.types import dtype_to_primitive

_CLASS_RE = re.compile(r"^([A-Za-z]+?)(|32|U32|64|8_32|8_U32|8_64)$")
_SUFFIXED = {
    "ListArray": ("", "32", "U32", "64"),
    "ListOffsetArray": ("", "32", "U32", "64"),
    "IndexedArray": ("", "32", "U32", "64"),
    "IndexedOptionArray": ("", "32", "64"),
    "UnionArray": ("", "8_32", "8_U32", "8_64"),
}


def _class_name(name: Any) -> str:
    if not isinstance(name, str):
        msg = f"form 'class' must be a string, not {name!r}"
        raise TypeError(msg)
    m = _CLASS_RE.match(name)
    if m is not None and m.group(2) and m.group(2) in _SUFFIXED.get(m.group(1), ()):
        return m.group(1)
    return name


def _numpy_primitive(d: Mapping) -> str:
    if "primitive" in d:
        return d["primitive"]
    if "format" in d:  # Awkward 1.x buffer-protocol description
        try:
            return dtype_to_primitive(np.dtype(d["format"]))
        except TypeError:
            pass
    msg = f"NumpyArray form has no recognisable 'primitive': {dict(d)!r}"
    raise ValueError(msg)


def from_dict(input: Mapping | str) -> Form:
    """Build a Form from Awkward Form JSON data (2.x, or 1.x class names)."""
    if isinstance(input, str):
        return NumpyForm(input)
    if not isinstance(input, Mapping):
        msg = f"form description must be a dict or a primitive string, not {input!r}"
        raise TypeError(msg)
    if "class" not in input:
        msg = f"form description has no 'class': {dict(input)!r}"
        raise ValueError(msg)
    cls = _class_name(input["class"])
    params = input.get("parameters")
    key = input.get("form_key")

    if cls == "NumpyArray":
        return NumpyForm(
            _numpy_primitive(input),
            input.get("inner_shape") or (),
            parameters=params,
            form_key=key,
        )
    if cls == "EmptyArray":
        return EmptyForm(parameters=params, form_key=key)
    if cls == "RegularArray":
        return RegularForm(
            from_dict(input["content"]), input["size"], parameters=params, form_key=key
        )
    if cls == "ListArray":
        return ListForm(
            input["starts"],
            input["stops"],
            from_dict(input["content"]),
            parameters=params,
            form_key=key,
        )
    if cls == "ListOffsetArray":
        return ListOffsetForm(
            input["offsets"], from_dict(input["content"]), parameters=params, form_key=key
        )
    if cls == "RecordArray":
        contents = input["contents"]
        if "fields" in input:
            if isinstance(contents, Mapping):
                msg = "new-style RecordForm contents must not be mappings"
                raise TypeError(msg)
            fields = input["fields"]
            forms = [from_dict(c) for c in contents]
        elif isinstance(contents, Mapping):
            fields = list(contents)
            forms = [from_dict(c) for c in contents.values()]
        else:
            fields = None
            forms = [from_dict(c) for c in contents]
        return RecordForm(forms, fields, parameters=params, form_key=key)
    if cls == "IndexedArray":
        return IndexedForm(
            input["index"], from_dict(input["content"]), parameters=params, form_key=key
        )
    if cls == "IndexedOptionArray":
        return IndexedOptionForm(
            input["index"], from_dict(input["content"]), parameters=params, form_key=key
        )
    if cls == "ByteMaskedArray":
        return ByteMaskedForm(
            input["mask"],
            from_dict(input["content"]),
            input["valid_when"],
            parameters=params,
            form_key=key,
        )
    if cls == "BitMaskedArray":
        return BitMaskedForm(
            input["mask"],
            from_dict(input["content"]),
            input["valid_when"],
            input["lsb_order"],
            parameters=params,
            form_key=key,
        )
    if cls == "UnmaskedArray":
        return UnmaskedForm(from_dict(input["content"]), parameters=params, form_key=key)
    if cls == "UnionArray":
        return UnionForm(
            input["tags"],
            input["index"],
            [from_dict(c) for c in input["contents"]],
            parameters=params,
            form_key=key,
        )
    if cls in ("VirtualArray", "VirtualNDArray"):
        msg = f"Awkward 1.x {cls}s are not supported"
        raise ValueError(msg)
    msg = f"input class: {input['class']!r} was not recognised"
    raise ValueError(msg)


def from_json(input: str) -> Form:
    """Build a Form from an Awkward Form JSON string."""
    return from_dict(json.loads(input))


def from_type(type_: _t.Type) -> Form:
    """A Form with the given low-level type (64-bit indexes, ListOffset lists)."""
    if isinstance(type_, (_t.ArrayType, _t.ScalarType)):
        msg = (
            "high-level types (ArrayType, ScalarType) have no Form; "
            "use their 'content' (the low-level type) instead"
        )
        raise TypeError(msg)
    if not isinstance(type_, _t.Type):
        msg = f"from_type needs a jaggy.types.Type, not {type_!r}"
        raise TypeError(msg)
    params = type_._parameters
    if type_.parameter("__categorical__"):
        assert params is not None  # it has a parameter
        rest = {k: v for k, v in params.items() if k != "__categorical__"}
        if isinstance(type_, _t.OptionType):
            return IndexedOptionForm(
                "i64",
                from_type(type_.content),
                parameters=_parameters_union(rest, {"__array__": "categorical"}),
            )
        return IndexedForm(
            "i64", from_type(type_.copy(parameters=rest)), parameters={"__array__": "categorical"}
        )
    if isinstance(type_, _t.NumpyType):
        return NumpyForm(type_.primitive, parameters=params)
    if isinstance(type_, _t.ListType):
        return ListOffsetForm("i64", from_type(type_.content), parameters=params)
    if isinstance(type_, _t.RegularType):
        return RegularForm(from_type(type_.content), type_.size, parameters=params)
    if isinstance(type_, _t.OptionType):
        return IndexedOptionForm("i64", from_type(type_.content), parameters=params)
    if isinstance(type_, _t.RecordType):
        return RecordForm(
            [from_type(c) for c in type_.contents],
            None if type_.is_tuple else type_.fields,
            parameters=params,
        )
    if isinstance(type_, _t.UnionType):
        return UnionForm("i8", "i64", [from_type(c) for c in type_.contents], parameters=params)
    if isinstance(type_, _t.UnknownType):
        return EmptyForm(parameters=params)
    msg = f"unsupported type {type_!r}"
    raise TypeError(msg)
