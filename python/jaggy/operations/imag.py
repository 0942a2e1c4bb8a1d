"""jaggy.imag: the imaginary part of every number (``numpy.imag``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


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

    from jaggy.operations._numeric_leaves import map_numeric_leaves
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    result = map_numeric_leaves(layout, lambda data: np.imag(data), "jaggy.imag")
    return finish(result, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["imag"]
