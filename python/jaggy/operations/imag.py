"""jaggy.imag: the imaginary part of every number (``numpy.imag``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def imag(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
         attrs: Mapping | None = None) -> Any:
    """The imaginary part of every number (``numpy.imag``) on every numeric leaf; also what ``numpy.imag(array)`` calls.

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        The array with the same structure (complex leaves become real; others keep their dtype).

    Example:
        >>> import jaggy
        >>> jaggy.imag(jaggy.Array([[1 + 2j, None], [2.5]])).to_list()
        [[2.0, None], [0.0]]

    Raises:
        TypeError: a leaf is not numeric (datetimes).
    """
    import numpy as np

    from jaggy.operations._numeric_leaves import apply_to_numeric_leaves

    return apply_to_numeric_leaves(array, np.imag, "jaggy.imag", highlevel, behavior, attrs)


__all__ = ["imag"]
