"""Form base class, the Form JSON index names and argument checks shared by every Form."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from jaggy import types as _t
from jaggy.types import unknown_length

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

    if TYPE_CHECKING:  # each subclass has its own constructor

        def __init__(self, *args: Any, **kwargs: Any) -> None: ...

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


