"""jaggy.argcartesian: the positions of jaggy.cartesian."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def argcartesian(arrays: Any, axis: int = 1, *, nested: Any = None,
                 parameters: Mapping | None = None, with_name: str | None = None,
                 highlevel: bool = True, behavior: Mapping | None = None,
                 attrs: Mapping | None = None) -> Any:
    """Like ``jaggy.cartesian``, but of the local positions in each array's lists.

    Example:
        >>> import jaggy
        >>> jaggy.argcartesian([jaggy.Array([[1, 2], []]), jaggy.Array([["a"], ["b"]])]).to_list()
        [[(0, 0), (1, 0)], []]

    Raises:
        jaggy.errors.AxisError: ``axis`` does not exist in the arrays.
        ValueError: arrays of different lengths, bad ``nested`` entries, no arrays.
        NotImplementedError: unions at the axis.
    """
    from jaggy.operations.cartesian import run_cartesian

    out = run_cartesian(arrays, axis, nested, parameters, with_name, True, "argcartesian")
    inputs = list(arrays.values()) if isinstance(arrays, Mapping) else list(arrays)
    return finish(out, highlevel, *inputs, behavior=behavior, attrs=attrs)


__all__ = ["argcartesian"]
