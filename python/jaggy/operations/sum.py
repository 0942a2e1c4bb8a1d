"""jaggy.sum and jaggy.nansum: Sum of the values along an axis (None entries are skipped)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy._reducers import run
from jaggy._reducers_leaf import Sum

__all__ = ["nansum", "sum"]


def sum(
    array: Any,
    axis: int | None = None,
    *,
    keepdims: bool = False,
    mask_identity: bool = False,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """Sum of the values along an axis (None entries are skipped).

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
        >>> ak.sum(ak.Array([[1, 2], [], [3]]), axis=1).to_list()
        [3, 0, 3]

    Raises:
        AxisError: ``axis`` exceeds the depth of the array.
        TypeError: the values are records or mixed types, or not numbers.
    """
    return run("jaggy.sum", Sum(), array, axis, keepdims, mask_identity, highlevel,
               behavior, attrs)


def nansum(
    array: Any,
    axis: int | None = None,
    *,
    keepdims: bool = False,
    mask_identity: bool = False,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """Like ``jaggy.sum``, but NaN values are skipped as if they were None.

    Parameters: those of ``jaggy.sum``.

    Example:
        >>> import jaggy as ak
        >>> ak.nansum(ak.Array([[1.0, float("nan"), 3.0]]), axis=1).to_list()
        [4.0]

    Raises:
        AxisError: ``axis`` exceeds the depth of the array.
    """
    return run("jaggy.nansum", Sum(), array, axis, keepdims, mask_identity, highlevel,
               behavior, attrs, nan_as_none=True)
