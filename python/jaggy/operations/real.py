"""jaggy.real: the real part of every number (``numpy.real``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


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

    from jaggy.operations._numeric_leaves import map_numeric_leaves
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    result = map_numeric_leaves(layout, lambda data: np.real(data), "jaggy.real")
    return finish(result, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["real"]
