"""ListArray: variable-length lists described by separate starts and stops.

Simplified implementation::

    class ListArray:
        def __init__(self, starts, stops, content):   # len(stops) >= len(starts)
            self.starts, self.stops, self.content = starts, stops, content
        def __len__(self):
            return len(self.starts)
        def __getitem__(self, i):
            return self.content[self.starts[i]:self.stops[i]]

Lists may overlap, leave gaps and come in any order. ``validity_error`` checks that every
non-empty list has 0 <= start <= stop <= len(content).
"""

from __future__ import annotations

from typing import Any

from jaggy.index import Index
from jaggy.layout.content import Content, next_path
from jaggy.layout.lists import ListBase


class ListArray(ListBase):
    def __init__(self, starts: Index, stops: Index, content: Content, *,
                 parameters: dict | None = None) -> None:
        self._check_index("ListArray", starts, "starts", ("i32", "u32", "i64"))
        self._check_index("ListArray", stops, "stops", ("i32", "u32", "i64"))
        self._check_content("ListArray", content)
        if starts.dtype != stops.dtype:
            msg = f"ListArray 'starts' and 'stops' must have the same dtype, not {starts.dtype} and {stops.dtype}"
            raise TypeError(msg)
        if len(stops) < len(starts):
            msg = f"ListArray len(stops) ({len(stops)}) must be at least len(starts) ({len(starts)})"
            raise ValueError(msg)
        self._starts = starts
        self._stops = stops
        self._content = content
        self._init(parameters, content.backend)
        self._check_string_parameters()

    @property
    def starts(self) -> Index:
        return self._starts

    @property
    def stops(self) -> Index:
        return self._stops[: len(self._starts)] if len(self._stops) != len(self._starts) else self._stops

    @property
    def length(self) -> int:
        return len(self._starts)

    def _buffers(self) -> list:
        return [self._starts.data, self._stops.data]

    def copy(self, starts: Any = None, stops: Any = None, content: Any = None, *,
             parameters: Any = None) -> ListArray:
        return ListArray(
            self._starts if starts is None else starts,
            self._stops if stops is None else stops,
            self._content if content is None else content,
            parameters=self._parameters if parameters is None else parameters,
        )

    def _form_with_key(self, getkey: Any) -> Any:
        from jaggy.forms import ListForm

        key = getkey(self)
        return ListForm(self._starts.form, self._stops.form, self._content._form_with_key(getkey),
                        parameters=self._parameters, form_key=key)

    def _getitem_at(self, i: int) -> Any:
        start, stop = int(self._starts.data[i]), int(self._stops.data[i])
        self._check_range(i, start, stop)
        return self._content._getitem_range(start, stop)

    def _getitem_range(self, start: int, stop: int) -> ListArray:
        return ListArray(self._starts[start:stop], self._stops[start:stop], self._content,
                         parameters=self._parameters)

    def to_ListOffsetArray64(self, start_at_zero: bool = False) -> Any:
        from jaggy.layout.listoffsetarray import ListOffsetArray

        offsets, carry = self._packed_carry()
        return ListOffsetArray(offsets, self._content._carry(carry), parameters=self._parameters)

    def to_packed(self) -> Any:
        packed = self.to_ListOffsetArray64()
        return packed.copy(content=packed.content.to_packed())

    def _to_backend(self, backend: Any) -> ListArray:
        host = self.backend.to_host
        return ListArray(type(self._starts)(backend.asarray(host(self._starts.data))),
                         type(self._stops)(backend.asarray(host(self.stops.data))),
                         self._content.to_backend(backend), parameters=self._parameters)

    def _validity_error(self, path: str) -> str:
        kernels, n = self.backend.kernels, self.length
        starts, stops = self._starts.data, self.stops.data
        return (
            self._kernel_validity(path, lambda: kernels.list_validity(starts, stops, n, self._content.length))
            or self._content._validity_error(next_path(path, "content"))
        )

    def _repr(self, indent: str, pre: str, post: str) -> str:
        return self._repr_list(indent, pre, post, [("starts", self._starts), ("stops", self._stops)])
