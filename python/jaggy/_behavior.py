"""Behavior lookup: which Python class wraps a layout, which function overrides a ufunc.

A *behavior* is a mapping consulted by name, as in Awkward Array. ``jaggy.behavior`` is the global
one; an array's own ``behavior`` (the ``behavior=`` argument) is laid over it, so that its keys win
and a key mapped to ``None`` hides the global entry. Recognised keys:

* ``name`` -> a ``jaggy.Record`` subclass for records whose ``__record__`` parameter is ``name``,
  or a ``jaggy.Array`` subclass for arrays whose ``__list__`` parameter is ``name``;
* ``("*", name)`` -> a ``jaggy.Array`` subclass for arrays of such records (or named lists), at any
  depth of plain lists, options and indexes;
* ``(ufunc, name)``, ``(ufunc, lhs, rhs)`` -> a function overriding ``ufunc`` for inputs of those
  names (names are ``__record__``/``__list__`` parameters, or types: NumPy scalar types of unnamed
  numeric leaves, Python types of non-array arguments, matched with ``issubclass``);
* ``(numpy.ufunc, name)`` -> a generic function ``f(ufunc, method, inputs, kwargs)`` for every ufunc
  on inputs with that name (returning ``NotImplemented`` declines);
* ``(reducer, name)`` -> a function ``f(array, mask_identity)`` replacing a reducer (``jaggy.sum``,
  ...) on records of that name;
* ``("__typestr__", name)`` -> the string that stands for the named type when it is printed;
* ``("__cast__", type)`` -> a function converting objects of that type before a ufunc.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

import jaggy


def overlay(behavior: Mapping | None) -> Mapping:
    """``behavior`` laid over the global ``jaggy.behavior`` (its keys win, even with None values)."""
    if behavior is None:
        return jaggy.behavior
    return ChainMap(behavior, jaggy.behavior)  # type: ignore[arg-type]


#: the name older callers used for ``overlay``
merged = overlay


def lookup(behavior: Mapping | None, key: Any) -> Any:
    """``overlay(behavior).get(key)`` without building the overlay (the common, fast case)."""
    if behavior is not None and key in behavior:
        return behavior[key]
    return jaggy.behavior.get(key)


def behavior_of(*arrays: Any, behavior: Mapping | None = None) -> Mapping | None:
    """The behavior of a result computed from ``arrays``: ``behavior`` if given, else the
    behaviors of the high-level inputs merged so that earlier arguments win."""
    from jaggy.highlevel import Array, Record

    if behavior is not None:
        return behavior
    found = [a._behavior for a in arrays
             if isinstance(a, (Array, Record)) and a._behavior is not None]
    if not found:
        return None
    out = found[0]
    if all(b is out for b in found):
        return out
    merged_dict: dict = {}
    for b in reversed(found):
        merged_dict.update(b)
    return merged_dict


def _check_behavior(behavior: Any, where: str) -> None:
    if behavior is not None and not isinstance(behavior, Mapping):
        msg = f"{where}: behavior must be None or a mapping (dict), not {type(behavior).__name__}"
        raise TypeError(msg)


# ---------------------------------------------------------------------------- classes


def _deep_name(layout: Any) -> Any:
    """The first ``__record__`` or ``__list__`` parameter met going down through lists, options
    and indexes (and through unions whose contents all agree); records and leaves stop."""
    node = layout
    while True:
        for key in ("__record__", "__list__"):
            value = node.parameter(key)
            if value is not None:
                return value
        if node.is_union:
            for key in ("__record__", "__list__"):
                names = [_deep_single(c, key) for c in node.contents]
                if names and names[0] is not None and all(n == names[0] for n in names):
                    return names[0]
            return None
        if node.is_record or node.is_numpy or node.is_unknown:
            return None
        node = node.content


def _deep_single(layout: Any, key: str) -> Any:
    node = layout
    while True:
        value = node.parameter(key)
        if value is not None:
            return value
        if node.is_union:
            names = [_deep_single(c, key) for c in node.contents]
            if names and names[0] is not None and all(n == names[0] for n in names):
                return names[0]
            return None
        if node.is_record or node.is_numpy or node.is_unknown:
            return None
        node = node.content


def array_class(layout: Any, behavior: Mapping | None) -> type:
    """The Array subclass for ``layout``: ``behavior[__list__]``, else ``behavior["*", name]`` for
    the innermost-reachable record/list name, else ``jaggy.Array``."""
    Array = jaggy.highlevel.Array
    if not behavior and not jaggy.behavior:
        return Array
    name = layout.parameter("__list__")
    if isinstance(name, str):
        cls = lookup(behavior, name)
        if isinstance(cls, type) and issubclass(cls, Array):
            return cls
    name = _deep_name(layout)
    if isinstance(name, str):
        cls = lookup(behavior, ("*", name))
        if isinstance(cls, type) and issubclass(cls, Array):
            return cls
    return Array


def record_class(record: Any, behavior: Mapping | None) -> type:
    """The Record subclass for a layout record: ``behavior[__record__]``, else ``jaggy.Record``."""
    Record = jaggy.highlevel.Record
    if not behavior and not jaggy.behavior:
        return Record
    name = record.array.parameter("__record__")
    if isinstance(name, str):
        cls = lookup(behavior, name)
        if isinstance(cls, type) and issubclass(cls, Record):
            return cls
    return Record


# ---------------------------------------------------------------------------- ufuncs


def _nominal(x: Any) -> Any:
    from jaggy.layout import Content

    if isinstance(x, Content):
        for key in ("__record__", "__list__"):
            name = x.parameter(key)
            if name is not None:
                return name
    return None


def ufunc_signature(ufunc: Any, inputs: Any) -> tuple | None:
    """``(ufunc, sig1, sig2, ...)`` for the inputs of one broadcast step, or None when no input
    is named (then no override applies). Named layouts give their ``__record__``/``__list__``
    name, unnamed numeric leaves their NumPy scalar type, other arguments their Python type."""
    from jaggy.layout import Content

    out: list = [ufunc]
    named = False
    for x in inputs:
        name = _nominal(x)
        if name is not None:
            out.append(name)
            named = True
        elif isinstance(x, Content):
            out.append(x.data.dtype.type if x.is_numpy else None)
        else:
            out.append(type(x))
    return tuple(out) if named else None


def _key_matches(key: Any, signature: tuple) -> bool:
    if not isinstance(key, tuple) or len(key) != len(signature) or key[0] != signature[0]:
        return False
    for k, s in zip(key[1:], signature[1:]):
        if k == s:
            continue
        if not (isinstance(k, type) and isinstance(s, type) and issubclass(s, k)):
            return False
    return True


def find_ufunc(behavior: Mapping | None, signature: tuple | None) -> Callable | None:
    """The override registered for ``signature`` (exactly, or with types matched by subclass;
    the first matching key wins)."""
    if signature is None or any(s is None for s in signature):
        return None
    try:
        found = lookup(behavior, signature)
    except TypeError:  # an unhashable name
        return None
    if found is not None:
        return found
    if all(isinstance(s, str) for s in signature[1:]):
        return None
    for key, value in overlay(behavior).items():
        if value is not None and _key_matches(key, signature):
            return value
    return None


def find_ufunc_generic(ufunc: Any, layout: Any, behavior: Mapping | None) -> Callable | None:
    """``behavior[ufunc, name]`` or ``behavior[numpy.ufunc, name]`` for a named layout: a function
    ``f(ufunc, method, inputs, kwargs)``."""
    name = layout.parameter("__list__")
    if name is None:
        name = layout.parameter("__record__")
    if not isinstance(name, str):
        return None
    found = lookup(behavior, (ufunc, name))
    if found is None:
        found = lookup(behavior, (np.ufunc, name))
    return found


def ufunc_override(ufunc: Any, layouts: Any, behavior: Mapping | None) -> Callable | None:
    """The behavior's override of ``ufunc`` for the inputs of one broadcast step, or None.

    ``layouts`` are that step's inputs (layout nodes, or scalars/other objects). The result is a
    callable taking the inputs wrapped as high-level objects (``jaggy.highlevel.wrap``) plus the
    ufunc's keyword arguments, and returning an Array/Record (or a tuple of them, or another
    value). A callable built from generic ``(numpy.ufunc, name)`` handlers returns
    ``NotImplemented`` when every handler declines, meaning "no override": carry on as usual.
    ``apply_override`` does the wrapping and unwrapping.
    """
    from jaggy.layout import Content

    if behavior is None and not jaggy.behavior:
        return None
    exact = find_ufunc(behavior, ufunc_signature(ufunc, layouts))
    if exact is not None:
        return exact
    generics = []
    for x in layouts:
        if isinstance(x, Content):
            fcn = find_ufunc_generic(ufunc, x, behavior)
            if fcn is not None:
                generics.append(fcn)
    if not generics:
        return None

    def generic(*args: Any, **kwargs: Any) -> Any:
        for fcn in generics:
            out = fcn(ufunc, "__call__", list(args), kwargs)
            if out is not NotImplemented:
                return out
        return NotImplemented

    return generic


def apply_override(override: Callable, layouts: Any, behavior: Mapping | None,
                   kwargs: Mapping | None = None) -> tuple | None:
    """Call ``override`` (from ``ufunc_override``) on the wrapped ``layouts``: a tuple of result
    layouts (non-array results as they are), or None if the override declined."""
    from jaggy.highlevel import Array, Record, wrap
    from jaggy.layout import Content
    from jaggy.record import Record as LayoutRecord

    args = [wrap(x, behavior) if isinstance(x, (Content, LayoutRecord)) else x for x in layouts]
    out = override(*args, **dict(kwargs or {}))
    if out is NotImplemented:
        return None
    if not isinstance(out, tuple):
        out = (out,)
    return tuple(x.layout if isinstance(x, (Array, Record)) else x for x in out)


def nominal_type_error(ufunc: Any, layouts: Any) -> TypeError | None:
    """The error for a ufunc step whose array inputs are all named types with no override (None
    when some array input is unnamed, so that ordinary broadcasting can go on)."""
    from jaggy.layout import Content

    contents = [x for x in layouts if isinstance(x, Content)]
    if not contents or any(_nominal(x) is None for x in contents):
        return None
    names = [_nominal(x) if isinstance(x, Content) else type(x).__name__ for x in layouts]
    msg = (f"no {type(ufunc).__module__}.{ufunc.__name__} overloads for custom types: "
           f"{', '.join(str(n) for n in names)}")
    return TypeError(msg)


# ---------------------------------------------------------------------------- other hooks


def find_record_reducer(reducer: Any, layout: Any, behavior: Mapping | None) -> Callable | None:
    """``behavior[reducer, name]`` for records named ``name`` (``reducer`` is the public function,
    e.g. ``jaggy.sum``), or None."""
    name = layout.parameter("__record__")
    if not isinstance(name, str):
        return None
    return lookup(behavior, (reducer, name))


def find_custom_cast(obj: Any, behavior: Mapping | None) -> Callable | None:
    """``behavior["__cast__", cls]`` for the first class ``cls`` in ``type(obj).__mro__`` that has
    one, or None."""
    for cls in type(obj).__mro__:
        fcn = lookup(behavior, ("__cast__", cls))
        if fcn is not None:
            return fcn
    return None


def find_typestr(behavior: Mapping | None, parameters: Mapping | None, key: str) -> str | None:
    """``behavior["__typestr__", parameters[key]]`` (``key`` is ``__record__`` or ``__list__``)."""
    if not parameters or parameters.get(key) is None:
        return None
    try:
        return lookup(behavior, ("__typestr__", parameters[key]))
    except TypeError:
        return None
