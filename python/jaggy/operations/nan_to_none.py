"""jaggy.nan_to_none: turn NaN values into None."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def _leaves_map(node: Any, fn: Any) -> Any:
    """``node`` with every numeric leaf replaced by ``fn(leaf)`` (structure kept)."""
    from jaggy._structure_util import as_list_like, is_string, rewrap

    node = as_list_like(node)
    if node.is_numpy:
        return fn(node)
    if node.is_list and not is_string(node):
        return node.copy(content=_leaves_map(node.content, fn))
    if node.is_option or node.is_indexed:
        return rewrap(node, _leaves_map(node.content, fn))
    if node.is_record:
        return node.copy(contents=[_leaves_map(c, fn) for c in node.contents], length=node.length)
    if node.is_union:
        from jaggy._structure_util import union_map

        return union_map(node, lambda c: _leaves_map(c, fn))
    return node


def nan_to_none(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
                attrs: Mapping | None = None) -> Any:
    """Every NaN in a floating-point leaf becomes None (the leaf becomes option-type).

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        The array with ``?float64`` (option-type) leaves where the data is floating-point; other
        leaves are unchanged.

    Example:
        >>> import jaggy
        >>> out = jaggy.nan_to_none(jaggy.Array([[1.0, float("nan")], [2.5]]))
        >>> out.to_list()
        [[1.0, None], [2.5]]
        >>> print(out.type)
        2 * var * ?float64
    """
    from jaggy.index import Index
    from jaggy.layout.maskedarrays import ByteMaskedArray
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)

    def fn(leaf: Any) -> Any:
        xp = leaf.backend.xp
        if leaf.data.dtype.kind not in "fc":
            return leaf
        nan = xp.isnan(leaf.data)
        return ByteMaskedArray(Index._wrap(nan.view(xp.int8), leaf.backend), leaf, False)

    out = _leaves_map(layout, fn)
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["nan_to_none"]
