"""jaggy.cartesian: every tuple of one element from each array, list by list."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def _nested_positions(nested: Any, names: list[str] | None, k: int, fname: str) -> list[int]:
    if nested is None or nested is False:
        return []
    if nested is True:
        return list(range(k - 1))
    out = []
    for item in nested:
        if isinstance(item, str) and names is not None and item in names:
            pos = names.index(item)
        elif isinstance(item, int) and not isinstance(item, bool) and 0 <= item < k:
            pos = item
        else:
            msg = f"jaggy.{fname}: nested entry {item!r} is not one of the arrays"
            raise ValueError(msg)
        if pos == k - 1:
            msg = f"jaggy.{fname}: nested cannot include the last array ({item!r})"
            raise ValueError(msg)
        out.append(pos)
    return out


def _regularize(layout: Any, levels: int) -> Any:
    """Turn the ``levels`` outer list levels (of equal lengths) into RegularArrays."""
    if levels == 0:
        return layout
    inner = _regularize(layout.content, levels - 1)
    return layout.copy(content=inner).to_RegularArray()


def run_cartesian(arrays: Any, axis: int, nested: Any, parameters: Any, with_name: Any,
                  arg: bool, fname: str) -> Any:
    from jaggy._axiswalk import is_string, normalize_axis, packed_list, whole_as_list
    from jaggy._combinatorics import cartesian_lists
    from jaggy.errors import AxisError
    from jaggy.operations.to_layout import to_layout

    if isinstance(arrays, Mapping):
        names: list[str] | None = list(arrays)
        values = list(arrays.values())
    else:
        names, values = None, list(arrays)
    if not values:
        msg = f"jaggy.{fname}: needs at least one array"
        raise ValueError(msg)
    layouts = [to_layout(v, allow_record=False) for v in values]
    k = len(layouts)
    nest = _nested_positions(nested, names, k, fname)
    if isinstance(axis, int) and not isinstance(axis, bool) and axis >= 0:
        # shallower arrays broadcast into the deeper ones (as in Awkward)
        deepest = max(layouts, key=lambda lay: lay.purelist_depth)
        posaxis = normalize_axis(deepest, axis, fname)
    else:
        posaxes = {normalize_axis(lay, axis, fname) for lay in layouts}
        posaxis = posaxes.pop()
        if posaxes:
            msg = f"jaggy.{fname}: axis={axis} is a different dimension in different arrays"
            raise AxisError(msg)
    if posaxis == 0:
        out = cartesian_lists([whole_as_list(lay) for lay in layouts], names, nest, parameters,
                              with_name, arg)
        return _regularize(out, len(set(nest)) + 1)[0]
    lengths = {lay.length for lay in layouts}
    if len(lengths) > 1:
        msg = f"jaggy.{fname}: the arrays have different lengths {sorted(lengths)}"
        raise ValueError(msg)
    if posaxis != 1 or not all(lay.is_list and not is_string(lay) for lay in layouts):
        from jaggy._cartesian_axis import cartesian_at_axis

        return cartesian_at_axis(layouts, posaxis, names, nest, parameters, with_name, arg,
                                 fname)
    # a level made from one regular array stays regular when every array makes its own
    # level, or when it is the innermost level (as in Awkward)
    regular = [lay.size if lay.is_regular else None for lay in layouts]
    if len(set(nest)) != len(layouts) - 1:
        regular = [None] * (len(layouts) - 1) + regular[-1:]
    return cartesian_lists([packed_list(lay) for lay in layouts], names, nest, parameters,
                           with_name, arg, regular)


def cartesian(arrays: Any, axis: int = 1, *, nested: Any = None,
              parameters: Mapping | None = None, with_name: str | None = None,
              highlevel: bool = True, behavior: Mapping | None = None,
              attrs: Mapping | None = None) -> Any:
    """The cartesian product of the lists of several arrays, list by list.

    Parameters:
        arrays: a list of arrays (the result holds tuples) or a dict of arrays (records with
            the dict's keys as fields), all of the same length.
        axis: 1 pairs up the i-th lists of every array; 0 takes the product of the arrays as
            wholes; deeper axes pair up the lists at that depth (the arrays are broadcast
            above it; a missing list of the first array gives a missing result, of a later
            array no tuples, as in Awkward).
        nested: None/False for one flat list of tuples per list; True to start a new list
            level after every array but the last; or a list of names (dict keys) or positions
            of the arrays after which a level starts.
        parameters, with_name: parameters and ``__record__`` name of the output records.
        highlevel, behavior, attrs: as everywhere.

    Returns:
        ``var * (A, B, ...)`` (records for a dict), the last array varying fastest; with
        ``nested``, extra ``var`` levels (regular ones at axis 0). Sized exactly before filling.

    Example:
        >>> import jaggy
        >>> jaggy.cartesian([jaggy.Array([[1, 2], []]), jaggy.Array([["a"], ["b"]])]).to_list()
        [[(1, 'a'), (2, 'a')], []]

    Raises:
        jaggy.errors.AxisError: ``axis`` does not exist in the arrays.
        ValueError: arrays of different lengths, bad ``nested`` entries, no arrays.
        NotImplementedError: unions at the axis.
    """
    out = run_cartesian(arrays, axis, nested, parameters, with_name, False, "cartesian")
    inputs = list(arrays.values()) if isinstance(arrays, Mapping) else list(arrays)
    return finish(out, highlevel, *inputs, behavior=behavior, attrs=attrs)


__all__ = ["cartesian"]
