"""NumPy protocols on jaggy arrays: ``__array_ufunc__`` and ``__array_function__``.

Ufuncs apply to the leaf buffers after broadcasting the inputs' structures
(``jaggy._broadcasting``): one NumPy call per leaf, whatever the nesting. Strings compare as
whole strings under ``==``/``!=``; behaviors may override a ufunc for named records or lists
(``jaggy._behavior.ufunc_override``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

import jaggy
from jaggy import _behavior, _ufunc_fast, _ufunc_threads
from jaggy._broadcasting import broadcast_and_apply, is_string
from jaggy.backends import is_device_buffer, scalars_to_backend
from jaggy.highlevel import Array, Record, wrap
from jaggy.layout import Content, NumpyArray
from jaggy.operations.to_layout import to_layout


def _unwrap(x: Any) -> tuple[Any, bool]:
    """An input as a layout or a scalar; True where it was a single record."""
    if isinstance(x, Array):
        return x.layout, False
    if isinstance(x, Record):
        rec = x.layout
        return rec.array._getitem_range(rec.at, rec.at + 1), True
    if isinstance(x, Content):
        return x, False
    if isinstance(x, np.ndarray):
        if x.ndim == 0:
            return x[()], False
        return to_layout(x, allow_record=False), False
    if isinstance(x, (str, bytes)):
        return to_layout([x], allow_record=False), False
    if x is None or isinstance(x, (bool, int, float, complex, np.generic)):
        return x, False
    if isinstance(x, (list, tuple)) or is_device_buffer(x):
        return to_layout(x, allow_record=False), False
    return x, False


def _string_equal(a: Any, b: Any) -> Any:
    """Element-wise equality of two string arrays of equal length (a bool NumPy array)."""
    from jaggy.index import Index64

    xp = a.backend.xp
    a, b = a.to_ListOffsetArray64(), b.to_ListOffsetArray64()
    oa, ob = a.offsets.data, b.offsets.data
    same = (oa[1:] - oa[:-1]) == (ob[1:] - ob[:-1])
    sel = Index64._wrap(xp.nonzero(same)[0], a.backend)
    pa = a._carry(sel).to_ListOffsetArray64()
    pb = b._carry(sel).to_ListOffsetArray64()
    offs = pa.offsets.data
    ca = pa.content._getitem_range(int(offs[0]), int(offs[-1])).data
    cb = pb.content._getitem_range(int(pb.offsets.data[0]), int(pb.offsets.data[-1])).data
    diff = xp.concatenate([xp.zeros(1, xp.int64), xp.cumsum(ca != cb, dtype=xp.int64)])
    rel = offs - offs[0]
    out = xp.zeros(len(same), bool)
    out[sel.data] = (diff[rel[1:]] - diff[rel[:-1]]) == 0
    return out


def _intersect(contents: list) -> dict | None:
    """The parameters shared by all ``contents`` (Awkward's rule for a ufunc's leaf result)."""
    first = contents[0].parameters
    if not first:
        return None
    out = {k: v for k, v in first.items() if all(c.parameters.get(k, _MISSING) == v for c in contents[1:])}
    return out or None


_MISSING = object()


def _ufunc_action(ufunc: Any, kwargs: dict, behavior: Any) -> Any:
    """The broadcast action of a ufunc, tried at every level (as in Awkward): an override from the
    behavior for named inputs, strings compared as atoms, the ufunc on NumPy leaves, and an error
    for named types that no override handles."""
    name = f"numpy.{ufunc.__name__}"
    active = behavior is not None or bool(jaggy.behavior)  # any override can be registered

    def action(inputs: list, depth: int, options: Any) -> tuple | None:
        contents = [x for x in inputs if isinstance(x, Content)]
        plain = not any(x.parameters for x in contents)
        if plain and all(x.is_numpy for x in contents):  # the common case: unnamed NumPy leaves
            return _apply(ufunc, inputs, kwargs, contents, None)
        named = not plain and any(_behavior._nominal(x) is not None for x in contents)
        if named and active:
            custom = _behavior.find_ufunc(behavior, _behavior.ufunc_signature(ufunc, inputs))
            if custom is not None:
                out = _behavior.apply_override(custom, inputs, behavior, kwargs)
                if out is not None:
                    return _as_layouts(out)
        if not plain and any(is_string(x) for x in contents):
            out = _strings(ufunc, inputs, contents, name)
            if out is not None:
                return out
        if ufunc is np.matmul:
            msg = "matrix multiplication (@ or numpy.matmul) is not implemented for jaggy arrays"
            raise NotImplementedError(msg)
        if named and active:
            override = _behavior.ufunc_override(ufunc, inputs, behavior)
            if override is not None:
                out = _behavior.apply_override(override, inputs, behavior, kwargs)
                if out is not None:
                    return _as_layouts(out)
        if all(x.is_numpy for x in contents):
            if any(x.parameter("__array__") in ("char", "byte") for x in contents):
                msg = f"{name} is not implemented for string types"
                raise TypeError(msg)
            return _apply(ufunc, inputs, kwargs, contents, _intersect(contents))
        if named:
            error = _behavior.nominal_type_error(ufunc, inputs)
            if error is not None:
                raise error
        return None

    return action


def _apply(ufunc: Any, inputs: list, kwargs: dict, contents: list, parameters: dict | None) -> tuple:
    result = _ufunc_threads.call(ufunc, [x.data if isinstance(x, Content) else x for x in inputs], kwargs)
    backend = contents[0].backend
    if isinstance(result, tuple):
        return tuple(NumpyArray(r, parameters=parameters, backend=backend) for r in result)
    return (NumpyArray(result, parameters=parameters, backend=backend),)


def _as_layouts(out: tuple) -> tuple:
    return tuple(x if isinstance(x, Content) else to_layout(x, allow_record=False) for x in out)


def _strings(ufunc: Any, inputs: list, contents: list, name: str) -> tuple | None:
    """String operands: ``==``/``!=`` between strings compare whole strings; other ufuncs on
    strings alone are errors; strings among lists broadcast on (None)."""
    strings = [x for x in inputs if is_string(x)]
    if ufunc in (np.equal, np.not_equal) and len(inputs) == 2 and len(strings) == 2:
        eq = _string_equal(strings[0], strings[1])
        return (NumpyArray(eq if ufunc is np.equal else ~eq, backend=contents[0].backend),)
    if all(is_string(x) or not (x.is_list or x.is_option or x.is_union or x.is_record or x.is_indexed)
           for x in contents) or len(contents) == len(strings):
        msg = f"{name} is not implemented for string types"
        raise TypeError(msg)
    return None


def _custom_cast(inputs: Sequence[Any], behavior: Any) -> list:
    """Inputs converted by the behavior's ``("__cast__", type)`` functions, where there are some."""
    out = []
    for x in inputs:
        if not isinstance(x, (Array, Record, Content, np.ndarray, np.generic, str, bytes, int, float,
                              complex, type(None))):
            fcn = _behavior.find_custom_cast(x, behavior)
            if fcn is not None:
                x = fcn(x)
        out.append(x)
    return out


