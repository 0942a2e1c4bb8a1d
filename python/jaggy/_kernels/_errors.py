"""Turns a kernel's (status, failing index) into the exception its spec entry declares."""

from __future__ import annotations

from typing import NoReturn

from jaggy._kernels._signatures_generated import KERNELS
from jaggy.errors import KernelError, KernelIndexError


def raise_kernel_error(kernel: str, status: int, index: int) -> NoReturn:
    kind, message = KERNELS[kernel]["errors"].get(
        int(status), ("value", f"unknown error code {status} at {{index}}")
    )
    text = message.format(index=int(index))
    cls = KernelIndexError if kind == "index" else KernelError
    err = cls(text)
    err.kernel = kernel  # type: ignore[attr-defined]
    err.index = int(index)  # type: ignore[attr-defined]
    err.status = int(status)  # type: ignore[attr-defined]
    raise err
