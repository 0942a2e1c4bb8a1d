"""jaggy.argsort: the positions that would sort every list."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def argsort(array: Any, axis: int = -1, *, ascending: bool = True, stable: bool = True,
            highlevel: bool = True, behavior: Mapping | None = None,
            attrs: Mapping | None = None) -> Any:
    """Positions within every list at ``axis`` that put the list in order.

    Parameters:
        array: array-like data (jaggy.Array, layout, NumPy array or Python lists).
        axis: the list dimension to sort along (negative counts from the innermost).
        ascending: smallest first if True, largest first if False.
        stable: accepted for compatibility; equal values always keep their order.
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        Local indexes (``var * int64``): ``array[jaggy.argsort(array)]`` equals
        ``jaggy.sort(array)``. Positions of NaN come first and of None last.

    Example:
        >>> import jaggy
        >>> jaggy.argsort(jaggy.Array([[3, None, 1], [], [2.5, 0.5]])).to_list()
        [[2, 0, 1], [], [1, 0]]

    Raises:
        jaggy.errors.AxisError: ``axis`` does not exist in the array.
        TypeError: the values are records or of an unsortable dtype.
        ValueError: the values are a union of different types.
    """
    from jaggy._axiswalk import apply_at_axis, normalize_axis
    from jaggy._sorting import argsort_list
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    posaxis = normalize_axis(layout, axis, "argsort")
    out = apply_at_axis(layout, posaxis, lambda lst: argsort_list(lst, ascending, "argsort"),
                        "argsort")
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["argsort"]