def _wrap(layout: Content, behavior: Any, attrs: Any) -> Any:
    """``jaggy.highlevel.wrap`` for a ufunc's result, without its checks when no behavior can
    choose another class."""
    if behavior is None and not jaggy.behavior:
        out = object.__new__(Array)
        object.__setattr__(out, "_layout", layout)
        object.__setattr__(out, "_behavior", None)
        object.__setattr__(out, "_attrs", dict(attrs) if attrs else None)
        return out
    return wrap(layout, behavior, attrs)


def array_ufunc(ufunc: Any, method: str, inputs: Sequence[Any], kwargs: dict) -> Any:
    """Apply ``ufunc`` to jaggy arrays: broadcast their structures, then one call per leaf."""
    if method != "__call__":
        name = f"numpy.{ufunc.__name__}"
        msg = (f"{name}.{method} is not supported on jaggy arrays (only calling the ufunc); "
               f"use the jaggy reducers (jaggy.sum, jaggy.prod, ...) instead")
        raise TypeError(msg)  # NumPy's error when __array_ufunc__ declines, as with Awkward
    if ufunc is np.matmul:
        msg = "matrix multiplication (@ or numpy.matmul) is not implemented for jaggy arrays"
        raise NotImplementedError(msg)
    if kwargs:
        if kwargs.get("out") is not None:
            name = f"numpy.{ufunc.__name__}"
            msg = f"{name}: the 'out' argument is not supported on jaggy arrays (they are immutable)"
            raise NotImplementedError(msg)
        kwargs = {k: v for k, v in kwargs.items() if k != "out"}
    behavior = attrs = None
    layouts = []
    for x in inputs:  # the common case first: arrays and numbers
        if isinstance(x, Array):
            if behavior is None:
                behavior = x._behavior
            if attrs is None:
                attrs = x._attrs
            layouts.append(x._layout)
        elif isinstance(x, _ufunc_fast.SCALARS):
            layouts.append(x)
        else:
            break
    else:
        fast = _ufunc_fast.leaves(layouts)
        if fast is not None:  # one shared plain structure: the ufunc on the leaf buffers
            spine, args, backend = fast
            result = _ufunc_threads.call(ufunc, args, kwargs)
            if isinstance(result, tuple):
                return tuple(_wrap(_ufunc_fast.rebuild(spine, r, backend), behavior, attrs) for r in result)
            return _wrap(_ufunc_fast.rebuild(spine, result, backend), behavior, attrs)
    behavior = attrs = None
    for x in inputs:
        if isinstance(x, (Array, Record)):
            if behavior is None:
                behavior = x._behavior
            if attrs is None:
                attrs = x._attrs
    if behavior is not None or jaggy.behavior:
        inputs = _custom_cast(inputs, behavior)
    layouts = []
    all_records = True
    any_record = False
    for x in inputs:
        layout, is_record = _unwrap(x)
        layouts.append(layout)
        any_record = any_record or is_record
        if not is_record and isinstance(layout, Content):
            all_records = False
    layouts = scalars_to_backend(layouts, [isinstance(x, (str, bytes)) for x in inputs])
    outs = broadcast_and_apply(layouts, _ufunc_action(ufunc, kwargs, behavior),
                               function_name=f"numpy.{ufunc.__name__}", allow_records=False)
    results = []
    for out in outs:
        if any_record and all_records and out.length == 1:
            results.append(wrap(out, behavior, attrs)[0])
        else:
            results.append(wrap(out, behavior, attrs))
    return results[0] if len(results) == 1 else tuple(results)


