"""jaggy.moment: raw moments along an axis."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy._reducers import run
from jaggy._reducers_leaf import Moment
from jaggy._reducers_stats import as_array, done, moment_of

__all__ = ["moment"]


def moment(
    x: Any,
    n: Any,
    weight: Any = None,
    axis: int | None = None,
    *,
    keepdims: bool = False,
    mask_identity: bool = False,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """The n-th raw moment of the values along an axis: sum(x**n) / count(x).

    Parameters:
        x: array-like numbers.
        n: the power.
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
        >>> ak.moment(ak.Array([[1, 2, 4], []]), 2, axis=1).to_list()
        [7.0, nan]

    Raises:
        AxisError: ``axis`` exceeds the depth of the array.
        ValueError: x and weight cannot be broadcast together.
    """
    if weight is not None:
        out = moment_of(as_array(x), n, as_array(weight), axis, keepdims, mask_identity)
        return done(out, highlevel, x, behavior, attrs)
    return run(
        "jaggy.moment", Moment(n), x, axis, keepdims, mask_identity, highlevel, behavior, attrs
    )
