"""jaggy.validity_error: the first inconsistency in a layout, or an empty string."""

from __future__ import annotations

from typing import Any


def validity_error(array: Any, *, exact: bool = False) -> str:
    """Check every node of the layout (offsets, indexes, masks, tags, lengths).

    Returns ``""`` when the array is valid, else a message naming the node, its path from the
    top ("highlevel.content...") and the position, e.g.
    ``at highlevel (ListOffsetArray): offsets decrease at list 1 (...)``.
    """
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=True)
    from jaggy.record import Record

    if isinstance(layout, Record):
        layout = layout.array
    return layout.validity_error("highlevel")

__all__ = ["validity_error"]
