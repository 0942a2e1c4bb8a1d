"""jaggy.dask collections: a partitioned jaggy.Array and a lazy scalar, over Dask task graphs.

Each partition is one task whose result is a jaggy.Array; ``meta`` is a length-0 jaggy.Array of the
same type, obtained by running every operation on the previous ``meta`` (so types are known without
reading data).
"""

from __future__ import annotations

import functools
import hashlib
import operator
import types
import uuid
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from dask.base import DaskMethodsMixin, tokenize
from dask.highlevelgraph import HighLevelGraph, MaterializedLayer
from dask.threaded import get as threaded_get

import jaggy
from jaggy.dask._projection import mark_fields, mark_passthrough

__all__ = ["Array", "Scalar", "map_partitions", "map_partitionwise", "new_name"]


_PLAIN = (str, int, float, bool, bytes, complex, type(None))


def _describe(obj: Any) -> str:
    """A deterministic description of ``obj`` for layer names: cheap for the values graphs are
    built from (names, numbers, importable functions, ufuncs, partials, containers); anything
    else goes through ``dask.base.tokenize``."""
    if isinstance(obj, _PLAIN):
        return f"{type(obj).__name__}:{obj!r}"
    if isinstance(obj, (tuple, list)):
        return f"{type(obj).__name__}({','.join(_describe(x) for x in obj)})"
    if type(obj) is dict:
        return "dict(" + ",".join(f"{_describe(k)}={_describe(v)}" for k, v in obj.items()) + ")"
    if isinstance(obj, np.ufunc):
        return f"ufunc:{obj.__name__}"
    if isinstance(obj, Array):
        return f"array:{obj.name}"
    if isinstance(obj, functools.partial):
        return f"partial({_describe(obj.func)};{_describe(obj.args)};{_describe(obj.keywords)})"
    if isinstance(obj, (types.FunctionType, types.BuiltinFunctionType)):
        module, qualname = getattr(obj, "__module__", None), getattr(obj, "__qualname__", "<")
        if module and module != "__main__" and "<" not in qualname:
            return f"fn:{module}.{qualname}"
    return f"tok:{tokenize(obj)}"


def new_name(label: str, *parts: Any) -> str:
    """A graph-layer name: ``label-<token of parts>``, or a random one when ``parts`` is empty."""
    if not parts:
        return f"{label}-{uuid.uuid4().hex}"
    return f"{label}-{hashlib.md5(_describe(parts).encode(), usedforsecurity=False).hexdigest()}"


def _concatenate_partitions(results: Sequence[Any]) -> Any:
    if len(results) == 1:
        return results[0]
    return jaggy.concatenate(list(results))


def _first(results: Sequence[Any]) -> Any:
    return results[0]


def _length_zero(meta: Any) -> Any:
    if isinstance(meta, jaggy.Array):
        return meta[:0] if len(meta) else meta
    return meta


def run_partition(fn: Callable, where: tuple, constants: tuple, kwargs: dict, index: int, *parts: Any) -> Any:
    """Call ``fn`` on one partition: ``where[k]`` says whether argument k is the next partition
    in ``parts`` (True) or the next value of ``constants`` (False). Errors name the partition."""
    parts_it, const_it = iter(parts), iter(constants)
    args = [next(parts_it) if is_part else next(const_it) for is_part in where]
    try:
        return fn(*args, **kwargs)
    except Exception as err:
        name = getattr(fn, "__name__", repr(fn))
        msg = f"jaggy.dask: {name} failed in partition {index}: {err}"
        try:
            new = type(err)(msg)
        except Exception:
            new = RuntimeError(msg)
        raise new from err


class _Partitions:
    """``array.partitions[i]`` or ``array.partitions[a:b]``: a new collection of the selected partitions."""

    def __init__(self, array: Array) -> None:
        self._array = array

    def __getitem__(self, where: Any) -> Array:
        arr = self._array
        n = arr.npartitions
        if isinstance(where, (int, np.integer)):
            i = int(where)
            if i < 0:
                i += n
            if not 0 <= i < n:
                msg = f"jaggy.dask.Array.partitions: partition {where} is out of range for {n} partitions"
                raise IndexError(msg)
            chosen = [i]
        elif isinstance(where, slice):
            chosen = list(range(n))[where]
        else:
            msg = f"jaggy.dask.Array.partitions: expected an integer or a slice, not {type(where).__name__}"
            raise TypeError(msg)
        name = new_name("partitions", arr.name, tuple(chosen))
        layer = {(name, j): (arr.name, i) for j, i in enumerate(chosen)}
        graph = HighLevelGraph.from_collections(name, MaterializedLayer(layer), dependencies=[arr])
        divisions = None
        if arr.divisions is not None:
            lengths = [arr.divisions[i + 1] - arr.divisions[i] for i in chosen]
            divisions = (0, *np.cumsum(lengths).tolist()) if chosen else (0,)
        return mark_passthrough(Array(graph, name, arr._meta, len(chosen), divisions))


