"""jaggy.from_categorical: categorical data back to plain data."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def from_categorical(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
                     attrs: Mapping | None = None) -> Any:
    """``array`` with every categorical node made a plain indexed node (same values).

    Args:
        array: an array, possibly with categorical data (from ``jaggy.str.to_categorical``)
            anywhere in its structure.
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The same values (``to_list`` unchanged) with the ``categorical[...]`` marks removed from
        the type; data without categorical nodes comes back unchanged.

    Example:
        >>> c = jaggy.str.to_categorical(jaggy.Array(["a", "b", "a"]))
        >>> str(jaggy.from_categorical(c).type)
        '3 * string'

    Raises:
        TypeError: ``array`` cannot be converted to an array.
    """
    from jaggy._recurse import transform
    from jaggy.operations._wrap import finish
    from jaggy.operations.to_layout import to_layout
    from jaggy.record import Record

    def fn(node: Any, depth: int) -> Any:
        if node.is_indexed and node.parameter("__array__") == "categorical":
            return node.copy(content=transform(node.content, fn, depth),
                             parameters={k: v for k, v in node.parameters.items() if k != "__array__"})
        return None

    layout = to_layout(array, allow_record=True)
    if isinstance(layout, Record):
        out: Any = Record(transform(layout.array, fn), layout.at)
    else:
        out = transform(layout, fn)
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["from_categorical"]
