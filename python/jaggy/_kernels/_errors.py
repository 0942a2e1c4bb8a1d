"""Turns a kernel's (status, failing index) into the exception its spec entry declares."""

from __future__ import annotations

from typing import Any, NoReturn, cast

from jaggy._kernels._signatures_generated import KERNELS
from jaggy.errors import KernelError, KernelIndexError

_TABLE = cast("dict[str, dict[str, Any]]", KERNELS)


def raise_kernel_error(kernel: str, status: int, index: int) -> NoReturn:
    kind, message = _TABLE[kernel]["errors"].get(
        int(status), ("value", f"unknown error code {status} at {{index}}")
    )
    text = message.format(index=int(index))
    cls = KernelIndexError if kind == "index" else KernelError
    err = cls(text)
    err.kernel = kernel
    err.index = int(index)
    err.status = int(status)
    raise err
