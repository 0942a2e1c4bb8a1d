"""Rebuilding a layout tree node by node: the shared walk of the structure operations.

``transform(layout, fn)`` calls ``fn(node, depth)`` on every node from the top; ``fn`` returns a
replacement node (the walk stops there) or None (the walk rebuilds the node over its
transformed children). Work is proportional to the number of nodes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def transform(layout: Any, fn: Callable[[Any, int], Any], depth: int = 1) -> Any:
    """``layout`` with ``fn`` applied as described in the module docstring."""
    out = fn(layout, depth)
    if out is not None:
        return out
    if layout.is_record:
        contents = [transform(c._getitem_range(0, layout.length), fn, depth) for c in layout.contents]
        return layout.copy(contents=contents, length=layout.length)
    if layout.is_union:
        contents = [transform(c, fn, depth) for c in layout.contents]
        if any(c.is_union for c in contents):  # fn made a union inside this one: flatten them
            from jaggy._merging import union_simplified

            return union_simplified(layout.tags.data, layout.index.data, contents, False,
                                    parameters=layout.parameters)
        return layout.copy(contents=contents)
    if layout.is_list:
        return layout.copy(content=transform(layout.content, fn, depth + 1))
    if layout.is_option or layout.is_indexed:
        content = transform(layout.content, fn, depth)
        if content.is_option or content.is_indexed or content.is_union:
            # fn made a node that this one cannot wrap: compose the indexes (an option over a
            # union becomes a union of options, as everywhere in jaggy)
            from jaggy.layout.options import simplified_indexed

            outer = layout if layout.is_indexed else layout.to_IndexedOptionArray64()
            return simplified_indexed(outer.index.data, content, layout.is_option,
                                      parameters=layout.parameters)
        return layout.copy(content=content)
    return layout


def is_string_like(layout: Any) -> bool:
    """Whether ``layout`` is a list node of strings or bytestrings."""
    return layout.is_list and layout.parameter("__array__") in ("string", "bytestring")


__all__ = ["is_string_like", "transform"]
