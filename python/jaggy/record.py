"""The low-level record: element ``at`` of a RecordArray, without copying anything."""

from __future__ import annotations

from typing import Any

from jaggy.layout.recordarray import RecordArray


class Record:
    """A view of record ``at`` of ``array`` (a RecordArray)."""

    __slots__ = ("_array", "_at")

    def __init__(self, array: RecordArray, at: int) -> None:
        if not isinstance(array, RecordArray):
            msg = f"Record 'array' must be a RecordArray, not {array!r}"
            raise TypeError(msg)
        if not 0 <= at < array.length:
            msg = f"Record 'at' ({at}) is out of range for a RecordArray of length {array.length}"
            raise IndexError(msg)
        self._array = array
        self._at = at

    @property
    def array(self) -> RecordArray:
        return self._array

    @property
    def at(self) -> int:
        return self._at

    @property
    def fields(self) -> list[str]:
        return self._array.fields

    @property
    def is_tuple(self) -> bool:
        return self._array.is_tuple

    @property
    def parameters(self) -> dict:
        return self._array.parameters

    def parameter(self, key: str) -> Any:
        return self._array.parameter(key)

    @property
    def backend(self) -> Any:
        return self._array.backend

    @property
    def contents(self) -> list[Any]:
        return [c._getitem_at(self._at) for c in self._array.contents]

    def content(self, name_or_index: Any) -> Any:
        return self._array.content(name_or_index)._getitem_at(self._at)

    def __getitem__(self, where: Any) -> Any:
        if isinstance(where, str):
            return self.content(where)
        if isinstance(where, list):
            return Record(self._array._getitem_fields(where), self._at)
        msg = f"a record can be indexed by field name, not {where!r}"
        raise TypeError(msg)

    def to_list(self) -> Any:
        from jaggy._tolist import to_list

        return to_list(self._array._getitem_range(self._at, self._at + 1))[0]

    def to_packed(self) -> Record:
        return Record(self._array._getitem_range(self._at, self._at + 1).to_packed(), 0)

    def __repr__(self) -> str:
        return f"<Record at='{self._at}'>\n{self._array._repr('    ', '<array>', '</array>')}\n</Record>"
