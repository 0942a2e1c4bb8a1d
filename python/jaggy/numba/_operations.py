"""jaggy operations called inside ``@numba.njit`` on views.

On a view ``v`` (a ``jaggy.Array`` argument or any sub-array of one):

- ``len(v)``; ``jaggy.num(v, axis=0)`` is ``len(v)``; ``jaggy.num(v)`` (``axis=1``, or
  ``axis=-1`` on a list-of-lists view) is a new ``int64`` NumPy array of list lengths, one per
  element, as ``jaggy.num`` gives outside Numba. Elements must be lists (not strings, not
  option-typed lists); deeper axes are not supported in compiled code.
- ``np.asarray(v)``: a zero-copy NumPy view of the leaf buffer when ``v`` is a contiguous
  numeric array (``NumpyArray``, also booleans) or a regular array of numbers (2-D); a new
  array when the values are numbers reached through an index or a union; a compile-time
  error for option types (missing values) and for lists of variable length.
- ``jaggy.sum/prod/max/min/mean/count(v, axis=None)``: the reduction over every number in
  ``v`` at any depth, skipping missing values, with Awkward's result types (``sum``/``prod``
  of booleans and signed integers is ``int64``, of unsigned ``uint64``, floats keep their
  type; ``max``/``min`` of nothing are ``None``; ``mean`` is ``float64``, NaN when empty;
  ``count`` is ``int64``; NaN propagates through ``max``/``min`` like NumPy's). ``axis=0`` or ``axis=-1`` on a one-dimensional view is the same;
  ``axis=-1``/``axis=1`` on a view of numeric lists gives one result per list for ``sum``,
  ``prod`` and ``count`` (NumPy array). Records and strings are compile-time errors.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numba import carray
from numba.core import cgutils, errors, types
from numba.extending import intrinsic, overload

import jaggy
from jaggy.numba._types import ArrayViewType, RecordViewType, fail, leaf_type


def _element(typ: ArrayViewType) -> types.Type:
    return typ.iterator_type.yield_type


def _depth(typ: types.Type) -> int:
    """Nesting depth of lists of numbers (1 for a numeric view); 0 for anything else."""
    depth = 0
    while isinstance(typ, ArrayViewType):
        depth += 1
        typ = _element(typ)
        if isinstance(typ, types.Optional):
            typ = typ.type
    return depth if isinstance(typ, (types.Number, types.Boolean)) else 0


def _leaf(fname: str, typ: ArrayViewType) -> types.Type:
    t: types.Type = typ
    while isinstance(t, (ArrayViewType, types.Optional)):
        t = _element(t) if isinstance(t, ArrayViewType) else t.type
    if isinstance(t, RecordViewType):
        fail(f"{fname} (records)", typ.spec, "reduce one field at a time, e.g. view.x")
    if not isinstance(t, (types.Number, types.Boolean)):
        fail(fname, typ.spec, f"its values ({t}) are not numbers")
    return t


def _axis(fname: str, axis: Any) -> int | None:
    if axis is None or isinstance(axis, (types.NoneType, types.Omitted)):
        value = getattr(axis, "value", None)
        return None if value is None else int(value)
    if isinstance(axis, int):
        return axis
    if isinstance(axis, types.IntegerLiteral):
        return int(axis.literal_value)
    msg = f"jaggy.numba: {fname}: axis must be None or a constant integer, not {axis}"
    raise errors.TypingError(msg)


@intrinsic
def _unopt(typingctx: Any, x: Any) -> Any:
    """The value inside an Optional the caller has checked is not None."""
    inner = x.type if isinstance(x, types.Optional) else x

    def codegen(context: Any, builder: Any, sig: Any, args: tuple) -> Any:
        return context.cast(builder, args[0], sig.args[0], sig.return_type)

    return inner(x), codegen


# ---------------------------------------------------------------------------------------
# the flat visit: every number in a view, missing values skipped


def _visit(x: Any, state: Any, op: Any) -> Any:  # pragma: no cover - typed by overload
    raise NotImplementedError


@overload(_visit, prefer_literal=True)
def _ov_visit(x, state, op):
    if isinstance(x, ArrayViewType):
        def impl(x, state, op):
            for e in x:
                state = _visit(e, state, op)
            return state
    elif isinstance(x, types.Optional):
        def impl(x, state, op):
            if x is None:
                return state
            return _visit(_unopt(x), state, op)
    else:
        def impl(x, state, op):
            return _step(op, state, x)
    return impl


def _step(op: Any, state: Any, x: Any) -> Any:  # pragma: no cover - typed by overload
    raise NotImplementedError


@overload(_step, prefer_literal=True)
def _ov_step(op, state, x):
    if not isinstance(op, types.StringLiteral):
        return None
    name = op.literal_value
    if name == "sum":
        return lambda op, state, x: state + x
    if name == "prod":
        return lambda op, state, x: state * x
    if name == "count":
        return lambda op, state, x: state + 1
    if name == "mean":
        return lambda op, state, x: (state[0] + x, state[1] + 1)
    if name == "max":
        return lambda op, state, x: (x, True) if (not state[1] or x > state[0] or x != x) else state
    if name == "min":
        return lambda op, state, x: (x, True) if (not state[1] or x < state[0] or x != x) else state
    return None


def _acc_type(fname: str, leaf: types.Type) -> types.Type:
    if fname in ("count",):
        return types.int64
    if isinstance(leaf, types.Boolean) or (isinstance(leaf, types.Integer) and leaf.signed):  # type: ignore[attr-defined]
        return types.int64 if fname in ("sum", "prod") else leaf
    if isinstance(leaf, types.Integer):
        return types.uint64 if fname in ("sum", "prod") else leaf
    return leaf


def _reduction(fname: str) -> Any:
    func = getattr(jaggy, fname)

    def typer(array, axis=None):
        if not isinstance(array, ArrayViewType):
            return None
        leaf = _leaf(f"jaggy.{fname}", array)
        acc = _acc_type(fname, leaf)
        ax = _axis(f"jaggy.{fname}", axis)
        depth = _depth(array)
        if ax is not None and depth == 0:
            fail(f"jaggy.{fname}(axis={ax})", array.spec, "only axis=None on this type")
        if ax is not None and ax < 0:
            ax += depth
        if ax is not None and not 0 <= ax < depth:
            fail(f"jaggy.{fname}(axis={_axis('', axis)})", array.spec,
                 f"axis exceeds the depth of this array ({depth})")
        if ax is not None and ax == depth - 1 and depth == 2:
            if fname not in ("sum", "prod", "count"):
                fail(f"jaggy.{fname}(axis={_axis('', axis)}) per list", array.spec,
                     f"loop over the lists and call jaggy.{fname} on each")
            if isinstance(_element(array), types.Optional):
                fail(f"jaggy.{fname}(axis={_axis('', axis)}) per list", array.spec,
                     "the lists are option-typed")
            return _per_list(fname, acc)
        if ax is not None and ax != depth - 1:
            fail(f"jaggy.{fname}(axis={_axis('', axis)})", array.spec,
                 "only axis=None or the innermost axis")
        return _flat(fname, acc)

    overload(func, prefer_literal=True)(typer)


def _flat(fname: str, acc: types.Type) -> Any:
    zero = 0 if isinstance(acc, (types.Integer, types.Boolean)) else 0.0
    one = 1 if isinstance(acc, (types.Integer, types.Boolean)) else 1.0
    npacc = types.int64 if isinstance(acc, types.Boolean) else acc
    cast = getattr(np, str(npacc))

    if fname in ("sum", "count", "prod"):
        start = cast(one if fname == "prod" else zero)

        def impl(array, axis=None):
            return cast(_visit(array, start, fname))
    elif fname == "mean":
        def impl(array, axis=None):
            s, n = _visit(array, (0.0, 0), "mean")
            return s / n if n > 0 else np.nan
    else:
        start = np.bool_(False) if isinstance(acc, types.Boolean) else cast(zero)

        def impl(array, axis=None):
            best, found = _visit(array, (start, False), fname)
            if found:
                return best
            return None
    return impl


def _per_list(fname: str, acc: types.Type) -> Any:
    npacc = types.int64 if isinstance(acc, types.Boolean) else acc
    dtype = np.dtype(str(npacc))
    cast = getattr(np, str(npacc))
    start = cast(1 if fname == "prod" else 0)

    def impl(array, axis=None):
        out = np.empty(len(array), dtype)
        for i in range(len(array)):
            out[i] = _visit(array[i], start, fname)
        return out

    return impl


for _name in ("sum", "prod", "max", "min", "mean", "count"):
    _reduction(_name)


# ---------------------------------------------------------------------------------------
# jaggy.num


@overload(jaggy.num, prefer_literal=True)
def _ov_num(array, axis=1):
    if not isinstance(array, ArrayViewType):
        return None
    ax = _axis("jaggy.num", axis)
    if ax is None:
        fail("jaggy.num(axis=None)", array.spec, "axis must be an integer")
    depth = max(_depth(array), 1)
    if ax < 0:
        ax += depth
    if ax == 0:
        return lambda array, axis=1: len(array)
    elem = _element(array)
    if ax != 1 or not isinstance(elem, ArrayViewType):
        detail = (f"axis={_axis('', axis)} exceeds the depth of this array ({depth})"
                  if not isinstance(elem, (ArrayViewType, types.Optional, types.UnicodeType))
                  else "only axis=0 and axis=1 on lists that are not strings or option-typed")
        fail(f"jaggy.num(axis={_axis('', axis)})", array.spec, detail)

    def impl(array, axis=1):
        out = np.empty(len(array), np.int64)
        for i in range(len(array)):
            out[i] = len(array[i])
        return out

    return impl


# ---------------------------------------------------------------------------------------
# np.asarray


@intrinsic
def _leaf_pointer(typingctx: Any, view: Any) -> Any:
    spec = view.spec
    child = spec.children[0] if spec.kind == "regular" else spec
    ptrty = types.CPointer(leaf_type(child.dtype))

    def codegen(context: Any, builder: Any, sig: Any, args: tuple) -> Any:
        v = cgutils.create_struct_proxy(view)(context, builder, value=args[0])
        raw = builder.load(builder.gep(v.table, [context.get_constant(types.intp, child.base)]))
        ptr = builder.inttoptr(raw, context.get_value_type(ptrty))
        start = v.start
        if spec.kind == "regular":
            start = builder.mul(start, context.get_constant(types.intp, spec.size))
        return builder.gep(ptr, [start])

    return ptrty(view), codegen


@overload(np.asarray)
def _np_asarray(a, dtype=None):
    if not isinstance(a, ArrayViewType):
        return None
    spec = a.spec
    if dtype is not None and not isinstance(dtype, (types.NoneType, types.Omitted)):
        fail("np.asarray(view, dtype)", spec, "convert the result with .astype(dtype)")
    if spec.kind == "numpy":
        def impl(a, dtype=None):
            return carray(_leaf_pointer(a), (len(a),))
        return impl
    if spec.kind == "regular" and spec.string is None and spec.children[0].kind == "numpy":
        size = spec.size

        def impl2(a, dtype=None):
            return carray(_leaf_pointer(a), (len(a), size))
        return impl2
    elem = _element(a)
    if isinstance(elem, (types.Number, types.Boolean)):
        out_dtype = np.dtype(str(elem))

        def copy(a, dtype=None):
            out = np.empty(len(a), out_dtype)
            for i in range(len(a)):
                out[i] = a[i]
            return out
        return copy
    detail = ("it has missing values: loop with `is None` instead"
              if isinstance(elem, types.Optional) else
              "only numbers and regular arrays of numbers convert to NumPy arrays")
    fail("np.asarray", spec, detail)
    return None
