"""The layout of a list of lists of Python floats, without the general builder.

``jaggy.Array([[1.0, 2.0], [3.0]])`` and ``jaggy.from_iter(lists_of_floats)`` are the commonest
ways to make an array from Python data. ``jaggy._ext.lists_of_floats`` reads that one shape
(exact lists of exact floats) in a single compiled pass into the offsets and values; the builder's
general machinery (a JSON form and a dict of buffers, read back into nodes) costs more than the
data for a handful of numbers. Anything else returns None and goes through the builder, which
gives the same layout for this input.
"""

from __future__ import annotations

from typing import Any

from jaggy import _ext
from jaggy.backends import cpu
from jaggy.index import Index64
from jaggy.layout import ListOffsetArray, NumpyArray

__all__ = ["small_lists_of_floats"]

_new_object = object.__new__


def small_lists_of_floats(data: list) -> Any:
    """``ListOffsetArray(int64 offsets, NumpyArray(float64))`` of ``data`` when it is a list of
    lists (exactly ``list``) holding at least one value, all exactly ``float``; None otherwise
    (empty input has an unknown type; ints, bools, None, nested lists and float subclasses have
    their own typing rules: the builder decides those)."""
    buffers = _ext.lists_of_floats(data)
    if buffers is None:
        return None
    offsets_data, values = buffers
    # (the nodes as NumpyArray._fast / Index64._wrap / ListOffsetArray._fast make them, inlined)
    content = _new_object(NumpyArray)
    content._data = values
    content._parameters = {}
    content._backend = cpu
    content._form_cache = None
    offsets = _new_object(Index64)
    offsets._data = offsets_data
    offsets._backend = cpu
    offsets._metadata = None
    out = _new_object(ListOffsetArray)
    out._offsets = offsets
    out._content = content
    out._parameters = {}
    out._backend = cpu
    out._form_cache = None
    return out
