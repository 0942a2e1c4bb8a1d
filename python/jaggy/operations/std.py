"""jaggy.std and jaggy.nanstd: standard deviations along an axis."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy._reducers_stats import variance_op

__all__ = ["nanstd", "std"]


def std(
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
    """Standard deviation of the values along an axis, with ``ddof`` delta degrees of freedom.

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
        >>> ak.std(ak.Array([[1, 2, 6], [], [3]]), axis=1).to_list()
        [2.160246899469287, nan, 0.0]

    Raises:
        AxisError: ``axis`` exceeds the depth of the array.
        ValueError: x and weight cannot be broadcast together.
    """
    return variance_op("jaggy.std", x, weight, ddof, axis, keepdims, mask_identity, highlevel,
                       behavior, attrs, sqrt=True, nan=False)

def nanstd(
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
    """Standard deviation of the values along an axis, with ``ddof`` delta degrees of freedom, NaN values skipped.

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
        >>> ak.nanstd(ak.Array([[1, 2, 6], [], [3]]), axis=1).to_list()
        [2.160246899469287, None, 0.0]

    Raises:
        AxisError: ``axis`` exceeds the depth of the array.
        ValueError: x and weight cannot be broadcast together.
    """
    return variance_op("jaggy.nanstd", x, weight, ddof, axis, keepdims, mask_identity, highlevel,
                       behavior, attrs, sqrt=True, nan=True)
