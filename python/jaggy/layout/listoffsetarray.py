"""ListOffsetArray: variable-length lists described by one offsets buffer.

Simplified implementation::

    class ListOffsetArray:
        def __init__(self, offsets, content):   # offsets: non-decreasing, len(offsets) >= 1
            self.offsets, self.content = offsets, content
        def __len__(self):
            return len(self.offsets) - 1
        def __getitem__(self, i):
            return self.content[self.offsets[i]:self.offsets[i + 1]]

Invariants checked by ``validity_error``: offsets never decrease, offsets[0] >= 0 and the last
offset is at most ``len(content)``.
"""

from __future__ import annotations

from typing import Any

from jaggy.index import Index, Index64
from jaggy.layout.content import Content, next_path
from jaggy.layout.lists import ListBase

_new_object = object.__new__


class ListOffsetArray(ListBase):
    def __init__(self, offsets: Index, content: Content, *, parameters: dict | None = None) -> None:
        self._check_index("ListOffsetArray", offsets, "offsets", ("i32", "u32", "i64"))
        self._check_content("ListOffsetArray", content)
        if len(offsets) == 0:
            msg = "ListOffsetArray 'offsets' must have at least one element (len(offsets) = length + 1)"
            raise ValueError(msg)
        if offsets.backend is not content.backend:
            msg = "ListOffsetArray 'offsets' and 'content' must be on the same backend"
            raise ValueError(msg)
        self._offsets = offsets
        self._content = content
        self._init(parameters, content.backend)
        self._check_string_parameters()

    @staticmethod
    def _fast(offsets: Index, content: Content, parameters: dict, backend: Any) -> ListOffsetArray:
        """A node from parts known to be valid together (e.g. a valid node's offsets over a
        projection of its content): no checks, for hot paths."""
        out = _new_object(ListOffsetArray)
        out._offsets = offsets
        out._content = content
        out._parameters = parameters
        out._backend = backend
        out._form_cache = None
        return out

    @property
    def offsets(self) -> Index:
        return self._offsets

    @property
    def starts(self) -> Index:
        return self._offsets[:-1]

    @property
    def stops(self) -> Index:
        return self._offsets[1:]

    @property
    def length(self) -> int:
        return len(self._offsets) - 1

    def _buffers(self) -> list:
        return [self._offsets.data]

    def copy(self, offsets: Any = None, content: Any = None, *, parameters: Any = None) -> ListOffsetArray:
        return ListOffsetArray(
            self._offsets if offsets is None else offsets,
            self._content if content is None else content,
            parameters=self._parameters if parameters is None else parameters,
        )

    def _form_with_key(self, getkey: Any) -> Any:
        from jaggy.forms import ListOffsetForm

        key = getkey(self)
        return ListOffsetForm(
            self._offsets.form, self._content._form_with_key(getkey),
            parameters=self._parameters, form_key=key,
        )

    def _getitem_at(self, i: int) -> Any:
        data = self._offsets._data
        start, stop = data.item(i), data.item(i + 1)
        if start != stop and (start < 0 or stop < start or stop > self._content.length):
            self._check_range(i, start, stop)
        return self._content._getitem_range(start, stop)

    def _getitem_range(self, start: int, stop: int) -> ListOffsetArray:
        return ListOffsetArray(self._offsets[start:stop + 1], self._content, parameters=self._parameters)

    def _compact_offsets64(self) -> Index64:
        """Offsets starting at 0, as int64 (checked: decreasing offsets raise)."""
        offsets = self._offsets
        data = offsets.data
        xp = self.backend.xp
        if len(data) and int(data[0]) == 0 and data.dtype == xp.int64:
            return offsets  # type: ignore[return-value]
        counts = xp.empty(self.length, xp.int64)
        self.backend.kernels.offsets_to_counts(data, counts, self.length)
        out = xp.empty(self.length + 1, xp.int64)
        self.backend.kernels.counts_to_offsets(counts, out, self.length)
        return Index64._wrap(out, self.backend)

    def to_packed(self) -> ListOffsetArray:
        data = self._offsets.data
        start, stop = int(data[0]), int(data[-1])
        self._check_range(0, start, stop)
        offsets = self._compact_offsets64()
        return ListOffsetArray(offsets, self._content._getitem_range(start, stop).to_packed(),
                               parameters=self._parameters)

    def to_ListOffsetArray64(self, start_at_zero: bool = False) -> ListOffsetArray:
        if start_at_zero:
            return self.to_packed_offsets()
        if self._offsets.dtype == self.backend.xp.int64:
            return self
        return ListOffsetArray(self._offsets.to64(), self._content, parameters=self._parameters)

    def to_packed_offsets(self) -> ListOffsetArray:
        """Same lists, offsets starting at 0 over a content that starts at the first list."""
        data = self._offsets.data
        start, stop = int(data[0]), int(data[-1])
        self._check_range(0, start, stop)
        return ListOffsetArray(self._compact_offsets64(), self._content._getitem_range(start, stop),
                               parameters=self._parameters)

    def _to_backend(self, backend: Any) -> ListOffsetArray:
        return ListOffsetArray(
            type(self._offsets)(backend.asarray(self.backend.to_host(self._offsets.data))),
            self._content.to_backend(backend), parameters=self._parameters,
        )

    def _validity_error(self, path: str) -> str:
        kernels, data, n = self.backend.kernels, self._offsets.data, self.length
        return (
            self._kernel_validity(path, lambda: kernels.offsets_validity(data, n, self._content.length))
            or self._content._validity_error(next_path(path, "content"))
            or self._string_validity(path)
        )

    def _repr(self, indent: str, pre: str, post: str) -> str:
        return self._repr_list(indent, pre, post, [("offsets", self._offsets)])
