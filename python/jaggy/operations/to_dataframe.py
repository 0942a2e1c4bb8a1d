"""jaggy.to_dataframe: a jaggy array as a pandas DataFrame with a MultiIndex for list depths."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _default_levelname(index: int) -> str:
    return "sub" * index + "entry"


def to_dataframe(array: Any, *, how: str | None = "inner", levelname: Callable[[int], str] = _default_levelname,
                 anonymous: str = "values") -> Any:
    """Convert an array to a pandas DataFrame (or a list of them with ``how=None``).

    Each leaf field of the records becomes a column (nested records give MultiIndex columns);
    variable-length lists are flattened into rows whose index has one level per list depth
    (``entry``, ``subentry``, ...). Missing numbers become NaN, missing strings None, missing
    lists no rows.

    Parameters:
        array: a jaggy array (or anything ``jaggy.to_layout`` accepts).
        how: the join of columns with different list structure, as in ``pandas.DataFrame.join``
            (``"inner"``, ``"outer"``, ``"left"``, ``"right"``); None returns one DataFrame per
            distinct list structure instead.
        levelname: gives the name of index level ``i``.
        anonymous: the column name for an array without fields.

    Returns:
        A ``pandas.DataFrame``, or a list of them if ``how`` is None.

    Raises:
        ImportError: pandas is not installed.
        TypeError: union types (columns of mixed types).

    >>> import jaggy
    >>> jaggy.to_dataframe(jaggy.Array([[1, 2], [], [3]]))  # doctest: +SKIP
                    values
    entry subentry
    0     0              1
          1              2
    2     0              3
    """
    try:
        import pandas
    except ImportError as err:
        msg = ("jaggy.to_dataframe needs pandas, which is not installed:\n\n    pip install pandas\n\n"
               "or\n\n    conda install -c conda-forge pandas")
        raise ImportError(msg) from err
    from jaggy.io.dataframe import columns
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    if layout.backend.name != "cpu":  # pandas holds host data: an explicit copy
        from jaggy.backends import cpu

        layout = layout.to_backend(cpu)
    found = columns(layout, "jaggy.to_dataframe")
    depth = max((len(path) for path, _, _ in found), default=0)

    def name_of(path: tuple) -> Any:
        if depth == 0:
            return anonymous
        if depth == 1:
            return path[0]
        return tuple(path) + ("",) * (depth - len(path))

    # columns with the same index levels share one frame
    groups: list[tuple[list, list]] = []
    for path, values, levels in found:
        for group_levels, members in groups:
            if len(group_levels) == len(levels) and all(
                    len(a) == len(b) and (a is b or bool((a == b).all())) for a, b in zip(group_levels, levels)):
                members.append((path, values))
                break
        else:
            groups.append((levels, [(path, values)]))
    frames = []
    for levels, members in groups:
        index = pandas.MultiIndex.from_arrays(levels, names=[levelname(i) for i in range(len(levels))]) \
            if len(levels) > 1 else pandas.Index(levels[0], name=levelname(0))
        data = {name_of(path): values for path, values in members}
        frame = pandas.DataFrame(data, index=index)
        if depth > 1:
            frame.columns = pandas.MultiIndex.from_tuples(list(data))
        frames.append(frame)
    if how is None:
        return frames
    order = [name_of(path) for path, _, _ in found]
    if how == "inner":
        frames.sort(key=lambda f: -f.index.nlevels)
        out = frames[0]
        for frame in frames[1:]:
            out = out.join(frame, how=how)
    else:
        # from the shallowest frame, merged on the shared index levels: unlike a join, a merge
        # keeps the rows of a shallow frame that match nothing in a deeper one (entries whose
        # lists are empty); the deeper levels of those rows are missing (0 below, as Awkward)
        frames.sort(key=lambda f: f.index.nlevels)
        out = frames[0]
        for frame in frames[1:]:
            out = _merge(pandas, out, frame, how)
    if how != "inner" and isinstance(out.index, pandas.MultiIndex):
        # an outer/left/right join leaves inner levels of rows from shallower columns empty: 0
        arrays = [out.index.get_level_values(i) for i in range(out.index.nlevels)]
        arrays = [a.fillna(0).astype("int64") if a.hasnans else a for a in arrays]
        out.index = pandas.MultiIndex.from_arrays(arrays, names=out.index.names)
    return out[order] if len(order) > 0 else out


def _merge(pandas: Any, left: Any, right: Any, how: str) -> Any:
    """``left`` and ``right`` (deeper index) merged on ``left``'s index levels, indexed as
    ``right``; column labels (tuples for nested records) pass through positions."""
    shared = list(left.index.names)
    labels = [*left.columns, *right.columns]
    a = left.reset_index(drop=False).set_axis([*shared, *range(len(left.columns))], axis=1)
    b = right.reset_index(drop=False).set_axis(
        [*right.index.names, *range(len(left.columns), len(labels))], axis=1)
    merged = pandas.merge(a, b, on=shared, how=how).set_index(list(right.index.names))
    merged.columns = pandas.MultiIndex.from_tuples(labels) if isinstance(left.columns, pandas.MultiIndex) \
        else pandas.Index(labels)
    return merged


__all__ = ["to_dataframe"]
