"""jaggy.combinations: n-tuples of distinct (or, with replacement, repeated) list elements."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def check_n(n: Any, fname: str) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        msg = f"jaggy.{fname}: n must be an integer, not {n!r}"
        raise TypeError(msg)
    if n < 1:
        msg = f"jaggy.{fname}: n must be at least 1 (got n={n})"
        raise ValueError(msg)
    return n


def check_fields(fields: Any, n: int, fname: str) -> list[str] | None:
    if fields is None:
        return None
    fields = list(fields)
    if len(fields) != n or not all(isinstance(f, str) for f in fields):
        msg = f"jaggy.{fname}: fields must be {n} strings (one per element of a combination), got {fields!r}"
        raise ValueError(msg)
    return fields


def run_combinations(array: Any, n: int, replacement: bool, axis: int, fields: Any,
                     parameters: Any, with_name: Any, arg: bool, fname: str) -> Any:
    from jaggy._axiswalk import apply_at_axis, normalize_axis
    from jaggy._combinatorics import combinations_list
    from jaggy.operations.to_layout import to_layout

    n = check_n(n, fname)
    names = check_fields(fields, n, fname)
    layout = to_layout(array, allow_record=False)
    if layout.is_unknown and not arg:
        return layout  # no values to combine: the array stays of unknown type, as in Awkward
    posaxis = normalize_axis(layout, axis, fname)
    return apply_at_axis(layout, posaxis, lambda lst: combinations_list(
        lst, n, replacement, names, parameters, with_name, arg), fname, keep_regular=True)


def combinations(array: Any, n: int, *, replacement: bool = False, axis: int = 1,
                 fields: list[str] | None = None, parameters: Mapping | None = None,
                 with_name: str | None = None, highlevel: bool = True,
                 behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """All n-element combinations of the elements of every list at ``axis``.

    Parameters:
        array: array-like data.
        n: the number of elements per combination (at least 1).
        replacement: if True, an element may be combined with itself (``(x, x)``).
        axis: the list dimension to combine within; ``axis=0`` combines the elements of the
            whole array.
        fields: names of the n slots (a record); by default the result is a tuple.
        parameters: parameters of the output records; with_name sets ``__record__``.
        highlevel, behavior, attrs: as everywhere.

    Returns:
        Per list, its combinations in lexicographic order of positions: type
        ``var * (T, T, ...)``. The output is sized exactly before it is filled.

    Example:
        >>> import jaggy
        >>> jaggy.combinations(jaggy.Array([[1, 2, 3], [], [4]]), 2).to_list()
        [[(1, 2), (1, 3), (2, 3)], [], []]

    Raises:
        jaggy.errors.AxisError: ``axis`` does not exist in the array.
        ValueError: ``n < 1``, ``fields`` of the wrong length, or a count overflowing int64.
    """
    out = run_combinations(array, n, replacement, axis, fields, parameters, with_name, False,
                           "combinations")
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["combinations"]
