"""jaggy.from_dlpack: any object with ``__dlpack__`` as a jaggy array, without copying."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from jaggy.operations._wrap import finish

if TYPE_CHECKING:
    from jaggy.layout.content import Content

# DLPack device types (dlpack.h: DLDeviceType)
_CPU, _CUDA, _CUDA_HOST, _CUDA_MANAGED = 1, 2, 3, 13
_DEVICE_NAMES = {1: "CPU", 2: "CUDA", 3: "CUDA host", 4: "OpenCL", 7: "Vulkan", 8: "Metal", 9: "VPI",
                 10: "ROCm", 11: "ROCm host", 12: "ExtDev", 13: "CUDA managed", 14: "oneAPI", 15: "WebGPU",
                 16: "Hexagon"}


def from_dlpack(
    array: Any,
    *,
    prefer_cpu: bool = True,
    regulararray: bool = False,
    highlevel: bool = True,
    behavior: Mapping | None = None,
    primitive_policy: str = "error",
    attrs: Mapping | None = None,
) -> Any:
    """View a DLPack-exporting object (NumPy, PyTorch, JAX, CuPy, a jaggy array, ...) as a jaggy array.

    The buffer is shared, not copied: CPU (and CUDA host) memory is read through
    ``numpy.from_dlpack``, GPU memory through ``cupy.from_dlpack`` (``"cuda"`` backend).

    Parameters:
        array: an object with ``__dlpack__`` and ``__dlpack_device__``.
        prefer_cpu: for memory that both the CPU and the GPU can address (CUDA managed
            memory), read it as a CPU array if True, as a CuPy array if False.
        regulararray: if True, inner dimensions become ``RegularArray`` nodes.
        highlevel, behavior, attrs: as everywhere.
        primitive_policy: ``"error"`` rejects zero-dimensional arrays; the other policies
            (``"promote"``, ``"pass-through"``, ``"forbid"``) make them length 1.

    Returns:
        A ``jaggy.Array`` of type ``n * ... * dtype``.

    Raises:
        TypeError: ``array`` does not implement the DLPack protocol, or is zero-dimensional
            with ``primitive_policy="error"``.
        ValueError: the data lives on a device jaggy has no backend for.
        ModuleNotFoundError: the data is on a CUDA GPU and CuPy is not installed.

    >>> import jaggy, numpy as np
    >>> jaggy.from_dlpack(np.arange(6).reshape(2, 3)).to_list()
    [[0, 1, 2], [3, 4, 5]]
    """
    import numpy as np

    from jaggy.io.nparrays import check_scalar
    from jaggy.layout import NumpyArray

    if not hasattr(array, "__dlpack__") or not hasattr(array, "__dlpack_device__"):
        msg = f"jaggy.from_dlpack: expected an object that implements the DLPack protocol, not {type(array).__name__}"
        raise TypeError(msg)
    device_type, _ = array.__dlpack_device__()
    device_type = int(device_type)
    on_cpu = device_type in (_CPU, _CUDA_HOST) or (device_type == _CUDA_MANAGED and prefer_cpu)
    if on_cpu:
        data = check_scalar(np.from_dlpack(array), primitive_policy, "jaggy.from_dlpack")
        layout: Content = NumpyArray(data)
        if regulararray and data.ndim > 1:
            layout = layout.to_RegularArray()
        return finish(layout, highlevel, behavior=behavior, attrs=attrs)
    if device_type in (_CUDA, _CUDA_MANAGED):
        from jaggy.io.cupy import import_cupy
        from jaggy.operations.from_cupy import from_cupy

        cupy = import_cupy("jaggy.from_dlpack")
        return from_cupy(cupy.from_dlpack(array), regulararray=regulararray, highlevel=highlevel,
                         behavior=behavior, primitive_policy=primitive_policy, attrs=attrs)
    name = _DEVICE_NAMES.get(device_type, f"device type {device_type}")
    msg = f"jaggy.from_dlpack: the data is on a {name} device; jaggy reads DLPack data on the CPU or a CUDA GPU"
    raise ValueError(msg)


__all__ = ["from_dlpack"]
