"""jaggy.jaggy.var and jaggy.nanvar: variances along an axis."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy._reducers import run
from jaggy._reducers_leaf import Var
from jaggy._reducers_stats import as_array, done, is_innermost, variance

__all__ = ["nanvar", "var"]


def var(
    x: Any,
    weight: Any = None,
    ddof: int = 0,
    axis: int | None = None,
    *,
    keepdims: bool = False,
    mask_identity: bool = False,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """Variance of the values along an axis, with ``ddof`` delta degrees of freedom.

    Parameters:
        x: array-like numbers.
        weight: optional weights, broadcast against x.
        ddof: the divisor is count - ddof.
        axis: the axis to reduce (negative counts from the innermost); None reduces everything.
        keepdims: keep the reduced axis as a dimension of length 1.
        mask_identity: give None (instead of NaN) where a group has no values.
        highlevel: return a ``jaggy.Array`` (True) or a layout (False).
        behavior, attrs: custom behavior and attributes of the result.

    Returns:
        An array one dimension shallower (same depth with ``keepdims``), or a scalar.

    Example:
        >>> import jaggy as ak
        >>> ak.var(ak.Array([[1, 2, 6], [], [3]]), axis=1).to_list()
        [4.666666666666667, nan, 0.0]

    Raises:
        AxisError: ``axis`` exceeds the depth of the array.
        ValueError: x and weight cannot be broadcast together.
    """
    if weight is None and is_innermost(x, axis, "jaggy.var"):
        return run(
            "jaggy.var",
            Var(ddof, sqrt=False),
            x,
            axis,
            keepdims,
            mask_identity,
            highlevel,
            behavior,
            attrs,
        )
    xs = as_array(x, nan_to_none=False)
    out = variance("jaggy.var", xs, as_array(weight), ddof, axis, keepdims, mask_identity)
    return done(out, highlevel, x, behavior, attrs)


def nanvar(
    x: Any,
    weight: Any = None,
    ddof: int = 0,
    axis: int | None = None,
    *,
    keepdims: bool = False,
    mask_identity: bool = True,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """Variance of the values along an axis, with ``ddof`` delta degrees of freedom, NaN values skipped.

    Parameters:
        x: array-like numbers.
        weight: optional weights, broadcast against x.
        ddof: the divisor is count - ddof.
        axis: the axis to reduce (negative counts from the innermost); None reduces everything.
        keepdims: keep the reduced axis as a dimension of length 1.
        mask_identity: give None (instead of NaN) where a group has no values (default True,
            as in Awkward's nan-reducers).
        highlevel: return a ``jaggy.Array`` (True) or a layout (False).
        behavior, attrs: custom behavior and attributes of the result.

    Returns:
        An array one dimension shallower (same depth with ``keepdims``), or a scalar.

    Example:
        >>> import jaggy as ak
        >>> ak.nanvar(ak.Array([[1, 2, 6], [], [3]]), axis=1).to_list()
        [4.666666666666667, None, 0.0]

    Raises:
        AxisError: ``axis`` exceeds the depth of the array.
        ValueError: x and weight cannot be broadcast together.
    """
    if weight is None and is_innermost(x, axis, "jaggy.nanvar"):
        return run(
            "jaggy.nanvar",
            Var(ddof, sqrt=False),
            x,
            axis,
            keepdims,
            mask_identity,
            highlevel,
            behavior,
            attrs,
            nan_as_none=True,
        )
    xs = as_array(x, nan_to_none=True)
    out = variance(
        "jaggy.nanvar", xs, as_array(weight, nan_to_none=True), ddof, axis, keepdims, mask_identity
    )
    return done(out, highlevel, x, behavior, attrs)
