"""jaggy.sort: the values of every list in order."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def sort(array: Any, axis: int = -1, *, ascending: bool = True, stable: bool = True,
         highlevel: bool = True, behavior: Mapping | None = None,
         attrs: Mapping | None = None) -> Any:
    """Sort the values within every list at ``axis``.

    Parameters:
        array: array-like data (jaggy.Array, layout, NumPy array or Python lists).
        axis: the list dimension to sort along (negative counts from the innermost); the
            default sorts the innermost lists. ``axis=0`` sorts a one-dimensional array.
        ascending: smallest first if True, largest first if False.
        stable: accepted for compatibility; the sort is always stable.
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        An array of the same type and list lengths. NaN values come first and missing values
        (None) last, in both directions; strings sort lexicographically (byte-wise). At an
        axis above the innermost, the values at equal coordinates below it are sorted among
        themselves (as in Awkward), and missing lists below the axis move behind present ones.

    Example:
        >>> import jaggy
        >>> jaggy.sort(jaggy.Array([[3, None, 1], [], [2.5, 0.5]])).to_list()
        [[1.0, 3.0, None], [], [0.5, 2.5]]

    Raises:
        jaggy.errors.AxisError: ``axis`` does not exist in the array.
        TypeError: the values are records (no order is defined) or of an unsortable dtype.
        ValueError: the values are a union of different types.
    """
    from jaggy._axiswalk import apply_at_axis, normalize_axis
    from jaggy._sorting import sort_list
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    posaxis = normalize_axis(layout, axis, "sort")
    out = apply_at_axis(layout, posaxis, lambda lst: sort_list(lst, ascending, "sort"), "sort")
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["sort"]
