"""jaggy.is_valid: whether validity_error finds nothing."""

from __future__ import annotations

from typing import Any


def is_valid(array: Any, *, exception: bool = False) -> bool:
    """True if the array's layout is consistent (see ``jaggy.validity_error``).

    Parameters:
        array: an Array, Record or layout (or anything ``jaggy.to_layout`` accepts).
        exception: raise a ``ValueError`` describing the first problem instead of returning
            False.

    Returns:
        A Python bool.

    Example:
        >>> import numpy as np, jaggy
        >>> jaggy.is_valid(jaggy.Array([[1, 2], []]))
        True
        >>> bad = jaggy.contents.ListOffsetArray(jaggy.index.Index64(np.array([0, 5])),
        ...                                      jaggy.contents.NumpyArray(np.arange(3)))
        >>> jaggy.is_valid(bad)
        False

    Raises:
        ValueError: with ``exception=True``, when the layout is not valid (the message starts
            with ``jaggy.is_valid:``).
        TypeError: ``array`` cannot be converted to an array.
    """
    from jaggy.operations.validity_error import validity_error

    error = validity_error(array)
    if error and exception:
        msg = f"jaggy.is_valid: {error}"
        raise ValueError(msg)
    return error == ""


__all__ = ["is_valid"]
