"""jaggy.isclose: element-wise closeness of two arrays (NumPy's isclose, broadcast)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def isclose(a: Any, b: Any, rtol: float = 1e-05, atol: float = 1e-08, equal_nan: bool = False, *,
            highlevel: bool = True, behavior: Mapping | None = None,
            attrs: Mapping | None = None) -> Any:
    """True where ``a`` and ``b`` are equal within a tolerance, element by element.

    The test is ``|a - b| <= atol + rtol * |b|`` (as in ``numpy.isclose``), after broadcasting
    ``a`` and ``b`` against each other.

    Parameters:
        a, b: arrays, NumPy arrays or numbers.
        rtol, atol: relative and absolute tolerance.
        equal_nan: count NaN as close to NaN.
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        A boolean array with the broadcast structure of ``a`` and ``b``.

    Example:
        >>> import jaggy
        >>> jaggy.isclose(jaggy.Array([[1.0, 2.0], []]), jaggy.Array([[1.0, 2.1], []])).to_list()
        [[True, False], []]
        >>> jaggy.isclose(jaggy.Array([[1.0, 1.01]]), 1.0, rtol=0.1).to_list()
        [[True, True]]

    Raises:
        ValueError: ``a`` and ``b`` cannot be broadcast.
    """
    from jaggy._broadcasting import broadcast_and_apply
    from jaggy._connect_numpy import _unwrap
    from jaggy.layout import Content, NumpyArray

    layouts = [_unwrap(a)[0], _unwrap(b)[0]]

    def action(inputs: list, depth: int, options: Any) -> tuple | None:
        contents = [x for x in inputs if isinstance(x, Content)]
        if contents and all(x.is_numpy for x in contents):
            args = [x.data if isinstance(x, Content) else x for x in inputs]
            out = contents[0].backend.xp.isclose(*args, rtol=rtol, atol=atol, equal_nan=equal_nan)
            return (NumpyArray(out, backend=contents[0].backend),)
        return None

    (out,) = broadcast_and_apply(layouts, action, function_name="jaggy.isclose")
    return finish(out, highlevel, a, b, behavior=behavior, attrs=attrs)


__all__ = ["isclose"]
