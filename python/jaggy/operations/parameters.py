"""jaggy.parameters: the parameters of the outermost node of an array."""

from __future__ import annotations

from typing import Any


def parameters(array: Any) -> dict:
    """The parameters of ``array``'s outermost layout node (of its record array, for a Record).

    Args:
        array: an Array, Record, layout or anything convertible to an array.

    Returns:
        A new dict (empty if there are none).

    Example:
        >>> jaggy.parameters(jaggy.Array(["ab"]))
        {'__array__': 'string'}
    """
    from jaggy.highlevel import Array, Record
    from jaggy.layout import Content
    from jaggy.record import Record as LayoutRecord

    if isinstance(array, (Array, Record)):
        array = array.layout
    if isinstance(array, LayoutRecord):
        array = array.array
    if isinstance(array, Content):
        return dict(array.parameters)
    return {}


__all__ = ["parameters"]
