"""jaggy inside Numba: ``@numba.njit`` functions that read, slice and build jaggy arrays.

Importing ``jaggy`` never imports Numba. Importing ``jaggy.numba`` does, and registers
the extension; Numba also calls ``_register`` (the ``numba_extensions`` entry point) on its
first compilation when jaggy is installed. ``register()`` is the explicit, idempotent form.

Example::

    import numba, jaggy, jaggy.numba

    @numba.njit
    def total(events):
        s = 0.0
        for event in events:
            for muon in event.muons:
                s += muon.pt
        return s

Typed builders: ``jaggy.numba.ListOffsetBuilder(dtype)`` (lists of numbers, fast) and
``jaggy.ArrayBuilder`` (any data, discovers the type) can be filled inside ``@njit``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ListOffsetBuilder", "kernel", "kernels", "register", "register_and_check"]

_registered = False


def register() -> None:
    """Registers jaggy's Numba types and operations (idempotent; imports numba)."""
    global _registered
    if _registered:
        return
    import jaggy.numba._builder
    import jaggy.numba._lowering
    import jaggy.numba._operations
    import jaggy.numba._typed_builder  # noqa: F401

    _registered = True


def register_and_check() -> None:
    """Awkward's name for ``register``: checks that Numba imports, then registers (idempotent)."""
    try:
        import numba  # noqa: F401
    except ImportError as err:
        msg = "jaggy.numba needs Numba: pip install numba"
        raise ImportError(msg) from err
    register()


def _register() -> None:
    """The ``numba_extensions`` entry point."""
    register()


def kernel(name: str, dtype: Any = None) -> Any:
    """A compiled jaggy kernel as a function ``@numba.njit`` code can call (see ``_kernels``)."""
    from jaggy.numba._kernels import kernel as _kernel

    return _kernel(name, dtype)


def kernels() -> dict:
    """``{name: (address, signature)}`` of the kernels ``kernel`` can return."""
    from jaggy.numba._kernels import kernels as _kernels

    return _kernels()


def __getattr__(name: str) -> Any:
    if name == "ListOffsetBuilder":
        register()
        from jaggy.numba._typed_builder import ListOffsetBuilder

        return ListOffsetBuilder
    msg = f"module 'jaggy.numba' has no attribute {name!r}"
    raise AttributeError(msg)


register()
