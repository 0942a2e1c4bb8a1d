"""jaggy.count: Number of values (not None) along an axis."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy._reducers import run
from jaggy._reducers_leaf import Count

__all__ = ["count"]


def count(
    array: Any,
    axis: int | None = None,
    *,
    keepdims: bool = False,
    mask_identity: bool = False,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """Number of values (not None) along an axis.

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        axis: the axis to reduce (negative counts from the innermost); None reduces everything
            to one value.
        keepdims: keep the reduced axis as a dimension of length 1.
        mask_identity: give None (instead of 0) where a reduction has no values.
        highlevel: return a ``jaggy.Array`` (True) or a layout (False).
        behavior, attrs: custom behavior and attributes of the result.

    Returns:
        An array one dimension shallower than ``array`` (same depth with ``keepdims``), or a
        scalar (None where masked) when the whole array is reduced.

    Example:
        >>> import jaggy as ak
        >>> ak.count(ak.Array([[0, 2], [], [None]]), axis=1).to_list()
        [2, 0, 0]

    Raises:
        AxisError: ``axis`` exceeds the depth of the array.
        TypeError: the values are records or mixed types, or not numbers.
    """
    return run("jaggy.count", Count(), array, axis, keepdims, mask_identity, highlevel,
               behavior, attrs)
