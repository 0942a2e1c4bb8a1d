"""jaggy.zeros_like: an array of the same structure filled with 0."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations.full_like import _ZERO, _full


def zeros_like(array: Any, *, dtype: Any = None, including_unknown: bool = False, highlevel: bool = True,
               behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """An array with the structure of ``array`` and 0 in place of every value.

    Args:
        array: any array (lists, records, options and None are kept).
        dtype: the dtype of the result's numbers (default: each leaf's own dtype); given,
            strings become numbers too.
        including_unknown: with ``dtype``, lists of unknown type also become ``dtype``.
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The filled array (strings become empty strings).

    Example:
        >>> jaggy.zeros_like(jaggy.Array([[1.5], []])).to_list()
        [[0.0], []]

    Raises:
        TypeError: ``dtype`` is not a NumPy dtype.
    """
    return _full(array, _ZERO, dtype, including_unknown, highlevel, behavior, attrs, "zeros_like")


__all__ = ["zeros_like"]
