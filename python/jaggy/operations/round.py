"""jaggy.round: round every number to a given number of decimals (``numpy.round``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def round(array: Any, decimals: int = 0, out: Any = None, *, highlevel: bool = True,
          behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """``numpy.round`` on every numeric leaf; also what ``numpy.round(array)`` calls.

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        decimals: the number of decimals (negative: to the left of the point).
        out: not supported (jaggy arrays are immutable); must be None.
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        The array with the same structure; the dtypes are NumPy's (booleans become float16).

    Example:
        >>> import jaggy
        >>> jaggy.round(jaggy.Array([[1.26, None], [2.5]]), 1).to_list()
        [[1.3, None], [2.5]]

    Raises:
        NotImplementedError: ``out`` is given.
        TypeError: a leaf is not numeric (datetimes).
    """
    import numpy as np

    from jaggy.operations._numeric_leaves import apply_to_numeric_leaves

    if out is not None:
        msg = "jaggy.round: the 'out' argument is not supported (jaggy arrays are immutable)"
        raise NotImplementedError(msg)
    return apply_to_numeric_leaves(array, lambda data: np.round(data, decimals), "jaggy.round",
                                   highlevel, behavior, attrs)


__all__ = ["round"]
