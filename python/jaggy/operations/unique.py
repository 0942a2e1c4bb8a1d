"""jaggy.unique: sorted distinct values within every list (a jaggy extension, not in Awkward)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def unique(array: Any, axis: int | None = -1, *, highlevel: bool = True,
           behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Sorted distinct values within every list at ``axis`` (jaggy extension: not in Awkward).

    Parameters:
        array: array-like data with numbers at the innermost level.
        axis: the innermost list dimension (only that one is supported), or None for the
            distinct values of the whole array as one flat array.
        highlevel, behavior, attrs: as everywhere.

    Returns:
        Lists of distinct values in ascending order; None values are dropped and all NaN
        values count as one value (placed first).

    Example:
        >>> jaggy.unique(jaggy.Array([[3, 1, 3, None], [], [2, 2]])).to_list()
        [[1, 3], [], [2]]

    Raises:
        jaggy.errors.AxisError: ``axis`` does not exist in the array.
        TypeError: the innermost values are not numbers.
        NotImplementedError: ``axis`` is not the innermost list dimension.
    """
    from jaggy._axiswalk import apply_at_axis, list_depth, normalize_axis
    from jaggy._extensions import flat_unique, unique_list
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    if axis is None:
        return finish(flat_unique(layout, "unique"), highlevel, array, behavior=behavior,
                      attrs=attrs)
    posaxis = normalize_axis(layout, axis, "unique")
    if posaxis != list_depth(layout) - 1:
        msg = f"jaggy.unique: axis={axis} is not the innermost list dimension (not implemented yet)"
        raise NotImplementedError(msg)
    out = apply_at_axis(layout, posaxis, lambda lst: unique_list(lst, "unique"), "unique")
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["unique"]
