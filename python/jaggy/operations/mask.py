"""jaggy.mask: make entries None where a boolean mask says so."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


class _NeedsBroadcast(Exception):
    """The fast path cannot align this array and mask; the broadcasting engine takes over."""


def _masked(node: Any, bools: Any, valid_when: bool) -> Any:
    """``node`` with the entries where ``bools`` is not ``valid_when`` missing."""
    from jaggy.index import Index
    from jaggy.layout.maskedarrays import ByteMaskedArray
    from jaggy.layout.options import simplified_indexed

    xp = node.backend.xp
    if bools.dtype != xp.bool_:
        msg = f"jaggy.mask: the mask must be boolean, not {bools.dtype}"
        raise ValueError(msg)
    if node.is_option or node.is_indexed or node.is_union:
        keep = bools if valid_when else ~bools
        index = xp.where(keep, xp.arange(node.length, dtype=xp.int64), -1)
        return simplified_indexed(index, node, True)
    return ByteMaskedArray(Index._wrap(bools.view(xp.int8), node.backend), node, valid_when)


def _broadcast_mask(node: Any, m: Any, valid_when: bool) -> Any:
    """The general case: ``node`` and ``m`` broadcast against each other (lists of the mask
    repeat a shallower array's entries, a shallower mask masks whole lists, None propagates)."""
    from jaggy._broadcasting import broadcast_and_apply

    def action(inputs: list, depth: int, options: Any) -> tuple | None:
        layout, bools = inputs
        if bools.is_numpy and bools.data.ndim == 1:
            return (_masked(layout, bools.data, valid_when),)
        return None

    return broadcast_and_apply([node, m], action, function_name="jaggy.mask",
                               right_broadcast=False)[0]


def _apply(node: Any, m: Any, valid_when: bool) -> Any:
    from jaggy._structure_util import as_list_like, packed_list

    xp = node.backend.xp
    m = as_list_like(m)
    if m.is_numpy:
        if m.data.dtype != xp.bool_:
            msg = f"jaggy.mask: the mask must be boolean, not {m.data.dtype}"
            raise ValueError(msg)
        if m.length == 1 and node.length != 1:
            raise _NeedsBroadcast  # a length-1 mask repeats, as a length-1 array broadcasts
        if m.length != node.length:
            msg = (f"jaggy.mask: the mask has length {m.length} but the array has length "
                   f"{node.length} at this level")
            raise ValueError(msg)
        return _masked(node, m.data, valid_when)
    node = as_list_like(node)
    if not m.is_list or not node.is_list or m.is_regular != node.is_regular:
        raise _NeedsBroadcast
    if m.is_regular:
        if m.size != node.size or m.length != node.length:
            raise _NeedsBroadcast  # size-1 dimensions repeat
        from jaggy.layout.regulararray import RegularArray

        _, content = packed_list(node)
        _, mcontent = packed_list(m)
        return RegularArray(_apply(content, mcontent, valid_when), node.size, node.length)
    if m.length == 1 and node.length != 1:
        raise _NeedsBroadcast
    if m.length != node.length:
        msg = f"jaggy.mask: the mask has length {m.length} but the array has length {node.length}"
        raise ValueError(msg)
    offsets, content = packed_list(node)
    moffsets, mcontent = (offsets, content) if m is node else packed_list(m)
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

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        mask: booleans broadcast against ``array``: one per top-level entry, or a jagged array
            with the same list structure (a shallower or deeper structure is broadcast; None
            counts as missing).
        valid_when: the mask value that keeps an entry (True: True keeps, False masks).
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        An option-type array (a ByteMaskedArray over the data where no broadcasting is needed, so
        the data is not copied).

    Example:
        >>> import jaggy
        >>> jaggy.mask(jaggy.Array([1, 2, 3]), [True, False, True]).to_list()
        [1, None, 3]
        >>> a = jaggy.Array([[1, 2], [], [3]])
        >>> jaggy.mask(a, a > 1).to_list()
        [[None, 2], [], [3]]

    Raises:
        ValueError: the lengths of ``array`` and ``mask`` differ (the message names the list),
            or ``mask`` is not boolean.
    """
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    m = to_layout(mask, allow_record=False)
    try:
        out = _apply(layout, m, bool(valid_when))
    except _NeedsBroadcast:
        out = _broadcast_mask(layout, m, bool(valid_when))
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["mask"]
