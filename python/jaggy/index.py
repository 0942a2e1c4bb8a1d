"""Typed one-dimensional integer buffers of layout nodes: offsets, starts, stops, index, tags, mask.

``Index8``, ``IndexU8``, ``Index32``, ``IndexU32`` and ``Index64`` fix the dtype (data of another
integer dtype is converted); plain ``Index`` keeps the dtype of its data, which must be one of
those five. Each Index remembers its backend (the device its buffer lives on).
"""

from __future__ import annotations

from typing import Any, TypeVar

import numpy as np

from jaggy.backends import backend_of_buffer

_FORM_NAMES = {
    np.dtype(np.int8): "i8",
    np.dtype(np.uint8): "u8",
    np.dtype(np.int32): "i32",
    np.dtype(np.uint32): "u32",
    np.dtype(np.int64): "i64",
}


_I = TypeVar("_I", bound="Index")


class Index:
    """A 1-D integer buffer with a fixed set of allowed dtypes."""

    _expected_dtype: np.dtype | None = None

    __slots__ = ("_backend", "_data", "_metadata")

    def __init__(self, data: Any, *, metadata: dict | None = None, nplike: Any = None) -> None:
        backend = backend_of_buffer(data)
        data = backend.xp.asarray(data)
        expected = self._expected_dtype
        if expected is not None and data.dtype != expected:
            if data.dtype.kind not in "iub" and data.size != 0:
                msg = f"{type(self).__name__} data must be integers, not {data.dtype}"
                raise TypeError(msg)
            data = data.astype(expected)
        elif expected is None and data.dtype not in _FORM_NAMES:
            msg = f"Index data must have dtype int8, uint8, int32, uint32 or int64, not {data.dtype}"
            raise TypeError(msg)
        if data.ndim != 1:
            msg = f"{type(self).__name__} data must be one-dimensional, not {data.ndim}-dimensional"
            raise TypeError(msg)
        if not data.flags.c_contiguous or not data.dtype.isnative:
            data = backend.xp.ascontiguousarray(data, dtype=data.dtype.newbyteorder("="))
        self._data = data
        self._backend = backend
        self._metadata = metadata

    @classmethod
    def _wrap(cls: type[_I], data: Any, backend: Any) -> _I:
        """Wraps an array already known to be 1-D, contiguous and of the right dtype."""
        out: Any = object.__new__(_CLASS_OF[data.dtype] if cls is Index else cls)
        out._data = data
        out._backend = backend
        out._metadata = None
        return out

    @classmethod
    def zeros(cls: type[_I], length: int, backend: Any = None, dtype: Any = None) -> _I:
        from jaggy.backends import cpu

        backend = backend or cpu
        dtype = np.dtype(dtype or cls._expected_dtype or np.int64)
        return cls._wrap(backend.xp.zeros(length, dtype), backend)

    @property
    def data(self) -> Any:
        return self._data

    @property
    def dtype(self) -> np.dtype:
        return self._data.dtype

    @property
    def length(self) -> int:
        return int(self._data.shape[0])

    @property
    def backend(self) -> Any:
        return self._backend

    @property
    def nplike(self) -> Any:
        return self._backend.xp

    @property
    def metadata(self) -> dict:
        if self._metadata is None:
            self._metadata = {}
        return self._metadata

    @property
    def form(self) -> str:
        return _FORM_NAMES[self._data.dtype]

    @property
    def ptr(self) -> int:
        return int(self._data.ctypes.data) if self._backend.name == "cpu" else int(self._data.data.ptr)

    def raw(self, nplike: Any = None) -> Any:
        return self._data

    def __len__(self) -> int:
        return int(self._data.shape[0])

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        return np.asarray(self._data, dtype=dtype)

    def __getitem__(self, where: Any) -> Any:
        out = self._data[where]
        if isinstance(where, slice):
            return type(self)._wrap(out, self._backend)
        return out

    def __repr__(self) -> str:
        return f"<{type(self).__name__} len={len(self)} {self._data!r}>"

    def to64(self) -> Index64:
        if self._data.dtype == np.int64:
            return self  # type: ignore[return-value]
        return Index64._wrap(self._data.astype(np.int64), self._backend)

    def to_nplike(self: _I, nplike: Any) -> _I:
        return type(self)(nplike.asarray(self._data))

    def copy(self: _I) -> _I:
        return type(self)._wrap(self._data.copy(), self._backend)


class Index8(Index):
    __slots__ = ()
    _expected_dtype = np.dtype(np.int8)


class IndexU8(Index):
    __slots__ = ()
    _expected_dtype = np.dtype(np.uint8)


class Index32(Index):
    __slots__ = ()
    _expected_dtype = np.dtype(np.int32)


class IndexU32(Index):
    __slots__ = ()
    _expected_dtype = np.dtype(np.uint32)


class Index64(Index):
    __slots__ = ()
    _expected_dtype = np.dtype(np.int64)


_CLASS_OF = {
    np.dtype(np.int8): Index8,
    np.dtype(np.uint8): IndexU8,
    np.dtype(np.int32): Index32,
    np.dtype(np.uint32): IndexU32,
    np.dtype(np.int64): Index64,
}
_BY_FORM = {"i8": Index8, "u8": IndexU8, "i32": Index32, "u32": IndexU32, "i64": Index64}


def index_class(form_name: str) -> type[Index]:
    """The Index class for a Form index name ("i8", "u8", "i32", "u32", "i64")."""
    return _BY_FORM[form_name]


__all__ = ["Index", "Index8", "Index32", "Index64", "IndexU8", "IndexU32", "index_class"]
