"""to_awkward / from_awkward: zero-copy conversion between jaggy and Awkward Array.

Both libraries describe arrays with the same Form JSON and buffer keys, so the conversion goes
through ``to_buffers``/``from_buffers`` of the two libraries: the NumPy buffers are handed over
as they are (no copy). Awkward is imported only inside these functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def to_awkward(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None) -> Any:
    """The same data as an ``awkward.Array`` (or Awkward layout), sharing jaggy's buffers."""
    import awkward

    from jaggy.io.buffers import to_buffers
    from jaggy.operations.to_layout import to_layout
    from jaggy.record import Record

    layout = to_layout(array, allow_record=True)
    at = None
    if isinstance(layout, Record):
        at = layout.at
        layout = layout.array
    form, length, container = to_buffers(layout)
    out = awkward.from_buffers(form.to_json(), length, container, highlevel=False)
    if at is not None:
        out = awkward.record.Record(out, at)
    if not highlevel:
        return out
    return awkward.Record(out, behavior=behavior) if at is not None else awkward.Array(out, behavior=behavior)


def from_awkward(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
                 attrs: Mapping | None = None) -> Any:
    """A jaggy array (or Record) sharing the buffers of an Awkward array, record or layout."""
    import awkward

    from jaggy.io.buffers import from_buffers
    from jaggy.operations._wrap import finish
    from jaggy.record import Record

    at = None
    if isinstance(array, awkward.Record):
        array = array.layout
    if isinstance(array, awkward.record.Record):
        array, at = array.array, array.at
    if isinstance(array, awkward.Array):
        array = array.layout
    if not isinstance(array, awkward.contents.Content):
        msg = f"from_awkward needs an awkward.Array, Record or layout, not {type(array).__name__}"
        raise TypeError(msg)
    form, length, container = awkward.to_buffers(array)
    layout = from_buffers(form.to_json(), length, container, highlevel=False)
    if at is not None:
        layout = Record(layout, at)
    return finish(layout, highlevel, behavior=behavior, attrs=attrs)
