"""jaggy.fields: the record field names of an array."""

from __future__ import annotations

from typing import Any


def fields(array: Any) -> list[str]:
    """The field names of the records in ``array``.

    Parameters:
        array: an Array, Record or layout (or anything ``jaggy.Array`` accepts).

    Returns:
        A list of strings: ``[]`` if the array holds no records, ``"0"``, ``"1"``, ... for
        tuples.

    Example:
        >>> import jaggy
        >>> jaggy.fields(jaggy.Array([{"x": 1, "y": [2.5]}]))
        ['x', 'y']
        >>> jaggy.fields(jaggy.Array([(1, "a")])), jaggy.fields(jaggy.Array([[1, 2]]))
        (['0', '1'], [])

    Raises:
        TypeError: ``array`` cannot be converted to an array.
    """
    from jaggy.operations.to_layout import to_layout

    return to_layout(array).fields

__all__ = ["fields"]
