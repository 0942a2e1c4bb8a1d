"""jaggy.mean and jaggy.nanmean: means along an axis."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy._reducers import run
from jaggy._reducers_leaf import Mean
from jaggy._reducers_stats import as_array, done, mean_of

__all__ = ["mean", "nanmean"]


def mean(
    x: Any,
    weight: Any = None,
    axis: int | None = None,
    *,
    keepdims: bool = False,
    mask_identity: bool = False,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """Mean of the values along an axis: sum(x) / count(x), as float64.

    Parameters:
        x: array-like numbers.
        weight: optional weights, broadcast against x.
        axis: the axis to reduce (negative counts from the innermost); None reduces everything.
        keepdims: keep the reduced axis as a dimension of length 1.
        mask_identity: give None (instead of NaN) where a group has no values.
        highlevel: return a ``jaggy.Array`` (True) or a layout (False).
        behavior, attrs: custom behavior and attributes of the result.

    Returns:
        An array one dimension shallower (same depth with ``keepdims``), or a scalar.

    Example:
        >>> import jaggy as ak
        >>> ak.mean(ak.Array([[1, 2, 6], [], [3]]), axis=1).to_list()
        [3.0, nan, 3.0]

    Raises:
        AxisError: ``axis`` exceeds the depth of the array.
        ValueError: x and weight cannot be broadcast together.
    """
    if weight is not None:
        out = mean_of(as_array(x), as_array(weight), axis, keepdims, mask_identity)
        return done(out, highlevel, x, behavior, attrs)
    return run("jaggy.mean", Mean(), x, axis, keepdims, mask_identity, highlevel, behavior, attrs)


def nanmean(
    x: Any,
    weight: Any = None,
    axis: int | None = None,
    *,
    keepdims: bool = False,
    mask_identity: bool = True,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """Mean of the values along an axis: sum(x) / count(x), as float64, NaN values skipped.

    Parameters:
        x: array-like numbers.
        weight: optional weights, broadcast against x.
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
        >>> ak.nanmean(ak.Array([[1, 2, 6], [], [3]]), axis=1).to_list()
        [3.0, None, 3.0]

    Raises:
        AxisError: ``axis`` exceeds the depth of the array.
        ValueError: x and weight cannot be broadcast together.
    """
    if weight is not None:
        out = mean_of(
            as_array(x, nan_to_none=True),
            as_array(weight, nan_to_none=True),
            axis,
            keepdims,
            mask_identity,
        )
        return done(out, highlevel, x, behavior, attrs)
    return run(
        "jaggy.nanmean",
        Mean(),
        x,
        axis,
        keepdims,
        mask_identity,
        highlevel,
        behavior,
        attrs,
        nan_as_none=True,
    )
