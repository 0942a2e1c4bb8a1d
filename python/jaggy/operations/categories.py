"""jaggy.categories: the distinct values of categorical data."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _find_categorical(node: Any) -> Any:
    """The first categorical node under ``node`` (depth first, fields in order), or None."""
    if node.is_indexed and node.parameter("__array__") == "categorical":
        return node
    if node.is_record or node.is_union:
        children = node.contents
    elif node.is_list or node.is_option or node.is_indexed:
        children = [node.content]
    else:
        children = []
    for child in children:
        found = _find_categorical(child)
        if found is not None:
            return found
    return None


def categories(array: Any, highlevel: bool = True, *, behavior: Mapping | None = None,
               attrs: Mapping | None = None) -> Any:
    """The categories (distinct values) of the categorical data in ``array``.

    Args:
        array: an array with categorical data (from ``jaggy.str.to_categorical``) anywhere in its
            structure; the first categorical node found (depth first) is used.
        highlevel: return a ``jaggy.Array`` (True) or a layout (False).
        behavior, attrs: as for every jaggy function.

    Returns:
        The content of the categorical node (each category once), or None if ``array`` has no
        categorical data.

    Example:
        >>> jaggy.categories(jaggy.str.to_categorical(jaggy.Array(["b", "a", "b"]))).to_list()
        ['b', 'a']

    Raises:
        TypeError: ``array`` cannot be converted to an array.
    """
    from jaggy.operations._wrap import finish
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=True)
    found = _find_categorical(layout.array if hasattr(layout, "at") else layout)
    if found is None:
        return None
    return finish(found.content, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["categories"]
