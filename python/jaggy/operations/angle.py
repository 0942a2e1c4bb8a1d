"""jaggy.angle: the argument (phase) of every complex number (``numpy.angle``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def angle(val: Any, deg: bool = False, *, highlevel: bool = True, behavior: Mapping | None = None,
          attrs: Mapping | None = None) -> Any:
    """``numpy.angle`` on every numeric leaf; also what ``numpy.angle(array)`` calls.

    Parameters:
        val: array-like data (anything ``jaggy.Array`` accepts).
        deg: degrees if True, else radians.
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        The array with the same structure and float leaves.

    Example:
        >>> import jaggy
        >>> jaggy.angle(jaggy.Array([[1j, None], [-1.0]]), deg=True).to_list()
        [[90.0, None], [180.0]]

    Raises:
        TypeError: a leaf is not numeric (datetimes).
    """
    import numpy as np

    from jaggy.operations._numeric_leaves import apply_to_numeric_leaves

    return apply_to_numeric_leaves(val, lambda data: np.angle(data, deg), "jaggy.angle",
                                   highlevel, behavior, attrs)


__all__ = ["angle"]
