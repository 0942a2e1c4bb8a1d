"""jaggy.ptp: peak-to-peak ranges along an axis."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy._reducers import run
from jaggy._reducers_leaf import PeakToPeak

__all__ = ["ptp"]


def _no_weight(fname: str, weight: Any) -> None:
    if weight is not None:
        msg = f"{fname}: weight is not implemented yet (it needs broadcasting of x and weight)"
        raise NotImplementedError(msg)


def ptp(
    array: Any,
    axis: int | None = None,
    *,
    keepdims: bool = False,
    mask_identity: bool = True,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """Range (maximum minus minimum) of the values along an axis.

    Parameters:
        array: array-like numbers.
        axis: the axis to reduce (negative counts from the innermost); None reduces everything.
        keepdims: keep the reduced axis as a dimension of length 1.
        mask_identity: give None (instead of 0) where a group has no values.
        highlevel: return a ``jaggy.Array`` (True) or a layout (False).
        behavior, attrs: custom behavior and attributes of the result.

    Returns:
        An array one dimension shallower (same depth with ``keepdims``), or a scalar.

    Example:
        >>> import jaggy as ak
        >>> ak.ptp(ak.Array([[1, 2, 4], []]), axis=1).to_list()
        [3, None]

    Raises:
        AxisError: ``axis`` exceeds the depth of the array.
        NotImplementedError: a ``weight`` was given (not supported yet).
    """
    return run("jaggy.ptp", PeakToPeak(), array, axis, keepdims, mask_identity, highlevel, behavior,
               attrs)
