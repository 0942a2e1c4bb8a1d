"""NumPy protocols on jaggy arrays: ``__array_ufunc__`` and ``__array_function__``.

Ufuncs apply to the leaf buffers after broadcasting the inputs' structures
(``jaggy._broadcasting``): one NumPy call per leaf, whatever the nesting. Strings compare as
whole strings under ``==``/``!=``; behaviors may override a ufunc for named records or lists
(``jaggy._behavior.ufunc_override``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from jaggy._broadcasting import broadcast_and_apply, is_string
from jaggy.layout import Content, NumpyArray


def _unwrap(x: Any) -> tuple[Any, bool]:
    """An input as a layout or a scalar; True where it was a single record."""
    from jaggy.highlevel import Array, Record
    from jaggy.operations.to_layout import to_layout

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
    if isinstance(x, (list, tuple)):
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


def _ufunc_action(ufunc: Any, kwargs: dict, behavior: Any, attrs: Any) -> Any:
    from jaggy import _behavior

    override = getattr(_behavior, "ufunc_override", None)
    name = f"numpy.{ufunc.__name__}"

    def action(inputs: list, depth: int, options: Any) -> tuple | None:
        contents = [x for x in inputs if isinstance(x, Content)]
        if override is not None and any(x.parameters for x in contents):
            fn = override(ufunc, inputs, behavior)
            if fn is not None:
                from jaggy.highlevel import wrap
                from jaggy.operations.to_layout import to_layout

                result = fn(*[wrap(x, behavior, attrs) if isinstance(x, Content) else x for x in inputs])
                if isinstance(result, tuple):
                    return tuple(to_layout(r, allow_record=False) for r in result)
                return (to_layout(result, allow_record=False),)
        if any(is_string(x) for x in contents):
            strings = [x for x in inputs if is_string(x)]
            if ufunc in (np.equal, np.not_equal) and len(inputs) == 2 and len(strings) == 2:
                eq = _string_equal(strings[0], strings[1])
                return (NumpyArray(eq if ufunc is np.equal else ~eq, backend=contents[0].backend),)
            if all(is_string(x) or not (x.is_list or x.is_option or x.is_union or x.is_record)
                   for x in contents) or len(contents) == len(strings):
                msg = f"{name} is not implemented for string types"
                raise TypeError(msg)
            return None
        if contents and all(x.is_numpy for x in contents):
            args = [x.data if isinstance(x, Content) else x for x in inputs]
            if any(x.parameter("__array__") in ("char", "byte") for x in contents):
                msg = f"{name} is not implemented for string types"
                raise TypeError(msg)
            result = ufunc(*args, **kwargs)
            backend = contents[0].backend
            if isinstance(result, tuple):
                return tuple(NumpyArray(r, backend=backend) for r in result)
            return (NumpyArray(result, backend=backend),)
        return None

    return action


def array_ufunc(ufunc: Any, method: str, inputs: tuple, kwargs: dict) -> Any:
    """Apply ``ufunc`` to jaggy arrays: broadcast their structures, then one call per leaf."""
    from jaggy.highlevel import wrap
    from jaggy.operations._wrap import behavior_attrs

    name = f"numpy.{ufunc.__name__}"
    if method != "__call__":
        msg = (f"{name}.{method} is not supported on jaggy arrays (only calling the ufunc); "
               f"use the jaggy reducers (jaggy.sum, jaggy.prod, ...) instead")
        raise NotImplementedError(msg)
    if kwargs.get("out") is not None:
        msg = f"{name}: the 'out' argument is not supported on jaggy arrays (they are immutable)"
        raise NotImplementedError(msg)
    kwargs = {k: v for k, v in kwargs.items() if k != "out"}
    behavior, attrs = behavior_attrs(*inputs)
    unwrapped = [_unwrap(x) for x in inputs]
    layouts = [u[0] for u in unwrapped]
    all_records = any(u[1] for u in unwrapped) and all(
        u[1] or not isinstance(u[0], Content) for u in unwrapped)
    outs = broadcast_and_apply(layouts, _ufunc_action(ufunc, kwargs, behavior, attrs),
                               function_name=name, allow_records=False)
    results = []
    for out in outs:
        if all_records:
            results.append(wrap(out, behavior, attrs)[0] if out.length == 1 else wrap(out, behavior, attrs))
        else:
            results.append(wrap(out, behavior, attrs))
    return results[0] if len(results) == 1 else tuple(results)


def _implementations() -> dict:
    from jaggy.operations.array_equal import array_equal
    from jaggy.operations.broadcast_arrays import broadcast_arrays
    from jaggy.operations.isclose import isclose
    from jaggy.operations.where import where

    def np_where(condition: Any, *args: Any) -> Any:
        if len(args) != 2:
            msg = "numpy.where on jaggy arrays needs three arguments (condition, x, y)"
            raise NotImplementedError(msg)
        return where(condition, *args)

    def np_broadcast_arrays(*args: Any, subok: bool = False) -> Any:
        return broadcast_arrays(*args)

    def np_isclose(a: Any, b: Any, rtol: float = 1e-05, atol: float = 1e-08, equal_nan: bool = False) -> Any:
        return isclose(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan)

    def np_array_equal(a1: Any, a2: Any, equal_nan: bool = False) -> Any:
        return array_equal(a1, a2, equal_nan=equal_nan)

    return {np.where: np_where, np.broadcast_arrays: np_broadcast_arrays, np.isclose: np_isclose,
            np.array_equal: np_array_equal}


def array_function(func: Any, types: tuple, args: tuple, kwargs: dict) -> Any:
    """NumPy functions on jaggy arrays: where, broadcast_arrays, isclose, array_equal, and any
    function that jaggy defines under the same name (jaggy.sum, jaggy.concatenate, ...)."""
    import jaggy

    impl = _implementations().get(func)
    if impl is not None:
        return impl(*args, **kwargs)
    name = getattr(func, "__name__", str(func))
    target = getattr(jaggy, name, None)
    if callable(target):
        return target(*args, **kwargs)
    msg = f"numpy.{name} is not implemented for jaggy arrays (there is no jaggy.{name})"
    raise NotImplementedError(msg)
