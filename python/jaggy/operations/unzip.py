"""jaggy.unzip: split an array of records into one array per field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def unzip(array: Any, *, how: type = tuple, highlevel: bool = True,
          behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Split the records of ``array`` into one array per field.

    Args:
        array: an array, possibly with records nested in lists, options or unions.
        how: ``tuple`` (default) or ``dict`` (keyed by field name), the container of the result.
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        A tuple (or dict) of arrays, one per field; an array without records gives ``(array,)``.

    Example:
        >>> x, y = jaggy.unzip(jaggy.Array([{"x": 1, "y": 2.5}]))
        >>> x.to_list(), y.to_list()
        ([1], [2.5])

    Raises:
        TypeError: ``how`` is neither ``tuple`` nor ``dict``.
    """
    from jaggy.operations._wrap import finish
    from jaggy.operations.to_layout import to_layout

    if how not in (tuple, dict):
        msg = f"jaggy.unzip: how must be tuple or dict, not {how!r}"
        raise TypeError(msg)
    layout = to_layout(array, allow_record=True)
    names = layout.fields
    if not names:
        out = finish(layout, highlevel, array, behavior=behavior, attrs=attrs)
        return {"0": out} if how is dict else (out,)
    parts = [finish(layout._getitem_field(n) if hasattr(layout, "_getitem_field") else layout[n],
                    highlevel, array, behavior=behavior, attrs=attrs) for n in names]
    return dict(zip(names, parts)) if how is dict else tuple(parts)


__all__ = ["unzip"]
