"""jaggy.broadcast_arrays: several arrays broadcast to one common structure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def _as_layout(x: Any) -> Any:
    from jaggy.layout import Content
    from jaggy.operations.to_layout import to_layout

    if isinstance(x, Content):
        return x
    return to_layout(x, allow_record=False)


def broadcast_arrays(*arrays: Any, depth_limit: int | None = None,
                     broadcast_parameters_rule: str = "one_to_one", left_broadcast: bool = True,
                     right_broadcast: bool = True, highlevel: bool = True,
                     behavior: Mapping | None = None, attrs: Mapping | None = None) -> list:
    """Broadcast ``arrays`` against each other, as NumPy does, extended to nested lists.

    Parameters:
        *arrays: arrays, NumPy arrays or scalars.
        depth_limit: stop broadcasting at this depth (None: down to the leaves).
        broadcast_parameters_rule: how the parameters of the inputs combine: "one_to_one",
            "intersect", "all_or_nothing" or "none".
        left_broadcast: repeat one value per list into every element of that list (jagged
            broadcasting).
        right_broadcast: align regular dimensions from the right, as NumPy does.
        highlevel, behavior, attrs: as everywhere (return Arrays, or layouts).

    Returns:
        A list with one array per input, all of the same structure.

    Example:
        >>> import jaggy
        >>> x, y = jaggy.broadcast_arrays([[1, 2], [3]], 5)
        >>> y.to_list()
        [[5, 5], [5]]
        >>> x, y = jaggy.broadcast_arrays([[1, 2], [3]], [10, 20])
        >>> y.to_list()
        [[10, 10], [20]]

    Raises:
        ValueError: the structures cannot be broadcast (different lengths, lists of different
            lengths, records with different fields).
    """
    from jaggy._broadcasting import broadcast_and_apply
    from jaggy.backends import scalars_to_backend
    from jaggy.layout import Content

    if not arrays:
        return []
    layouts = [_as_layout(x) for x in arrays]
    layouts = scalars_to_backend(layouts, [isinstance(x, (int, float, complex, str, bytes)) for x in arrays])

    def action(inputs: list, depth: int, options: Any) -> tuple | None:
        contents = [x for x in inputs if isinstance(x, Content)]
        if depth == depth_limit or all(x.purelist_depth == 1 and not (x.is_option or x.is_indexed)
                                       for x in contents):
            return tuple(inputs)
        return None

    outs = broadcast_and_apply(layouts, action, function_name="jaggy.broadcast_arrays",
                               left_broadcast=left_broadcast, right_broadcast=right_broadcast,
                               parameters_rule=broadcast_parameters_rule)
    return [finish(o, highlevel, *arrays, behavior=behavior, attrs=attrs) for o in outs]


__all__ = ["broadcast_arrays"]
