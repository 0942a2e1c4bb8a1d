"""jaggy.from_regular: regular dimensions as variable-length lists."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def _var(node: Any) -> Any:
    return node.to_ListOffsetArray64() if node.is_regular else node


def from_regular(array: Any, axis: int | None = 1, *, highlevel: bool = True,
                 behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Converts the regular dimension at ``axis`` (every one if None) to variable-length lists.

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts, including multi-dimensional
            NumPy arrays).
        axis: the dimension to convert (>= 1, negative counts from the innermost; 0 returns the
            array as it is), or None for every regular dimension.
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        The same values with type ``var * ...`` at that axis.

    Example:
        >>> import numpy as np, jaggy
        >>> a = jaggy.Array(np.zeros((2, 3)))
        >>> print(a.type)
        2 * 3 * float64
        >>> print(jaggy.from_regular(a).type)
        2 * var * float64

    Raises:
        jaggy.errors.AxisError: ``axis`` is deeper than the array.
    """
    from jaggy._structure_util import check_axis, recurse
    from jaggy.operations.to_layout import to_layout
    from jaggy.operations.to_regular import _all_levels

    layout = to_layout(array, allow_record=False)
    pos = check_axis(layout, axis, "from_regular", allow_none=True, into_strings=True)
    if pos is None:  # axis=None
        out = _all_levels(layout, _var)
    elif pos == 0:
        out = layout
    else:
        out = recurse(layout, pos, "from_regular", lambda node, depth: _var(node))
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["from_regular"]
