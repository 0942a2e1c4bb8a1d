"""IndexedArray (a lazy gather) and IndexedOptionArray (a gather where negative means missing).

Simplified implementation::

    class IndexedArray:
        def __getitem__(self, i):
            return self.content[self.index[i]]

    class IndexedOptionArray:
        def __getitem__(self, i):
            return None if self.index[i] < 0 else self.content[self.index[i]]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jaggy.index import Index, Index64
from jaggy.layout.content import Content, next_path
from jaggy.layout.options import OptionBase, WrapperBase


class _IndexedMixin(WrapperBase):
    _index: Index
    _content: Content

    if TYPE_CHECKING:  # each subclass has this constructor

        def __init__(self, index: Index, content: Content, *, parameters: dict | None = None) -> None: ...

    @property
    def index(self) -> Index:
        return self._index

    @property
    def length(self) -> int:
        return len(self._index)

    def _buffers(self) -> list:
        return [self._index.data]

    def _getitem_range(self, start: int, stop: int) -> Any:
        return self.copy(index=self._index[start:stop])

    def _validity_error(self, path: str) -> str:
        kernels, data = self.backend.kernels, self._index.data
        allow_missing = self.is_option
        return (
            self._kernel_validity(path, lambda: kernels.index_validity(
                data, len(data), self._content.length, allow_missing))
            or self._content._validity_error(next_path(path, "content"))
        )

    def _to_backend(self, backend: Any) -> Any:
        index = type(self._index)(backend.asarray(self.backend.to_host(self._index.data)))
        return type(self)(index, self._content.to_backend(backend), parameters=self._parameters)

    def _form_with_key(self, getkey: Any) -> Any:
        import jaggy.forms as forms

        key = getkey(self)
        cls = forms.IndexedOptionForm if self.is_option else forms.IndexedForm
        return cls(self._index.form, self._content._form_with_key(getkey),
                   parameters=self._parameters, form_key=key)

    def _repr(self, indent: str, pre: str, post: str) -> str:
        return self._repr_wrapper(indent, pre, post, "", [("index", self._index.data)])


class IndexedArray(_IndexedMixin, WrapperBase):
    is_indexed = True

    def __init__(self, index: Index, content: Content, *, parameters: dict | None = None) -> None:
        self._check_index("IndexedArray", index, "index", ("i32", "u32", "i64"))
        self._check_content("IndexedArray", content)
        if content.is_union or content.is_indexed or content.is_option:
            msg = (f"IndexedArray cannot contain a union-type, option-type or indexed content "
                   f"({type(content).__name__}); build the simplified layout instead")
            raise TypeError(msg)
        self._index = index
        self._content = content
        self._init(parameters, content.backend)

    def copy(self, index: Any = None, content: Any = None, *, parameters: Any = None) -> IndexedArray:
        return IndexedArray(self._index if index is None else index,
                            self._content if content is None else content,
                            parameters=self._parameters if parameters is None else parameters)

    def project(self) -> Content:
        return self._content._carry(self._index.to64())

    def _getitem_at(self, i: int) -> Any:
        j = int(self._index.data[i])
        if not 0 <= j < self._content.length:
            msg = f"IndexedArray index[{i}] = {j} is outside its content of length {self._content.length}"
            raise ValueError(msg)
        return self._content._getitem_at(j)

    def _carry(self, carry: Index64) -> IndexedArray:
        self._check_carry(carry)
        return IndexedArray(Index._wrap(self._index.data[carry.data], self.backend), self._content,
                            parameters=self._parameters)

    def to_packed(self) -> Content:
        return self.project().to_packed().copy(parameters=_merge(self._content.parameters, self._parameters))

    def to_numpy(self, allow_missing: bool = True) -> Any:
        return self.project().to_numpy(allow_missing)


class IndexedOptionArray(_IndexedMixin, OptionBase):
    is_indexed = True

    def __init__(self, index: Index, content: Content, *, parameters: dict | None = None) -> None:
        self._check_index("IndexedOptionArray", index, "index", ("i32", "i64"))
        self._check_content("IndexedOptionArray", content)
        self._check_option_content(content)
        self._index = index
        self._content = content
        self._init(parameters, content.backend)

    def copy(self, index: Any = None, content: Any = None, *, parameters: Any = None) -> IndexedOptionArray:
        return IndexedOptionArray(self._index if index is None else index,
                                  self._content if content is None else content,
                                  parameters=self._parameters if parameters is None else parameters)

    def to_IndexedOptionArray64(self) -> IndexedOptionArray:
        if self._index.dtype == self.backend.xp.int64:
            return self
        return IndexedOptionArray(self._index.to64(), self._content, parameters=self._parameters)

    def _compact(self) -> tuple[Index64, Index64]:
        """(carry of the valid entries, new index: position among the valid entries or -1)."""
        xp, n = self.backend.xp, self.length
        carry = xp.empty(n, xp.int64)
        outindex = xp.empty(n, xp.int64)
        nvalid = xp.empty(1, xp.int64)
        self.backend.kernels.option_compact(self._index.data, carry, outindex, nvalid, n)
        k = int(nvalid[0])
        return Index64._wrap(carry[:k], self.backend), Index64._wrap(outindex, self.backend)

    def _carry(self, carry: Index64) -> IndexedOptionArray:
        self._check_carry(carry)
        return IndexedOptionArray(Index._wrap(self._index.data[carry.data], self.backend),
                                  self._content, parameters=self._parameters)

    def to_packed(self) -> IndexedOptionArray:
        carry, outindex = self._compact()
        return IndexedOptionArray(outindex, self._content._carry(carry).to_packed(),
                                  parameters=self._parameters)


def _merge(inner: dict, outer: dict) -> dict:
    out = dict(inner)
    out.update(outer)
    return out
