"""jaggy.merge_option_of_records: turn options of records into records of options."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_NAME = "jaggy.merge_option_of_records"


def merge_option_of_records(array: Any, axis: int = -1, *, highlevel: bool = True,
                            behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Move the option of ``?{x: A, y: B}`` at ``axis`` into the fields: ``{x: ?A, y: ?B}``.

    Args:
        array: an array with option-type records at depth ``axis``.
        axis: the list depth of the records (negative counts from the innermost).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The array whose missing records became records of missing fields.

    Example:
        >>> jaggy.merge_option_of_records(jaggy.Array([{"x": 1}, None])).to_list()
        [{'x': 1}, {'x': None}]

    Raises:
        AxisError: ``axis`` exceeds the depth of the array or is ambiguous there.
    """
    from jaggy._recurse import transform
    from jaggy.errors import AxisError
    from jaggy.layout import RecordArray
    from jaggy.layout.options import simplified_indexed
    from jaggy.operations._wrap import finish
    from jaggy.operations.to_layout import to_layout

    if not isinstance(axis, int) or isinstance(axis, bool):
        msg = f"{_NAME}: axis must be an integer, not {axis!r}"
        raise TypeError(msg)
    layout = to_layout(array, allow_record=False)

    def transpose(node: Any, option: bool) -> Any:
        idx = node.to_IndexedOptionArray64() if option else node
        record = idx.content
        index = idx.index.data
        contents = [simplified_indexed(index, c._getitem_range(0, record.length), option,
                                       node.parameters or None) for c in record.contents]
        return RecordArray(contents, None if record.is_tuple else record.fields, node.length,
                           backend=node.backend)

    def displace(node: Any, depth: int) -> Any:
        if node.is_indexed and not node.is_option and node.content.is_record:
            return transform(transpose(node, False), displace, depth)
        return None

    def apply(node: Any, depth: int) -> Any:
        posaxis = _posaxis(node, axis, depth)
        if posaxis is None:
            msg = f"{_NAME}: axis={axis} is ambiguous here (records with fields of different depths)"
            raise AxisError(msg)
        if depth < posaxis + 1 and (node.is_numpy or node.is_unknown):
            msg = f"{_NAME}: axis={axis} exceeds the depth of this array ({depth})"
            raise AxisError(msg)
        if depth == posaxis + 1 and node.is_option and node.content.is_record:
            return transform(transpose(node, True), apply, depth)
        return None

    out = transform(transform(layout, displace), apply)
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


def _posaxis(node: Any, axis: int, depth: int) -> int | None:
    if axis >= 0:
        return axis
    mindepth, maxdepth = node.form.minmax_depth
    if mindepth != maxdepth:
        return None
    return axis + depth + maxdepth - 1


__all__ = ["merge_option_of_records"]
