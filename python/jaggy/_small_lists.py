"""The layout of a short list of lists of Python floats, without the compiled builder.

``jaggy.Array([[1.0, 2.0], [3.0]])`` is a common way to make a small array (tests, examples,
interactive use). The builder's export (a JSON form and a dict of buffers, read back into
nodes) costs more than the data for a handful of numbers; this module checks the input's shape
with C-level iteration (``map``/``itertools``, no Python loop over the elements) and builds the
same ListOffsetArray of float64 the builder would. Anything else, or anything larger than a few
dozen numbers, returns None and goes through the builder.
"""

from __future__ import annotations

from itertools import accumulate, chain
from typing import Any

import numpy as np

from jaggy.backends import cpu
from jaggy.index import Index64
from jaggy.layout import ListOffsetArray, NumpyArray

__all__ = ["small_lists_of_floats"]

_MAX_LISTS = 16
_MAX_VALUES = 64
_LIST_ONLY = {list}
_FLOAT_ONLY = {float}
_FLOAT64 = np.dtype(np.float64)
_INT64 = np.dtype(np.int64)
_new_object = object.__new__


def small_lists_of_floats(data: list) -> Any:
    """``ListOffsetArray(int64 offsets, NumpyArray(float64))`` of ``data`` when it is a list of
    at most 16 lists (exactly ``list``) holding together 1 to 64 values that are all exactly
    ``float``; None otherwise (an empty list has an unknown type, ints, bools, None, nested
    lists and float subclasses have their own typing rules: the builder decides those)."""
    n = len(data)
    if not 0 < n <= _MAX_LISTS or set(map(type, data)) != _LIST_ONLY:
        return None
    counts = list(map(len, data))
    total = sum(counts)
    if not 0 < total <= _MAX_VALUES:
        return None
    values = list(chain.from_iterable(data))
    if set(map(type, values)) != _FLOAT_ONLY:
        return None
    # (the nodes as NumpyArray._fast / Index64._wrap / ListOffsetArray._fast make them, inlined)
    content = _new_object(NumpyArray)
    content._data = np.array(values, _FLOAT64)
    content._parameters = {}
    content._backend = cpu
    content._form_cache = None
    offsets = _new_object(Index64)
    offsets._data = np.array(list(accumulate(counts, initial=0)), _INT64)
    offsets._backend = cpu
    offsets._metadata = None
    out = _new_object(ListOffsetArray)
    out._offsets = offsets
    out._content = content
    out._parameters = {}
    out._backend = cpu
    out._form_cache = None
    return out
