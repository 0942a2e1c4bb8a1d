"""Apply a NumPy function to every numeric leaf of a layout (helper of round/real/imag/angle)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


def apply_to_numeric_leaves(array: Any, fn: Callable[[Any], Any], where: str, highlevel: bool,
                            behavior: Mapping | None, attrs: Mapping | None) -> Any:
    """The body of jaggy.round/real/imag/angle: ``fn`` on every numeric leaf of ``array``."""
    from jaggy.operations._wrap import finish
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    result = map_numeric_leaves(layout, fn, where)
    return finish(result, highlevel, array, behavior=behavior, attrs=attrs)


def map_numeric_leaves(node: Any, fn: Callable[[Any], Any], where: str) -> Any:
    """``node`` with the data of every numeric leaf replaced by ``fn(data)``; strings, the
    structure and the parameters are kept. One NumPy call per leaf node."""
    from jaggy._structure_util import as_list_like, is_string, rewrap
    from jaggy.layout.numpyarray import NumpyArray

    node = as_list_like(node)
    if node.is_numpy:
        if node.data.dtype.kind not in "biufc":
            msg = f"{where}: cannot apply to values of dtype {node.data.dtype}"
            raise TypeError(msg)
        return NumpyArray(fn(node.data), parameters=node.parameters, backend=node.backend)
    if node.is_list:
        if is_string(node):
            return node
        return node.copy(content=map_numeric_leaves(node.content, fn, where))
    if node.is_option or node.is_indexed:
        return rewrap(node, map_numeric_leaves(node.content, fn, where))
    if node.is_record:
        return node.copy(contents=[map_numeric_leaves(c, fn, where) for c in node.contents],
                         length=node.length)
    if node.is_union:
        return node.copy(contents=[map_numeric_leaves(c, fn, where) for c in node.contents])
    return node  # EmptyArray: no values
