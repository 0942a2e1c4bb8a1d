"""jaggy.strings_astype: parse the strings of an array as numbers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np


def strings_astype(array: Any, to: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
                   attrs: Mapping | None = None) -> Any:
    """Convert every string (or bytestring) of ``array`` to a number of dtype ``to``.

    Args:
        array: an array containing strings, anywhere in its structure.
        to: the NumPy dtype of the numbers (parsed as NumPy parses text: ``" 3"`` -> ``3.0``).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The array with each string replaced by a number (structure and None kept).

    Example:
        >>> jaggy.strings_astype(jaggy.Array([["1", "2.5"], ["3"]]), np.float64).to_list()
        [[1.0, 2.5], [3.0]]

    Raises:
        ValueError: a string is not a number of that dtype.
    """
    from jaggy._recurse import is_string_like, transform
    from jaggy.layout import NumpyArray
    from jaggy.operations._wrap import finish
    from jaggy.operations.to_layout import to_layout

    dtype = np.dtype(to)

    def convert(node: Any, depth: int) -> Any:
        if not is_string_like(node):
            return None
        xp = node.backend.xp
        lo = node.to_ListOffsetArray64()
        offsets = lo.offsets.data.astype(np.int64)
        chars = lo.content.data
        counts = offsets[1:] - offsets[:-1]
        n = len(counts)
        width = max(int(counts.max()) if n else 0, 1)
        padded = xp.zeros((n, width), np.uint8)
        total = int(counts.sum())
        rows = xp.repeat(xp.arange(n), counts)
        cols = xp.arange(total) - xp.repeat(offsets[:-1] - offsets[0], counts)
        padded[rows, cols] = chars[int(offsets[0]):int(offsets[-1])]
        text = padded.view(f"S{width}").reshape(n)
        try:
            values = text.astype(dtype)
        except ValueError as err:
            msg = f"jaggy.strings_astype: cannot convert a string to {dtype}: {err}"
            raise ValueError(msg) from err
        return NumpyArray(values, backend=node.backend)

    layout = to_layout(array, allow_record=False)
    return finish(transform(layout, convert), highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["strings_astype"]
