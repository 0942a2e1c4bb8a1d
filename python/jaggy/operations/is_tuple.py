"""jaggy.is_tuple: whether the records of an array are tuples (unnamed fields)."""

from __future__ import annotations

from typing import Any


def is_tuple(array: Any) -> bool:
    """True if the records of ``array`` (looking through lists and options) are tuples.

    Args:
        array: any array or record.

    Returns:
        True for tuples like ``(1, "a")``; False for named records or no records.

    Example:
        >>> jaggy.is_tuple(jaggy.Array([(1, 2.5)]))
        True
    """
    from jaggy.operations.to_layout import to_layout

    return bool(to_layout(array, allow_record=True).is_tuple)


__all__ = ["is_tuple"]
