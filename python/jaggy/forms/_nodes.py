"""The twelve Form classes (one per layout node class) and from_dtype."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import permutations
from typing import Any

import numpy as np

from jaggy import types as _t
from jaggy.forms._base import (
    _LIST_INDEX,
    Form,
    _check_bool,
    _check_form,
    _check_forms,
    _check_index,
    _check_size,
    _json_size,
    _parameters_union,
)
from jaggy.types import dtype_to_primitive, primitive_to_dtype, unknown_length


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
    def purelist_depth(self) -> int:
        return 1 + len(self._inner_shape)

    @property
    def minmax_depth(self) -> tuple[int, int]:
        return (1 + len(self._inner_shape), 1 + len(self._inner_shape))

    @property
    def branch_depth(self) -> tuple[bool, int]:
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
    def purelist_depth(self) -> int:
        return 1 if self._is_string else self._content.purelist_depth + 1

    @property
    def minmax_depth(self) -> tuple[int, int]:
        if self._is_string:
            return (1, 1)
        lo, hi = self._content.minmax_depth
        return (lo + 1, hi + 1)

    @property
    def branch_depth(self) -> tuple[bool, int]:
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
    def purelist_depth(self) -> int:
        return self._content.purelist_depth

    @property
    def purelist_isregular(self) -> bool:
        return self._content.purelist_isregular

    @property
    def minmax_depth(self) -> tuple[int, int]:
        return self._content.minmax_depth

    @property
    def branch_depth(self) -> tuple[bool, int]:
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
            assert self._parameters is not None  # it has a parameter
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
    def minmax_depth(self) -> tuple[int, int]:
        if not self._contents:
            return (1, 1) if self.is_record else (0, 0)
        depths = [c.minmax_depth for c in self._contents]
        return (min(d[0] for d in depths), max(d[1] for d in depths))

    @property
    def branch_depth(self) -> tuple[bool, int]:
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
    def purelist_depth(self) -> int:
        depths = {c.purelist_depth for c in self._contents}
        return depths.pop() if len(depths) == 1 else -1

    @property
    def purelist_isregular(self) -> bool:
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
