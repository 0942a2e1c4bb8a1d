"""jaggy.is_categorical: whether an array holds categorical (dictionary-encoded) data."""

from __future__ import annotations

from typing import Any


def is_categorical(array: Any) -> bool:
    """True if the data of ``array``, looking through its lists, is categorical.

    Categorical data is an indexed node marked ``__array__: "categorical"``, as
    ``jaggy.str.to_categorical`` makes.

    Args:
        array: any array, record or layout.

    Returns:
        True for ``categorical[type=...]`` data (in lists of any depth), False otherwise (also for
        categorical data inside records).

    Example:
        >>> jaggy.is_categorical(jaggy.str.to_categorical(jaggy.Array([["a", "b"], ["a"]])))
        True

    Raises:
        TypeError: ``array`` cannot be converted to an array.
    """
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    return layout.purelist_parameter("__array__") == "categorical"


__all__ = ["is_categorical"]
