"""jaggy.transform: apply a user function to every node of a layout (or of broadcast layouts)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from jaggy.operations._wrap import finish


def _rebuild(layout: Any, children: list) -> Any:
    if layout.is_record:
        return layout.copy(contents=children)
    if layout.is_union:
        return layout.copy(contents=children)
    return layout.copy(content=children[0])


def _walk(layout: Any, depth: int, transformation: Callable, kw: dict, flags: tuple) -> Any:
    numpy_to_regular, regular_to_jagged, expect_return_value = flags
    if numpy_to_regular and layout.is_numpy and len(layout.data.shape) > 1:
        layout = layout.to_RegularArray()
    if regular_to_jagged and layout.is_regular:
        layout = layout.to_ListOffsetArray64()

    def continuation() -> Any:
        if layout.is_numpy or layout.is_unknown:
            if expect_return_value:
                msg = ("jaggy.transform: expect_return_value=True but the transformation returned "
                       f"None for a leaf node ({type(layout).__name__})")
                raise RuntimeError(msg)
            return layout
        if layout.is_record:
            kids = [_walk(c, depth, transformation, kw, flags) for c in layout.contents]
            return layout.copy(contents=kids, length=layout.length) if kids else layout
        if layout.is_union:
            return layout.copy(contents=[_walk(c, depth, transformation, kw, flags)
                                         for c in layout.contents])
        inner = depth + 1 if layout.is_list else depth
        return layout.copy(content=_walk(layout.content, inner, transformation, kw, flags))

    out = transformation(layout, depth=depth, continuation=continuation, backend=layout.backend, **kw)
    return continuation() if out is None else out


def transform(transformation: Callable, array: Any, *more_arrays: Any,
              depth_context: dict | None = None, lateral_context: dict | None = None,
              allow_records: bool = True, broadcast_parameters_rule: str = "intersect",
              left_broadcast: bool = True, right_broadcast: bool = True,
              numpy_to_regular: bool = False, regular_to_jagged: bool = False,
              return_value: str = "simplified", expect_return_value: bool = False,
              highlevel: bool = True, behavior: Mapping | None = None,
              attrs: Mapping | None = None) -> Any:
    """Calls ``transformation`` on every node of ``array`` (top-down) and rebuilds the result.

    ``transformation(layout, depth=..., depth_context=..., lateral_context=...,
    continuation=..., backend=..., options=...)`` returns a new layout for the node, or None to
    descend into its children (``continuation()`` descends explicitly).

    Parameters:
        transformation: the function called on each node.
        array: the array (anything ``jaggy.Array`` accepts).
        *more_arrays: further arrays: they are broadcast with ``array`` and ``transformation``
            receives the list of aligned layouts at each level, returning a tuple of layouts or
            None.
        depth_context, lateral_context: dicts passed to every call (copied per depth / shared).
        allow_records, broadcast_parameters_rule, left_broadcast, right_broadcast: broadcasting
            options for ``more_arrays`` (see ``jaggy.broadcast_arrays``).
        numpy_to_regular, regular_to_jagged: present multi-dimensional NumPy nodes as
            RegularArrays, and RegularArrays as variable-length lists.
        return_value: "simplified" (the result), "none" (return None) or "original" (the
            result, with the untouched nodes around the replaced ones kept as they were).
        expect_return_value: raise if the transformation returns None down to a leaf.
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        The rebuilt array (a tuple of arrays with ``more_arrays``), or None.

    Example:
        >>> import jaggy
        >>> def double(layout, **kwargs):
        ...     if layout.is_numpy:
        ...         return jaggy.contents.NumpyArray(layout.data * 2)
        >>> jaggy.transform(double, jaggy.Array([[1, 2], [], [3]])).to_list()
        [[2, 4], [], [6]]

    Raises:
        TypeError: ``transformation`` is not callable.
        ValueError: an unknown ``return_value``, or arrays that cannot be broadcast.
        RuntimeError: ``expect_return_value`` is set and a leaf is reached.
        NotImplementedError: ``continuation()`` called with several arrays.
    """
    from jaggy._broadcasting import broadcast_and_apply
    from jaggy.operations.broadcast_arrays import _as_layout

    if not callable(transformation):
        msg = f"jaggy.transform: 'transformation' must be callable, not {type(transformation).__name__}"
        raise TypeError(msg)
    if return_value not in ("simplified", "none", "original"):
        msg = f"jaggy.transform: return_value must be 'simplified', 'none' or 'original', not {return_value!r}"
        raise ValueError(msg)
    options = {"allow_records": allow_records, "left_broadcast": left_broadcast,
               "right_broadcast": right_broadcast, "broadcast_parameters_rule": broadcast_parameters_rule}
    kw = {"depth_context": {} if depth_context is None else depth_context,
          "lateral_context": {} if lateral_context is None else lateral_context, "options": options}
    arrays = (array, *more_arrays)
    layouts = [_as_layout(x) for x in arrays]
    if not more_arrays:
        flags = (numpy_to_regular, regular_to_jagged, expect_return_value)
        outs: Any = (_walk(layouts[0], 1, transformation, kw, flags),)
    else:
        def no_continuation() -> Any:
            msg = "jaggy.transform: continuation() is not available with several arrays; return None instead"
            raise NotImplementedError(msg)

        def action(inputs: list, depth: int, options: Any) -> tuple | None:
            out = transformation(inputs, depth=depth, continuation=no_continuation,
                                 backend=layouts[0].backend, **kw)
            if out is None:
                return None
            return out if isinstance(out, tuple) else (out,)

        outs = broadcast_and_apply(layouts, action, function_name="jaggy.transform",
                                   allow_records=allow_records, left_broadcast=left_broadcast,
                                   right_broadcast=right_broadcast,
                                   parameters_rule=broadcast_parameters_rule)
    if return_value == "none":
        return None
    results = [finish(o, highlevel, *arrays, behavior=behavior, attrs=attrs) for o in outs]
    return results[0] if len(results) == 1 else tuple(results)


__all__ = ["transform"]
