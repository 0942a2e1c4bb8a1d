"""ByteMaskedArray, BitMaskedArray and UnmaskedArray: option types that mask a content in place.

Simplified implementation::

    class ByteMaskedArray:             # one byte per entry
        def __getitem__(self, i):
            return self.content[i] if (self.mask[i] != 0) == self.valid_when else None

    class BitMaskedArray:              # one bit per entry, least or most significant bit first
        def __getitem__(self, i):
            bit = (self.mask[i // 8] >> (i % 8 if self.lsb_order else 7 - i % 8)) & 1
            return self.content[i] if bit == self.valid_when else None

    class UnmaskedArray:               # an option type with nothing missing
        def __getitem__(self, i):
            return self.content[i]
"""

from __future__ import annotations

import operator
from typing import Any

from jaggy.index import Index, Index8, Index64
from jaggy.layout.content import Content, next_path
from jaggy.layout.options import OptionBase


class ByteMaskedArray(OptionBase):
    def __init__(self, mask: Index, content: Content, valid_when: bool, *,
                 parameters: dict | None = None) -> None:
        self._check_index("ByteMaskedArray", mask, "mask", ("i8",))
        self._check_content("ByteMaskedArray", content)
        self._check_option_content(content)
        if not isinstance(valid_when, (bool, int)):
            msg = f"ByteMaskedArray 'valid_when' must be boolean, not {valid_when!r}"
            raise TypeError(msg)
        if len(mask) > content.length:
            msg = f"ByteMaskedArray len(mask) ({len(mask)}) must be <= len(content) ({content.length})"
            raise ValueError(msg)
        self._mask = mask
        self._content = content
        self._valid_when = bool(valid_when)
        self._init(parameters, content.backend)

    @property
    def mask(self) -> Index:
        return self._mask

    @property
    def valid_when(self) -> bool:
        return self._valid_when

    @property
    def length(self) -> int:
        return len(self._mask)

    def _buffers(self) -> list:
        return [self._mask.data]

    def copy(self, mask: Any = None, content: Any = None, valid_when: Any = None, *,
             parameters: Any = None) -> ByteMaskedArray:
        return ByteMaskedArray(self._mask if mask is None else mask,
                               self._content if content is None else content,
                               self._valid_when if valid_when is None else valid_when,
                               parameters=self._parameters if parameters is None else parameters)

    def _form_with_key(self, getkey: Any) -> Any:
        from jaggy.forms import ByteMaskedForm

        key = getkey(self)
        return ByteMaskedForm(self._mask.form, self._content._form_with_key(getkey), self._valid_when,
                              parameters=self._parameters, form_key=key)

    def to_IndexedOptionArray64(self) -> Any:
        from jaggy.layout.indexedarray import IndexedOptionArray

        xp, n = self.backend.xp, self.length
        index = xp.empty(n, xp.int64)
        self.backend.kernels.bytemask_to_index(self._mask.data, index, n, self._valid_when)
        return IndexedOptionArray(Index64._wrap(index, self.backend), self._content,
                                  parameters=self._parameters)

    def _getitem_at(self, i: int) -> Any:
        valid = (int(self._mask.data[i]) != 0) == self._valid_when
        return self._content._getitem_at(i) if valid else None

    def _getitem_range(self, start: int, stop: int) -> ByteMaskedArray:
        return ByteMaskedArray(self._mask[start:stop], self._content._getitem_range(start, stop),
                               self._valid_when, parameters=self._parameters)

    def to_packed(self) -> ByteMaskedArray:
        return ByteMaskedArray(self._mask, self._content._getitem_range(0, self.length).to_packed(),
                               self._valid_when, parameters=self._parameters)

    def _to_backend(self, backend: Any) -> ByteMaskedArray:
        return ByteMaskedArray(Index8(backend.asarray(self.backend.to_host(self._mask.data))),
                               self._content.to_backend(backend), self._valid_when,
                               parameters=self._parameters)

    def _validity_error(self, path: str) -> str:
        return self._content._validity_error(next_path(path, "content"))

    def _repr(self, indent: str, pre: str, post: str) -> str:
        return self._repr_wrapper(indent, pre, post, f" valid_when={str(self._valid_when)!r}",
                                  [("mask", self._mask.data)])


