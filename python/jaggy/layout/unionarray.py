"""UnionArray: each entry comes from one of several contents (a tagged union).

Simplified implementation::

    class UnionArray:
        def __init__(self, tags, index, contents):   # tags: int8, index: int32/uint32/int64
            self.tags, self.index, self.contents = tags, index, contents
        def __len__(self):
            return len(self.tags)
        def __getitem__(self, i):
            return self.contents[self.tags[i]][self.index[i]]
"""

from __future__ import annotations

from typing import Any

from jaggy.index import Index, Index8
from jaggy.layout.content import Content, next_path


class UnionArray(Content):
    is_union = True

    def __init__(self, tags: Index, index: Index, contents: Any, *,
                 parameters: dict | None = None) -> None:
        self._check_index("UnionArray", tags, "tags", ("i8",))
        self._check_index("UnionArray", index, "index", ("i32", "u32", "i64"))
        contents = list(contents)
        for c in contents:
            self._check_content("UnionArray", c, "contents")
        if len(contents) < 2:
            msg = f"UnionArray needs at least 2 contents, not {len(contents)}"
            raise TypeError(msg)
        if any(c.is_union for c in contents):
            msg = "UnionArray cannot contain a union-type content; build the simplified layout instead"
            raise TypeError(msg)
        options = [c.is_option for c in contents]
        if any(options) and not all(options):
            msg = "UnionArray contents must be all option-type or none of them; build the simplified layout instead"
            raise TypeError(msg)
        if len(index) < len(tags):
            msg = f"UnionArray len(index) ({len(index)}) must be >= len(tags) ({len(tags)})"
            raise ValueError(msg)
        self._tags = tags
        self._index = index
        self._contents = contents
        self._init(parameters, contents[0].backend)

    @property
    def tags(self) -> Index:
        return self._tags

    @property
    def index(self) -> Index:
        return self._index

    @property
    def contents(self) -> list[Content]:
        return list(self._contents)

    def content(self, i: int) -> Content:
        return self._contents[i]

    @property
    def length(self) -> int:
        return len(self._tags)

    @property
    def fields(self) -> list[str]:
        common = None
        for c in self._contents:
            f = c.fields
            common = list(f) if common is None else [x for x in common if x in f]
        return common or []

    def _buffers(self) -> list:
        return [self._tags.data, self._index.data]

    def _children(self) -> list[Content]:
        return list(self._contents)

    def copy(self, tags: Any = None, index: Any = None, contents: Any = None, *,
             parameters: Any = None) -> UnionArray:
        return UnionArray(self._tags if tags is None else tags,
                          self._index if index is None else index,
                          self._contents if contents is None else contents,
                          parameters=self._parameters if parameters is None else parameters)

    def _form_with_key(self, getkey: Any) -> Any:
        from jaggy.forms import UnionForm

        key = getkey(self)
        return UnionForm(self._tags.form, self._index.form,
                         [c._form_with_key(getkey) for c in self._contents],
                         parameters=self._parameters, form_key=key)

    def _getitem_at(self, i: int) -> Any:
        tag, j = int(self._tags.data[i]), int(self._index.data[i])
        if not 0 <= tag < len(self._contents) or not 0 <= j < self._contents[tag].length:
            msg = f"UnionArray entry {i} (tag {tag}, index {j}) points outside its contents (the layout is invalid)"
            raise ValueError(msg)
        return self._contents[tag]._getitem_at(j)

    def _getitem_range(self, start: int, stop: int) -> UnionArray:
        return UnionArray(self._tags[start:stop], self._index[start:stop], self._contents,
                          parameters=self._parameters)

    def _getitem_field(self, name: str) -> Content:
        return UnionArray(self._tags, self._index, [c._getitem_field(name) for c in self._contents])

    def _getitem_fields(self, names: list[str]) -> Content:
        return UnionArray(self._tags, self._index, [c._getitem_fields(names) for c in self._contents])

    def _carry(self, carry: Any) -> UnionArray:
        self._check_carry(carry)
        return UnionArray(Index8._wrap(self._tags.data[carry.data], self.backend),
                          Index._wrap(self._index.data[carry.data], self.backend),
                          self._contents, parameters=self._parameters)

    def to_packed(self) -> UnionArray:
        xp = self.backend.xp
        tags = self._tags.data
        index = xp.array(self._index.data[: len(tags)], dtype=xp.int64)
        contents = []
        for t, c in enumerate(self._contents):
            selected = tags == t
            carry = index[selected]
            index[selected] = xp.arange(len(carry), dtype=xp.int64)
            contents.append(c._carry(Index._wrap(carry, self.backend)).to_packed())
        return UnionArray(self._tags, Index._wrap(index, self.backend), contents,
                          parameters=self._parameters)

    def to_numpy(self, allow_missing: bool = True) -> Any:
        msg = f"to_numpy: a union of types ({self.form.type}) cannot be converted to one NumPy array"
        raise TypeError(msg)

    def _to_backend(self, backend: Any) -> UnionArray:
        host = self.backend.to_host
        return UnionArray(Index8(backend.asarray(host(self._tags.data))),
                          type(self._index)(backend.asarray(host(self._index.data))),
                          [c.to_backend(backend) for c in self._contents], parameters=self._parameters)

    def _validity_error(self, path: str) -> str:
        xp, kernels, n = self.backend.xp, self.backend.kernels, self.length
        lens = xp.asarray([c.length for c in self._contents], dtype=xp.int64)
        err = self._kernel_validity(path, lambda: kernels.union_validity(
            self._tags.data, self._index.data, lens, n, len(self._contents)))
        if err:
            return err
        for i, c in enumerate(self._contents):
            err = c._validity_error(next_path(path, f"content({i})"))
            if err:
                return err
        return ""

    def _repr(self, indent: str, pre: str, post: str) -> str:
        lines = [f"{indent}{pre}<UnionArray len='{self.length}'>"]
        if self._parameters:
            lines.append(self._repr_params(indent + "    "))
        lines.append(f"{indent}    <tags>{self._tags.data!r}</tags>")
        lines.append(f"{indent}    <index>{self._index.data!r}</index>")
        for i, c in enumerate(self._contents):
            lines.append(c._repr(indent + "    ", f"<content index='{i}'>", "</content>"))
        lines.append(f"{indent}</UnionArray>{post}")
        return "\n".join(lines)
