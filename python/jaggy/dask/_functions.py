"""Partition-wise versions of jaggy's row-wise functions (``jaggy.dask.flatten``, ``zip``,
``with_field``, ``cartesian``, ``fill_none``, ``sort``, ...), built by one factory.

Each wrapper takes the same arguments as the jaggy function; jaggy.dask.Arrays may appear as
arguments or inside a dict/list/tuple argument (``zip({"a": x, "b": y})``). The call is checked on
the length-0 metas now (bad arguments raise before anything is computed), then applied to each
partition. Calls along axis 0 that would mix rows of different partitions raise
NotImplementedError.
"""

from __future__ import annotations

import functools
import inspect
from typing import TYPE_CHECKING, Any

import jaggy
from jaggy.dask._core import Array, map_partitionwise

# name: (keeps the length of the first collection unless axis is 0/None, axis-0 policy)
#   policy "ok": axis 0 is row-wise; "reject": axis 0 mixes partitions; "nolen": row-wise but
#   may change the length at axis 0/None.
_TABLE: dict[str, tuple[bool, str]] = {
    "flatten": (False, "nolen"), "ravel": (False, "nolen"), "zip": (True, "ok"), "with_field": (True, "ok"),
    "without_field": (True, "ok"), "cartesian": (True, "reject"), "argcartesian": (True, "reject"),
    "argcombinations": (True, "reject"), "is_none": (True, "ok"), "fill_none": (True, "ok"),
    "drop_none": (True, "nolen"), "pad_none": (True, "reject"), "local_index": (True, "reject"),
    "sort": (True, "reject"), "argsort": (True, "reject"), "singletons": (True, "ok"),
    "nan_to_num": (True, "ok"), "values_astype": (True, "ok"), "strings_astype": (True, "ok"),
    "where": (True, "ok"), "to_regular": (True, "ok"), "from_regular": (True, "ok"), "mask": (True, "ok"),
    "unflatten": (True, "nolen"), "with_name": (True, "ok"), "with_parameter": (True, "ok"),
    "without_parameters": (True, "ok"), "isclose": (True, "ok"), "to_packed": (True, "ok"),
    "softmax": (True, "reject"), "run_lengths": (False, "reject"),
}
# inner-axis reductions of these run partition-wise (axis 0/None: see _reductions.py)
_REDUCERS = ("ptp", "moment", "count_nonzero")

__all__ = sorted(_TABLE) + list(_REDUCERS) + ["concatenate", "unzip"]

if TYPE_CHECKING:  # the wrappers are made by _make/_make_reducer when this module loads

    def __getattr__(name: str) -> Any: ...


class _Slot:
    """Placeholder for the i-th collection argument inside a call template."""

    __slots__ = ("i",)

    def __init__(self, i: int) -> None:
        self.i = i

    def __dask_tokenize__(self) -> tuple:
        return ("jaggy-dask-slot", self.i)

    def __reduce__(self) -> tuple:
        return (_Slot, (self.i,))


def _template(value: Any, found: list) -> Any:
    """``value`` with jaggy.dask.Arrays (also one level inside dicts/lists/tuples) as slots."""
    if isinstance(value, Array):
        found.append(value)
        return _Slot(len(found) - 1)
    if isinstance(value, dict) and any(isinstance(v, Array) for v in value.values()):
        return {k: _template(v, found) for k, v in value.items()}
    if isinstance(value, (list, tuple)) and any(isinstance(v, Array) for v in value):
        return type(value)(_template(v, found) for v in value)
    return value


def _fill(value: Any, parts: tuple) -> Any:
    if isinstance(value, _Slot):
        return parts[value.i]
    if isinstance(value, dict):
        return {k: _fill(v, parts) for k, v in value.items()}
    if isinstance(value, (list, tuple)) and any(isinstance(v, _Slot) for v in value):
        return type(value)(_fill(v, parts) for v in value)
    return value


def _apply(fn: Any, args: tuple, kwargs: dict, *parts: Any) -> Any:
    return fn(*[_fill(v, parts) for v in args], **{k: _fill(v, parts) for k, v in kwargs.items()})


def _make(name: str, keeps: bool, policy: str) -> Any:
    target = getattr(jaggy, name)
    signature = inspect.signature(target)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind(*args, **kwargs)
        found: list = []
        targs = tuple(_template(v, found) for v in bound.args)
        tkwargs = {k: _template(v, found) for k, v in bound.kwargs.items()}
        if not found:
            msg = f"jaggy.dask.{name}: no argument is a jaggy.dask.Array; use jaggy.{name}"
            raise TypeError(msg)
        bound.apply_defaults()
        has_axis = "axis" in signature.parameters
        axis = bound.arguments.get("axis") if has_axis else 1
        at_zero = axis is None or (isinstance(axis, int) and (axis == 0 or axis + found[0].ndim == 0))
        if has_axis and at_zero and policy == "reject":
            msg = f"jaggy.dask.{name}: axis={axis} mixes rows of different partitions, which is not implemented"
            raise NotImplementedError(msg)
        keep = keeps and not (policy == "nolen" and (at_zero or not has_axis))
        fn = functools.partial(_apply, target, targs, tkwargs)
        fn.__name__ = name  # type: ignore[attr-defined]
        return map_partitionwise(fn, tuple(found), {}, label=name, keep_divisions=keep)

    wrapper.__name__ = wrapper.__qualname__ = name
    wrapper.__signature__ = signature  # type: ignore[attr-defined]
    wrapper.__doc__ = (
        f"``jaggy.{name}`` applied to each partition (same arguments; jaggy.dask.Arrays may be "
        f"arguments or values of a dict/list argument).\n\n"
        f"Result: a jaggy.dask.Array with the same partitions.\n\n"
        f"Example:\n"
        f"    >>> import jaggy, jaggy.dask\n"
        f"    >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[1, None], [], [3]]), 2)\n"
        f"    >>> jaggy.dask.is_none(arr, axis=1).compute().to_list()\n"
        f"    [[False, True], [], [False]]\n\n"
        f"Raises what ``jaggy.{name}`` raises (checked on the metas before computing), TypeError when "
        f"no argument is a jaggy.dask.Array, NotImplementedError along axis 0 when that mixes "
        f"partitions.\n"
    )
    return wrapper


