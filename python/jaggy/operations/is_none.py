"""jaggy.is_none: True where an entry is None, at a given axis."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def _is_none(node: Any) -> Any:
    from jaggy.layout.numpyarray import NumpyArray

    xp = node.backend.xp
    if node.is_record:  # like Awkward: the test goes into the fields (not behind an index)
        return node.copy(contents=[_is_none(c) for c in node.contents], length=node.length,
                         parameters={})
    if node.is_option:
        data = node.mask_as_bool(False)
    elif node.is_union:
        from jaggy._structure_util import union_is_none

        data = union_is_none(node)
    else:
        data = xp.zeros(node.length, dtype=xp.bool_)
    return NumpyArray(data, backend=node.backend)


def is_none(array: Any, axis: int = 0, *, highlevel: bool = True,
            behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """A boolean array, True where the entry at ``axis`` is None.

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        axis: the dimension whose entries are tested (0: the top-level entries; negative counts
            from the innermost dimension).
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        Booleans with the structure of ``array`` above ``axis`` (missing lists on the way stay
        missing).

    Example:
        >>> import jaggy
        >>> jaggy.is_none(jaggy.Array([1, None, 2])).to_list()
        [False, True, False]
        >>> jaggy.is_none(jaggy.Array([[1, None], None, []]), axis=1).to_list()
        [[False, True], None, []]

    Raises:
        jaggy.errors.AxisError: ``axis`` is deeper than the array.
    """
    from jaggy._structure_util import check_axis, recurse
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    pos = check_axis(layout, axis, "is_none")
    if pos == 0:
        out = _is_none(layout)
    else:
        out = recurse(layout, pos, "is_none",
                      lambda node, depth: _list_over(node, _is_none(node.content)),
                      entries=lambda node, depth: _is_none(node))
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


def _list_over(node: Any, content: Any) -> Any:
    if node.is_regular:
        return node.copy(content=content, parameters={})
    return node.copy(content=content, parameters={})


__all__ = ["is_none"]
