"""Forms: the structure of a layout without its buffers, serialisable as Awkward Form JSON.

Each layout node class has a Form class with the same structure (its index types,
children, parameters and ``form_key``). ``to_dict``/``to_json``/``from_dict``/
``from_json`` use exactly Awkward Array 2.x's Form JSON.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import permutations
from typing import Any

import numpy as np

from jaggy import types as _t
from jaggy.types import dtype_to_primitive, primitive_to_dtype, unknown_length

__all__ = [
    "BitMaskedForm",
    "ByteMaskedForm",
    "EmptyForm",
    "Form",
    "IndexedForm",
    "IndexedOptionForm",
    "ListForm",
    "ListOffsetForm",
    "NumpyForm",
    "RecordForm",
    "RegularForm",
    "UnionForm",
    "UnmaskedForm",
    "dtype_to_primitive",
    "from_dict",
    "from_dtype",
    "from_json",
    "from_type",
    "index_to_dtype",
    "primitive_to_dtype",
    "reserved_nominal_parameters",
    "unknown_length",
]

#: ``(key, value)`` parameter pairs that give a node a special meaning
reserved_nominal_parameters = frozenset(
    {
        ("__array__", "string"),
        ("__array__", "bytestring"),
        ("__array__", "char"),
        ("__array__", "byte"),
        ("__array__", "sorted_map"),
        ("__array__", "categorical"),
    }
)

#: Index type codes used in Form JSON and their dtypes
index_to_dtype: dict[str, np.dtype] = {
    "i8": np.dtype(np.int8),
    "u8": np.dtype(np.uint8),
    "i32": np.dtype(np.int32),
    "u32": np.dtype(np.uint32),
    "i64": np.dtype(np.int64),
}

_LIST_INDEX = ("i32", "u32", "i64")
_UNSET: Any = object()


def _check_index(owner: str, name: str, value: Any, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str):
        msg = f"{owner} {name!r} must be of type str, not {value!r}"
        raise TypeError(msg)
    if value not in allowed:
        msg = f"{owner} {name!r} must be one of {', '.join(allowed)}, not {value!r}"
        raise ValueError(msg)
    return value


def _check_form(owner: str, value: Any) -> Form:
    if not isinstance(value, Form):
        msg = f"{owner} 'content' must be a Form subclass, not {value!r}"
        raise TypeError(msg)
    return value


def _check_forms(owner: str, values: Any) -> list[Form]:
    if isinstance(values, (str, Mapping)) or not isinstance(values, Iterable):
        msg = f"{owner} 'contents' must be an iterable of Forms, not {values!r}"
        raise TypeError(msg)
    out = list(values)
    for x in out:
        if not isinstance(x, Form):
            msg = f"{owner} all 'contents' must be Form subclasses, not {x!r}"
            raise TypeError(msg)
    return out


def _check_bool(owner: str, name: str, value: Any) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        msg = f"{owner} {name!r} must be bool, not {value!r}"
        raise TypeError(msg)
    return bool(value)


def _check_size(owner: str, name: str, value: Any) -> Any:
    if value is None or value is unknown_length:
        return unknown_length
    if (
        isinstance(value, (int, np.integer))
        and not isinstance(value, (bool, np.bool_))
        and value >= 0
    ):
        return int(value)
    msg = f"{owner} {name!r} must be a non-negative int or None, not {value!r}"
    raise TypeError(msg)


def _json_size(value: Any) -> int | None:
    return None if value is unknown_length else value


def _parameters_union(left: Mapping | None, right: Mapping | None) -> dict | None:
    out: dict = {}
    for side in (left, right):
        if side:
            out.update((k, v) for k, v in side.items() if v is not None)
    return out or None


class Form:
    """Base class of all forms.

    Subclasses declare ``_class`` (the JSON class name), ``_args`` (constructor
    arguments before the keywords, in order) and ``_keys`` (JSON keys between
    ``"class"`` and ``"parameters"``, in order); serialisation, ``copy``, ``repr`` and
    equality are driven by these tables.
    """

    _class: str = ""
    _args: tuple[str, ...] = ()
    _keys: tuple[str, ...] = ()
    _parameters: dict | None
    _form_key: str | None

    is_numpy = False
    is_unknown = False
    is_list = False
    is_regular = False
    is_option = False
    is_indexed = False
    is_record = False
    is_union = False
    is_unmasked = False
    is_leaf = False
    is_identity_like = False

    def _init(self, parameters: Any, form_key: Any) -> None:
        name = type(self).__name__
        if parameters is not None and not isinstance(parameters, Mapping):
            msg = f"{name} 'parameters' must be of type dict or None, not {parameters!r}"
            raise TypeError(msg)
        if form_key is not None and not isinstance(form_key, str):
            msg = f"{name} 'form_key' must be of type string or None, not {form_key!r}"
            raise TypeError(msg)
        self._parameters = None if parameters is None else dict(parameters)
        self._form_key = form_key

    # ---------------------------------------------------------------- parameters, key

    @property
    def parameters(self) -> dict:
        if self._parameters is None:
            self._parameters = {}
        return self._parameters

    def parameter(self, key: str) -> Any:
        if self._parameters is None:
            return None
        return self._parameters.get(key)

    def purelist_parameter(self, key: str) -> Any:
        """The outermost value of ``key`` through nested lists, stopping at records."""
        return self.purelist_parameters(key)

    def purelist_parameters(self, *keys: str) -> Any:
        if self._parameters is not None:
            for key in keys:
                if key in self._parameters:
                    return self._parameters[key]
        return self._purelist_parameters_below(keys)

    def _purelist_parameters_below(self, keys: tuple[str, ...]) -> Any:
        return None

    @property
    def form_key(self) -> str | None:
        return self._form_key

    @form_key.setter
    def form_key(self, value: str | None) -> None:
        if value is not None and not isinstance(value, str):
            msg = "form_key must be None or a string"
            raise TypeError(msg)
        self._form_key = value

    # ---------------------------------------------------------------- serialisation

    def to_dict(self, verbose: bool = True) -> dict:
        """The Form as Awkward Form JSON data (``verbose=False`` omits defaults)."""
        return self._to_dict(verbose, True)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(verbose=True))

    def _to_dict(self, verbose: bool, toplevel: bool) -> Any:
        out: dict[str, Any] = {"class": self._class}
        for key in self._keys:
            value = getattr(self, "_" + key)
            if key == "content":
                value = value._to_dict(verbose, False)
            elif key == "contents":
                value = [c._to_dict(verbose, False) for c in value]
            elif key == "size":
                value = _json_size(value)
            elif key == "fields" and value is not None:
                value = list(value)
            out[key] = value
        if verbose or self._parameters:
            out["parameters"] = self.parameters
        if verbose or self._form_key is not None:
            out["form_key"] = self._form_key
        return out

    def __str__(self) -> str:
        return json.dumps(self.to_dict(verbose=False), indent=4)

    def __repr__(self) -> str:
        args = [repr(getattr(self, "_" + a)) for a in self._args]
        if self._parameters:
            args.append(f"parameters={self._parameters!r}")
        if self._form_key is not None:
            args.append(f"form_key={self._form_key!r}")
        return f"{type(self).__name__}({', '.join(args)})"

    def copy(self, **kwargs: Any) -> Form:
        """A new form of the same class with some constructor arguments replaced."""
        names = (*self._args, "parameters", "form_key")
        for name in kwargs:
            if name not in names:
                msg = f"{type(self).__name__}.copy() got an unexpected argument {name!r}"
                raise TypeError(msg)
        values = {n: kwargs[n] if n in kwargs else getattr(self, "_" + n) for n in names}
        return type(self)(
            *[values[a] for a in self._args],
            parameters=values["parameters"],
            form_key=values["form_key"],
        )

    # ---------------------------------------------------------------- equality

    def is_equal_to(
        self, other: Any, *, all_parameters: bool = False, form_key: bool = False
    ) -> bool:
        """Structural equality; by default only type-defining parameters are compared
        and ``form_key`` is ignored."""
        return self._equal(other, all_parameters, form_key)

    def __eq__(self, other: Any) -> bool:
        return self._equal(other, False, False)

    def __ne__(self, other: Any) -> bool:
        return not self._equal(other, False, False)

    __hash__ = None  # type: ignore[assignment]

    def _equal(self, other: Any, all_parameters: bool, form_key: bool) -> bool:
        if type(other) is not type(self):
            return False
        if form_key and self._form_key != other._form_key:
            return False
        one, two = self._parameters or {}, other._parameters or {}
        keys = set(one) | set(two) if all_parameters else _t.TYPE_PARAMETERS
        if any(one.get(k) != two.get(k) for k in keys):
            return False
        for key in self._args:
            mine, theirs = getattr(self, "_" + key), getattr(other, "_" + key)
            if key == "content":
                if not mine._equal(theirs, all_parameters, form_key):
                    return False
            elif key in ("size", "inner_shape", "contents", "fields"):
                continue  # compared by the subclass
            elif mine != theirs:
                return False
        return self._equal_more(other, all_parameters, form_key)

    def _equal_more(self, other: Any, all_parameters: bool, form_key: bool) -> bool:
        return True

    # ---------------------------------------------------------------- structure

    @property
    def type(self) -> _t.Type:
        raise NotImplementedError

    @property
    def purelist_depth(self) -> int:
        raise NotImplementedError

    @property
    def purelist_isregular(self) -> bool:
        raise NotImplementedError

    @property
    def minmax_depth(self) -> tuple[int, int]:
        raise NotImplementedError

    @property
    def branch_depth(self) -> tuple[bool, int]:
        raise NotImplementedError

    @property
    def fields(self) -> list[str]:
        return []

    @property
    def is_tuple(self) -> bool:
        return False

    @property
    def dimension_optiontype(self) -> bool:
        return False

    def columns(self, list_indicator: str | None = None, column_prefix: tuple = ()) -> list[str]:
        """Dotted paths of the leaf columns (``list_indicator`` marks list levels)."""
        out: list[str] = []
        self._columns(tuple(column_prefix), out, list_indicator)
        return out

    def _columns(self, path: tuple, out: list[str], list_indicator: str | None) -> None:
        out.append(".".join(path))


# ================================================================= leaves


class EmptyForm(Form):
    """Form of an EmptyArray: no elements and no known type."""

    _class = "EmptyArray"
    is_unknown = True
    is_leaf = True
    purelist_depth = 1
    purelist_isregular = True
    minmax_depth = (1, 1)
    branch_depth = (False, 1)

    def __init__(self, *, parameters: Mapping | None = None, form_key: str | None = None):
        if parameters:
            msg = "EmptyForm cannot contain parameters"
            raise TypeError(msg)
        self._init(parameters, form_key)

    @property
    def type(self) -> _t.Type:
        return _t.UnknownType(parameters=self._parameters)

    def to_NumpyForm(self, dtype: Any = np.float64) -> NumpyForm:
        return NumpyForm(dtype_to_primitive(dtype), form_key=self._form_key)


class NumpyForm(Form):
    """Form of a NumpyArray: a contiguous buffer of one primitive type."""

    _class = "NumpyArray"
    _args = ("primitive", "inner_shape")
    _keys = ("primitive", "inner_shape")
    is_numpy = True
    is_leaf = True
    purelist_isregular = True

    def __init__(
        self,
        primitive: str,
        inner_shape: Iterable[int | None] = (),
        *,
        parameters: Mapping | None = None,
        form_key: str | None = None,
    ):
        if not _t.is_primitive(primitive):
            msg = (
                "NumpyForm 'primitive' must be a primitive type name such as 'int64' or "
                f"'datetime64[s]', not {primitive!r}"
            )
            raise TypeError(msg)
        if isinstance(inner_shape, str) or not isinstance(inner_shape, Iterable):
            msg = f"NumpyForm 'inner_shape' must be iterable, not {inner_shape!r}"
            raise TypeError(msg)
        self._primitive = dtype_to_primitive(primitive_to_dtype(primitive))
        self._inner_shape = tuple(_check_size("NumpyForm", "inner_shape", x) for x in inner_shape)
        self._init(parameters, form_key)

    @property
    def primitive(self) -> str:
        return self._primitive

    @property
    def inner_shape(self) -> tuple:
        return self._inner_shape

    @property
    def dtype(self) -> np.dtype:
        return primitive_to_dtype(self._primitive)

    @property
    def itemsize(self) -> int:
        return self.dtype.itemsize

    def _to_dict(self, verbose: bool, toplevel: bool) -> Any:
        if verbose or toplevel or self._inner_shape or self._parameters or self._form_key:
            out = super()._to_dict(verbose, toplevel)
            out["inner_shape"] = [_json_size(x) for x in self._inner_shape]
            if not verbose and not self._inner_shape:
                del out["inner_shape"]
            return out
        return self._primitive

    def __repr__(self) -> str:
        out = super().__repr__()
        shape = repr(self._inner_shape)
        if self._inner_shape:
            return out.replace(", " + shape, ", inner_shape=" + shape, 1)
        return out.replace(", " + shape, "", 1)

    def _equal_more(self, other: Any, all_parameters: bool, form_key: bool) -> bool:
        return len(self._inner_shape) == len(other._inner_shape) and all(
            x is unknown_length or y is unknown_length or x == y
            for x, y in zip(self._inner_shape, other._inner_shape, strict=True)
        )

    @property
    def type(self) -> _t.Type:
        out: _t.Type = _t.NumpyType(self._primitive)
        for size in reversed(self._inner_shape):
            out = _t.RegularType(out, size)
        out._parameters = None if self._parameters is None else dict(self._parameters)
        return out

    def to_RegularForm(self) -> Form:
        """This form with its inner dimensions as RegularForms."""
        out: Form = NumpyForm(self._primitive)
        for size in reversed(self._inner_shape):
            out = RegularForm(out, size)
        return out.copy(parameters=self._parameters, form_key=self._form_key)

    @property
    def purelist_depth(self) -> int:  # type: ignore[override]
        return 1 + len(self._inner_shape)

    @property
    def minmax_depth(self) -> tuple[int, int]:  # type: ignore[override]
        return (1 + len(self._inner_shape), 1 + len(self._inner_shape))

    @property
    def branch_depth(self) -> tuple[bool, int]:  # type: ignore[override]
        return (False, 1 + len(self._inner_shape))


def from_dtype(dtype: Any, parameters: Mapping | None = None) -> NumpyForm:
    """NumpyForm for a NumPy dtype; a subarray dtype gives an ``inner_shape``."""
    dtype = np.dtype(dtype)
    if dtype.subdtype is None:
        return NumpyForm(dtype_to_primitive(dtype), parameters=parameters)
    base, shape = dtype.subdtype
    return NumpyForm(dtype_to_primitive(base), shape, parameters=parameters)


# ================================================================= one content


class _OneContent(Form):
    _content: Form

    @property
    def content(self) -> Form:
        return self._content

    @property
    def fields(self) -> list[str]:
        return self._content.fields

    @property
    def is_tuple(self) -> bool:
        return self._content.is_tuple

    def _purelist_parameters_below(self, keys: tuple[str, ...]) -> Any:
        return self._content.purelist_parameters(*keys)


class _ListLike(_OneContent):
    is_list = True
    purelist_isregular = False

    @property
    def type(self) -> _t.Type:
        return _t.ListType(self._content.type, parameters=self._parameters)

    @property
    def _is_string(self) -> bool:
        return self.parameter("__array__") in ("string", "bytestring")

    @property
    def purelist_depth(self) -> int:  # type: ignore[override]
        return 1 if self._is_string else self._content.purelist_depth + 1

    @property
    def minmax_depth(self) -> tuple[int, int]:  # type: ignore[override]
        if self._is_string:
            return (1, 1)
        lo, hi = self._content.minmax_depth
        return (lo + 1, hi + 1)

    @property
    def branch_depth(self) -> tuple[bool, int]:  # type: ignore[override]
        if self._is_string:
            return (False, 1)
        branch, depth = self._content.branch_depth
        return (branch, depth + 1)

    def _columns(self, path: tuple, out: list[str], list_indicator: str | None) -> None:
        if list_indicator is not None and not self._is_string:
            path = (*path, list_indicator)
        self._content._columns(path, out, list_indicator)


class RegularForm(_ListLike):
    """Form of a RegularArray: lists of one fixed ``size``."""

    _class = "RegularArray"
    _args = ("content", "size")
    _keys = ("size", "content")
    is_regular = True

    def __init__(
        self,
        content: Form,
        size: int | None,
        *,
        parameters: Mapping | None = None,
        form_key: str | None = None,
    ):
        self._content = _check_form("RegularForm", content)
        self._size = _check_size("RegularForm", "size", size)
        self._init(parameters, form_key)

    @property
    def size(self) -> Any:
        return self._size

    def _equal_more(self, other: Any, all_parameters: bool, form_key: bool) -> bool:
        return (
            self._size is unknown_length
            or other._size is unknown_length
            or (self._size == other._size)
        )

    @property
    def type(self) -> _t.Type:
        return _t.RegularType(self._content.type, self._size, parameters=self._parameters)

    @property
    def purelist_isregular(self) -> bool:  # type: ignore[override]
        return self._content.purelist_isregular


class ListForm(_ListLike):
    """Form of a ListArray: lists given by separate ``starts`` and ``stops``."""

    _class = "ListArray"
    _args = _keys = ("starts", "stops", "content")

    def __init__(
        self,
        starts: str,
        stops: str,
        content: Form,
        *,
        parameters: Mapping | None = None,
        form_key: str | None = None,
    ):
        self._starts = _check_index("ListForm", "starts", starts, _LIST_INDEX)
        self._stops = _check_index("ListForm", "stops", stops, _LIST_INDEX)
        self._content = _check_form("ListForm", content)
        self._init(parameters, form_key)

    @property
    def starts(self) -> str:
        return self._starts

    @property
    def stops(self) -> str:
        return self._stops


class ListOffsetForm(_ListLike):
    """Form of a ListOffsetArray: lists given by one ``offsets`` buffer."""

    _class = "ListOffsetArray"
    _args = _keys = ("offsets", "content")

    def __init__(
        self,
        offsets: str,
        content: Form,
        *,
        parameters: Mapping | None = None,
        form_key: str | None = None,
    ):
        self._offsets = _check_index("ListOffsetForm", "offsets", offsets, _LIST_INDEX)
        self._content = _check_form("ListOffsetForm", content)
        self._init(parameters, form_key)

    @property
    def offsets(self) -> str:
        return self._offsets


class _Wrapper(_OneContent):
    """Indexed and option forms: same depth and fields as their content."""

    @property
    def purelist_depth(self) -> int:  # type: ignore[override]
        return self._content.purelist_depth

    @property
    def purelist_isregular(self) -> bool:  # type: ignore[override]
        return self._content.purelist_isregular

    @property
    def minmax_depth(self) -> tuple[int, int]:  # type: ignore[override]
        return self._content.minmax_depth

    @property
    def branch_depth(self) -> tuple[bool, int]:  # type: ignore[override]
        return self._content.branch_depth

    @property
    def dimension_optiontype(self) -> bool:
        return self.is_option  # an IndexedForm says False, like Awkward's

    def _columns(self, path: tuple, out: list[str], list_indicator: str | None) -> None:
        self._content._columns(path, out, list_indicator)

    @property
    def type(self) -> _t.Type:
        return self._option_type(self._parameters)

    def _option_type(self, parameters: Mapping | None) -> _t.Type:
        return _t.OptionType(self._content.type, parameters=parameters).simplify_option_union()


class IndexedForm(_Wrapper):
    """Form of an IndexedArray: a lazy gather (``content[index]``)."""

    _class = "IndexedArray"
    _args = _keys = ("index", "content")
    is_indexed = True

    def __init__(
        self,
        index: str,
        content: Form,
        *,
        parameters: Mapping | None = None,
        form_key: str | None = None,
    ):
        self._index = _check_index("IndexedForm", "index", index, _LIST_INDEX)
        self._content = _check_form("IndexedForm", content)
        self._init(parameters, form_key)

    @property
    def index(self) -> str:
        return self._index

    @property
    def type(self) -> _t.Type:
        out = self._content.type
        if self._parameters is None:
            return out
        params: dict | None
        if out._parameters is None:
            params = dict(self._parameters)
        else:
            params = _parameters_union(out._parameters, self._parameters)
        if params is not None and self._parameters.get("__array__") == "categorical":
            inner = self._content.parameter("__array__")
            if inner is None:
                params.pop("__array__", None)
            else:
                params["__array__"] = inner
            params["__categorical__"] = True
        out._parameters = params  # out is freshly built: set in place (UnknownType too)
        return out


class IndexedOptionForm(_Wrapper):
    """Form of an IndexedOptionArray: a gather where negative indexes mean None."""

    _class = "IndexedOptionArray"
    _args = _keys = ("index", "content")
    is_indexed = True
    is_option = True

    def __init__(
        self,
        index: str,
        content: Form,
        *,
        parameters: Mapping | None = None,
        form_key: str | None = None,
    ):
        self._index = _check_index("IndexedOptionForm", "index", index, ("i32", "i64"))
        self._content = _check_form("IndexedOptionForm", content)
        self._init(parameters, form_key)

    @property
    def index(self) -> str:
        return self._index

    @property
    def type(self) -> _t.Type:
        params = self._parameters
        if self.parameter("__array__") == "categorical":
            params = {k: v for k, v in self._parameters.items() if k != "__array__"}
            params["__categorical__"] = True
        return self._option_type(params)


class ByteMaskedForm(_Wrapper):
    """Form of a ByteMaskedArray: one mask byte per element."""

    _class = "ByteMaskedArray"
    _args = ("mask", "content", "valid_when")
    _keys = ("mask", "valid_when", "content")
    is_option = True

    def __init__(
        self,
        mask: str,
        content: Form,
        valid_when: bool,
        *,
        parameters: Mapping | None = None,
        form_key: str | None = None,
    ):
        self._mask = _check_index("ByteMaskedForm", "mask", mask, ("i8",))
        self._content = _check_form("ByteMaskedForm", content)
        self._valid_when = _check_bool("ByteMaskedForm", "valid_when", valid_when)
        self._init(parameters, form_key)

    @property
    def mask(self) -> str:
        return self._mask

    @property
    def valid_when(self) -> bool:
        return self._valid_when


class BitMaskedForm(_Wrapper):
    """Form of a BitMaskedArray: one mask bit per element."""

    _class = "BitMaskedArray"
    _args = ("mask", "content", "valid_when", "lsb_order")
    _keys = ("mask", "valid_when", "lsb_order", "content")
    is_option = True

    def __init__(
        self,
        mask: str,
        content: Form,
        valid_when: bool,
        lsb_order: bool,
        *,
        parameters: Mapping | None = None,
        form_key: str | None = None,
    ):
        self._mask = _check_index("BitMaskedForm", "mask", mask, ("u8",))
        self._content = _check_form("BitMaskedForm", content)
        self._valid_when = _check_bool("BitMaskedForm", "valid_when", valid_when)
        self._lsb_order = _check_bool("BitMaskedForm", "lsb_order", lsb_order)
        self._init(parameters, form_key)

    @property
    def mask(self) -> str:
        return self._mask

    @property
    def valid_when(self) -> bool:
        return self._valid_when

    @property
    def lsb_order(self) -> bool:
        return self._lsb_order


class UnmaskedForm(_Wrapper):
    """Form of an UnmaskedArray: an option type with no missing values."""

    _class = "UnmaskedArray"
    _args = _keys = ("content",)
    is_option = True
    is_unmasked = True

    def __init__(
        self, content: Form, *, parameters: Mapping | None = None, form_key: str | None = None
    ):
        self._content = _check_form("UnmaskedForm", content)
        self._init(parameters, form_key)


# ================================================================= several contents


class _Branching(Form):
    _contents: list[Form]

    @property
    def contents(self) -> list[Form]:
        return self._contents

    @property
    def minmax_depth(self) -> tuple[int, int]:  # type: ignore[override]
        if not self._contents:
            return (1, 1) if self.is_record else (0, 0)
        depths = [c.minmax_depth for c in self._contents]
        return (min(d[0] for d in depths), max(d[1] for d in depths))

    @property
    def branch_depth(self) -> tuple[bool, int]:  # type: ignore[override]
        branch = False
        depth: int | None = None
        for c in self._contents:
            b, d = c.branch_depth
            if depth is None:
                depth = d
            if b or d != depth:
                branch = True
            depth = min(depth, d)
        return (branch, 1 if depth is None else depth)


class RecordForm(_Branching):
    """Form of a RecordArray: named ``fields`` (or a tuple if ``fields`` is None)."""

    _class = "RecordArray"
    _args = ("contents", "fields")
    _keys = ("fields", "contents")
    is_record = True
    purelist_depth = 1
    purelist_isregular = True

    def __init__(
        self,
        contents: Iterable[Form],
        fields: Iterable[str] | None,
        *,
        parameters: Mapping | None = None,
        form_key: str | None = None,
    ):
        self._contents = _check_forms("RecordForm", contents)
        if fields is not None:
            if isinstance(fields, str) or not isinstance(fields, Iterable):
                msg = f"RecordForm 'fields' must be an iterable of str or None, not {fields!r}"
                raise TypeError(msg)
            fields = list(fields)
            for f in fields:
                if not isinstance(f, str):
                    msg = f"RecordForm 'fields' must all be str, not {f!r}"
                    raise TypeError(msg)
            if len(fields) != len(self._contents):
                msg = (
                    "RecordForm 'fields' and 'contents' must have the same length, "
                    f"not {len(fields)} and {len(self._contents)}"
                )
                raise ValueError(msg)
        self._fields = fields
        self._init(parameters, form_key)

    @property
    def fields(self) -> list[str]:
        if self._fields is None:
            return [str(i) for i in range(len(self._contents))]
        return self._fields

    @property
    def is_tuple(self) -> bool:
        return self._fields is None

    @property
    def is_leaf(self) -> bool:  # type: ignore[override]
        return len(self._contents) == 0

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

    def content(self, index_or_field: int | str) -> Form:
        if isinstance(index_or_field, str):
            return self._contents[self.field_to_index(index_or_field)]
        return self._contents[int(index_or_field)]

    def _equal_more(self, other: Any, all_parameters: bool, form_key: bool) -> bool:
        if self.is_tuple != other.is_tuple or len(self._contents) != len(other._contents):
            return False
        if set(self.fields) != set(other.fields):
            return False
        lookup = dict(zip(other.fields, other._contents, strict=True))
        return all(
            c._equal(lookup[f], all_parameters, form_key)
            for f, c in zip(self.fields, self._contents, strict=True)
        )

    @property
    def type(self) -> _t.Type:
        return _t.RecordType(
            [c.type for c in self._contents], self._fields, parameters=self._parameters
        )

    def _columns(self, path: tuple, out: list[str], list_indicator: str | None) -> None:
        for field, c in zip(self.fields, self._contents, strict=True):
            c._columns((*path, field), out, list_indicator)


class UnionForm(_Branching):
    """Form of a UnionArray: each element comes from one of several ``contents``."""

    _class = "UnionArray"
    _args = _keys = ("tags", "index", "contents")
    is_union = True

    def __init__(
        self,
        tags: str,
        index: str,
        contents: Iterable[Form],
        *,
        parameters: Mapping | None = None,
        form_key: str | None = None,
    ):
        self._tags = _check_index("UnionForm", "tags", tags, ("i8",))
        self._index = _check_index("UnionForm", "index", index, _LIST_INDEX)
        self._contents = _check_forms("UnionForm", contents)
        self._init(parameters, form_key)

    @property
    def tags(self) -> str:
        return self._tags

    @property
    def index(self) -> str:
        return self._index

    def content(self, index: int) -> Form:
        return self._contents[index]

    def _equal_more(self, other: Any, all_parameters: bool, form_key: bool) -> bool:
        if len(self._contents) != len(other._contents):
            return False
        return any(
            all(
                a._equal(b, all_parameters, form_key)
                for a, b in zip(self._contents, perm, strict=True)
            )
            for perm in permutations(other._contents)
        )

    @property
    def type(self) -> _t.Type:
        return _t.UnionType([c.type for c in self._contents], parameters=self._parameters)

    def _purelist_parameters_below(self, keys: tuple[str, ...]) -> Any:
        for key in keys:
            values = [c.purelist_parameter(key) for c in self._contents]
            if values and values[0] is not None and all(v == values[0] for v in values):
                return values[0]
        return None

    @property
    def purelist_depth(self) -> int:  # type: ignore[override]
        depths = {c.purelist_depth for c in self._contents}
        return depths.pop() if len(depths) == 1 else -1

    @property
    def purelist_isregular(self) -> bool:  # type: ignore[override]
        return all(c.purelist_isregular for c in self._contents)

    @property
    def fields(self) -> list[str]:
        counts = Counter(f for c in self._contents for f in c.fields)
        return [f for f, n in counts.items() if n == len(self._contents)]

    @property
    def is_tuple(self) -> bool:
        return len(self._contents) > 0 and all(c.is_tuple for c in self._contents)

    @property
    def dimension_optiontype(self) -> bool:
        return any(c.dimension_optiontype for c in self._contents)

    def _columns(self, path: tuple, out: list[str], list_indicator: str | None) -> None:
        seen: list[str] = []
        for c in self._contents:
            c._columns(path, seen, list_indicator)
        out.extend(dict.fromkeys(seen))


# ================================================================= constructors

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