def _make_reducer(name: str) -> Any:
    wrapper = _make(name, True, "reject")
    wrapper.__doc__ = wrapper.__doc__.replace(
        "NotImplementedError along axis 0", "NotImplementedError along axis 0/None")
    return wrapper


for _name, (_keeps, _policy) in _TABLE.items():
    globals()[_name] = _make(_name, _keeps, _policy)
for _name in _REDUCERS:
    globals()[_name] = _make_reducer(_name)


def unzip(array: Array, *, how: type = tuple, highlevel: bool = True, behavior: Any = None,
          attrs: Any = None) -> Any:
    """The fields of a record jaggy.dask.Array as separate jaggy.dask.Arrays (a tuple, or a dict
    when ``how=dict``); each is a lazy field access, so it reads only its own Parquet columns.

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([{"x": 1, "y": 2.5}]), 1)
        >>> [a.compute().to_list() for a in jaggy.dask.unzip(arr)]
        [[1], [2.5]]

    Raises TypeError when ``array`` is not a jaggy.dask.Array.
    """
    if not isinstance(array, Array):
        msg = f"jaggy.dask.unzip: expected a jaggy.dask.Array, not {type(array).__name__}"
        raise TypeError(msg)
    fields = array.fields
    if not fields:
        return how([array]) if how is tuple else {"": array}
    if how is dict:
        return {f: array[f] for f in fields}
    return how(array[f] for f in fields)


def _as_type(part: Any, meta: Any) -> Any:
    return jaggy.concatenate([meta, part])


def concatenate(arrays: Any, axis: int = 0, *, mergebool: bool = True, highlevel: bool = True,
                behavior: Any = None, attrs: Any = None) -> Array:
    """Concatenate jaggy.dask.Arrays, as ``jaggy.concatenate``: along axis 0 the partitions follow
    one another (nothing is computed; partitions of a different type are converted to the merged
    type); along inner axes the arrays must be partitioned alike and are joined partition by
    partition.

    Example:
        >>> import jaggy, jaggy.dask
        >>> a = jaggy.dask.from_jaggy(jaggy.Array([[1], [2, 3]]), 2)
        >>> b = jaggy.dask.from_jaggy(jaggy.Array([[4.5]]), 1)
        >>> out = jaggy.dask.concatenate([a, b])
        >>> out.npartitions, out.compute().to_list()
        (3, [[1.0], [2.0, 3.0], [4.5]])

    Raises TypeError when an item is not a jaggy.dask.Array, ValueError for no arrays, and what
    ``jaggy.concatenate`` raises for incompatible types (checked on the metas).
    """
    from dask.highlevelgraph import HighLevelGraph, MaterializedLayer

    from jaggy.dask._core import new_name

    arrays = list(arrays)
    if not arrays:
        msg = "jaggy.dask.concatenate: give at least one array"
        raise ValueError(msg)
    for i, a in enumerate(arrays):
        if not isinstance(a, Array):
            msg = f"jaggy.dask.concatenate: item {i} is a {type(a).__name__}, not a jaggy.dask.Array"
            raise TypeError(msg)
    kwargs = {"axis": axis, "mergebool": mergebool, "behavior": behavior, "attrs": attrs}
    meta = jaggy.concatenate([a.meta for a in arrays], **kwargs)  # errors surface now
    if not (axis == 0 or (isinstance(axis, int) and axis + arrays[0].ndim == 0)):
        return _make("concatenate", True, "ok")(arrays, **kwargs)
    name = new_name("concatenate", [a.name for a in arrays], mergebool)
    layer, k = {}, 0
    for a in arrays:
        same = a.meta.layout.form == meta.layout.form
        for i in range(a.npartitions):
            layer[(name, k)] = (a.name, i) if same else (_as_type, (a.name, i), meta)
            k += 1
    divisions = None
    if all(a.divisions is not None for a in arrays):
        offsets, total = [0], 0
        for a in arrays:
            offsets.extend(total + d for d in a.divisions[1:])
            total += a.divisions[-1]
        divisions = tuple(offsets)
    graph = HighLevelGraph.from_collections(name, MaterializedLayer(layer), dependencies=arrays)
    return Array(graph, name, meta, k, divisions)
