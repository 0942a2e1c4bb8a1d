"""jaggy.argcombinations: the positions of jaggy.combinations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def argcombinations(array: Any, n: int, *, replacement: bool = False, axis: int = 1,
                    fields: list[str] | None = None, parameters: Mapping | None = None,
                    with_name: str | None = None, highlevel: bool = True,
                    behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Like ``jaggy.combinations``, but of the local positions (``var * (int64, int64)``).

    Example:
        >>> import jaggy
        >>> jaggy.argcombinations(jaggy.Array([[1, 2, 3], [], [4]]), 2).to_list()
        [[(0, 1), (0, 2), (1, 2)], [], []]

    Raises:
        jaggy.errors.AxisError: ``axis`` does not exist in the array.
        ValueError: ``n < 1`` or ``fields`` of the wrong length.
    """
    from jaggy.operations.combinations import run_combinations

    out = run_combinations(array, n, replacement, axis, fields, parameters, with_name, True,
                           "argcombinations")
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["argcombinations"]
