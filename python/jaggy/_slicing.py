"""``__getitem__`` on layouts: the algorithms behind ``array[where]``.

Handles, for now, what the foundation needs: an integer, a slice (any step), a field name and a
list of field names. Every other kind of index raises NotImplementedError naming itself.
"""

from __future__ import annotations

import operator
from typing import Any

from jaggy.index import Index64


def getitem(layout: Any, where: Any) -> Any:
    """``layout[where]`` for a layout node; returns a layout, a layout Record or a scalar."""
    if isinstance(where, tuple) and len(where) == 1:
        where = where[0]
    if isinstance(where, str):
        return layout._getitem_field(where)
    if isinstance(where, slice):
        start, stop, step = where.indices(layout.length)
        if step == 1:
            return layout._getitem_range(start, max(start, stop))
        xp = layout.backend.xp
        carry = xp.arange(start, stop, step, dtype=xp.int64)
        return layout._carry(Index64._wrap(carry, layout.backend))
    if isinstance(where, list) and where and all(isinstance(x, str) for x in where):
        return layout._getitem_fields(where)
    try:
        i = operator.index(where)
    except TypeError:
        msg = (f"jaggy.Array.__getitem__ with an index of type {type(where).__name__} "
               "(advanced, jagged or multidimensional slicing) is not implemented yet")
        raise NotImplementedError(msg) from None
    return layout._getitem_at(layout._regular_index(i))
