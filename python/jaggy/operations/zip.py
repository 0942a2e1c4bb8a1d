"""jaggy.zip: combine arrays into records (or tuples), broadcasting their lists together."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def zip(arrays: Any, depth_limit: int | None = None, *, parameters: Mapping | None = None,
        with_name: str | None = None, right_broadcast: bool = False,
        optiontype_outside_record: bool = False, highlevel: bool = True,
        behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Records whose fields are ``arrays`` (a dict makes named fields, a sequence a tuple).

    The arrays are broadcast together down to ``depth_limit``, so the records sit inside the
    lists they share.

    Parameters:
        arrays: a dict of arrays (field name -> values) or a list/tuple of arrays.
        depth_limit: how deep to broadcast (None: as deep as all of them have lists; 1: the
            records are made at the top level).
        parameters: parameters set on the records.
        with_name: the records' name (the ``__record__`` parameter).
        right_broadcast: align regular dimensions from the right, as NumPy does.
        optiontype_outside_record: put the missing values of the innermost level outside the
            records instead of inside their fields.
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        An array of records.

    Example:
        >>> import jaggy
        >>> out = jaggy.zip({"x": [[1, 2], []], "y": [[3, 4], []]})
        >>> out.to_list()
        [[{'x': 1, 'y': 3}, {'x': 2, 'y': 4}], []]
        >>> print(out.type)
        2 * var * {x: int64, y: int64}
        >>> jaggy.zip([[1, 2], ["a", "b"]]).to_list()
        [(1, 'a'), (2, 'b')]

    Raises:
        TypeError: ``arrays`` is not a dict or a sequence.
        ValueError: ``depth_limit`` is below 1, or the arrays cannot be broadcast.
    """
    from jaggy._broadcasting import broadcast_and_apply
    from jaggy.layout import Content, RecordArray
    from jaggy.operations.broadcast_arrays import _as_layout

    if isinstance(arrays, Mapping):
        fields: list[str] | None = [str(k) for k in arrays]
        values = list(arrays.values())
    elif isinstance(arrays, (list, tuple)):
        fields, values = None, list(arrays)
    else:
        msg = f"jaggy.zip: 'arrays' must be a dict or a sequence of arrays, not {type(arrays).__name__}"
        raise TypeError(msg)
    if depth_limit is not None and depth_limit <= 0:
        msg = f"jaggy.zip: depth_limit must be None or at least 1, not {depth_limit}"
        raise ValueError(msg)
    params = dict(parameters or {})
    if with_name is not None:
        params["__record__"] = with_name
    if not values:
        return finish(RecordArray([], fields, 0, parameters=params or None), highlevel,
                      behavior=behavior, attrs=attrs)
    layouts = [_as_layout(x) for x in values]

    def action(inputs: list, depth: int, options: Any) -> tuple | None:
        contents = [x for x in inputs if isinstance(x, Content)]
        if depth == depth_limit or all(x.purelist_depth == 1 for x in contents):
            if optiontype_outside_record and any(x.is_option for x in contents):
                return None
            return (RecordArray(inputs, fields, contents[0].length, parameters=params or None),)
        return None

    (out,) = broadcast_and_apply(layouts, action, function_name="jaggy.zip",
                                 right_broadcast=right_broadcast, parameters_rule="all_or_nothing")
    return finish(out, highlevel, *values, behavior=behavior, attrs=attrs)


__all__ = ["zip"]
