"""jaggy.where: choose from ``x`` where a condition is true and from ``y`` elsewhere."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from jaggy.operations._wrap import finish


def _choose(cond: Any, left: Any, right: Any, mergebool: bool) -> Any:
    """The element-wise choice at the level where the condition is a flat boolean array: a union
    of ``left`` and ``right`` selected by the condition, simplified (mergeable types merge), as
    in Awkward. Scalars are repeated as NumPy arrays of their own type."""
    from jaggy import _merging
    from jaggy.layout import Content, NumpyArray

    backend = cond.backend
    xp = backend.xp
    c = cond.data.astype(bool, copy=False)
    n = len(c)
    parts = []
    for x in (left, right):
        if not isinstance(x, Content):
            if isinstance(x, (bool, int, float, complex, np.generic)):
                x = NumpyArray(xp.repeat(xp.asarray(x), n), backend=backend)
            else:
                from jaggy.operations.to_layout import to_layout

                x = to_layout([x], allow_record=False)._carry(_zeros(n, backend))
        parts.append(x)
    a, b = parts
    if (a.is_numpy and b.is_numpy and not a.parameters and not b.parameters
            and a.data.ndim == 1 and b.data.ndim == 1 and _merging._numpy_mergeable(a.data, b.data, mergebool)):
        return NumpyArray(xp.where(c, a.data, b.data), backend=backend)
    tags = (~c).astype(xp.int8)
    index = xp.arange(n, dtype=xp.int64)
    return _merging.union_simplified(tags, index, parts, mergebool)


def _zeros(n: int, backend: Any) -> Any:
    from jaggy.index import Index64

    return Index64._wrap(backend.xp.zeros(n, backend.xp.int64), backend)


def where(condition: Any, *args: Any, mergebool: bool = True, highlevel: bool = True,
          behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """``x`` where ``condition`` is true, ``y`` where it is false: ``where(condition, x, y)``.

    Parameters:
        condition: booleans (an array, or anything ``jaggy.Array`` accepts).
        *args: exactly two values ``x`` and ``y`` (arrays or scalars); the three arguments are
            broadcast together down to the condition's innermost level.
        mergebool: let booleans merge with numbers (else they make a union type).
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        An array with the broadcast structure, taking each value from ``x`` or ``y``.

    Example:
        >>> import jaggy
        >>> a = jaggy.Array([[1, -2], [], [-3]])
        >>> jaggy.where(a > 0, a, 0).to_list()
        [[1, 0], [], [0]]

    Raises:
        TypeError: not exactly two arguments after ``condition``.
        ValueError: the arguments cannot be broadcast.
    """
    from jaggy._broadcasting import broadcast_and_apply
    from jaggy._connect_numpy import _unwrap

    if len(args) != 2:
        msg = f"jaggy.where needs a condition and two arrays x and y (got {1 + len(args)} arguments)"
        raise TypeError(msg)
    layouts = [_unwrap(condition)[0], _unwrap(args[0])[0], _unwrap(args[1])[0]]

    def action(inputs: list, depth: int, options: Any) -> tuple | None:
        cond = inputs[0]
        if getattr(cond, "is_numpy", False):
            return (_choose(cond, inputs[1], inputs[2], mergebool),)
        return None

    (out,) = broadcast_and_apply(layouts, action, function_name="jaggy.where",
                                 parameters_rule="intersect")
    return finish(out, highlevel, condition, *args, behavior=behavior, attrs=attrs)


__all__ = ["where"]
