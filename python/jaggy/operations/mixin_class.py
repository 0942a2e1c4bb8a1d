"""jaggy.mixin_class: register one class as both the Record and the Array behavior of a name."""

from __future__ import annotations

import sys
from collections.abc import MutableMapping
from typing import Any


def _register_methods(registry: MutableMapping, cls: type, name: str) -> None:
    """Enter the ``mixin_class_method`` overrides of ``cls`` and its bases under ``name``."""
    for base in cls.__mro__:
        for method in list(vars(base).values()):
            spec = getattr(method, "_jaggy_mixin", None)
            if spec is None:
                continue
            ufunc, rhs, transposed = spec
            if rhs is None:
                registry.setdefault((ufunc, name), method)
                continue
            for other in [*rhs, name]:
                registry.setdefault((ufunc, name, other), method)
                if transposed is not None and other != name:
                    registry.setdefault((ufunc, other, name), transposed)
            # a method whose rhs names its own class also accepts the classes derived from it
            if base.__name__ in rhs:
                rhs.add(name)


def mixin_class(registry: MutableMapping, name: str | None = None) -> Any:
    """A class decorator making the class the behavior of records named ``name``.

    Parameters:
        registry: the behavior mapping to fill, usually ``jaggy.behavior`` or an array's own dict.
        name: the ``__record__`` name to attach to (default: the class's own name).

    Returns:
        a decorator that, for a class ``C``, creates ``CRecord`` (``C`` + ``jaggy.Record``) and
        ``CArray`` (``C`` + ``jaggy.Array``), sets them as attributes of ``C``'s module, registers
        them as ``registry[name]`` and ``registry["*", name]``, enters the ufunc overrides that
        ``C`` (and its bases) declare with ``jaggy.mixin_class_method``, and returns ``C``
        unchanged. The methods and properties of ``C`` are then available on records of that
        name and on arrays of them.

    >>> import jaggy
    >>> behavior = {}
    >>> @jaggy.mixin_class(behavior)
    ... class Point:
    ...     def first(self):
    ...         return self.x
    >>> points = jaggy.Array([{"x": 1}, {"x": 2}], with_name="Point", behavior=behavior)
    >>> type(points).__name__, points.first().to_list(), int(points[1].first())
    ('PointArray', [1, 2], 2)

    Raises:
        TypeError: ``registry`` is not a mutable mapping, ``name`` not a string, or the decorated
            object not a class.
    """
    if not isinstance(registry, MutableMapping):
        msg = f"jaggy.mixin_class: registry must be a mutable mapping (dict), not {type(registry).__name__}"
        raise TypeError(msg)
    if name is not None and not isinstance(name, str):
        msg = f"jaggy.mixin_class: name must be a string or None, not {type(name).__name__}"
        raise TypeError(msg)

    def register(cls: type) -> type:
        from jaggy.highlevel import Array, Record

        if not isinstance(cls, type):
            msg = f"jaggy.mixin_class: decorates a class, not {type(cls).__name__}"
            raise TypeError(msg)
        behavior_name = cls.__name__ if name is None else name
        module = sys.modules.get(cls.__module__)
        for suffix, base, key in (("Record", Record, behavior_name),
                                  ("Array", Array, ("*", behavior_name))):
            derived = type(cls.__name__ + suffix, (cls, base), {"__module__": cls.__module__})
            if module is not None:
                setattr(module, derived.__name__, derived)
            registry[key] = derived
        _register_methods(registry, cls, behavior_name)
        return cls

    return register


__all__ = ["mixin_class"]
