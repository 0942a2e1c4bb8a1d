"""jaggy.cumprod: running product within every list (a jaggy extension, not in Awkward)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def cumprod(array: Any, axis: int = -1, *, highlevel: bool = True,
           behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Running product of the values within every list at ``axis`` (jaggy extension: Awkward
    has no cumprod).

    Parameters:
        array: array-like data with numbers at the innermost level.
        axis: the list dimension to scan along (negative counts from the innermost). Above
            the innermost, the values at equal coordinates below the axis accumulate in their
            order along it (the values an axis reduction would combine); regular dimensions
            become var.
        highlevel, behavior, attrs: as everywhere.

    Returns:
        An array of the same structure; integers and booleans accumulate as int64 (unsigned as
        uint64). None values stay None and are skipped: they do not reset the running product.

    Example:
        >>> jaggy.cumprod(jaggy.Array([[1, 2, None, 3], [], [4]])).to_list()
        [[1, 2, None, 6], [], [4]]

    Raises:
        jaggy.errors.AxisError: ``axis`` does not exist in the array.
        TypeError: the innermost values are not numbers.
    """
    from jaggy._axiswalk import apply_at_axis, list_depth, normalize_axis
    from jaggy._extensions import scan_list
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    posaxis = normalize_axis(layout, axis, "cumprod")
    if posaxis == list_depth(layout) - 1:
        out = apply_at_axis(layout, posaxis, lambda lst: scan_list(lst, 1, "cumprod"), "cumprod")
    else:
        from jaggy._scan_outer import outer_scan

        out = apply_at_axis(layout, posaxis, lambda lst: outer_scan(lst, 1, "cumprod"), "cumprod")
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["cumprod"]
