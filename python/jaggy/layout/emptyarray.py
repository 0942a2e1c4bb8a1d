"""EmptyArray: an array of length 0 whose element type is not known (type ``unknown``).

Simplified implementation::

    class EmptyArray:
        def __len__(self):
            return 0
        def __getitem__(self, i):
            raise IndexError
"""

from __future__ import annotations

from typing import Any

from jaggy.backends import cpu
from jaggy.layout.content import Content


class EmptyArray(Content):
    is_unknown = True
    is_leaf = True

    def __init__(self, *, parameters: dict | None = None, backend: Any = None) -> None:
        self._init(parameters, backend or cpu)

    @property
    def length(self) -> int:
        return 0

    def copy(self, *, parameters: Any = None, backend: Any = None) -> EmptyArray:
        return EmptyArray(parameters=self._parameters if parameters is None else parameters,
                          backend=backend or self._backend)

    def _form_with_key(self, getkey: Any) -> Any:
        from jaggy.forms import EmptyForm

        return EmptyForm(parameters=self._parameters, form_key=getkey(self))

    def _getitem_range(self, start: int, stop: int) -> EmptyArray:
        return self

    def _carry(self, carry: Any) -> EmptyArray:
        self._check_carry(carry)
        return self

    def to_NumpyArray(self, dtype: Any = "float64") -> Content:
        from jaggy.layout.numpyarray import NumpyArray

        return NumpyArray(self._backend.xp.zeros(0, dtype), parameters=self._parameters, backend=self._backend)

    def to_packed(self) -> EmptyArray:
        return self

    def to_numpy(self, allow_missing: bool = True) -> Any:
        return self._backend.xp.zeros(0, "float64")

    def _to_backend(self, backend: Any) -> EmptyArray:
        return EmptyArray(parameters=self._parameters, backend=backend)

    def _validity_error(self, path: str) -> str:
        return ""

    def _repr(self, indent: str, pre: str, post: str) -> str:
        return f"{indent}{pre}<EmptyArray len='0'/>{post}"
