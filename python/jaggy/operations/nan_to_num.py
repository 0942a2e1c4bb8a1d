"""jaggy.nan_to_num: replace NaN and infinities by finite numbers (like numpy.nan_to_num)."""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def nan_to_num(array: Any, copy: bool = True, nan: float = 0.0, posinf: float | None = None,
               neginf: float | None = None, *, highlevel: bool = True,
               behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """``numpy.nan_to_num`` on every numeric leaf: NaN and infinities become finite numbers.

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        copy: accepted for compatibility; the input is never modified.
        nan: the value for NaN.
        posinf: the value for +inf (None: the largest finite value of the dtype).
        neginf: the value for -inf (None: the most negative finite value of the dtype).
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
        TypeError: ``nan``, ``posinf`` or ``neginf`` is not a number.
        NotImplementedError: ``nan``, ``posinf`` or ``neginf`` is an array (that needs
            broadcasting), or the array contains a union.
    """
    from jaggy.highlevel import Array
    from jaggy.layout.numpyarray import NumpyArray
    from jaggy.operations.nan_to_none import _leaves_map
    from jaggy.operations.to_layout import to_layout

    for name, v in (("nan", nan), ("posinf", posinf), ("neginf", neginf)):
        if isinstance(v, (Array, list, tuple)) or getattr(v, "ndim", None):
            msg = f"jaggy.nan_to_num: an array-valued {name!r} needs broadcasting (not implemented)"
            raise NotImplementedError(msg)
        if v is not None and not isinstance(v, numbers.Number):
            msg = f"jaggy.nan_to_num: {name!r} must be a number, not {type(v).__name__}"
            raise TypeError(msg)
    layout = to_layout(array, allow_record=False)

    def fn(leaf: Any) -> Any:
        xp = leaf.backend.xp
        if leaf.data.dtype.kind not in "fc":
            return leaf
        data = xp.nan_to_num(leaf.data, copy=True, nan=nan, posinf=posinf, neginf=neginf)
        return NumpyArray(data, parameters=leaf.parameters, backend=leaf.backend)

    out = _leaves_map(layout, fn)
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["nan_to_num"]
