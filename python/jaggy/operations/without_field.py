"""jaggy.without_field: remove a field (or a nested field) from the records of an array."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_NAME = "jaggy.without_field"


def without_field(array: Any, where: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
                  attrs: Mapping | None = None) -> Any:
    """Remove the field ``where`` from the records of ``array``.

    Args:
        array: an array with records (possibly inside lists, options or unions).
        where: a field name, or a tuple/list of names for a nested field (``("a", "b")`` removes
            ``b`` from the records in field ``a``).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The array without that field (other fields keep their order).

    Example:
        >>> jaggy.without_field(jaggy.Array([{"x": 1, "y": 2}]), "y").to_list()
        [{'x': 1}]

    Raises:
        FieldNotFoundError: a record has no such field.
        TypeError: ``where`` is not a string or a sequence of strings.
    """
    from jaggy._recurse import transform
    from jaggy.operations._wrap import finish
    from jaggy.operations.to_layout import to_layout

    path = (where,) if isinstance(where, str) else tuple(where) if isinstance(where, (tuple, list)) else None
    if not path or not all(isinstance(p, str) for p in path):
        msg = f"{_NAME}: where must be a field name or a non-empty tuple of field names, not {where!r}"
        raise TypeError(msg)
    layout = to_layout(array, allow_record=True)
    from jaggy.record import Record

    record = None
    if isinstance(layout, Record):
        record, layout = layout, layout.array
    out = transform(layout, lambda node, depth: _remove(node, path, transform))
    if record is not None:
        out = Record(out, record.at)
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


def _remove(node: Any, path: tuple, transform: Any) -> Any:
    if not node.is_record:
        return None
    from jaggy.errors import FieldNotFoundError

    name = path[0]
    if name not in node.fields:
        msg = f"{_NAME}: no field {name!r} in records with fields {node.fields}"
        raise FieldNotFoundError(msg)
    length = node.length
    i = node.fields.index(name)
    if len(path) == 1:
        contents = node.contents[:i] + node.contents[i + 1:]
        fields = None if node.is_tuple else node.fields[:i] + node.fields[i + 1:]
        return node.copy(contents=[c._getitem_range(0, length) for c in contents], fields=fields,
                         length=length)
    inner = transform(node.contents[i]._getitem_range(0, length),
                      lambda n, depth: _remove(n, path[1:], transform))
    contents = [c._getitem_range(0, length) for c in node.contents]
    contents[i] = inner
    return node.copy(contents=contents, length=length)


__all__ = ["without_field"]
