"""jaggy.Array and jaggy.Record: the user-facing wrappers around a layout.

The classes hold a layout node (``.layout``) plus ``behavior`` and ``attrs``; everything they do is
delegated to the layout and to the functions in ``jaggy.operations``. They deliberately have few
public methods, so that record fields own the attribute namespace (``array.x``).
"""

from __future__ import annotations

import keyword
from collections.abc import Iterator, Mapping
from typing import Any, SupportsIndex

import numpy as _np
from numpy.lib.mixins import NDArrayOperatorsMixin

import jaggy
from jaggy import _behavior, _ext
from jaggy._builder_layout import layout_from_builder
from jaggy._small_lists import small_lists_of_floats
from jaggy.errors import FieldNotFoundError
from jaggy.layout import Content, ListOffsetArray, NumpyArray, RecordArray
from jaggy.record import Record as LayoutRecord

_STRING_LEAF = {"char": "utf-8", "byte": None}


def wrap(result: Any, behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """A layout-level result as a user-level one: Array, Record, str, bytes or a scalar.

    The class is Array/Record unless a behavior names a subclass for the layout's
    ``__list__`` / ``__record__`` parameter (see ``jaggy._behavior``)."""
    if isinstance(result, Content):
        if result.is_numpy and result._parameters:
            kind = result._parameters.get("__array__")
            if kind in _STRING_LEAF:
                raw = bytes(result.backend.to_host(result.data).tobytes())
                return raw.decode("utf-8", errors="surrogateescape") if kind == "char" else raw
        if not behavior and not jaggy.behavior:
            return _new(Array, result, behavior, attrs)
        cls = _behavior.array_class(result, behavior)
        if cls is Array:  # the common case: no conversion or checks needed for a layout
            return _new(Array, result, behavior, attrs)
        return cls(result, behavior=behavior, attrs=attrs)
    if isinstance(result, LayoutRecord):
        cls = _behavior.record_class(result, behavior)
        if cls is Record:
            return _new(Record, result, behavior, attrs)
        return cls(result, behavior=behavior, attrs=attrs)
    return result


def _result(layout: Content, behavior: Mapping | None, attrs: Mapping | None) -> Any:
    """``wrap(layout, behavior, attrs)`` for a layout made by jaggy that is not a string leaf (a
    character or byte NumpyArray); the Array is made directly when no behavior is in play."""
    if behavior or jaggy.behavior:
        return wrap(layout, behavior, attrs)
    out: Any = _new_object(Array)
    d = out.__dict__
    d["_layout"] = layout
    d["_behavior"] = behavior
    d["_attrs"] = dict(attrs) if attrs else None
    return out


def _result_for(out: Content, highlevel: bool, array: Any, behavior: Mapping | None,
                attrs: Mapping | None) -> Any:
    """The fast paths' ending: ``out`` as is, or wrapped with ``array``'s behavior and attrs unless
    the call gave its own (``array`` is a plain Array)."""
    if not highlevel:
        return out
    return _result(out, array._behavior if behavior is None else behavior,
                   array._attrs if attrs is None else attrs)


def _projection(layout: Any, name: str) -> Any:
    """``layout[name]`` for lists of records (ListOffsetArray over a RecordArray) that have the
    field ``name``, else None. Layouts are immutable, so the projection is memoized on the node
    (as its form is): repeated ``events.muon`` costs a dict lookup."""
    if type(layout) is not ListOffsetArray:
        return None
    cache = layout.__dict__.get("_projections")
    if cache is not None:
        out = cache.get(name)
        if out is not None:
            return out
    records: Any = layout._content
    fields = records._fields if type(records) is RecordArray else None
    if fields is None or name not in fields:
        return None
    content = records._contents[fields.index(name)]
    if content.length != records._length:
        content = content._getitem_range(0, records._length)
    out = _new_object(ListOffsetArray)  # as ListOffsetArray._fast, inlined (and as _with_content)
    out._offsets = layout._offsets
    out._content = content
    out._parameters = {}
    out._backend = layout._backend
    out._form_cache = None
    if cache is None:
        cache = layout.__dict__.setdefault("_projections", {})
    cache[name] = out
    return out


def _new(cls: type, layout: Any, behavior: Mapping | None, attrs: Mapping | None) -> Any:
    """An Array or Record over a layout already known to be valid input (no behavior class)."""
    out: Any = object.__new__(cls)
    d = out.__dict__
    d["_layout"] = layout
    d["_behavior"] = behavior
    d["_attrs"] = dict(attrs) if attrs else None
    return out


class _Switchable:
    """First base of Array and Record: a plain class with an instance ``__dict__``.

    An instance's ``__class__`` is switched to the behavior's subclass (``_update_class``); Python
    allows that only between classes whose nearest base with a ``__dict__`` derives directly from
    ``object``, as this one does (NumPy's operator mixin has ``__slots__ = ()``), so behavior
    classes such as ``type("PointArray", (Point, Array), {})`` are compatible.
    """


class _Operators(NDArrayOperatorsMixin):
    """NumPy's operator mixin, with the most used operators going straight to jaggy's ufunc
    machinery when the other operand is a number or a plain Array (NumPy's dispatch to
    ``__array_ufunc__`` costs a microsecond or two per call on small arrays); anything else takes
    the mixin's own path."""

    __slots__ = ()  # (keeps Array/Record instances switchable to behavior classes)

    def __add__(self, other: Any) -> Any:
        return _operator(_np.add, self, other, NDArrayOperatorsMixin.__add__)

    def __radd__(self, other: Any) -> Any:
        return _operator(_np.add, other, self, NDArrayOperatorsMixin.__radd__, self)

    def __sub__(self, other: Any) -> Any:
        return _operator(_np.subtract, self, other, NDArrayOperatorsMixin.__sub__)

    def __rsub__(self, other: Any) -> Any:
        return _operator(_np.subtract, other, self, NDArrayOperatorsMixin.__rsub__, self)

    def __mul__(self, other: Any) -> Any:
        return _operator(_np.multiply, self, other, NDArrayOperatorsMixin.__mul__)

    def __rmul__(self, other: Any) -> Any:
        return _operator(_np.multiply, other, self, NDArrayOperatorsMixin.__rmul__, self)

    def __truediv__(self, other: Any) -> Any:
        return _operator(_np.true_divide, self, other, NDArrayOperatorsMixin.__truediv__)

    def __pow__(self, other: Any) -> Any:
        return _operator(_np.power, self, other, NDArrayOperatorsMixin.__pow__)

    def __gt__(self, other: Any) -> Any:
        return _operator(_np.greater, self, other, NDArrayOperatorsMixin.__gt__)

    def __ge__(self, other: Any) -> Any:
        return _operator(_np.greater_equal, self, other, NDArrayOperatorsMixin.__ge__)

    def __lt__(self, other: Any) -> Any:
        return _operator(_np.less, self, other, NDArrayOperatorsMixin.__lt__)

    def __le__(self, other: Any) -> Any:
        return _operator(_np.less_equal, self, other, NDArrayOperatorsMixin.__le__)


class Array(_Switchable, _Operators):
    """A nested, variable-length array: ``jaggy.Array([[1, 2], [], [3]])``.

    ``data`` may be a layout node, another Array, a NumPy array, a dict of columns (zipped into
    records), a JSON string, or any iterable of Python data (through ``from_iter``).

    Parameters:
        data: the array's contents (see above).
        behavior: a behavior mapping (methods and overloads for named records and lists).
        with_name: give the outermost records this name (the ``__record__`` parameter).
        check_valid: check the layout's consistency (``jaggy.validity_error``) at once.
        backend: move the buffers to this backend (``"cpu"`` or ``"cuda"``).
        attrs: a mapping of metadata carried along with the array.

    Example:
        >>> import jaggy
        >>> a = jaggy.Array([[1, 2, 3], [], [4, 5]])
        >>> print(a.type)
        3 * var * int64
        >>> a[a > 2].to_list(), jaggy.sum(a, axis=1).to_list()
        ([[3], [], [4, 5]], [6, 0, 9])
        >>> jaggy.Array({"x": [1, 2], "y": [[1.5], []]}).to_list()
        [{'x': 1, 'y': [1.5]}, {'x': 2, 'y': []}]

    Raises:
        TypeError: ``data`` cannot be converted to an array.
        ValueError: with ``check_valid=True``, the layout is not valid.
    """

    # no __slots__: an instance's __class__ is switched to the behavior's subclass (see
    # _update_class), which needs the same instance layout as user subclasses (with a __dict__)

    def __init__(
        self,
        data: Any,
        *,
        behavior: Mapping | None = None,
        with_name: str | None = None,
        check_valid: bool = False,
        backend: str | None = None,
        attrs: Mapping | None = None,
        named_axis: Any = None,
    ) -> None:
        if type(data) is list:  # Python data, the most common small case: straight to the builder
            layout = small_lists_of_floats(data) or layout_from_builder(*_ext.from_iter(data, False))
            if (behavior is None and with_name is None and backend is None and named_axis is None
                    and not check_valid and not jaggy.behavior and type(self) is Array):
                d = self.__dict__  # nothing left to convert or check: as the general path below ends
                d["_layout"] = layout
                d["_behavior"] = None
                d["_attrs"] = dict(attrs) if attrs else None
                return
        else:
            from jaggy.operations.to_layout import to_layout

            if isinstance(data, Array):
                behavior = data._behavior if behavior is None else behavior
                attrs = data._attrs if attrs is None else attrs
            layout = to_layout(data, allow_record=False, allow_str=False, dict_as_columns=True, regulararray=False,
                               json_strings=True, primitive_policy="error")
        if with_name is not None:
            from jaggy.operations.with_name import with_name as _with_name

            layout = _with_name(layout, with_name, highlevel=False)
        if backend is not None:
            from jaggy.backends import backend_by_name

            layout = layout.to_backend(backend_by_name(backend))
        if named_axis is not None:
            msg = "jaggy.Array(named_axis=...): named axes are not implemented yet"
            raise NotImplementedError(msg)
        _check_behavior(behavior, "jaggy.Array")
        object.__setattr__(self, "_layout", layout)
        object.__setattr__(self, "_behavior", behavior)
        object.__setattr__(self, "_attrs", dict(attrs) if attrs else None)
        self._update_class()
        if check_valid:
            err = layout.validity_error("highlevel")
            if err:
                raise ValueError(err)

    def _update_class(self) -> None:
        """Become the behavior's class for this layout (``jaggy._behavior.array_class``)."""
        cls = _behavior.array_class(self._layout, self._behavior)
        if type(self) is not cls:
            self.__class__ = cls

    # -- attributes -------------------------------------------------------------------------
    @property
    def layout(self) -> Content:
        return self._layout

    @layout.setter
    def layout(self, layout: Content) -> None:
        if not isinstance(layout, Content):
            msg = f"jaggy.Array.layout must be a layout node (jaggy.contents.Content), not {type(layout).__name__}"
            raise TypeError(msg)
        object.__setattr__(self, "_layout", layout)
        self._update_class()

    @property
    def behavior(self) -> Mapping | None:
        return self._behavior

    @behavior.setter
    def behavior(self, behavior: Mapping | None) -> None:
        _check_behavior(behavior, "jaggy.Array.behavior")
        object.__setattr__(self, "_behavior", behavior)
        self._update_class()

    @property
    def attrs(self) -> dict:
        if self._attrs is None:
            object.__setattr__(self, "_attrs", {})
        return self._attrs

    @attrs.setter
    def attrs(self, value: Mapping) -> None:
        if not isinstance(value, Mapping):
            msg = f"attrs must be a mapping (dict), not {type(value).__name__}"
            raise TypeError(msg)
        object.__setattr__(self, "_attrs", dict(value))

    @property
    def fields(self) -> list[str]:
        return self._layout.fields

    @property
    def is_tuple(self) -> bool:
        return self._layout.is_tuple

    @property
    def type(self) -> Any:
        from jaggy.types import ArrayType

        return ArrayType(self._layout.form.type, self._layout.length, self._behavior)

    @property
    def typestr(self) -> str:
        return str(self.type)

    @property
    def ndim(self) -> int:
        return self._layout.purelist_depth

    @property
    def nbytes(self) -> int:
        return self._layout.nbytes

    @property
    def mask(self) -> _MaskHelper:
        """``array.mask[m]`` is ``jaggy.mask(array, m)``: None where ``m`` is False (Awkward's
        ``Array.mask``; a field named "mask" is still ``array["mask"]``)."""
        return _MaskHelper(self)

    # -- container protocol -----------------------------------------------------------------
    def __len__(self) -> int:
        return self._layout.length

    def __bool__(self) -> bool:
        # like NumPy and Awkward: only a one-element array has a truth value (its element's)
        if self._layout.length == 1:
            return bool(self[0])
        msg = ("the truth value of an array whose length is not 1 is ambiguous; "
               "use jaggy.any() or jaggy.all()")
        raise ValueError(msg)

    def __iter__(self) -> Iterator[Any]:
        layout = self._layout
        if layout.is_numpy and layout.data.ndim == 1 and "__array__" not in layout.parameters:
            yield from layout.data
            return
        for i in range(layout.length):
            yield wrap(layout._getitem_at(i), self._behavior, self._attrs)

    def __getitem__(self, where: Any) -> Any:
        layout = self._layout
        if type(where) is int:  # the common ``array[i]`` without the general dispatch
            if type(layout) is ListOffsetArray:
                # lists of plain numbers: the list is a slice of the numbers (as _getitem_at)
                content = layout._content
                if type(content) is NumpyArray and not content._parameters:
                    offsets = layout._offsets._data
                    i = where + len(offsets) - 1 if where < 0 else where
                    if 0 <= i < len(offsets) - 1:
                        start = offsets.item(i)
                        stop = offsets.item(i + 1)
                        data = content._data
                        if 0 <= start <= stop <= len(data):
                            out = _new_object(NumpyArray)  # as NumpyArray._fast, inlined
                            out._data = data[start:stop]
                            out._parameters = content._parameters
                            out._backend = content._backend
                            out._form_cache = None
                            return _result(out, self._behavior, self._attrs)
            n = layout.length
            i = where + n if where < 0 else where
            if 0 <= i < n:
                return wrap(layout._getitem_at(i), self._behavior, self._attrs)
        elif type(where) is str:
            out = _projection(layout, where)
            if out is not None:
                return _result(out, self._behavior, self._attrs)
        elif isinstance(where, Array):
            where = where._layout
        return wrap(layout[where], self._behavior, self._attrs)

    def __setitem__(self, where: Any, what: Any) -> None:
        from jaggy.operations.with_field import with_field

        if not (isinstance(where, str) or (isinstance(where, tuple) and all(isinstance(x, str) for x in where))):
            msg = f"jaggy.Array.__setitem__: only fields may be assigned in-place (by field name), not {where!r}"
            raise TypeError(msg)
        object.__setattr__(self, "_layout", with_field(self, what, where, highlevel=False))
        self._update_class()

    def __delitem__(self, where: Any) -> None:
        from jaggy.operations.without_field import without_field

        object.__setattr__(self, "_layout", without_field(self, where, highlevel=False))
        self._update_class()

    def __getattr__(self, name: str) -> Any:
        d = self.__dict__
        layout = d.get("_layout")
        if type(layout) is ListOffsetArray and (name not in (_ARRAY_NAMES or _array_names())
                                                  if type(self) is Array
                                                  else not hasattr(type(self), name)):
            # the common ``events.muon``: lists of records projected without the generic path
            cache = layout.__dict__.get("_projections")
            out = cache.get(name) if cache is not None else None
            if out is None:
                out = _projection(layout, name)
            if out is not None:
                behavior = d["_behavior"]
                if behavior or jaggy.behavior:
                    return wrap(out, behavior, d["_attrs"])
                result = _new_object(Array)  # (as _result, inlined: this is the hottest path)
                rd = result.__dict__
                rd["_layout"] = out
                rd["_behavior"] = behavior
                attrs = d["_attrs"]
                rd["_attrs"] = dict(attrs) if attrs else None
                return result
        return _field_attribute(self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        _set_attribute(self, name, value, "jaggy.Array")

    def __dir__(self) -> list[str]:
        names = set(super().__dir__())
        names.update(f for f in self.fields if f.isidentifier() and not keyword.iskeyword(f))
        return sorted(names)

    def _ipython_key_completions_(self) -> list[str]:
        return list(self.fields)

    # -- conversions ------------------------------------------------------------------------
    def to_list(self) -> list:
        return self._layout.to_list()

    tolist = to_list

    def to_numpy(self, allow_missing: bool = True) -> Any:
        from jaggy.operations.to_numpy import to_numpy

        return to_numpy(self, allow_missing=allow_missing)

    def __array__(self, dtype: Any = None, copy: Any = None) -> Any:
        import numpy as np

        out = self._layout.backend.to_host(self._layout.to_numpy(allow_missing=False))
        return np.asarray(out, dtype=dtype)

    def __dlpack__(self, *args: Any, **kwargs: Any) -> Any:
        """Export the array's buffer through DLPack (numbers in regular dimensions only)."""
        from jaggy.io.dlpack import dlpack_buffer

        return dlpack_buffer(self._layout).__dlpack__(*args, **kwargs)

    def __dlpack_device__(self) -> tuple:
        """The DLPack device of the array's buffer, e.g. ``(1, 0)`` for the CPU."""
        from jaggy.io.dlpack import dlpack_buffer

        return dlpack_buffer(self._layout).__dlpack_device__()

    def __array_ufunc__(self, ufunc: Any, method: str, *inputs: Any, **kwargs: Any) -> Any:
        return _numpy_connection().array_ufunc(ufunc, method, inputs, kwargs)

    def __array_function__(self, func: Any, types: Any, args: Any, kwargs: Any) -> Any:
        from jaggy._connect_numpy import array_function

        return array_function(func, types, args, kwargs)

    def __copy__(self) -> Array:
        return Array(self._layout, behavior=self._behavior, attrs=self._attrs)

    def __deepcopy__(self, memo: Any) -> Array:
        from jaggy.operations.copy import copy

        return copy(self)

    # -- printing ---------------------------------------------------------------------------
    def _window(self, start: int, stop: int) -> list:
        from jaggy._prettyprint import layout_window

        return layout_window(self._layout)(start, stop)

    def __repr__(self) -> str:
        from jaggy._prettyprint import array_repr

        try:
            return array_repr(len(self), self._window, str(self.type), pytype=_pytype(self))
        except (ValueError, IndexError) as err:  # an invalid layout still prints
            return f"<{_pytype(self)} (invalid: {err}) type={str(self.type)!r}>"

    def __str__(self) -> str:
        from jaggy._prettyprint import array_str

        try:
            return array_str(len(self), self._window)
        except (ValueError, IndexError) as err:
            return f"(invalid array: {err})"

    def show(self, limit_rows: int = 20, limit_cols: int = 80, type: bool = False,
             named_axis: bool = False, nbytes: bool = False, backend: bool = False,
             all: bool = False, stream: Any = ..., *, formatter: Any = None,
             precision: int = 3) -> str | None:
        """Print the first and last rows of the array; ``type``, ``nbytes`` and ``backend``
        (or ``all``) print those first. ``precision``/``formatter`` format the numbers as
        NumPy's printoptions do; ``stream=None`` returns the text. jaggy has no named axes
        (``named_axis`` prints nothing)."""
        from jaggy._prettyprint import array_show

        typestr, header = _show_header(self, type, nbytes, backend, all)
        text = array_show(len(self), self._window, typestr, limit_rows=limit_rows,
                          limit_cols=limit_cols, precision=precision, formatter=formatter,
                          header=header)
        return _show_write(text, stream)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict:
        return {"text/plain": repr(self)}

    def _repr_html_(self) -> str:
        from jaggy._repr_html import array_html

        return array_html(self)

    # -- pickling ---------------------------------------------------------------------------
    def __reduce_ex__(self, protocol: SupportsIndex) -> Any:
        from jaggy.io.buffers import to_buffers

        form, length, container = to_buffers(self._layout.to_packed())
        return (_unpickle_array, (form.to_json(), length, container, self._behavior, self._attrs))


def _unpickle_array(form: str, length: int, container: dict, behavior: Any, attrs: Any) -> Array:
    from jaggy.io.buffers import from_buffers

    return Array(from_buffers(form, length, container, highlevel=False), behavior=behavior, attrs=attrs)


_DIRECT_OPERANDS = (int, float, Array)


def _record_from_dict(data: dict) -> LayoutRecord:
    """The record of ``Record({...})``: each field is built on its own, a sequence value as an
    array with a regular outer dimension of its length (``{"y": [1, 2]}`` has type
    ``{y: 2 * int64}``), any other value as a one-element array."""
    from collections.abc import Iterable

    from jaggy.layout import RegularArray

    contents: list[Content] = []
    for value in data.values():
        if isinstance(value, Iterable) and not isinstance(value, (str, bytes, dict)):
            inner = Array(value).layout
            contents.append(RegularArray(inner, inner.length, 1))
        else:
            contents.append(Array([value]).layout)
    return LayoutRecord(RecordArray(contents, list(data), 1), 0)


class Record(_Switchable, _Operators):
    """One record of a record array: ``jaggy.Record({"x": 1, "y": [1, 2]})``.

    Records also come out of arrays of records: ``array[i]`` is a Record.

    Parameters:
        data: a dict of field values, a layout record, or another Record.
        behavior, with_name, check_valid, backend, attrs: as for ``jaggy.Array``.

    Example:
        >>> import jaggy
        >>> r = jaggy.Record({"x": 1, "y": [1, 2]})
        >>> r.to_list(), r.y.to_list(), jaggy.fields(r)
        ({'x': 1, 'y': [1, 2]}, [1, 2], ['x', 'y'])
        >>> jaggy.Array([{"x": 1}, {"x": 2}])[1].to_list()
        {'x': 2}
    """

    # no __slots__: an instance's __class__ is switched to the behavior's subclass (see
    # _update_class), which needs the same instance layout as user subclasses (with a __dict__)

    def __init__(self, data: Any, *, behavior: Mapping | None = None, with_name: str | None = None,
                 check_valid: bool = False, backend: str | None = None,
                 attrs: Mapping | None = None) -> None:
        from jaggy.operations.to_layout import to_layout

        if isinstance(data, Record):
            behavior = data._behavior if behavior is None else behavior
            data = data._layout
        if isinstance(data, dict):
            layout = _record_from_dict(data)
        else:
            layout = data if isinstance(data, LayoutRecord) else to_layout(data, allow_record=True)
        if not isinstance(layout, LayoutRecord):
            msg = f"jaggy.Record needs a record (a dict, or a layout record), not {type(data).__name__}"
            raise TypeError(msg)
        if with_name is not None:
            from jaggy.operations.with_name import with_name as _with_name

            layout = LayoutRecord(_with_name(layout.array, with_name, highlevel=False), layout.at)
        if backend is not None:
            from jaggy.backends import backend_by_name

            layout = LayoutRecord(layout.array.to_backend(backend_by_name(backend)), layout.at)
        _check_behavior(behavior, "jaggy.Record")
        object.__setattr__(self, "_layout", layout)
        object.__setattr__(self, "_behavior", behavior)
        object.__setattr__(self, "_attrs", dict(attrs) if attrs else None)
        self._update_class()
        if check_valid:
            err = layout.array.validity_error("highlevel")
            if err:
                raise ValueError(err)

    def _update_class(self) -> None:
        """Become the behavior's class for this record (``jaggy._behavior.record_class``)."""
        cls = _behavior.record_class(self._layout, self._behavior)
        if type(self) is not cls:
            self.__class__ = cls

    @property
    def layout(self) -> LayoutRecord:
        return self._layout

    @layout.setter
    def layout(self, layout: LayoutRecord) -> None:
        if not isinstance(layout, LayoutRecord):
            msg = f"jaggy.Record.layout must be a layout record (jaggy.record.Record), not {type(layout).__name__}"
            raise TypeError(msg)
        object.__setattr__(self, "_layout", layout)
        self._update_class()

    @property
    def behavior(self) -> Mapping | None:
        return self._behavior

    @behavior.setter
    def behavior(self, behavior: Mapping | None) -> None:
        _check_behavior(behavior, "jaggy.Record.behavior")
        object.__setattr__(self, "_behavior", behavior)
        self._update_class()

    @property
    def attrs(self) -> dict:
        if self._attrs is None:
            object.__setattr__(self, "_attrs", {})
        return self._attrs

    @attrs.setter
    def attrs(self, value: Mapping) -> None:
        if not isinstance(value, Mapping):
            msg = f"attrs must be a mapping (dict), not {type(value).__name__}"
            raise TypeError(msg)
        object.__setattr__(self, "_attrs", dict(value))

    @property
    def fields(self) -> list[str]:
        return self._layout.fields

    @property
    def is_tuple(self) -> bool:
        return self._layout.is_tuple

    @property
    def type(self) -> Any:
        from jaggy.types import ScalarType

        return ScalarType(self._layout.array.form.type, self._behavior)

    @property
    def typestr(self) -> str:
        return str(self.type)

    @property
    def nbytes(self) -> int:
        """Bytes of the buffers behind the record (its whole array, as Awkward counts)."""
        return self._layout.array.nbytes

    def __getitem__(self, where: Any) -> Any:
        if isinstance(where, tuple) and len(where) == 1:
            where = where[0]
        return wrap(self._layout[where], self._behavior, self._attrs)

    def __getattr__(self, name: str) -> Any:
        return _field_attribute(self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        _set_attribute(self, name, value, "jaggy.Record")

    def __dir__(self) -> list[str]:
        names = set(super().__dir__())
        names.update(f for f in self.fields if f.isidentifier() and not keyword.iskeyword(f))
        return sorted(names)

    def _ipython_key_completions_(self) -> list[str]:
        return list(self.fields)

    def __len__(self) -> int:
        return len(self.fields)

    def __bool__(self) -> bool:
        msg = "the truth value of a record is ambiguous; use jaggy.any() or jaggy.all() or pick a field"
        raise ValueError(msg)

    def __iter__(self) -> Iterator[str]:
        return iter(self.fields)

    def to_list(self) -> Any:
        return self._layout.to_list()

    tolist = to_list

    def __repr__(self) -> str:
        from jaggy._prettyprint import record_repr, record_value

        return record_repr(record_value(self._layout), str(self.type), pytype=_pytype(self))

    def __str__(self) -> str:
        from jaggy._prettyprint import record_str, record_value

        return record_str(record_value(self._layout))

    def _repr_html_(self) -> str:
        from jaggy._repr_html import record_html

        return record_html(self)

    def show(self, limit_rows: int = 20, limit_cols: int = 80, type: bool = False,
             named_axis: bool = False, nbytes: bool = False, backend: bool = False,
             all: bool = False, stream: Any = ..., *, formatter: Any = None,
             precision: int = 3) -> str | None:
        """Print the record (as ``Array.show``)."""
        from jaggy._prettyprint import record_show, record_value

        typestr, header = _show_header(self, type, nbytes, backend, all)
        text = record_show(record_value(self._layout), typestr, limit_rows=limit_rows,
                           limit_cols=limit_cols, precision=precision, formatter=formatter,
                           header=header)
        return _show_write(text, stream)

    def __array_ufunc__(self, ufunc: Any, method: str, *inputs: Any, **kwargs: Any) -> Any:
        return _numpy_connection().array_ufunc(ufunc, method, inputs, kwargs)

    def __reduce_ex__(self, protocol: SupportsIndex) -> Any:
        array = Array(self._layout.array._getitem_range(self._layout.at, self._layout.at + 1))
        return (_unpickle_record, (array, self._behavior, self._attrs))


def _unpickle_record(array: Array, behavior: Any, attrs: Any) -> Record:
    return Record(array.layout._getitem_at(0), behavior=behavior, attrs=attrs)


# -- behavior support shared by Array and Record ------------------------------------------------


def _check_behavior(behavior: Any, where: str) -> None:
    if behavior is not None and not isinstance(behavior, Mapping):
        msg = f"{where}: behavior must be None or a mapping (dict), not {type(behavior).__name__}"
        raise TypeError(msg)


def _pytype(obj: Any) -> str:
    """The name shown by repr: the (behavior) class's name, or a ``__name__`` it defines."""
    try:
        name = object.__getattribute__(obj, "__name__")
    except AttributeError:
        name = None
    return name if isinstance(name, str) else type(obj).__name__


_connect_numpy: Any = None


def _numpy_connection() -> Any:
    global _connect_numpy
    if _connect_numpy is None:
        import jaggy._connect_numpy

        _connect_numpy = jaggy._connect_numpy
    return _connect_numpy


def _operator(ufunc: Any, left: Any, right: Any, fallback: Any, this: Any = None) -> Any:
    """``ufunc(left, right)`` for an Array operator; ``this`` is the Array of a reflected one."""
    other = right if this is None else left
    if type(other) in _DIRECT_OPERANDS:
        return (_connect_numpy or _numpy_connection()).array_ufunc(ufunc, "__call__", (left, right), {})
    return fallback(left if this is None else this, other)


_ARRAY_NAMES: frozenset | None = None
_new_object = object.__new__


def _array_names() -> frozenset:
    """Every attribute name of the Array class (a field of the same name never shadows one)."""
    global _ARRAY_NAMES
    if _ARRAY_NAMES is None:
        _ARRAY_NAMES = frozenset(dir(Array))
    return _ARRAY_NAMES


def _field_attribute(obj: Any, name: str) -> Any:
    """``obj.name`` when normal lookup failed: a class attribute (re-raising its own error, e.g.
    from a behavior property), else the field ``name``."""
    if hasattr(type(obj), name):
        return object.__getattribute__(obj, name)
    if name.startswith("__") and name.endswith("__"):
        raise AttributeError(name)
    try:
        fields = object.__getattribute__(obj, "_layout").fields
    except AttributeError:
        raise AttributeError(name) from None
    if name in fields:
        return obj[name]
    msg = (f"jaggy.{type(obj).__name__}: no field named {name!r}"
           + (f"; fields are: {', '.join(fields)}" if fields else "; this array has no fields"))
    raise FieldNotFoundError(msg)


def _set_attribute(obj: Any, name: str, value: Any, where: str) -> None:
    """Only private names and the class's own attributes (properties, ...) can be set."""
    if name.startswith("_") or hasattr(type(obj), name):
        object.__setattr__(obj, name, value)
        return
    if name in obj._layout.fields:
        msg = f"{where}: fields cannot be set as attributes; use obj[{name!r}] = ... or jaggy.with_field"
        raise AttributeError(msg)
    msg = f"{where}: only private attributes (starting with an underscore) and existing attributes can be set, not {name!r}"
    raise AttributeError(msg)


def _show_header(obj: Array | Record, type: bool, nbytes: bool, backend: bool,
                 all: bool) -> tuple[str | None, list[str]]:
    """The type text and the nbytes/backend lines that ``show`` prints above the values."""
    from jaggy._prettyprint import bytes_text

    typestr = obj.type.show(stream=None) if type or all else None
    header = []
    if nbytes or all:
        header.append(f"nbytes: {bytes_text(obj.nbytes)}")
    if backend or all:
        layout = obj._layout.array if isinstance(obj, Record) else obj._layout
        header.append(f"backend: {layout.backend.name}")
    return typestr, header


def _show_write(text: str, stream: Any) -> str | None:
    import sys

    if stream is None:
        return text.removesuffix("\n")
    (sys.stdout if stream is ... else stream).write(text)
    return None


class _MaskHelper:
    """What ``Array.mask`` returns: indexing it masks the array."""

    __slots__ = ("_array",)

    def __init__(self, array: Array) -> None:
        self._array = array

    def __getitem__(self, where: Any) -> Any:
        from jaggy.operations.mask import mask

        return mask(self._array, where, valid_when=True)