class _Collection(DaskMethodsMixin, np.lib.mixins.NDArrayOperatorsMixin):
    """What Array and Scalar share of Dask's collection protocol: one output layer ``_name`` in
    the graph ``_graph``, jaggy's optimization pass, the threaded scheduler by default."""

    _graph: HighLevelGraph
    _name: str

    def __dask_graph__(self) -> HighLevelGraph:
        return self._graph

    def __dask_layers__(self) -> tuple:
        return (self._name,)

    def __dask_tokenize__(self) -> str:
        return self._name

    def __dask_postpersist__(self) -> tuple:
        return self._rebuild, ()

    def _rebuild(self, dsk: Any, *, rename: dict | None = None) -> Any:
        name = self._name if rename is None else rename.get(self._name, self._name)
        if not isinstance(dsk, HighLevelGraph):
            dsk = HighLevelGraph.from_collections(name, MaterializedLayer(dict(dsk)), dependencies=())
        return self._with_graph(dsk, name)

    def _with_graph(self, graph: HighLevelGraph, name: str) -> Any:
        """The same collection over ``graph`` with output layer ``name`` (each subclass)."""
        msg = f"{type(self).__name__}._with_graph"
        raise NotImplementedError(msg)

    __dask_scheduler__ = staticmethod(threaded_get)

    @staticmethod
    def __dask_optimize__(dsk: Any, keys: Any, **kwargs: Any) -> Any:
        from jaggy.dask._projection import optimize

        return optimize(dsk, keys, **kwargs)


class Array(_Collection):
    """A jaggy.Array split into partitions along axis 0, each computed by one Dask task.

    Parameters:
        graph: a HighLevelGraph holding the keys ``(name, i)`` for i in ``range(npartitions)``.
        name: the name of the output layer.
        meta: a length-0 jaggy.Array with the type of every partition.
        npartitions: the number of partitions.
        divisions: the row offsets of the partitions (``npartitions + 1`` numbers) when known.

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[1, 2], [], [3]]), npartitions=2)
        >>> (arr * 10).compute().to_list()
        [[10, 20], [], [30]]
    """

    def __init__(self, graph: HighLevelGraph, name: str, meta: Any, npartitions: int,
                 divisions: Sequence[int] | None = None) -> None:
        self._graph = graph
        self._name = name
        self._meta = _length_zero(meta)
        self._npartitions = int(npartitions)
        self._divisions = None if divisions is None else tuple(int(d) for d in divisions)

    # Dask collection protocol (the rest in _Collection)
    def __dask_keys__(self) -> list:
        return [(self._name, i) for i in range(self._npartitions)]

    def __dask_postcompute__(self) -> tuple:
        return _concatenate_partitions, ()

    def _with_graph(self, graph: HighLevelGraph, name: str) -> Array:
        return Array(graph, name, self._meta, self._npartitions, self._divisions)

    # metadata
    @property
    def name(self) -> str:
        """The name of the output layer of the graph."""
        return self._name

    @property
    def meta(self) -> Any:
        """A length-0 jaggy.Array with the type of the partitions."""
        return self._meta

    @property
    def npartitions(self) -> int:
        """The number of partitions."""
        return self._npartitions

    @property
    def divisions(self) -> tuple | None:
        """The row offsets of the partitions, or None when the lengths are not known."""
        return self._divisions

    @property
    def known_divisions(self) -> bool:
        """Whether the partition lengths are known without computing."""
        return self._divisions is not None

    @property
    def partitions(self) -> _Partitions:
        """Select partitions: ``arr.partitions[i]`` or ``arr.partitions[a:b]`` (lazy)."""
        return _Partitions(self)

    @property
    def type(self) -> Any:
        """The ArrayType: the length when the divisions are known, otherwise unknown."""
        length = self._divisions[-1] if self._divisions is not None else None
        return jaggy.types.ArrayType(self._meta.type.content, length)

    @property
    def form(self) -> Any:
        """The Form of every partition (from the meta; nothing is computed)."""
        return self._meta.layout.form

    @property
    def dask(self) -> HighLevelGraph:
        """The task graph (as Dask collections name it)."""
        return self._graph

    @property
    def fields(self) -> list:
        """The record field names (empty when the array is not of records)."""
        return self._meta.fields

    @property
    def ndim(self) -> int:
        """The number of dimensions."""
        return self._meta.ndim

    def __len__(self) -> int:
        if self._divisions is None:
            msg = "jaggy.dask.Array: the length is not known without computing; use jaggy.dask.num(arr, axis=0)"
            raise TypeError(msg)
        return self._divisions[-1]

    def __repr__(self) -> str:
        return f"jaggy.dask.Array<{self._name}, npartitions={self._npartitions}, type='{self.type}'>"

    __str__ = __repr__

    def __dir__(self) -> list:
        return sorted(set(super().__dir__()) | {f for f in self.fields if f.isidentifier()})

    # operations
    def map_partitions(self, fn: Callable, *args: Any, meta: Any = None, label: str | None = None, **kwargs: Any) -> Any:
        """``jaggy.dask.map_partitions(fn, self, *args, meta=meta, **kwargs)``."""
        return map_partitions(fn, self, *args, meta=meta, label=label, **kwargs)

    def __getattr__(self, where: str) -> Array:
        if where.startswith("_"):
            raise AttributeError(where)
        if where in self._meta.fields:
            return mark_fields(map_partitionwise(operator.getitem, (self, where), {}, label=f"getattr-{where}",
                                                 keep_divisions=True), where)
        msg = f"jaggy.dask.Array has no attribute or field {where!r}"
        raise AttributeError(msg)

    def __getitem__(self, where: Any) -> Array:
        _check_partitionwise(where)
        keep = isinstance(where, str) or (isinstance(where, list) and all(isinstance(x, str) for x in where))
        if isinstance(where, tuple) and where and isinstance(where[0], slice):
            keep = True
        return mark_fields(map_partitionwise(operator.getitem, (self, where), {}, label="getitem",
                                             keep_divisions=keep), where)

    def __array_ufunc__(self, ufunc: Any, method: str, *inputs: Any, **kwargs: Any) -> Any:
        if method != "__call__":
            return NotImplemented
        fn = functools.partial(_call_ufunc, ufunc, kwargs)
        fn.__name__ = ufunc.__name__  # type: ignore[attr-defined]
        return map_partitionwise(fn, inputs, {}, label=ufunc.__name__, keep_divisions=True)

    def __array__(self, *args: Any, **kwargs: Any) -> Any:
        msg = "jaggy.dask.Array: call .compute() before converting to NumPy"
        raise TypeError(msg)

    def __iter__(self) -> Any:
        msg = "jaggy.dask.Array is not iterable; call .compute() first"
        raise TypeError(msg)


