"""The buffer a jaggy array exports through DLPack (``jaggy.Array.__dlpack__``)."""

from __future__ import annotations

from typing import Any


def dlpack_buffer(layout: Any) -> Any:
    """The leaf buffer of a NumpyArray (or RegularArrays over one), shaped like the array.

    Anything else (variable-length lists, missing values, records, unions, strings) has no
    single strided buffer, so it raises ``TypeError`` naming the node type that is in the way.
    """
    shape = []
    node = layout
    length = layout.length
    while node.is_regular and node.parameter("__array__") is None:
        shape.append(node.size)
        node = node.content
    if not node.is_numpy or node.parameter("__array__") is not None:
        what = type(node).__name__
        if node.parameter("__array__") is not None:
            what += f" ({node.parameter('__array__')})"
        msg = (f"jaggy.Array.__dlpack__: only arrays of numbers in regular dimensions (a NumpyArray, "
               f"or RegularArrays over one) can be exported through DLPack; this array's layout has {what}")
        raise TypeError(msg)
    data = node.data
    count = length
    for size in shape:
        count *= size
    inner = data.shape[1:]
    return data[:count].reshape((length, *shape, *inner))
