"""jaggy.linear_fit: least-squares straight-line fits of y against x along an axis."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy._reducers_stats import as_array, done, linear_fit_of

__all__ = ["linear_fit"]


def linear_fit(
    x: Any,
    y: Any,
    weight: Any = None,
    axis: int | None = None,
    *,
    keepdims: bool = False,
    mask_identity: bool = False,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """Least-squares fit of y = intercept + slope * x along an axis.

    Parameters:
        x, y: array-like numbers of the same structure (they are broadcast together).
        weight: optional weights, broadcast against x and y.
        axis: the axis to reduce (negative counts from the innermost); None reduces everything.
        keepdims: keep the reduced axis as a dimension of length 1.
        mask_identity: give None (instead of NaN) where a group has no values.
        highlevel: return a ``jaggy.Array`` (True) or a layout (False).
        behavior, attrs: custom behavior and attributes of the result.

    Returns:
        ``LinearFit`` records with fields intercept, slope, intercept_error, slope_error
        (one per group; a single record for ``axis=None``).

    Example:
        >>> import jaggy as ak
        >>> ak.linear_fit(ak.Array([[0, 1, 2]]), ak.Array([[1, 3, 5]]), axis=1).slope.to_list()
        [2.0]

    Raises:
        AxisError: ``axis`` exceeds the depth of the array.
        ValueError: x, y and weight cannot be broadcast together.
    """
    out = linear_fit_of(
        "jaggy.linear_fit",
        as_array(x),
        as_array(y),
        as_array(weight),
        axis,
        keepdims,
        mask_identity,
    )
    return done(out, highlevel, x, behavior, attrs)