def _call_ufunc(ufunc: Any, kwargs: dict, *args: Any) -> Any:
    return ufunc(*args, **kwargs)


def _check_partitionwise(where: Any) -> None:
    first = where[0] if isinstance(where, tuple) and where else where
    if isinstance(where, tuple) and not where:
        return
    if isinstance(first, (str, Array)) or first is Ellipsis or first is np.newaxis:
        return
    if isinstance(first, slice) and first == slice(None):
        return
    if isinstance(first, list) and all(isinstance(x, str) for x in first):
        return
    msg = (f"jaggy.dask.Array.__getitem__: {where!r} selects along axis 0, which is not partition-wise; "
           "use arr[:, ...], a field name, or a mask/index array partitioned like arr")
    raise NotImplementedError(msg)


class Scalar(_Collection):
    """One lazily computed value (the result of a reduction over the whole array). NumPy ufuncs
    and operators on Scalars (and numbers) give new lazy Scalars.

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[1, 2], [], [3]]), npartitions=2)
        >>> int(jaggy.dask.sum(arr, axis=None).compute())
        6
    """

    def __init__(self, graph: HighLevelGraph, name: str) -> None:
        self._graph = graph
        self._name = name

    def __dask_keys__(self) -> list:
        return [(self._name, 0)]

    def __dask_postcompute__(self) -> tuple:
        return _first, ()

    def _with_graph(self, graph: HighLevelGraph, name: str) -> Scalar:
        return Scalar(graph, name)

    @property
    def name(self) -> str:
        """The name of the output layer."""
        return self._name

    def __repr__(self) -> str:
        return f"jaggy.dask.Scalar<{self._name}>"

    def __array_ufunc__(self, ufunc: Any, method: str, *inputs: Any, **kwargs: Any) -> Any:
        if method != "__call__" or any(isinstance(x, Array) for x in inputs):
            return NotImplemented
        scalars = [x for x in inputs if isinstance(x, Scalar)]
        name = new_name(ufunc.__name__, ufunc, [x.name if isinstance(x, Scalar) else x for x in inputs], kwargs)
        where = tuple(isinstance(x, Scalar) for x in inputs)
        constants = tuple(x for x in inputs if not isinstance(x, Scalar))
        task = (functools.partial(_scalar_ufunc, ufunc, kwargs, where, constants),
                *[(x.name, 0) for x in scalars])
        graph = HighLevelGraph.from_collections(name, MaterializedLayer({(name, 0): task}), dependencies=scalars)
        return Scalar(graph, name)


