"""jaggy.nan_to_num: replace NaN and infinities by finite numbers (like numpy.nan_to_num)."""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def nan_to_num(array: Any, copy: bool = True, nan: float = 0.0, posinf: float | None = None,
               neginf: float | None = None, *, highlevel: bool = True,
               behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """``numpy.nan_to_num`` on every numeric leaf: NaN becomes ``nan``, +inf ``posinf`` (default:
    the largest finite value), -inf ``neginf`` (default: the most negative finite value).

    Parameters: ``array`` (array-like); ``copy`` (bool; the input is never modified either way);
    ``nan``, ``posinf``, ``neginf`` (numbers).
    Returns: an array of the same structure and type.

    Example: ``jaggy.nan_to_num([[1.0, nan], [inf]])`` is ``[[1.0, 0.0], [1.7976931348623157e308]]``.

    Raises ``NotImplementedError`` for array-valued ``nan``/``posinf``/``neginf`` (they need
    broadcasting) and for unions.
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
