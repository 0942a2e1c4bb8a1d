"""jaggy.firsts: the first element of every list, or None for an empty list."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def firsts(array: Any, axis: int = 1, *, highlevel: bool = True,
           behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """The first element of each list at ``axis``, or None where the list is empty.

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        axis: the list dimension (``axis=0`` returns the first entry of the array itself, or
            None if it is empty; negative counts from the innermost dimension).
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        An array with one dimension less, option-type (``?``) at ``axis``.

    Example:
        >>> import jaggy
        >>> out = jaggy.firsts(jaggy.Array([[1, 2], [], [3]]))
        >>> out.to_list()
        [1, None, 3]
        >>> print(out.type)
        3 * ?int64

    Raises:
        jaggy.errors.AxisError: ``axis`` is deeper than the array.
    """
    from jaggy._structure_util import check_axis, recurse
    from jaggy.layout.options import simplified_indexed
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    pos = check_axis(layout, axis, "firsts")
    if pos == 0:
        if layout.length == 0:
            return None
        from jaggy.highlevel import wrap

        value = layout._getitem_at(0)
        return wrap(value, behavior, attrs) if highlevel else value

    def action(node: Any, depth: int) -> Any:
        xp = node.backend.xp
        n = node.length
        if node.content.length == 0:
            index = xp.full(n, -1, xp.int64)
        else:
            index = xp.empty(n, xp.int64)  # a new array: the result's own index
            node.backend.kernels.list_first_index(xp.ascontiguousarray(node.starts.data),
                                                  xp.ascontiguousarray(node.stops.data), index, n)
        return simplified_indexed(index, node.content, True)

    out = recurse(layout, pos, "firsts", action)
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["firsts"]
