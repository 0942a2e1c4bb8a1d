"""jaggy.real: the real part of every number (``numpy.real``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def real(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
         attrs: Mapping | None = None) -> Any:
    """The real part of every number (``numpy.real``) on every numeric leaf; also what ``numpy.real(array)`` calls.

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        The array with the same structure (complex leaves become real; others keep their dtype).

    Example:
        >>> import jaggy
        >>> jaggy.real(jaggy.Array([[1 + 2j, None], [2.5]])).to_list()
        [[1.0, None], [2.5]]

    Raises:
        TypeError: a leaf is not numeric (datetimes).
    """
    import numpy as np

    from jaggy.operations._numeric_leaves import apply_to_numeric_leaves

    return apply_to_numeric_leaves(array, np.real, "jaggy.real", highlevel, behavior, attrs)


__all__ = ["real"]
