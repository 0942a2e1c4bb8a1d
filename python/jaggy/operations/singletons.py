"""jaggy.singletons: every value in a list of one element, every None in an empty list."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def _singletons(node: Any) -> Any:
    from jaggy.index import Index64
    from jaggy.layout.listoffsetarray import ListOffsetArray

    backend = node.backend
    xp = backend.xp
    if node.is_union:  # like Awkward: each kind of entry on its own
        from jaggy._structure_util import union_map

        return union_map(node, _singletons)
    if node.is_option:
        valid = node.mask_as_bool(True)
        offsets = xp.zeros(len(valid) + 1, xp.int64)
        xp.cumsum(valid, out=offsets[1:])
        return ListOffsetArray(Index64._wrap(offsets, backend), node.project())
    if node.is_record:  # like Awkward: the fields are wrapped, one by one
        return node.copy(contents=[_singletons(c) for c in node.contents], length=node.length)
    offsets = xp.arange(node.length + 1, dtype=xp.int64)
    content = node.project() if node.is_indexed else node
    return ListOffsetArray(Index64._wrap(offsets, backend), content)


def singletons(array: Any, axis: int = 0, *, highlevel: bool = True,
               behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Wraps every value at ``axis`` in a list of length one, and every None in an empty list.

    The inverse of ``jaggy.firsts``.

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        axis: the dimension whose values are wrapped (negative counts from the innermost).
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        An array with one more (variable-length) dimension at ``axis``.

    Example:
        >>> import jaggy
        >>> jaggy.singletons(jaggy.Array([1, None, 3])).to_list()
        [[1], [], [3]]
        >>> jaggy.singletons(jaggy.Array([[1, None], []]), axis=1).to_list()
        [[[1], []], []]

    Raises:
        jaggy.errors.AxisError: ``axis`` is deeper than the array.
    """
    from jaggy._structure_util import check_axis, recurse
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    pos = check_axis(layout, axis, "singletons")
    if pos == 0:
        out = _singletons(layout)
    else:
        out = recurse(layout, pos, "singletons",
                      lambda node, depth: node.copy(content=_singletons(node.content)),
                      entries=lambda node, depth: _singletons(node))
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["singletons"]
