"""jaggy.to_numpy: a regular array as a NumPy array (masked where values are missing)."""

from __future__ import annotations

from typing import Any


def to_numpy(array: Any, *, allow_missing: bool = True) -> Any:
    """Convert an array whose dimensions are all regular to NumPy.

    Lists must all have the same length within a dimension; missing values give a
    ``numpy.ma.MaskedArray`` (or ``ValueError`` with ``allow_missing=False``); records give a
    structured array.

    >>> import jaggy
    >>> jaggy.to_numpy(jaggy.Array([[1, 2], [3, 4]])).tolist()
    [[1, 2], [3, 4]]
    """
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    return layout.to_numpy(allow_missing=allow_missing)

__all__ = ["to_numpy"]
