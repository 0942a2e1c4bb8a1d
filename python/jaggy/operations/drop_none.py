"""jaggy.drop_none: remove None entries, at one axis or everywhere."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def _drop_list(node: Any) -> Any:
    """A list node whose option content loses its None entries (list offsets shrink)."""
    from jaggy._structure_util import packed_list
    from jaggy.index import Index64
    from jaggy.layout.listoffsetarray import ListOffsetArray

    content = node.content
    if not content.is_option:
        return node
    backend = node.backend
    xp = backend.xp
    offsets, packed = packed_list(node)
    valid = packed.mask_as_bool(True)
    cum = xp.zeros(len(valid) + 1, xp.int64)
    xp.cumsum(valid, out=cum[1:])
    return ListOffsetArray(Index64._wrap(cum[offsets], backend), packed.project(),
                           parameters=node.parameters)


def _drop_all(node: Any) -> Any:
    from jaggy._structure_util import as_list_like, is_string, rewrap

    node = as_list_like(node)
    if node.is_option:
        return _drop_all(node.project())
    if node.is_indexed:
        return rewrap(node, _drop_all(node.content))
    if node.is_list and not is_string(node):
        if node.is_regular:
            node = node.to_ListOffsetArray64()
        return _drop_list(node.copy(content=_drop_all_inner(node.content)))
    if node.is_record:  # a field's own missing entries stay (they line up with the records)
        return node.copy(contents=[_drop_all_inner(c) for c in node.contents], length=node.length)
    return node


def _drop_all_inner(node: Any) -> Any:
    """Like _drop_all but keeps this level's option (the enclosing list drops it)."""
    from jaggy._structure_util import rewrap

    if node.is_option:
        return rewrap(node, _drop_all(node.content))
    return _drop_all(node)


def _compact_option(node: Any) -> Any:
    """An IndexedOptionArray equal to ``node`` whose content holds only the valid entries, in order."""
    from jaggy.index import Index64
    from jaggy.layout import IndexedOptionArray

    xp = node.backend.xp
    index = node.to_IndexedOptionArray64().index.data
    valid = index >= 0
    carry = node.to_IndexedOptionArray64().content._carry(Index64._wrap(index[valid], node.backend))
    outindex = xp.where(valid, xp.cumsum(valid) - 1, -1).astype(xp.int64)
    return IndexedOptionArray(Index64._wrap(outindex, node.backend), carry, parameters=node.parameters)


def _project_fields(node: Any, axis: int) -> Any:
    """Records holding the entries of ``axis``: like Awkward, their option fields (through nested
    records) lose their option type. A field with a missing entry cannot lose it without
    misaligning the record (Awkward fails there too), so that raises."""
    if node.is_indexed and not node.is_option:
        inner = node.content
        if not (inner.is_record or inner.is_indexed):
            return node
        node = node.project()
    if not node.is_record:
        return node
    contents = []
    for name, field in zip(node.fields, node.contents):
        if field.is_option:
            field = field._getitem_range(0, node.length)
            if not bool(field.mask_as_bool(True).all()):
                msg = (f"jaggy.drop_none: axis={axis} would drop the None entries of field {name!r} "
                       "inside records (part of a record would have to be dropped)")
                raise ValueError(msg)
            field = field.project()
        if field.is_record or field.is_indexed:
            field = _project_fields(field, axis)
        contents.append(field)
    return node.copy(contents=contents, length=node.length)


def _drop_at(node: Any, axis: int, depth: int) -> Any:
    """Drops the None entries of the option level at ``axis``, or (like Awkward) where there is
    none, of the level just below it (list nodes at ``depth`` hold the entries of axis ``depth``)."""
    from jaggy._structure_util import (
        as_list_like,
        axis_error,
        depth_range,
        is_string,
        posaxis,
        rewrap,
    )
    from jaggy.errors import AxisError

    node = as_list_like(node)
    pos = posaxis(node, axis, depth)
    if node.is_record and pos is None:
        msg = (f"jaggy.drop_none: axis={axis} means different levels in the fields of these "
               "records (part of a record would have to be dropped)")
        raise AxisError(msg)
    if node.is_list and not is_string(node):
        if pos is not None and (pos < 0 or depth > pos + 1):
            return node
        if pos is not None and depth >= pos and node.content.is_option:
            return _drop_list(node)
        content = node.content
        if pos is not None and depth == pos and (content.is_record or content.is_indexed):
            from jaggy._structure_util import packed_list
            from jaggy.index import Index64
            from jaggy.layout.listoffsetarray import ListOffsetArray

            offsets, content = packed_list(node)  # only the records the lists reach
            content = _project_fields(content, axis)
            node = ListOffsetArray(Index64._wrap(offsets, node.backend), content, parameters=node.parameters)
        return node.copy(content=_drop_at(content, axis, depth + 1))
    if node.is_indexed and not node.is_option:
        return _drop_at(node.project(), axis, depth)
    if node.is_option:
        if pos is not None and depth <= pos:
            node = _compact_option(node)  # below, only the entries this option reaches
        return rewrap(node, _drop_at(node.content, axis, depth))
    if node.is_record:
        return node.copy(contents=[_drop_at(c, axis, depth) for c in node.contents],
                         length=node.length)
    if pos is not None and pos >= depth:
        raise axis_error("drop_none", axis, depth_range(node)[1] + depth - 1)
    return node


def drop_none(array: Any, axis: int | None = None, *, highlevel: bool = True,
              behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Removes the None entries, at every level (``axis=None``) or only at ``axis``.

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        axis: None for every level, or the dimension whose missing entries are dropped (0: the
            top level; negative counts from the innermost dimension).
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        The array without missing entries there: the lists that held them get shorter and the
        type loses its option (``?``) at that level.

    Example:
        >>> import jaggy
        >>> jaggy.drop_none(jaggy.Array([[1, None], None, [2]])).to_list()
        [[1], [2]]
        >>> jaggy.drop_none(jaggy.Array([[1, None], None, [2]]), axis=1).to_list()
        [[1], None, [2]]

    Raises:
        jaggy.errors.AxisError: ``axis`` is deeper than the array, or means different levels in
            the fields of a record.
    """
    from jaggy._structure_util import check_axis, depth_range
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    pos = check_axis(layout, axis, "drop_none", allow_none=True, negative_beyond_ok=True)
    if pos is None:  # axis=None
        out = _drop_all(layout)
    elif pos == 0:
        out = layout.project() if layout.is_option else layout
    elif pos < 0 and len(set(depth_range(layout))) == 1:
        out = layout  # like Awkward: a negative axis beyond the depth changes nothing
    else:
        out = _drop_at(layout, pos, 1)
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["drop_none"]
