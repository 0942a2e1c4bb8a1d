"""Size checks before large allocations: ``MemoryError`` naming the size asked for.

NumPy raises its own ``MemoryError`` for impossible sizes, but a size that the kernel's
overcommit accepts and the machine cannot hold gets the process killed when the pages are
touched, and a size past ``2**63`` bytes gives a ``ValueError``. Operations whose output size is
a product of list lengths (combinations, cartesian, padding) call ``check_alloc`` first.
"""

from __future__ import annotations

__all__ = ["check_alloc"]

_SMALL = 1 << 28  # below 256 MiB the memory is not even looked up


def check_alloc(fname: str, count: float, itemsize: int = 8, what: str = "entries") -> None:
    """Raises ``MemoryError`` if ``count`` items of ``itemsize`` bytes exceed available memory."""
    from jaggy._tolist_size import _memory

    need = int(count) * int(itemsize)  # count may be a float estimate
    if need <= _SMALL:
        return
    available = _memory()
    if need > available:
        msg = (
            f"jaggy.{fname}: the result needs {int(count)} {what} of {itemsize} bytes "
            f"({need} bytes, {need / 2**30:.1f} GiB), more than the memory available "
            f"({available} bytes)"
        )
        raise MemoryError(msg)
