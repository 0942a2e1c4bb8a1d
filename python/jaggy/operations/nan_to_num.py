"""jaggy.nan_to_num: replace NaN and infinities by finite numbers (like numpy.nan_to_num)."""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def nan_to_num(array: Any, copy: bool = True, nan: Any = 0.0, posinf: Any = None,
               neginf: Any = None, *, highlevel: bool = True,
               behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """``numpy.nan_to_num`` on every numeric leaf: NaN and infinities become finite numbers.

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        copy: accepted for compatibility; the input is never modified.
        nan: the value for NaN (a number, or an array broadcast against ``array``).
        posinf: the value for +inf (None: the largest finite value of the dtype; or an array).
        neginf: the value for -inf (None: the most negative finite value of the dtype; or an
            array).
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        An array of the same structure and type.

    Example:
        >>> import jaggy
        >>> a = jaggy.Array([[1.0, float("nan")], [float("inf")]])
        >>> jaggy.nan_to_num(a).to_list()
        [[1.0, 0.0], [1.7976931348623157e+308]]
        >>> jaggy.nan_to_num(a, nan=-1.0, posinf=99.0).to_list()
        [[1.0, -1.0], [99.0]]

    Raises:
        TypeError: ``nan``, ``posinf`` or ``neginf`` is neither a number nor an array.
        ValueError: an array-valued ``nan``, ``posinf`` or ``neginf`` does not broadcast
            against ``array``.
    """
    from jaggy.highlevel import Array
    from jaggy.operations.to_layout import to_layout

    fills = {"nan": nan, "posinf": posinf, "neginf": neginf}
    arrays = {}
    for name, v in fills.items():
        if isinstance(v, (Array, list, tuple)) or getattr(v, "ndim", None):
            arrays[name] = to_layout(v, allow_record=False)
        elif v is not None and not isinstance(v, numbers.Number):
            msg = f"jaggy.nan_to_num: {name!r} must be a number, not {type(v).__name__}"
            raise TypeError(msg)
    layout = to_layout(array, allow_record=False)
    if arrays:
        out = _broadcast_fill(layout, fills, arrays)
    else:  # numbers: leaf by leaf, no broadcasting
        from jaggy.operations.nan_to_none import _leaves_map

        out = _leaves_map(layout, lambda leaf: _fill_leaf(leaf, nan, posinf, neginf))
    return finish(out, highlevel, array, nan, posinf, neginf, behavior=behavior, attrs=attrs)


def _fill_leaf(leaf: Any, nan: Any, posinf: Any, neginf: Any) -> Any:
    """``leaf`` (a NumpyArray) with NaN/+inf/-inf replaced; the fill values are numbers or
    arrays aligned with the leaf (the dtype of the leaf is kept, as numpy.nan_to_num does)."""
    from jaggy.layout.numpyarray import NumpyArray

    xp = leaf.backend.xp
    data = leaf.data
    if data.dtype.kind not in "fc":
        return leaf
    if not any(getattr(v, "ndim", 0) for v in (nan, posinf, neginf)):
        out = xp.nan_to_num(data, copy=True, nan=nan, posinf=posinf, neginf=neginf)
    elif data.dtype.kind == "c":
        out = _fill_real(xp, data.real, nan, posinf, neginf) + 1j * _fill_real(
            xp, data.imag, nan, posinf, neginf)
        out = out.astype(data.dtype, copy=False)
    else:
        out = _fill_real(xp, data, nan, posinf, neginf)
    return NumpyArray(out, parameters=leaf.parameters, backend=leaf.backend)


def _fill_real(xp: Any, data: Any, nan: Any, posinf: Any, neginf: Any) -> Any:
    finfo = xp.finfo(data.dtype)
    big = finfo.max if posinf is None else posinf
    small = finfo.min if neginf is None else neginf
    out = xp.where(xp.isnan(data), nan, data)
    out = xp.where(data == xp.inf, big, out)
    out = xp.where(data == -xp.inf, small, out)
    return out.astype(data.dtype, copy=False)


def _broadcast_fill(layout: Any, fills: dict, arrays: dict) -> Any:
    """Array-valued fills broadcast against the array (unions and records included)."""
    from jaggy._broadcasting import broadcast_and_apply
    from jaggy._structure_util import is_string

    names = list(arrays)

    def action(inputs: list, depth: int, options: Any) -> tuple | None:
        node = inputs[0]
        if is_string(node):
            return (node,)
        if not node.is_numpy or any(not x.is_numpy for x in inputs[1:]):
            return None
        values = dict(fills)
        values.update({k: x.data for k, x in zip(names, inputs[1:])})
        return (_fill_leaf(node, values["nan"], values["posinf"], values["neginf"]),)

    return broadcast_and_apply([layout, *arrays.values()], action, function_name="jaggy.nan_to_num",
                               right_broadcast=False)[0]


__all__ = ["nan_to_num"]
