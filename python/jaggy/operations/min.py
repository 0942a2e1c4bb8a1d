"""jaggy.min and jaggy.nanmin: Minimum of the values along an axis (None and NaN entries are skipped)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy._reducers import run
from jaggy._reducers_leaf import Min

__all__ = ["min", "nanmin"]


def min(
    array: Any,
    axis: int | None = None,
    *,
    keepdims: bool = False,
    initial: Any = None,
    mask_identity: bool = True,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """Minimum of the values along an axis (None and NaN entries are skipped).

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        axis: the axis to reduce (negative counts from the innermost); None reduces everything
            to one value.
        keepdims: keep the reduced axis as a dimension of length 1.
        mask_identity: give None (instead of the largest value of the dtype) where a reduction has no values.
        initial: a value that every minimum starts from (also the result of an empty
            reduction when mask_identity is False).
        highlevel: return a ``jaggy.Array`` (True) or a layout (False).
        behavior, attrs: custom behavior and attributes of the result.

    Returns:
        An array one dimension shallower than ``array`` (same depth with ``keepdims``), or a
        scalar (None where masked) when the whole array is reduced.

    Example:
        >>> import jaggy as ak
        >>> ak.min(ak.Array([[1, 2], [], [3]]), axis=1).to_list()
        [1, None, 3]

    Raises:
        AxisError: ``axis`` exceeds the depth of the array.
        TypeError: the values are records or mixed types, or not numbers.
    """
    return run("jaggy.min", Min(initial), array, axis, keepdims, mask_identity, highlevel,
               behavior, attrs)


def nanmin(
    array: Any,
    axis: int | None = None,
    *,
    keepdims: bool = False,
    initial: Any = None,
    mask_identity: bool = True,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """Like ``jaggy.min``, but NaN values are skipped as if they were None.

    Parameters: those of ``jaggy.min``.

    Example:
        >>> import jaggy as ak
        >>> ak.nanmin(ak.Array([[1.0, float("nan"), 3.0]]), axis=1).to_list()
        [1.0]

    Raises:
        AxisError: ``axis`` exceeds the depth of the array.
    """
    return run("jaggy.nanmin", Min(initial), array, axis, keepdims, mask_identity, highlevel,
               behavior, attrs, nan_as_none=True)
