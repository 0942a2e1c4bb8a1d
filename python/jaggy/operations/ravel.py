"""jaggy.ravel: every leaf value in one 1-D array, keeping missing values."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def ravel(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
          attrs: Mapping | None = None) -> Any:
    """All list levels removed: a 1-D array of the leaf values in order.

    Record fields come one after another. Unlike ``flatten(axis=None)``, None at the leaves is
    kept; a missing list holds no leaves, so it disappears.

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        A one-dimensional array (strings count as leaves).

    Example:
        >>> import jaggy
        >>> jaggy.ravel(jaggy.Array([[1, None], None, [2]])).to_list()
        [1, None, 2]
        >>> jaggy.ravel(jaggy.Array([[["a", "bc"]], [["d"]]])).to_list()
        ['a', 'bc', 'd']

    Raises:
        ValueError: the leaves are of kinds that cannot be merged into one type (e.g. numbers
            and strings in a union).
    """
    from jaggy._structure_flatten import concatenate_leaves, leaves
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    out = concatenate_leaves(leaves(layout, True, "ravel"), "ravel", layout.backend)
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["ravel"]
