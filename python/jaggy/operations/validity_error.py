"""jaggy.validity_error: the first inconsistency in a layout, or an empty string."""

from __future__ import annotations

from typing import Any


def validity_error(array: Any, *, exception: bool = False) -> str:
    """Checks every node of the layout (offsets, indexes, masks, tags, lengths).

    Parameters:
        array: an Array, Record or layout (or anything ``jaggy.to_layout`` accepts).
        exception: raise the message as a ``ValueError`` instead of returning it.

    Returns:
        ``""`` when the array is valid, else a message naming the node, its path from the top
        ("highlevel.content...") and the position of the problem.

    Example:
        >>> import numpy as np, jaggy
        >>> jaggy.validity_error(jaggy.Array([[1, 2], []]))
        ''
        >>> bad = jaggy.contents.ListOffsetArray(jaggy.index.Index64(np.array([0, 5])),
        ...                                      jaggy.contents.NumpyArray(np.arange(3)))
        >>> jaggy.validity_error(bad) != ""
        True

    Raises:
        ValueError: with ``exception=True``, when the layout is not valid (the message starts
            with ``jaggy.validity_error:``).
        TypeError: ``array`` cannot be converted to an array.
    """
    from jaggy.operations.to_layout import to_layout
    from jaggy.record import Record

    layout = to_layout(array, allow_record=True)
    if isinstance(layout, Record):
        layout = layout.array
    error = layout.validity_error("highlevel")
    if error and exception:
        msg = f"jaggy.validity_error: {error}"
        raise ValueError(msg)
    return error


__all__ = ["validity_error"]
