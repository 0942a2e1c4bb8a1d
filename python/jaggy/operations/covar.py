"""jaggy.covar: the covariance of x and y along an axis."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy._reducers_stats import as_array, covar_corr, done

__all__ = ["covar"]


def covar(
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
    """Covariance of x and y along an axis: sum(w (x - mean x)(y - mean y)) / sum(w).

    Parameters:
        x, y: array-like numbers of the same structure (they are broadcast together).
        weight: optional weights, broadcast against x and y.
        axis: the axis to reduce (negative counts from the innermost); None reduces everything.
        keepdims: keep the reduced axis as a dimension of length 1.
        mask_identity: give None (instead of NaN) where a group has no values.
        highlevel: return a ``jaggy.Array`` (True) or a layout (False).
        behavior, attrs: custom behavior and attributes of the result.

    Returns:
        An array one dimension shallower (same depth with ``keepdims``), or a scalar.

    Example:
        >>> import jaggy as ak
        >>> ak.covar(ak.Array([[1, 2, 3]]), ak.Array([[2, 4, 7]]), axis=1).to_list()
        [1.6666666666666667]

    Raises:
        AxisError: ``axis`` exceeds the depth of the array.
        ValueError: x, y and weight cannot be broadcast together.
    """
    out = covar_corr(
        "jaggy.covar",
        as_array(x),
        as_array(y),
        as_array(weight),
        axis,
        keepdims,
        mask_identity,
        corr=False,
    )
    return done(out, highlevel, x, behavior, attrs)