def _scalar_ufunc(ufunc: Any, kwargs: dict, where: tuple, constants: tuple, *values: Any) -> Any:
    vals, consts = iter(values), iter(constants)
    args = [next(vals) if is_scalar else next(consts) for is_scalar in where]
    if any(a is None for a in args):
        return None
    with np.errstate(divide="ignore", invalid="ignore"):
        return ufunc(*args, **kwargs)


def map_partitions(fn: Callable, *args: Any, meta: Any = None, label: str | None = None, **kwargs: Any) -> Array:
    """Apply ``fn`` to each partition of the jaggy.dask.Array arguments (other arguments are passed
    as they are to every call); all the collection arguments must have the same number of partitions.

    Parameters:
        fn: a function of jaggy.Arrays returning a jaggy.Array (a Numba-compiled function works
            when it is given ``meta``).
        args: jaggy.dask.Arrays and constants.
        meta: a jaggy.Array (any length) with the type of the result; when None, ``fn`` is run on
            the length-0 ``meta`` of the inputs to find it.
        label: a prefix for the graph-layer name.
        kwargs: passed to every call of ``fn``.

    Result: a jaggy.dask.Array with the same partitions (and divisions, when the result keeps the
    length).

    Example:
        >>> import jaggy, jaggy.dask
        >>> arr = jaggy.dask.from_jaggy(jaggy.Array([[1, 2], [], [3]]), npartitions=2)
        >>> jaggy.dask.map_partitions(jaggy.num, arr, axis=1).compute().to_list()
        [2, 0, 1]

    Raises ValueError when the collection arguments have different numbers of partitions, and
    TypeError when ``meta`` is None and ``fn`` fails on the length-0 inputs.
    """
    return map_partitionwise(fn, args, kwargs, meta=meta, label=label)


def map_partitionwise(fn: Callable, args: Sequence[Any], kwargs: dict, *, meta: Any = None,
                      label: str | None = None, keep_divisions: bool = False) -> Array:
    """map_partitions with explicit ``args``/``kwargs``; ``keep_divisions`` says that ``fn`` keeps
    the length of its first collection argument (row-wise operations), so the divisions carry over."""
    collections = [a for a in args if isinstance(a, Array)]
    if not collections:
        msg = "jaggy.dask.map_partitions: at least one argument must be a jaggy.dask.Array"
        raise TypeError(msg)
    nparts = {a.npartitions for a in collections}
    if len(nparts) != 1:
        msg = f"jaggy.dask.map_partitions: the arrays have different numbers of partitions ({sorted(nparts)})"
        raise ValueError(msg)
    npartitions = collections[0].npartitions
    divisions = [a.divisions for a in collections if a.divisions is not None]
    if len({d for d in divisions}) > 1:
        msg = "jaggy.dask.map_partitions: the arrays are partitioned differently (their divisions differ)"
        raise ValueError(msg)
    fname = getattr(fn, "__name__", type(fn).__name__)
    if meta is None:
        meta_args = [a._meta if isinstance(a, Array) else a for a in args]
        try:
            meta = fn(*meta_args, **kwargs)
        except Exception as err:
            msg = f"jaggy.dask.map_partitions: {fname} failed on the length-0 meta ({err}); pass meta="
            raise TypeError(msg) from err
    if not isinstance(meta, jaggy.Array):
        msg = (f"jaggy.dask.map_partitions: {fname} must return a jaggy.Array per partition, "
               f"but its meta is {type(meta).__name__}")
        raise TypeError(msg)
    where = tuple(isinstance(a, Array) for a in args)
    constants = tuple(a for a in args if not isinstance(a, Array))
    name = new_name(label or fname, fn, [a.name if isinstance(a, Array) else a for a in args], kwargs)
    task_fn = functools.partial(run_partition, fn, where, constants, kwargs)
    layer = {
        (name, i): (task_fn, i, *[(a.name, i) for a in collections])
        for i in range(npartitions)
    }
    graph = HighLevelGraph.from_collections(name, MaterializedLayer(layer), dependencies=collections)
    out_divisions = divisions[0] if divisions and keep_divisions else None
    return Array(graph, name, meta, npartitions, out_divisions)
