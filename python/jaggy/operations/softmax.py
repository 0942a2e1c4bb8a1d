"""jaggy.softmax: the softmax exp(x) / sum(exp(x)) along the innermost axis."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy._reducers_stats import as_array, done, softmax_of

__all__ = ["softmax"]


def softmax(
    x: Any,
    axis: int | None = -1,
    *,
    keepdims: bool = False,
    mask_identity: bool = False,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    attrs: Mapping | None = None,
) -> Any:
    """The softmax of the values along the innermost axis: exp(x) / sum(exp(x)).

    Parameters:
        x: array-like numbers.
        axis: must name the innermost axis (-1 or its positive equivalent).
        keepdims: keep the denominators' reduced axis (as Awkward does; with False, an empty
            list whose sum is masked by ``mask_identity`` becomes None).
        mask_identity: give None (instead of NaN) where a list is empty.
        highlevel: return a ``jaggy.Array`` (True) or a layout (False).
        behavior, attrs: custom behavior and attributes of the result.

    Returns:
        An array with the structure of x, each innermost list normalized to sum to 1.

    Example:
        >>> import jaggy as ak
        >>> ak.softmax(ak.Array([[0.0, 0.0], [1.0]]), axis=-1).to_list()
        [[0.5, 0.5], [1.0]]

    Raises:
        ValueError: ``axis`` is None.
        NotImplementedError: ``axis`` is not the innermost axis (softmax is not defined there).
        AxisError: ``axis`` exceeds the depth of the array.
    """
    out = softmax_of("jaggy.softmax", as_array(x), axis, keepdims, mask_identity)
    return done(out, highlevel, x, behavior, attrs)
