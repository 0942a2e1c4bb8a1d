"""jaggy.without_parameters: remove every parameter from every node of an array."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def without_parameters(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
                       attrs: Mapping | None = None) -> Any:
    """Return ``array`` with no parameters on any layout node (strings become lists of uint8,
    named records become plain records).

    Args:
        array: any array.
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The same data without parameters (no data is copied).

    Example:
        >>> print(jaggy.without_parameters(jaggy.Array(["ab"])).type)
        1 * var * uint8
    """
    from jaggy._recurse import transform
    from jaggy.operations._wrap import finish
    from jaggy.operations.to_layout import to_layout

    def strip(node: Any, depth: int) -> Any:
        if node.is_record:
            length = node.length
            contents = [transform(c._getitem_range(0, length), strip) for c in node.contents]
            return node.copy(contents=contents, length=length, parameters={})
        if node.is_union:  # contents without parameters may merge (strings with lists...)
            from jaggy._merging import union_simplified

            return union_simplified(node.tags.data, node.index.data,
                                    [transform(c, strip) for c in node.contents], False)
        if node.is_unknown:
            return node
        if node.is_list or node.is_option or node.is_indexed:
            return node.copy(content=transform(node.content, strip), parameters={})
        return node.copy(parameters={})

    layout = to_layout(array, allow_record=False)
    return finish(transform(layout, strip), highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["without_parameters"]
