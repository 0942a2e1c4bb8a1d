"""jaggy.top_k: the k largest (or smallest) values of every list (a jaggy extension)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def top_k(array: Any, k: int, axis: int = -1, ascending: bool = False, *,
          highlevel: bool = True, behavior: Mapping | None = None,
          attrs: Mapping | None = None) -> Any:
    """The k largest values of every list, largest first (jaggy extension: not in Awkward).

    Parameters:
        array: array-like data.
        k: how many values to keep per list (at least 0); shorter lists keep all values.
        axis: the list dimension (negative counts from the innermost).
        ascending: if True, the k smallest values, smallest first.
        highlevel, behavior, attrs: as everywhere.

    Returns:
        ``jaggy.sort(array, axis, ascending)`` cut to at most k entries per list (NaN sorts
        first and None last, as in ``jaggy.sort``).

    Example:
        >>> jaggy.top_k(jaggy.Array([[3, 1, 4, 1, 5], [], [2]]), 2).to_list()
        [[5, 4], [], [2]]

    Raises:
        jaggy.errors.AxisError: ``axis`` does not exist in the array.
        ValueError: ``k`` is negative. TypeError: ``k`` is not an integer.
    """
    from jaggy._axiswalk import apply_at_axis, normalize_axis
    from jaggy._extensions import top_k_list
    from jaggy.operations.to_layout import to_layout

    if isinstance(k, bool) or not isinstance(k, int):
        msg = f"jaggy.top_k: k must be an integer, not {k!r}"
        raise TypeError(msg)
    if k < 0:
        msg = f"jaggy.top_k: k must not be negative (got k={k})"
        raise ValueError(msg)
    layout = to_layout(array, allow_record=False)
    posaxis = normalize_axis(layout, axis, "top_k")
    out = apply_at_axis(layout, posaxis, lambda lst: top_k_list(lst, k, ascending, "top_k"),
                        "top_k")
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["top_k"]
