"""RegularArray: lists that all have the same length ``size``.

Simplified implementation::

    class RegularArray:
        def __init__(self, content, size, zeros_length=0):
            self.content, self.size = content, size
            # length is len(content) // size, or zeros_length when size == 0
        def __getitem__(self, i):
            return self.content[i * self.size:(i + 1) * self.size]
"""

from __future__ import annotations

import operator
from typing import Any

from jaggy.index import Index64
from jaggy.layout.content import Content, next_path
from jaggy.layout.lists import ListBase


class RegularArray(ListBase):
    is_regular = True

    def __init__(self, content: Content, size: int, zeros_length: int = 0, *,
                 parameters: dict | None = None) -> None:
        self._check_content("RegularArray", content)
        try:
            size = operator.index(size)
            zeros_length = operator.index(zeros_length)
        except TypeError:
            msg = f"RegularArray 'size' and 'zeros_length' must be integers, not {size!r}, {zeros_length!r}"
            raise TypeError(msg) from None
        if size < 0:
            msg = f"RegularArray 'size' must be non-negative, not {size}"
            raise ValueError(msg)
        if zeros_length < 0:
            msg = f"RegularArray 'zeros_length' must be non-negative, not {zeros_length}"
            raise ValueError(msg)
        self._content = content
        self._size = size
        self._length = content.length // size if size != 0 else zeros_length
        self._init(parameters, content.backend)
        self._check_string_parameters()

    @property
    def size(self) -> int:
        return self._size

    @property
    def length(self) -> int:
        return self._length

    @property
    def offsets(self) -> Index64:
        xp = self.backend.xp
        return Index64._wrap(xp.arange(self._length + 1, dtype=xp.int64) * self._size, self.backend)

    @property
    def starts(self) -> Index64:
        return self.offsets[:-1]

    @property
    def stops(self) -> Index64:
        return self.offsets[1:]

    def copy(self, content: Any = None, size: Any = None, zeros_length: Any = None, *,
             parameters: Any = None) -> RegularArray:
        return RegularArray(
            self._content if content is None else content,
            self._size if size is None else size,
            self._length if zeros_length is None else zeros_length,
            parameters=self._parameters if parameters is None else parameters,
        )

    def _form_with_key(self, getkey: Any) -> Any:
        from jaggy.forms import RegularForm

        key = getkey(self)
        return RegularForm(self._content._form_with_key(getkey), self._size,
                           parameters=self._parameters, form_key=key)

    def _getitem_at(self, i: int) -> Any:
        return self._content._getitem_range(i * self._size, (i + 1) * self._size)

    def _getitem_range(self, start: int, stop: int) -> RegularArray:
        size = self._size
        return RegularArray(self._content._getitem_range(start * size, stop * size), size,
                            stop - start, parameters=self._parameters)

    def _carry(self, carry: Index64) -> RegularArray:
        self._check_carry(carry)
        xp = self.backend.xp
        nextcarry = (carry.data[:, None] * self._size + xp.arange(self._size, dtype=xp.int64)).reshape(-1)
        content = self._content._carry(Index64._wrap(nextcarry, self.backend))
        return RegularArray(content, self._size, len(carry), parameters=self._parameters)

    def to_ListOffsetArray64(self, start_at_zero: bool = False) -> Any:
        from jaggy.layout.listoffsetarray import ListOffsetArray

        return ListOffsetArray(self.offsets, self._content, parameters=self._parameters)

    def to_RegularArray(self) -> RegularArray:
        return self

    def to_packed(self) -> RegularArray:
        content = self._content._getitem_range(0, self._length * self._size).to_packed()
        return RegularArray(content, self._size, self._length, parameters=self._parameters)

    def _to_backend(self, backend: Any) -> RegularArray:
        return RegularArray(self._content.to_backend(backend), self._size, self._length,
                            parameters=self._parameters)

    def _validity_error(self, path: str) -> str:
        if self._size * self._length > self._content.length:
            return (f"at {path} (RegularArray): size * length ({self._size} * {self._length}) "
                    f"exceeds len(content) ({self._content.length})")
        return self._content._validity_error(next_path(path, "content"))

    def _repr(self, indent: str, pre: str, post: str) -> str:
        head = f"{indent}{pre}<RegularArray size='{self._size}' len='{self._length}'>"
        body = self._content._repr(indent + "    ", "<content>", "</content>")
        return f"{head}{self._repr_params(indent + '    ')}\n{body}\n{indent}</RegularArray>{post}"
