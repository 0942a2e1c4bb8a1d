"""jaggy.copy: a deep copy of an array's buffers."""

from __future__ import annotations

from typing import Any


def copy(array: Any) -> Any:
    """A deep copy of ``array``: the result shares no buffer with it.

    The copy is packed, so only the data reachable from the array is copied (a small slice of a
    big array makes a small copy).

    Parameters:
        array: a jaggy Array, Record or layout (or anything ``jaggy.Array`` accepts).

    Returns:
        A jaggy Array, or a Record for a record input.

    Example:
        >>> import jaggy
        >>> a = jaggy.Array([[1, 2, 3], [], [4]])
        >>> b = jaggy.copy(a[1:])
        >>> b.to_list()
        [[], [4]]
        >>> jaggy.copy(a[0]).to_list()
        [1, 2, 3]

    Raises:
        TypeError: ``array`` cannot be converted to an array.
    """
    from jaggy.io.buffers import from_buffers, to_buffers
    from jaggy.operations._wrap import finish
    from jaggy.operations.to_layout import to_layout
    from jaggy.record import Record

    layout = to_layout(array, allow_record=True)
    target = layout.array._getitem_range(layout.at, layout.at + 1) if isinstance(layout, Record) else layout
    form, length, container = to_buffers(target.to_packed())
    out = from_buffers(form, length, {k: v.copy() for k, v in container.items()}, highlevel=False)
    if isinstance(layout, Record):
        out = Record(out, 0)
    return finish(out, True, array)

__all__ = ["copy"]
