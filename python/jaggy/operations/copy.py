"""jaggy.copy: a deep copy of an array's buffers."""

from __future__ import annotations

from typing import Any


def copy(array: Any) -> Any:
    """A copy that shares no buffer with ``array`` (packed, so only reachable data is copied)."""
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
