"""jaggy.to_regular: variable-length lists of equal length as a regular dimension."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def _regular(node: Any, fname: str) -> Any:
    from jaggy._structure_util import list_counts, packed_list
    from jaggy.layout.regulararray import RegularArray

    if node.is_regular:
        return node
    xp = node.backend.xp
    counts = list_counts(node)
    size = int(counts[0]) if len(counts) else 0
    if len(counts) and bool(xp.any(counts != size)):
        bad = int(xp.argmax(counts != size))
        msg = (f"jaggy.{fname}: cannot convert to RegularArray because list lengths are not "
               f"regular (list 0 has length {size}, list {bad} has length {int(counts[bad])})")
        raise ValueError(msg)
    _, content = packed_list(node)
    return RegularArray(content, size, node.length, parameters=node.parameters)


def _all_levels(node: Any, convert: Any) -> Any:
    from jaggy._structure_util import as_list_like, is_string, rewrap

    node = as_list_like(node)
    if node.is_list and not is_string(node):
        return convert(node.copy(content=_all_levels(node.content, convert)))
    if node.is_option or node.is_indexed:
        return rewrap(node, _all_levels(node.content, convert))
    if node.is_record:
        return node.copy(contents=[_all_levels(c, convert) for c in node.contents], length=node.length)
    if node.is_union:
        return node.copy(contents=[_all_levels(c, convert) for c in node.contents])
    return node


def to_regular(array: Any, axis: int | None = 1, *, highlevel: bool = True,
               behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Converts the variable-length lists at ``axis`` (every list level if None) to a regular dimension.

    The lists at that axis must all have the same length.

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        axis: the dimension to convert (>= 1, negative counts from the innermost; 0 returns the
            array as it is), or None for every list level.
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        The same values with type ``N * size * ...`` at that axis.

    Example:
        >>> import jaggy
        >>> out = jaggy.to_regular(jaggy.Array([[1, 2], [3, 4], [5, 6]]))
        >>> print(out.type)
        3 * 2 * int64
        >>> out.to_numpy().shape
        (3, 2)

    Raises:
        ValueError: a list's length differs from the first list's (the message names it).
        jaggy.errors.AxisError: ``axis`` is deeper than the array.
    """
    from jaggy._structure_util import check_axis, recurse
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    pos = check_axis(layout, axis, "to_regular", allow_none=True)
    if pos is None:  # axis=None
        out = _all_levels(layout, lambda node: _regular(node, "to_regular"))
    elif pos == 0:
        out = layout
    else:
        out = recurse(layout, pos, "to_regular", lambda node, depth: _regular(node, "to_regular"))
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["to_regular"]