class BitMaskedArray(OptionBase):
    def __init__(self, mask: Index, content: Content, valid_when: bool, length: int,
                 lsb_order: bool, *, parameters: dict | None = None) -> None:
        self._check_index("BitMaskedArray", mask, "mask", ("u8",))
        self._check_content("BitMaskedArray", content)
        self._check_option_content(content)
        length = operator.index(length)
        if length < 0:
            msg = f"BitMaskedArray 'length' must be non-negative, not {length}"
            raise ValueError(msg)
        if length > len(mask) * 8:
            msg = f"BitMaskedArray 'length' ({length}) must be <= len(mask) * 8 ({len(mask) * 8})"
            raise ValueError(msg)
        if length > content.length:
            msg = f"BitMaskedArray 'length' ({length}) must be <= len(content) ({content.length})"
            raise ValueError(msg)
        self._mask = mask
        self._content = content
        self._valid_when = bool(valid_when)
        self._length = length
        self._lsb_order = bool(lsb_order)
        self._init(parameters, content.backend)

    @property
    def mask(self) -> Index:
        return self._mask

    @property
    def valid_when(self) -> bool:
        return self._valid_when

    @property
    def lsb_order(self) -> bool:
        return self._lsb_order

    @property
    def length(self) -> int:
        return self._length

    def _buffers(self) -> list:
        return [self._mask.data]

    def copy(self, mask: Any = None, content: Any = None, valid_when: Any = None, length: Any = None,
             lsb_order: Any = None, *, parameters: Any = None) -> BitMaskedArray:
        return BitMaskedArray(self._mask if mask is None else mask,
                              self._content if content is None else content,
                              self._valid_when if valid_when is None else valid_when,
                              self._length if length is None else length,
                              self._lsb_order if lsb_order is None else lsb_order,
                              parameters=self._parameters if parameters is None else parameters)

    def _form_with_key(self, getkey: Any) -> Any:
        from jaggy.forms import BitMaskedForm

        key = getkey(self)
        return BitMaskedForm(self._mask.form, self._content._form_with_key(getkey), self._valid_when,
                             self._lsb_order, parameters=self._parameters, form_key=key)

    def to_ByteMaskedArray(self) -> ByteMaskedArray:
        xp, n = self.backend.xp, self._length
        bytemask = xp.empty(n, xp.int8)
        self.backend.kernels.bitmask_to_bytemask(self._mask.data, bytemask, n, self._valid_when,
                                                 self._lsb_order)
        return ByteMaskedArray(Index8._wrap(bytemask, self.backend),
                               self._content._getitem_range(0, n), True, parameters=self._parameters)

    def to_IndexedOptionArray64(self) -> Any:
        return self.to_ByteMaskedArray().to_IndexedOptionArray64()

    def _getitem_at(self, i: int) -> Any:
        byte = int(self._mask.data[i >> 3])
        bit = (byte >> ((i & 7) if self._lsb_order else 7 - (i & 7))) & 1
        return self._content._getitem_at(i) if bool(bit) == self._valid_when else None

    def _getitem_range(self, start: int, stop: int) -> ByteMaskedArray:
        return self.to_ByteMaskedArray()._getitem_range(start, stop)

    def to_packed(self) -> BitMaskedArray:
        nbytes = (self._length + 7) // 8
        return BitMaskedArray(self._mask[:nbytes], self._content._getitem_range(0, self._length).to_packed(),
                              self._valid_when, self._length, self._lsb_order,
                              parameters=self._parameters)

    def _to_backend(self, backend: Any) -> BitMaskedArray:
        from jaggy.index import IndexU8

        return BitMaskedArray(IndexU8(backend.asarray(self.backend.to_host(self._mask.data))),
                              self._content.to_backend(backend), self._valid_when, self._length,
                              self._lsb_order, parameters=self._parameters)

    def _validity_error(self, path: str) -> str:
        return self._content._validity_error(next_path(path, "content"))

    def _repr(self, indent: str, pre: str, post: str) -> str:
        attrs = f" valid_when={str(self._valid_when)!r} lsb_order={str(self._lsb_order)!r}"
        return self._repr_wrapper(indent, pre, post, attrs, [("mask", self._mask.data)])


class UnmaskedArray(OptionBase):
    is_unmasked = True

    def __init__(self, content: Content, *, parameters: dict | None = None) -> None:
        self._check_content("UnmaskedArray", content)
        self._check_option_content(content)
        self._content = content
        self._init(parameters, content.backend)

    @property
    def length(self) -> int:
        return self._content.length

    def copy(self, content: Any = None, *, parameters: Any = None) -> UnmaskedArray:
        return UnmaskedArray(self._content if content is None else content,
                             parameters=self._parameters if parameters is None else parameters)

    def _form_with_key(self, getkey: Any) -> Any:
        from jaggy.forms import UnmaskedForm

        key = getkey(self)
        return UnmaskedForm(self._content._form_with_key(getkey), parameters=self._parameters,
                            form_key=key)

    def to_IndexedOptionArray64(self) -> Any:
        from jaggy.layout.indexedarray import IndexedOptionArray

        xp = self.backend.xp
        index = xp.arange(self.length, dtype=xp.int64)
        return IndexedOptionArray(Index64._wrap(index, self.backend), self._content,
                                  parameters=self._parameters)

    def mask_as_bool(self, valid_when: bool = True) -> Any:
        xp = self.backend.xp
        return xp.full(self.length, valid_when, dtype=bool)

    def project(self) -> Content:
        return self._content

    def _getitem_at(self, i: int) -> Any:
        return self._content._getitem_at(i)

    def _getitem_range(self, start: int, stop: int) -> UnmaskedArray:
        return UnmaskedArray(self._content._getitem_range(start, stop), parameters=self._parameters)

    def _carry(self, carry: Index64) -> UnmaskedArray:
        return UnmaskedArray(self._content._carry(carry), parameters=self._parameters)

    def to_packed(self) -> UnmaskedArray:
        return UnmaskedArray(self._content.to_packed(), parameters=self._parameters)

    def to_numpy(self, allow_missing: bool = True) -> Any:
        return self._content.to_numpy(allow_missing)

    def _to_backend(self, backend: Any) -> UnmaskedArray:
        return UnmaskedArray(self._content.to_backend(backend), parameters=self._parameters)

    def _validity_error(self, path: str) -> str:
        return self._content._validity_error(next_path(path, "content"))

    def _repr(self, indent: str, pre: str, post: str) -> str:
        return self._repr_wrapper(indent, pre, post, "", [])
