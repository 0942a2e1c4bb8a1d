"""RecordArray: records (named fields) or tuples (fields None), one child per field.

Simplified implementation::

    class RecordArray:
        def __init__(self, contents, fields, length=None):  # length defaults to min(len(c))
            self.contents, self.fields = contents, fields
        def __getitem__(self, i):
            return Record(self, i)          # a view: record i of this array
        def field(self, name):
            return self.contents[self.fields.index(name)][:len(self)]
"""

from __future__ import annotations

import operator
from typing import Any

from jaggy.errors import FieldNotFoundError
from jaggy.layout.content import Content, next_path


class RecordArray(Content):
    is_record = True

    def __init__(self, contents: Any, fields: Any, length: int | None = None, *,
                 parameters: dict | None = None, backend: Any = None) -> None:
        contents = list(contents)
        for c in contents:
            self._check_content("RecordArray", c, "contents")
        if fields is not None:
            fields = list(fields)
            if not all(isinstance(f, str) for f in fields):
                msg = f"RecordArray 'fields' must be a list of strings or None, not {fields!r}"
                raise TypeError(msg)
            if len(fields) != len(contents):
                msg = f"RecordArray len(contents) ({len(contents)}) must equal len(fields) ({len(fields)})"
                raise ValueError(msg)
        if length is None:
            if not contents:
                msg = "RecordArray with no contents needs an explicit 'length'"
                raise TypeError(msg)
            length = min(c.length for c in contents)
        else:
            length = operator.index(length)
            if length < 0:
                msg = f"RecordArray 'length' must be non-negative, not {length}"
                raise ValueError(msg)
            short = [i for i, c in enumerate(contents) if c.length < length]
            if short:
                msg = (f"RecordArray content {short[0]} has length {contents[short[0]].length}, "
                       f"shorter than the record array's length {length}")
                raise ValueError(msg)
        backends = {id(c.backend) for c in contents}
        if len(backends) > 1:
            msg = "RecordArray 'contents' must all be on the same backend"
            raise ValueError(msg)
        if backend is None:
            from jaggy.backends import cpu

            backend = contents[0].backend if contents else cpu
        self._contents = contents
        self._fields = fields
        self._length = length
        self._init(parameters, backend)

    @property
    def contents(self) -> list[Content]:
        return [c if c.length == self._length else c._getitem_range(0, self._length) for c in self._contents]

    @property
    def fields(self) -> list[str]:
        if self._fields is None:
            return [str(i) for i in range(len(self._contents))]
        return list(self._fields)

    @property
    def is_tuple(self) -> bool:
        return self._fields is None

    @property
    def length(self) -> int:
        return self._length

    def _children(self) -> list[Content]:
        return list(self._contents)

    def field_index(self, name: str) -> int:
        if self._fields is None:
            try:
                i = int(name)
            except ValueError:
                i = -1
            if 0 <= i < len(self._contents) and str(i) == name:
                return i
        elif name in self._fields:
            return self._fields.index(name)
        fields = ", ".join(self.fields) or "(none)"
        msg = f"no field {name!r} in record with {len(self._contents)} fields; fields are: {fields}"
        raise FieldNotFoundError(msg)

    def content(self, name_or_index: Any) -> Content:
        i = name_or_index if isinstance(name_or_index, int) else self.field_index(name_or_index)
        c = self._contents[i]
        return c if c.length == self._length else c._getitem_range(0, self._length)

    def copy(self, contents: Any = None, fields: Any = ..., length: Any = None, *,
             parameters: Any = None) -> RecordArray:
        return RecordArray(
            self._contents if contents is None else contents,
            self._fields if fields is ... else fields,
            self._length if length is None else length,
            parameters=self._parameters if parameters is None else parameters,
            backend=self._backend,
        )

    def _form_with_key(self, getkey: Any) -> Any:
        from jaggy.forms import RecordForm

        key = getkey(self)
        return RecordForm([c._form_with_key(getkey) for c in self._contents], self._fields,
                          parameters=self._parameters, form_key=key)

    def _getitem_at(self, i: int) -> Any:
        from jaggy.record import Record

        return Record(self, i)

    def _getitem_range(self, start: int, stop: int) -> RecordArray:
        return RecordArray([c._getitem_range(start, stop) for c in self._contents], self._fields,
                           stop - start, parameters=self._parameters, backend=self._backend)

    def _getitem_field(self, name: str) -> Content:
        return self.content(name)

    def _getitem_fields(self, names: list[str]) -> RecordArray:
        idx = [self.field_index(n) for n in names]
        fields = None if self._fields is None else [self._fields[i] for i in idx]
        return RecordArray([self._contents[i] for i in idx], fields, self._length,
                           parameters=None, backend=self._backend)

    def _carry(self, carry: Any) -> RecordArray:
        self._check_carry(carry)
        return RecordArray([c._carry(carry) for c in self._contents], self._fields, len(carry),
                           parameters=self._parameters, backend=self._backend)

    def to_packed(self) -> RecordArray:
        return RecordArray([c.to_packed() for c in self.contents], self._fields, self._length,
                           parameters=self._parameters, backend=self._backend)

    def to_numpy(self, allow_missing: bool = True) -> Any:
        xp = self.backend.xp
        columns = [c.to_numpy(allow_missing) for c in self.contents]
        names = self.fields
        dtype = [(n, col.dtype, col.shape[1:]) for n, col in zip(names, columns)]
        out = xp.empty(self._length, dtype=dtype)
        for n, col in zip(names, columns):
            out[n] = col
        return out

    def _to_backend(self, backend: Any) -> RecordArray:
        return RecordArray([c.to_backend(backend) for c in self._contents], self._fields,
                           self._length, parameters=self._parameters, backend=backend)

    def _validity_error(self, path: str) -> str:
        for i, c in enumerate(self._contents):
            if c.length < self._length:
                return (f"at {path} (RecordArray): len(field({i})) < len(recordarray) "
                        f"({c.length} < {self._length})")
        for name, c in zip(self.fields, self._contents):
            err = c._validity_error(next_path(path, f"content({name!r})"))
            if err:
                return err
        return ""

    def _repr(self, indent: str, pre: str, post: str) -> str:
        lines = [f"{indent}{pre}<RecordArray is_tuple='{self.is_tuple}' len='{self._length}'>"]
        if self._parameters:
            lines.append(self._repr_params(indent + "    "))
        for name, c in zip(self.fields, self._contents):
            label = f"<content index='{name}'>" if self.is_tuple else f"<content index='{self.fields.index(name)}' field={name!r}>"
            lines.append(c._repr(indent + "    ", label, "</content>"))
        lines.append(f"{indent}</RecordArray>{post}")
        return "\n".join(line for line in lines if line)
