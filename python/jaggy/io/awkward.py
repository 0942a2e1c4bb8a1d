"""to_awkward / from_awkward: zero-copy conversion between jaggy and Awkward Array.

Both libraries describe arrays with the same Form JSON and buffer keys, so the conversion goes
through ``to_buffers``/``from_buffers`` of the two libraries: the NumPy buffers are handed over
as they are (no copy). Awkward is imported only inside these functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def to_awkward(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None) -> Any:
    """The same data as an ``awkward.Array`` (or Awkward Record or layout), sharing jaggy's buffers.

    No data is copied. Awkward is imported only when this function is called.

    Parameters:
        array: a jaggy Array, Record or layout (or anything ``jaggy.Array`` accepts).
        highlevel: return an ``awkward.Array``/``awkward.Record`` (True) or an Awkward layout.
        behavior: the Awkward behavior of the result.

    Returns:
        An ``awkward.Array`` (an ``awkward.Record`` for a record).

    Example:
        >>> import jaggy
        >>> out = jaggy.to_awkward(jaggy.Array([[1, 2], [], [3]]))
        >>> type(out).__module__.split(".")[0], out.to_list()
        ('awkward', [[1, 2], [], [3]])

    Raises:
        ImportError: Awkward Array is not installed.
        TypeError: ``array`` cannot be converted to an array.
    """
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
    """A jaggy Array (or Record) sharing the buffers of an Awkward array, record or layout.

    No data is copied: both libraries describe arrays with the same forms and buffers.
    Awkward is imported only when this function is called.

    Parameters:
        array: an ``awkward.Array``, ``awkward.Record`` or Awkward layout.
        highlevel, behavior, attrs: as everywhere (return an Array/Record, or the layout).

    Returns:
        A jaggy Array (a jaggy Record for an Awkward record).

    Example:
        >>> import awkward, jaggy
        >>> a = jaggy.from_awkward(awkward.Array([[1, 2], [], [3]]))
        >>> a.to_list(), str(a.type)
        ([[1, 2], [], [3]], '3 * var * int64')

    Raises:
        ImportError: Awkward Array is not installed.
        TypeError: ``array`` is not an Awkward array, record or layout.
    """
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
