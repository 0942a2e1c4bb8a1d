"""jaggy.ravel: every leaf value in one 1-D array, keeping missing values."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def ravel(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
          attrs: Mapping | None = None) -> Any:
    """All list levels removed: a 1-D array of the leaf values in order (record fields one after
    another). Unlike ``flatten(axis=None)``, None at the leaves is kept; a missing list holds no
    leaves, so it disappears.

    Parameters: ``array`` (array-like).
    Returns: a 1-D array (strings are leaves).

    Example: ``jaggy.ravel([[1, None], None, [2]])`` is ``[1, None, 2]``.

    Raises ``NotImplementedError`` for unions.
    """
    from jaggy._structure_flatten import concatenate_leaves, leaves
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    out = concatenate_leaves(leaves(layout, True, "ravel"), "ravel", layout.backend)
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["ravel"]
