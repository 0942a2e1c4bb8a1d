"""NumpyArray: the leaf node, a buffer of numbers (possibly with regular inner dimensions).

Simplified implementation::

    class NumpyArray:
        def __init__(self, data):        # data: an n-dimensional array of a primitive dtype
            self.data = data
        def __len__(self):
            return len(self.data)
        def __getitem__(self, i):        # a number, or a NumpyArray of the inner dimensions
            return self.data[i]
"""

from __future__ import annotations

from typing import Any

from jaggy.backends import backend_of_buffer
from jaggy.layout.content import Content

_ALLOWED_KINDS = "biufcmM"
_new_object = object.__new__


class NumpyArray(Content):
    is_numpy = True
    is_leaf = True

    def __init__(self, data: Any, *, parameters: dict | None = None, backend: Any = None) -> None:
        if isinstance(data, NumpyArray):
            data = data.data
        backend = backend or backend_of_buffer(data)
        data = backend.xp.asarray(data)
        if data.dtype.kind not in _ALLOWED_KINDS:
            msg = f"NumpyArray 'data' must have a numeric, boolean or datetime dtype, not {data.dtype}"
            raise TypeError(msg)
        if data.ndim == 0:
            msg = "NumpyArray 'data' must have at least one dimension"
            raise TypeError(msg)
        if not data.dtype.isnative:
            data = data.astype(data.dtype.newbyteorder("="))
        self._data = data
        self._init(parameters, backend)

    @staticmethod
    def _fast(data: Any, parameters: dict, backend: Any) -> NumpyArray:
        """A node over a buffer known to be valid (a view or gather of a valid node's buffer, or a
        native numeric array made by jaggy): no checks, for hot paths."""
        out = _new_object(NumpyArray)
        out._data = data
        out._parameters = parameters
        out._backend = backend
        out._form_cache = None
        return out

    @property
    def data(self) -> Any:
        return self._data

    @property
    def dtype(self) -> Any:
        return self._data.dtype

    @property
    def inner_shape(self) -> tuple[int, ...]:
        return tuple(self._data.shape[1:])

    @property
    def length(self) -> int:
        return int(self._data.shape[0])

    def _buffers(self) -> list:
        return [self._data]

    def copy(self, data: Any = None, *, parameters: Any = None, backend: Any = None) -> NumpyArray:
        return NumpyArray(
            self._data if data is None else data,
            parameters=self._parameters if parameters is None else parameters,
            backend=self._backend,
        )

    def _form_with_key(self, getkey: Any) -> Any:
        from jaggy.forms import NumpyForm
        from jaggy.types import dtype_to_primitive

        return NumpyForm(
            dtype_to_primitive(self._data.dtype),
            self.inner_shape,
            parameters=self._parameters,
            form_key=getkey(self),
        )

    def _getitem_at(self, i: int) -> Any:
        out = self._data[i]
        if self._data.ndim > 1:
            return NumpyArray(out, backend=self._backend)
        return out

    def _getitem_range(self, start: int, stop: int) -> NumpyArray:
        return NumpyArray._fast(self._data[start:stop], self._parameters, self._backend)

    def _carry(self, carry: Any) -> NumpyArray:
        self._check_carry(carry)
        return NumpyArray._fast(self._data[carry.data], self._parameters, self._backend)

    def to_packed(self) -> NumpyArray:
        if self._data.flags.c_contiguous:
            return self
        return self.copy(data=self._backend.xp.ascontiguousarray(self._data))

    def to_numpy(self, allow_missing: bool = True) -> Any:
        return self._data

    def to_RegularArray(self) -> Content:
        """The same data with the inner dimensions as RegularArray nodes over a 1-D NumpyArray."""
        from jaggy.layout.regulararray import RegularArray

        if self._data.ndim == 1:
            return self
        shape = self._data.shape
        out: Content = NumpyArray(
            self._data.reshape(-1), parameters=self._parameters, backend=self._backend
        )
        for depth in range(len(shape) - 1, 0, -1):
            length = 1
            for s in shape[:depth]:
                length *= s
            out = RegularArray(out, shape[depth], zeros_length=length)
        return out

    def _to_backend(self, backend: Any) -> NumpyArray:
        return NumpyArray(backend.asarray(self._backend.to_host(self._data)), parameters=self._parameters, backend=backend)

    def _validity_error(self, path: str) -> str:
        array = self.parameter("__array__")
        if array in ("char", "byte") and (self._data.dtype.itemsize != 1 or self._data.dtype.kind != "u"):
            return f"at {path} ({type(self).__name__}): __array__ = {array!r} requires dtype uint8"
        return ""

    def _repr(self, indent: str, pre: str, post: str) -> str:
        return (
            f"{indent}{pre}<NumpyArray dtype={str(self._data.dtype)!r} len='{self.length}'"
            f"{self._repr_shape()}>{self._data!r}</NumpyArray>{post}"
        )

    def _repr_shape(self) -> str:
        return f" inner_shape={self.inner_shape!r}" if self._data.ndim > 1 else ""
