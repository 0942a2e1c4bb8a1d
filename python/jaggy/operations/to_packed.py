"""jaggy.to_packed: the same array with its buffers compacted (no unreachable data)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def to_packed(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
              attrs: Mapping | None = None) -> Any:
    """Rewrites the layout so that it holds only the data the array can reach.

    Offsets start at 0, gathers (indexes) are applied and the buffers are trimmed, so the
    result is as small as the data (useful before saving a slice of a big array).

    Parameters:
        array: an Array, Record or layout (or anything ``jaggy.Array`` accepts).
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        An array with the same values and type.

    Example:
        >>> import jaggy
        >>> a = jaggy.Array([[1, 2, 3], [], [4, 5]])[2:]
        >>> a.layout.offsets.data.tolist()
        [3, 5]
        >>> packed = jaggy.to_packed(a)
        >>> packed.layout.offsets.data.tolist(), packed.to_list()
        ([0, 2], [[4, 5]])

    Raises:
        TypeError: ``array`` cannot be converted to an array.
    """
    from jaggy.operations.to_layout import to_layout

    return finish(to_layout(array, allow_record=True).to_packed(), highlevel, array,
                  behavior=behavior, attrs=attrs)

__all__ = ["to_packed"]
