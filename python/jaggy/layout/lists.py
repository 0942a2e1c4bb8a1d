"""Behaviour shared by the list nodes (ListArray, ListOffsetArray, RegularArray)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jaggy.index import Index, Index64
from jaggy.layout.content import Content

if TYPE_CHECKING:
    from jaggy.layout.regulararray import RegularArray

_STRING_INNER = {"string": "char", "bytestring": "byte"}


class ListBase(Content):
    is_list = True
    _content: Content

    if TYPE_CHECKING:  # each list node has these

        @property
        def starts(self) -> Index: ...

        @property
        def stops(self) -> Index: ...

        def to_ListOffsetArray64(self, start_at_zero: bool = False) -> Any: ...

    @property
    def content(self) -> Content:
        return self._content

    @property
    def fields(self) -> list[str]:
        return self._content.fields

    @property
    def is_tuple(self) -> bool:
        return self._content.is_tuple

    def _children(self) -> list[Content]:
        return [self._content]

    def _check_string_parameters(self) -> None:
        array = self._parameters.get("__array__")
        if array in _STRING_INNER:
            inner = self._content
            if not (inner.is_numpy and inner.parameter("__array__") == _STRING_INNER[array]):
                name = type(self).__name__
                msg = (f"{name} is a {array} (parameter __array__ = {array!r}), so its content must be a "
                       f"NumpyArray with __array__ = {_STRING_INNER[array]!r}")
                raise ValueError(msg)

    def _string_validity(self, path: str) -> str:
        return ""

    def _check_range(self, i: int, start: int, stop: int) -> None:
        if start != stop and (start < 0 or stop < start or stop > self._content.length):
            msg = (f"{type(self).__name__} list {i} spans [{start}, {stop}), outside its content of "
                   f"length {self._content.length} (the layout is invalid)")
            raise ValueError(msg)

    def _starts_stops(self) -> tuple[Any, Any]:
        return self.starts.data, self.stops.data

    def _getitem_field(self, name: str) -> Content:
        return self._with_content(self._content._getitem_field(name))

    def _getitem_fields(self, names: list[str]) -> Content:
        return self._with_content(self._content._getitem_fields(names))

    def _with_content(self, content: Content) -> Content:
        """This node's structure over a new content (a projection of the old one), no parameters."""
        out = object.__new__(type(self))
        d = out.__dict__
        d.update(self.__dict__)
        d.pop("_projections", None)  # memoized field projections belong to the old content
        d["_content"] = content
        d["_parameters"] = {}
        d["_form_cache"] = None
        return out

    def _carry(self, carry: Index64) -> Content:
        from jaggy.index import Index
        from jaggy.layout.listarray import ListArray

        self._check_carry(carry)
        starts, stops = self._starts_stops()
        return ListArray(
            Index._wrap(starts[carry.data], self.backend),
            Index._wrap(stops[carry.data], self.backend),
            self._content, parameters=self._parameters,
        )

    def _packed_carry(self) -> tuple[Index64, Index64]:
        """Offsets from 0 of the packed lists and the content positions that fill them."""
        xp, kernels = self.backend.xp, self.backend.kernels
        starts, stops = self._starts_stops()
        n = self.length
        offsets = xp.empty(n + 1, xp.int64)
        kernels.compact_offsets(starts, stops, offsets, n)
        total = int(offsets[-1])
        carry = xp.empty(total, xp.int64)
        kernels.list_carry(starts, offsets, carry, n, total)
        return Index64._wrap(offsets, self.backend), Index64._wrap(carry, self.backend)

    def to_numpy(self, allow_missing: bool = True) -> Any:
        from jaggy.layout.regulararray import RegularArray

        if self.parameter("__array__") in _STRING_INNER:
            msg = "to_numpy: strings cannot be converted to NumPy yet (they are not a numeric array)"
            raise NotImplementedError(msg)
        regular = self if isinstance(self, RegularArray) else self.to_RegularArray()
        inner = regular.content._getitem_range(0, regular.length * regular.size).to_numpy(allow_missing)
        return inner.reshape((regular.length, regular.size, *inner.shape[1:]))

    def to_RegularArray(self) -> RegularArray:
        from jaggy.layout.listoffsetarray import ListOffsetArray
        from jaggy.layout.regulararray import RegularArray

        packed = self if isinstance(self, ListOffsetArray) else self.to_ListOffsetArray64()
        packed = packed.to_packed_offsets()
        offsets = packed.offsets.data
        xp = self.backend.xp
        counts = offsets[1:] - offsets[:-1]
        size = int(counts[0]) if len(counts) else 0
        if len(counts) and bool(xp.any(counts != size)):
            bad = int(xp.argmax(counts != size))
            msg = (f"cannot convert to RegularArray because list lengths are not regular "
                   f"(list 0 has length {size}, list {bad} has length {int(counts[bad])})")
            raise ValueError(msg)
        return RegularArray(packed.content, size, zeros_length=self.length, parameters=self._parameters)

    def _repr_list(self, indent: str, pre: str, post: str, indexes: list) -> str:
        name = type(self).__name__
        lines = [f"{indent}{pre}<{name} len='{self.length}'>"]
        lines += [self._repr_params(indent + "    ")] if self._parameters else []
        for label, idx in indexes:
            lines.append(f"{indent}    <{label}>{idx.data!r}</{label}>")
        lines.append(self._content._repr(indent + "    ", "<content>", "</content>"))
        lines.append(f"{indent}</{name}>{post}")
        return "\n".join(line for line in lines if line)