def _implementations() -> dict:
    from jaggy.operations.array_equal import array_equal
    from jaggy.operations.broadcast_arrays import broadcast_arrays
    from jaggy.operations.isclose import isclose
    from jaggy.operations.where import where

    def np_where(condition: Any, *args: Any) -> Any:
        if len(args) == 2:
            return where(condition, *args)
        return _numpy_fallback(np.where, (condition, *args), {})

    def np_broadcast_arrays(*args: Any, subok: bool = False) -> Any:
        return broadcast_arrays(*args)

    def np_isclose(a: Any, b: Any, rtol: float = 1e-05, atol: float = 1e-08, equal_nan: bool = False) -> Any:
        return isclose(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan)

    def np_array_equal(a1: Any, a2: Any, equal_nan: bool = False) -> Any:
        return array_equal(a1, a2, equal_nan=equal_nan)

    out = {np.where: np_where, np.broadcast_arrays: np_broadcast_arrays, np.isclose: np_isclose,
           np.array_equal: np_array_equal}
    # NumPy's other names of functions that jaggy has (np.amin is not np.min in NumPy 2)
    for np_name, name in (("around", "round"), ("amin", "min"), ("amax", "max")):
        func = getattr(np, np_name, None)
        if func is not None:
            out.setdefault(func, getattr(jaggy, name))
    return out


def array_function(func: Any, types: tuple, args: tuple, kwargs: dict) -> Any:
    """NumPy functions on jaggy arrays: where, broadcast_arrays, isclose, array_equal, any
    function that jaggy defines under the same name (jaggy.sum, jaggy.concatenate, ...), and
    otherwise NumPy's function on the arguments converted by ``jaggy.to_numpy``."""
    import jaggy

    impl = _implementations().get(func)
    if impl is not None:
        return impl(*args, **kwargs)
    name = getattr(func, "__name__", str(func))
    target = getattr(jaggy, name, None)
    if callable(target):
        return target(*args, **kwargs)
    return _numpy_fallback(func, args, kwargs)


def _numpy_fallback(func: Any, args: tuple, kwargs: dict) -> Any:
    """Like Awkward: NumPy's own function on the arrays converted to NumPy (regular dimensions
    only; jagged ones raise ValueError), its array results wrapped back."""
    behavior = attrs = None
    for x in (*args, *kwargs.values()):
        if isinstance(x, Array):
            behavior, attrs = x._behavior, x._attrs
            break
    result = func(*(_to_numpy_arg(x) for x in args), **{k: _to_numpy_arg(v) for k, v in kwargs.items()})
    return _wrap_numpy_result(result, behavior, attrs)


def _to_numpy_arg(x: Any) -> Any:
    """An argument of a NumPy function with jaggy arrays (also in lists/tuples) as NumPy arrays."""
    from jaggy.operations.to_numpy import to_numpy

    if isinstance(x, Array):
        return to_numpy(x, allow_missing=True)
    if isinstance(x, Record):
        msg = "a jaggy.Record cannot be converted to a NumPy array; pass an array"
        raise TypeError(msg)
    if isinstance(x, tuple):
        return tuple(_to_numpy_arg(v) for v in x)
    if isinstance(x, list):
        return [_to_numpy_arg(v) for v in x]
    return x


def _wrap_numpy_result(x: Any, behavior: Any, attrs: Any) -> Any:
    """A NumPy function's result with its arrays (also in tuples/lists/dicts) as jaggy arrays."""
    if isinstance(x, tuple):
        wrapped = tuple(_wrap_numpy_result(v, behavior, attrs) for v in x)
        return type(x)(*wrapped) if hasattr(x, "_fields") else wrapped
    if isinstance(x, list):
        return [_wrap_numpy_result(v, behavior, attrs) for v in x]
    if type(x) is dict:
        return {k: _wrap_numpy_result(v, behavior, attrs) for k, v in x.items()}
    if isinstance(x, np.ndarray) and x.ndim > 0:
        return wrap(to_layout(x, allow_record=False), behavior, attrs)
    return x
