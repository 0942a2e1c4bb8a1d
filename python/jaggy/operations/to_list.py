"""jaggy.to_list: an array (or anything holding arrays) as Python lists, dicts and scalars."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np


def to_list(array: Any) -> Any:
    """Convert to Python objects: lists, dicts, tuples, None, str, bytes and numbers.

    >>> import jaggy
    >>> jaggy.to_list(jaggy.Array([[1, 2], [], [3]]))
    [[1, 2], [], [3]]
    """
    from jaggy.highlevel import Array, Record
    from jaggy.layout import Content
    from jaggy.record import Record as LayoutRecord

    if isinstance(array, (Array, Record, Content, LayoutRecord)):
        return array.to_list()
    if isinstance(array, np.ndarray):
        return array.tolist()
    if isinstance(array, np.generic):
        return array.item()
    if isinstance(array, (str, bytes)) or array is None:
        return array
    if isinstance(array, Mapping):
        return {k: to_list(v) for k, v in array.items()}
    if isinstance(array, (list, tuple)):
        return type(array)(to_list(x) for x in array) if isinstance(array, tuple) else [to_list(x) for x in array]
    return array

__all__ = ["to_list"]
