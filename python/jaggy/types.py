"""High-level and low-level data types, printed as Awkward-style type strings.

A type describes the logical structure of an array (what its elements are), without
the buffer-level detail that a Form carries: every list representation is a
``ListType``, every option representation is an ``OptionType``, and so on.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import permutations
from typing import TYPE_CHECKING, Any

import numpy as np

__all__ = [
    "ArrayType",
    "ListType",
    "NumpyType",
    "OptionType",
    "RecordType",
    "RegularType",
    "ScalarType",
    "Type",
    "UnionType",
    "UnknownType",
    "dtype_to_primitive",
    "from_datashape",
    "is_primitive",
    "primitive_to_dtype",
    "typestr_overrides",
    "unknown_length",
]


# ---------------------------------------------------------------------------- lengths


class _UnknownLength:
    """A length (or size) that is not known, such as in a form-only (meta) array."""

    _instance: _UnknownLength | None = None

    def __new__(cls) -> _UnknownLength:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "unknown_length"

    def __str__(self) -> str:
        return "##"

    def __reduce__(self) -> str:
        return "unknown_length"


unknown_length = _UnknownLength()


def _is_size(value: Any) -> bool:
    return value is unknown_length or bool(
        isinstance(value, (int, np.integer))
        and not isinstance(value, (bool, np.bool_))
        and value >= 0
    )


# ---------------------------------------------------------------------------- primitives

_PRIMITIVES: dict[str, np.dtype] = {
    "bool": np.dtype(np.bool_),
    "int8": np.dtype(np.int8),
    "uint8": np.dtype(np.uint8),
    "int16": np.dtype(np.int16),
    "uint16": np.dtype(np.uint16),
    "int32": np.dtype(np.int32),
    "uint32": np.dtype(np.uint32),
    "int64": np.dtype(np.int64),
    "uint64": np.dtype(np.uint64),
    "float16": np.dtype(np.float16),
    "float32": np.dtype(np.float32),
    "float64": np.dtype(np.float64),
    "complex64": np.dtype(np.complex64),
    "complex128": np.dtype(np.complex128),
    "datetime64": np.dtype("datetime64"),
    "timedelta64": np.dtype("timedelta64"),
}
for _name in ("float128", "complex256"):
    if hasattr(np, _name):
        _PRIMITIVES[_name] = np.dtype(getattr(np, _name))

_DTYPE_TO_PRIMITIVE: dict[np.dtype, str] = {v: k for k, v in _PRIMITIVES.items()}

_TIME_UNITS = r"(?:\s*-?[0-9]*)?(?:Y|M|W|D|h|m|s|ms|us|\u03bc|ns|ps|fs|as)"
_TIME_RE = re.compile(r"(?:datetime64|timedelta64)\[" + _TIME_UNITS + r"\]")

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z_0-9]*$")

_RESERVED_NAMES = frozenset(
    {"unknown", "string", "bytes", "option", "tuple", "struct", "union", "categorical"}
)


def is_primitive(primitive: Any) -> bool:
    """True if ``primitive`` names a dtype that a NumpyType/NumpyForm can hold."""
    if not isinstance(primitive, str):
        return False
    return primitive in _PRIMITIVES or _TIME_RE.fullmatch(primitive) is not None


@lru_cache(maxsize=256)
def primitive_to_dtype(primitive: str) -> np.dtype:
    """Convert a primitive name such as ``"int64"`` or ``"datetime64[s]"`` to a dtype."""
    out = _PRIMITIVES.get(primitive)
    if out is not None:
        return out
    if isinstance(primitive, str) and _TIME_RE.fullmatch(primitive) is not None:
        return np.dtype(primitive)
    msg = (
        f"unrecognized primitive: {primitive!r}; must be one of "
        f"{', '.join(_PRIMITIVES)} or a datetime64/timedelta64 with units "
        "(e.g. 'datetime64[15us]')"
    )
    raise TypeError(msg)


@lru_cache(maxsize=256)
def _dtype_to_primitive_cached(dtype: np.dtype) -> str:
    if dtype.kind in "mM" and dtype == dtype.newbyteorder("="):
        return str(dtype)
    out = _DTYPE_TO_PRIMITIVE.get(dtype)
    if out is None:
        msg = (
            f"unsupported dtype: {dtype!r}; must be one of {', '.join(_PRIMITIVES)} "
            "or a datetime64/timedelta64 with units (e.g. 'datetime64[15us]')"
        )
        raise TypeError(msg)
    return out


def dtype_to_primitive(dtype: Any) -> str:
    """Convert a NumPy dtype (or anything ``np.dtype`` accepts) to its primitive name."""
    return _dtype_to_primitive_cached(np.dtype(dtype))


# ---------------------------------------------------------------------------- parameters

#: the parameters that change the meaning of a type (others are metadata)
TYPE_PARAMETERS = ("__array__", "__list__", "__record__", "__categorical__")

#: ``("__typestr__", name) -> str`` entries consulted when printing (like ``ak.behavior``)
typestr_overrides: dict[Any, str] = {}


def _type_parameters_equal(one: Mapping | None, two: Mapping | None) -> bool:
    one = one or {}
    two = two or {}
    return all(one.get(k) == two.get(k) for k in TYPE_PARAMETERS)


def _all_parameters_equal(one: Mapping | None, two: Mapping | None) -> bool:
    one = one or {}
    two = two or {}
    return all(one.get(k) == two.get(k) for k in set(one) | set(two))


def _parameters_union(left: Mapping | None, right: Mapping | None) -> dict | None:
    out: dict = {}
    for side in (left, right):
        if side:
            for k, v in side.items():
                if v is not None:
                    out[k] = v
    return out or None


def _check_parameters(owner: str, parameters: Any) -> None:
    if parameters is not None and not isinstance(parameters, Mapping):
        msg = f"{owner} 'parameters' must be of type Mapping or None, not {parameters!r}"
        raise TypeError(msg)


def _find_typestr(behavior: Mapping | None, parameters: Mapping | None, key: str) -> str | None:
    if not parameters:
        return None
    name = parameters.get(key)
    if name is None:
        return None
    from jaggy._behavior import find_typestr  # the array's behavior over the global jaggy.behavior

    out = find_typestr(behavior, parameters, key)
    if out is not None:
        return out
    return typestr_overrides.get(("__typestr__", name))


_UNSET: Any = object()
_STDOUT: Any = object()


def _show(text: str, stream: Any) -> str | None:
    if stream is None:
        return text
    (sys.stdout if stream is _STDOUT else stream).write(text + "\n")
    return None


# ---------------------------------------------------------------------------- types


class Type:
    """Base class of all types."""

    _parameters: dict | None
    _str_exclude: tuple[str, ...] = ("__categorical__",)

    if TYPE_CHECKING:  # every subclass has copy(), with its own keyword arguments

        def copy(self, *args: Any, **kwargs: Any) -> Type: ...

    @property
    def parameters(self) -> dict:
        if self._parameters is None:
            self._parameters = {}
        return self._parameters

    def parameter(self, key: str) -> Any:
        if self._parameters is None:
            return None
        return self._parameters.get(key)

    def __str__(self) -> str:
        return "".join(self._str("", True, None))

    def show(self, stream: Any = _STDOUT) -> str | None:
        """Print the multi-line form of this type to ``stream`` (return it if None)."""
        return _show("".join(self._str("", False, None)), stream)

    def _str(self, indent: str, compact: bool, behavior: Mapping | None) -> list[str]:
        raise NotImplementedError

    def _params_str(self) -> str | None:
        if not self._parameters:
            return None
        items = [
            f"{json.dumps(k)}: {json.dumps(v)}"
            for k, v in self._parameters.items()
            if v is not None and k not in self._str_exclude
        ]
        if not items:
            return None
        return "parameters={" + ", ".join(items) + "}"

    def _wrap_categorical(self, out: list[str]) -> list[str]:
        if self.parameter("__categorical__") is not None:
            return ["categorical[type=", *out, "]"]
        return out

    def _repr_params(self) -> list[str]:
        if self._parameters:
            return [f"parameters={self._parameters!r}"]
        return []

    def is_equal_to(self, other: Any, *, all_parameters: bool = False) -> bool:
        """Structural equality; by default only type-defining parameters are compared."""
        return self._equal(other, all_parameters)

    def __eq__(self, other: Any) -> bool:
        return self._equal(other, False)

    def __ne__(self, other: Any) -> bool:
        return not self._equal(other, False)

    __hash__ = None  # type: ignore[assignment]

    def _equal(self, other: Any, all_parameters: bool) -> bool:
        raise NotImplementedError

    def _same_parameters(self, other: Type, all_parameters: bool) -> bool:
        if all_parameters:
            return _all_parameters_equal(self._parameters, other._parameters)
        return _type_parameters_equal(self._parameters, other._parameters)


def _check_content(owner: str, content: Any) -> None:
    if not isinstance(content, Type):
        msg = f"{owner} 'content' must be a Type subclass, not {content!r}"
        raise TypeError(msg)


class UnknownType(Type):
    """The type of an array whose element type is not known (e.g. an empty list)."""

    def __init__(self, *, parameters: Mapping | None = None) -> None:
        _check_parameters("UnknownType", parameters)
        if parameters:
            msg = "UnknownType cannot contain parameters"
            raise TypeError(msg)
        self._parameters = None

    def copy(self, *, parameters: Any = _UNSET) -> UnknownType:
        return UnknownType(parameters=self._parameters if parameters is _UNSET else parameters)

    def _str(self, indent: str, compact: bool, behavior: Mapping | None) -> list[str]:
        params = self._params_str()
        out = ["unknown"] if params is None else ["unknown[", params, "]"]
        return self._wrap_categorical(out)

    def __repr__(self) -> str:
        return f"UnknownType({', '.join(self._repr_params())})"

    def _equal(self, other: Any, all_parameters: bool) -> bool:
        return isinstance(other, UnknownType)


class NumpyType(Type):
    """A fixed-width primitive (number, boolean, date-time)."""

    _str_exclude = ("__categorical__", "__unit__")

    def __init__(self, primitive: str, *, parameters: Mapping | None = None) -> None:
        if not is_primitive(primitive):
            msg = f"NumpyType 'primitive' must be a primitive type name, not {primitive!r}"
            raise TypeError(msg)
        _check_parameters("NumpyType", parameters)
        self._primitive = dtype_to_primitive(primitive_to_dtype(primitive))
        self._parameters = None if parameters is None else dict(parameters)

    @property
    def primitive(self) -> str:
        return self._primitive

    def copy(self, *, primitive: Any = _UNSET, parameters: Any = _UNSET) -> NumpyType:
        return NumpyType(
            self._primitive if primitive is _UNSET else primitive,
            parameters=self._parameters if parameters is _UNSET else parameters,
        )

    def _str(self, indent: str, compact: bool, behavior: Mapping | None) -> list[str]:
        typestr = _find_typestr(behavior, self._parameters, "__list__")
        if typestr is None and self.parameter("__array__") in ("char", "byte"):
            typestr = self.parameter("__array__")
        if typestr is not None:
            return self._wrap_categorical([typestr])
        inside = []
        unit = self.parameter("__unit__")
        if unit is not None:
            text = str(np.dtype(f"M8[{unit}]"))
            inside.append("unit=" + json.dumps(text[text.index("[") + 1 : -1]))
        params = self._params_str()
        if params is not None:
            inside.append(params)
        if not inside:
            return self._wrap_categorical([self._primitive])
        return self._wrap_categorical([self._primitive, "[", ", ".join(inside), "]"])

    def __repr__(self) -> str:
        return f"NumpyType({', '.join([repr(self._primitive), *self._repr_params()])})"

    def _equal(self, other: Any, all_parameters: bool) -> bool:
        return (
            isinstance(other, NumpyType)
            and self._primitive == other._primitive
            and self._same_parameters(other, all_parameters)
        )


def _list_typestr(t: Type, behavior: Mapping | None) -> str | None:
    typestr = _find_typestr(behavior, t._parameters, "__list__")
    if typestr is not None:
        return typestr
    name = t.parameter("__array__")
    if name == "string":
        return "string"
    if name == "bytestring":
        return "bytes"
    return None


class ListType(Type):
    """Variable-length lists: ``var * content``."""

    def __init__(self, content: Type, *, parameters: Mapping | None = None) -> None:
        _check_content("ListType", content)
        _check_parameters("ListType", parameters)
        self._content = content
        self._parameters = None if parameters is None else dict(parameters)

    @property
    def content(self) -> Type:
        return self._content

    def copy(self, *, content: Any = _UNSET, parameters: Any = _UNSET) -> ListType:
        return ListType(
            self._content if content is _UNSET else content,
            parameters=self._parameters if parameters is _UNSET else parameters,
        )

    def _str(self, indent: str, compact: bool, behavior: Mapping | None) -> list[str]:
        typestr = _list_typestr(self, behavior)
        if typestr is not None:
            return self._wrap_categorical([typestr])
        inner = self._content._str(indent, compact, behavior)
        params = self._params_str()
        if params is None:
            return self._wrap_categorical(["var * ", *inner])
        return self._wrap_categorical(["[var * ", *inner, f", {params}]"])

    def __repr__(self) -> str:
        return f"ListType({', '.join([repr(self._content), *self._repr_params()])})"

    def _equal(self, other: Any, all_parameters: bool) -> bool:
        return (
            isinstance(other, ListType)
            and self._same_parameters(other, all_parameters)
            and self._content._equal(other._content, all_parameters)
        )


class RegularType(Type):
    """Fixed-size lists: ``size * content``."""

    def __init__(self, content: Type, size: int | _UnknownLength | None, *,
                 parameters: Mapping | None = None) -> None:
        _check_content("RegularType", content)
        if size is None:
            size = unknown_length
        if not _is_size(size):
            msg = f"RegularType 'size' must be a non-negative int or unknown, not {size!r}"
            raise ValueError(msg)
        _check_parameters("RegularType", parameters)
        self._content = content
        self._size = size if isinstance(size, _UnknownLength) else int(size)
        self._parameters = None if parameters is None else dict(parameters)

    @property
    def content(self) -> Type:
        return self._content

    @property
    def size(self) -> Any:
        return self._size

    def copy(
        self, *, content: Any = _UNSET, size: Any = _UNSET, parameters: Any = _UNSET
    ) -> RegularType:
        return RegularType(
            self._content if content is _UNSET else content,
            self._size if size is _UNSET else size,
            parameters=self._parameters if parameters is _UNSET else parameters,
        )

    def _str(self, indent: str, compact: bool, behavior: Mapping | None) -> list[str]:
        typestr = _list_typestr(self, behavior)
        if typestr is not None:
            return self._wrap_categorical([f"{typestr}[{self._size}]"])
        inner = self._content._str(indent, compact, behavior)
        params = self._params_str()
        if params is None:
            return self._wrap_categorical([f"{self._size} * ", *inner])
        return self._wrap_categorical([f"[{self._size} * ", *inner, f", {params}]"])

    def __repr__(self) -> str:
        args = [repr(self._content), repr(self._size), *self._repr_params()]
        return f"RegularType({', '.join(args)})"

    def _equal(self, other: Any, all_parameters: bool) -> bool:
        return (
            isinstance(other, RegularType)
            and self._same_parameters(other, all_parameters)
            and (
                self._size is unknown_length
                or other._size is unknown_length
                or self._size == other._size
            )
            and self._content._equal(other._content, all_parameters)
        )


_STRINGLIKE = ("string", "bytestring", "char", "byte")


class OptionType(Type):
    """Values that may be missing: ``?content`` or ``option[content]``."""

    def __init__(self, content: Type, *, parameters: Mapping | None = None) -> None:
        _check_content("OptionType", content)
        _check_parameters("OptionType", parameters)
        self._content = content
        self._parameters = None if parameters is None else dict(parameters)

    @property
    def content(self) -> Type:
        return self._content

    def copy(self, *, content: Any = _UNSET, parameters: Any = _UNSET) -> OptionType:
        return OptionType(
            self._content if content is _UNSET else content,
            parameters=self._parameters if parameters is _UNSET else parameters,
        )

    def _str(self, indent: str, compact: bool, behavior: Mapping | None) -> list[str]:
        typestr = _find_typestr(behavior, self._parameters, "__list__")
        if typestr is not None:
            return self._wrap_categorical([typestr])
        inner = self._wrap_categorical(self._content._str(indent, compact, behavior))
        params = self._params_str()
        if params is not None:
            return ["option[", *inner, f", {params}]"]
        if isinstance(self._content, (ListType, RegularType)) and (
            self._content.parameter("__array__") not in _STRINGLIKE
        ):
            return ["option[", *inner, "]"]
        return ["?", *inner]

    def __repr__(self) -> str:
        return f"OptionType({', '.join([repr(self._content), *self._repr_params()])})"

    def simplify_option_union(self) -> Type:
        """Move this option inside a union content: ``?union[a, b] -> union[?a, ?b]``."""
        if not isinstance(self._content, UnionType):
            return self
        contents: list[Type] = []
        for c in self._content.contents:
            if isinstance(c, OptionType):
                params = _parameters_union(self._parameters, c._parameters)
                contents.append(OptionType(c.content, parameters=params))
            else:
                contents.append(OptionType(c, parameters=self._parameters))
        return UnionType(contents, parameters=self._content._parameters)

    def _equal(self, other: Any, all_parameters: bool) -> bool:
        return (
            isinstance(other, OptionType)
            and self._same_parameters(other, all_parameters)
            and self._content._equal(other._content, all_parameters)
        )


def _children(contents: list[Type], indent: str, compact: bool, behavior: Any) -> list[list[str]]:
    out = []
    for i, c in enumerate(contents):
        last = i + 1 == len(contents)
        if compact:
            piece = c._str(indent, True, behavior)
            if not last:
                piece = [*piece, ", "]
        else:
            piece = c._str(indent + "    ", False, behavior)
            if not last:
                piece = [*piece, ",\n", indent, "    "]
        out.append(piece)
    return out


class RecordType(Type):
    """Records with named fields ``{x: ..., y: ...}`` or tuples ``(..., ...)``."""

    _str_exclude = ("__categorical__", "__record__")

    def __init__(
        self,
        contents: Iterable[Type],
        fields: Iterable[str] | None,
        *,
        parameters: Mapping | None = None,
    ) -> None:
        if not isinstance(contents, Iterable):
            msg = f"RecordType 'contents' must be iterable, not {contents!r}"
            raise TypeError(msg)
        contents = list(contents)
        for c in contents:
            if not isinstance(c, Type):
                msg = f"RecordType all 'contents' must be Type subclasses, not {c!r}"
                raise TypeError(msg)
        if fields is not None:
            if isinstance(fields, str) or not isinstance(fields, Iterable):
                msg = f"RecordType 'fields' must be iterable or None, not {fields!r}"
                raise TypeError(msg)
            fields = list(fields)
            if len(fields) != len(contents):
                msg = (
                    f"RecordType 'fields' ({len(fields)}) and 'contents' ({len(contents)}) "
                    "must have the same length"
                )
                raise ValueError(msg)
            for f in fields:
                if not isinstance(f, str):
                    msg = f"RecordType 'fields' must all be str, not {f!r}"
                    raise TypeError(msg)
        _check_parameters("RecordType", parameters)
        self._contents = contents
        self._fields = fields
        self._parameters = None if parameters is None else dict(parameters)

    @property
    def contents(self) -> list[Type]:
        return self._contents

    @property
    def fields(self) -> list[str]:
        if self._fields is None:
            return [str(i) for i in range(len(self._contents))]
        return self._fields

    @property
    def is_tuple(self) -> bool:
        return self._fields is None

    def copy(
        self, *, contents: Any = _UNSET, fields: Any = _UNSET, parameters: Any = _UNSET
    ) -> RecordType:
        return RecordType(
            self._contents if contents is _UNSET else contents,
            self._fields if fields is _UNSET else fields,
            parameters=self._parameters if parameters is _UNSET else parameters,
        )

    def index_to_field(self, index: int) -> str:
        if 0 <= index < len(self._contents):
            return self.fields[index]
        msg = f"no index {index} in record with {len(self._contents)} fields"
        raise IndexError(msg)

    def field_to_index(self, field: str) -> int:
        fields = self.fields
        if field in fields:
            return fields.index(field)
        msg = f"no field {field!r} in record with {len(self._contents)} fields"
        raise KeyError(msg)

    def has_field(self, field: str) -> bool:
        return field in self.fields

    def content(self, index_or_field: int | str) -> Type:
        if isinstance(index_or_field, str):
            return self._contents[self.field_to_index(index_or_field)]
        return self._contents[int(index_or_field)]

    def _str(self, indent: str, compact: bool, behavior: Mapping | None) -> list[str]:
        typestr = _find_typestr(behavior, self._parameters, "__record__")
        if typestr is not None:
            return self._wrap_categorical([typestr])
        pre, post = ("", "") if compact else ("\n" + indent + "    ", "\n" + indent)
        children = _children(self._contents, indent, compact, behavior)
        params = self._params_str()
        name = self.parameter("__record__")
        if name is not None and (
            not isinstance(name, str)
            or _IDENTIFIER.match(name) is None
            or name in _RESERVED_NAMES
            or name in _PRIMITIVES
        ):
            shown = 'parameters={"__record__": ' + json.dumps(name)
            params = shown + "}" if params is None else shown + ", " + params[len("parameters={") :]
            name = None

        if self._fields is None:
            body = [y for x in children for y in x]
        else:
            body = []
            for field, child in zip(self._fields, children, strict=True):
                key = field if _IDENTIFIER.match(field) else json.dumps(field)
                body.extend([key, ": ", *child])

        if params is None:
            if name is not None:
                out = [name, "[", pre, *body, post, "]"]
            elif self._fields is None:
                out = ["(", pre, *body, post, ")"]
            else:
                out = ["{", pre, *body, post, "}"]
        elif name is not None:
            sep = ", " if self._contents else ""
            out = [name, "[", pre, *body, sep, post, params, "]"]
        elif self._fields is None:
            out = ["tuple[[", pre, *body, post, "], ", params, "]"]
        else:
            out = ["struct[{", pre, *body, post, "}, ", params, "]"]
        return self._wrap_categorical(out)

    def __repr__(self) -> str:
        args = [repr(self._contents), repr(self._fields), *self._repr_params()]
        return f"RecordType({', '.join(args)})"

    def _equal(self, other: Any, all_parameters: bool) -> bool:
        if not isinstance(other, RecordType) or not self._same_parameters(other, all_parameters):
            return False
        if len(self._contents) != len(other._contents):
            return False
        if self._fields is None and other._fields is None:
            return all(
                a._equal(b, all_parameters)
                for a, b in zip(self._contents, other._contents, strict=True)
            )
        if self._fields is None or other._fields is None:
            return False
        if set(self._fields) != set(other._fields):
            return False
        lookup = dict(zip(other._fields, other._contents, strict=True))
        return all(
            c._equal(lookup[f], all_parameters)
            for f, c in zip(self._fields, self._contents, strict=True)
        )


class UnionType(Type):
    """Values of one of several types: ``union[a, b]``."""

    def __init__(self, contents: Iterable[Type], *, parameters: Mapping | None = None) -> None:
        if not isinstance(contents, Iterable):
            msg = f"UnionType 'contents' must be iterable, not {contents!r}"
            raise TypeError(msg)
        contents = list(contents)
        for c in contents:
            if not isinstance(c, Type):
                msg = f"UnionType all 'contents' must be Type subclasses, not {c!r}"
                raise TypeError(msg)
        _check_parameters("UnionType", parameters)
        self._contents = contents
        self._parameters = None if parameters is None else dict(parameters)

    @property
    def contents(self) -> list[Type]:
        return self._contents

    def copy(self, *, contents: Any = _UNSET, parameters: Any = _UNSET) -> UnionType:
        return UnionType(
            self._contents if contents is _UNSET else contents,
            parameters=self._parameters if parameters is _UNSET else parameters,
        )

    def _str(self, indent: str, compact: bool, behavior: Mapping | None) -> list[str]:
        typestr = _find_typestr(behavior, self._parameters, "__list__")
        if typestr is not None:
            return self._wrap_categorical([typestr])
        pre, post = ("", "") if compact else ("\n" + indent + "    ", "\n" + indent)
        body = [y for x in _children(self._contents, indent, compact, behavior) for y in x]
        params = self._params_str()
        if params is None:
            out = ["union[", pre, *body, post, "]"]
        else:
            out = ["union[", pre, *body, ", ", post, params, "]"]
        return self._wrap_categorical(out)

    def __repr__(self) -> str:
        return f"UnionType({', '.join([repr(self._contents), *self._repr_params()])})"

    def _equal(self, other: Any, all_parameters: bool) -> bool:
        if not isinstance(other, UnionType) or len(self._contents) != len(other._contents):
            return False
        if not self._same_parameters(other, all_parameters):
            return False
        if len(self._contents) > 8:
            # permutation search is factorial; fall back to a greedy matching
            remaining = list(other._contents)
            for c in self._contents:
                for i, d in enumerate(remaining):
                    if c._equal(d, all_parameters):
                        del remaining[i]
                        break
                else:
                    return False
            return True
        return any(
            all(a._equal(b, all_parameters) for a, b in zip(self._contents, perm, strict=True))
            for perm in permutations(other._contents)
        )


class ArrayType:
    """The type of a high-level Array: its length times the type of its elements."""

    def __init__(self, content: Type, length: Any, behavior: Mapping | None = None) -> None:
        _check_content("ArrayType", content)
        if length is None:
            length = unknown_length
        if not _is_size(length):
            msg = f"ArrayType 'length' must be a non-negative int or unknown, not {length!r}"
            raise ValueError(msg)
        self._content = content
        self._length = length if length is unknown_length else int(length)
        self._behavior = behavior

    @property
    def content(self) -> Type:
        return self._content

    @property
    def length(self) -> Any:
        return self._length

    @property
    def behavior(self) -> Mapping | None:
        return self._behavior

    def _str(self, indent: str, compact: bool) -> list[str]:
        return [f"{self._length} * ", *self._content._str(indent, compact, self._behavior)]

    def __str__(self) -> str:
        return "".join(self._str("", True))

    def show(self, stream: Any = _STDOUT) -> str | None:
        """Print the multi-line form of this type to ``stream`` (return it if None)."""
        return _show("".join(self._str("", False)), stream)

    def __repr__(self) -> str:
        return f"ArrayType({self._content!r}, {self._length!r}, {self._behavior!r})"

    def is_equal_to(self, other: Any, *, all_parameters: bool = False) -> bool:
        return (
            isinstance(other, ArrayType)
            and (
                self._length is unknown_length
                or other._length is unknown_length
                or self._length == other._length
            )
            and self._content._equal(other._content, all_parameters)
        )

    def __eq__(self, other: Any) -> bool:
        return self.is_equal_to(other)

    __hash__ = None  # type: ignore[assignment]


class ScalarType:
    """The type of a high-level Record (or other scalar): just its content type."""

    def __init__(self, content: Type, behavior: Mapping | None = None) -> None:
        _check_content("ScalarType", content)
        self._content = content
        self._behavior = behavior

    @property
    def content(self) -> Type:
        return self._content

    @property
    def behavior(self) -> Mapping | None:
        return self._behavior

    def _str(self, indent: str, compact: bool) -> list[str]:
        return self._content._str(indent, compact, self._behavior)

    def __str__(self) -> str:
        return "".join(self._str("", True))

    def show(self, stream: Any = _STDOUT) -> str | None:
        """Print the multi-line form of this type to ``stream`` (return it if None)."""
        return _show("".join(self._str("", False)), stream)

    def __repr__(self) -> str:
        return f"ScalarType({self._content!r}, {self._behavior!r})"

    def is_equal_to(self, other: Any, *, all_parameters: bool = False) -> bool:
        return isinstance(other, ScalarType) and self._content._equal(
            other._content, all_parameters
        )

    def __eq__(self, other: Any) -> bool:
        return self.is_equal_to(other)

    __hash__ = None  # type: ignore[assignment]


def from_datashape(datashape: str, highlevel: bool = True) -> Type | ArrayType | ScalarType:
    """Parse a type string (the output of ``str(type)``) back into a type.

    With ``highlevel=True`` a leading ``N * `` gives an ArrayType and a record gives a
    ScalarType; with ``highlevel=False`` the low-level type is returned.
    """
    from jaggy._typeparser import parse_type

    out = parse_type(datashape)
    if not highlevel:
        return out
    if isinstance(out, RegularType):
        return ArrayType(out.content, out.size)
    if isinstance(out, RecordType):
        return ScalarType(out)
    msg = f"type {type(out).__name__!r} is not compatible with highlevel=True"
    raise ValueError(msg)
