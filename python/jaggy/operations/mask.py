"""jaggy.mask: make entries None where a boolean mask says so."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def _apply(node: Any, m: Any, valid_when: bool) -> Any:
    from jaggy._structure_util import as_list_like, packed_list
    from jaggy.index import Index
    from jaggy.layout.maskedarrays import ByteMaskedArray
    from jaggy.layout.options import simplified_indexed

    xp = node.backend.xp
    m = as_list_like(m)
    if m.is_option:
        msg = "jaggy.mask: a mask with missing values is not implemented"
        raise NotImplementedError(msg)
    if m.is_numpy:
        if m.data.dtype != xp.bool_:
            msg = f"jaggy.mask: the mask must be boolean, not {m.data.dtype}"
            raise TypeError(msg)
        if m.length != node.length:
            msg = (f"jaggy.mask: the mask has length {m.length} but the array has length "
                   f"{node.length} at this level")
            raise ValueError(msg)
        if node.is_option or node.is_indexed or node.is_union:
            keep = m.data if valid_when else ~m.data
            index = xp.where(keep, xp.arange(node.length, dtype=xp.int64), -1)
            return simplified_indexed(index, node, True)
        return ByteMaskedArray(Index._wrap(m.data.view(xp.int8), node.backend), node, valid_when)
    if not m.is_list:
        msg = "jaggy.mask: the mask must be a boolean array of the same structure as the array"
        raise TypeError(msg)
    node = as_list_like(node)
    if node.is_option or node.is_indexed:
        msg = "jaggy.mask: a jagged mask over missing lists needs broadcasting (not implemented)"
        raise NotImplementedError(msg)
    if not node.is_list:
        msg = "jaggy.mask: the mask is deeper than the array"
        raise ValueError(msg)
    if m.length != node.length:
        msg = f"jaggy.mask: the mask has length {m.length} but the array has length {node.length}"
        raise ValueError(msg)
    offsets, content = packed_list(node)
    moffsets, mcontent = (offsets, None) if m is node else packed_list(m)
    if moffsets is not offsets and not bool(xp.array_equal(moffsets, offsets)):
        bad = int(xp.argmax(xp.diff(moffsets) != xp.diff(offsets)))
        msg = f"jaggy.mask: the mask's list {bad} has a different length from the array's"
        raise ValueError(msg)
    from jaggy.index import Index64
    from jaggy.layout.listoffsetarray import ListOffsetArray

    return ListOffsetArray(Index64._wrap(offsets, node.backend), _apply(content, mcontent, valid_when))


def mask(array: Any, mask: Any, *, valid_when: bool = True, highlevel: bool = True,
         behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Entries of ``array`` become None where ``mask`` is not ``valid_when``.

    Parameters: ``array`` (array-like); ``mask``: booleans, either one per top-level entry or a
    jagged array with the same list structure as ``array`` (one boolean per element at its
    depth); ``valid_when`` (bool).
    Returns: an option-type array (a ByteMaskedArray over the data, no copy of it).

    Example: ``jaggy.mask([1, 2, 3], [True, False, True])`` is ``[1, None, 3]``.

    Raises ``ValueError`` when the lengths differ (naming the list), ``TypeError`` for a
    non-boolean mask, ``NotImplementedError`` where a full broadcast would be needed.
    """
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    m = to_layout(mask, allow_record=False)
    out = _apply(layout, m, bool(valid_when))
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["mask"]
