"""Behaviour shared by the nodes that select or mask a content (Indexed*, *Masked*, Unmasked)."""

from __future__ import annotations

from typing import Any, cast

from jaggy.index import Index64
from jaggy.layout.content import Content


class WrapperBase(Content):
    """A node with one ``content`` whose elements it selects or masks, one for one."""

    _content: Content

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

    def _check_option_content(self, content: Content) -> None:
        if content.is_option or content.is_indexed or (content.is_union and not self.is_indexed):
            name = type(self).__name__
            msg = (f"{name} cannot contain an option-type, indexed or union-type content "
                   f"({type(content).__name__}); build the simplified layout instead")
            raise TypeError(msg)

    def _repr_wrapper(self, indent: str, pre: str, post: str, attrs: str, buffers: list) -> str:
        name = type(self).__name__
        lines = [f"{indent}{pre}<{name}{attrs} len='{self.length}'>"]
        if self._parameters:
            lines.append(self._repr_params(indent + "    "))
        for label, data in buffers:
            lines.append(f"{indent}    <{label}>{data!r}</{label}>")
        lines.append(self._content._repr(indent + "    ", "<content>", "</content>"))
        lines.append(f"{indent}</{name}>{post}")
        return "\n".join(lines)

    def _getitem_field(self, name: str) -> Content:
        return self._rewrap(self._content._getitem_field(name))

    def _getitem_fields(self, names: list[str]) -> Content:
        return self._rewrap(self._content._getitem_fields(names))

    def _rewrap(self, content: Content) -> Content:
        """This node over a new content (without parameters), simplified if the content is an
        option or indexed node itself (options of options collapse into one index)."""
        if content.is_option or content.is_indexed or content.is_union:
            from jaggy.layout.indexedarray import IndexedArray

            outer = self if isinstance(self, IndexedArray) else cast("OptionBase", self).to_IndexedOptionArray64()
            return simplified_indexed(outer.index.data, content, self.is_option)
        return self.copy(content=content, parameters={})


def simplified_indexed(index: Any, content: Content, option: bool, parameters: dict | None = None) -> Content:
    """An Indexed(Option)Array of ``index`` over ``content``, composing nested indexes so that no
    option or indexed node ends up directly inside another."""
    from jaggy.layout.indexedarray import IndexedArray, IndexedOptionArray

    backend = content.backend
    xp = backend.xp
    if content.is_union:
        return _indexed_union(index, content, option, parameters)
    if content.is_option or content.is_indexed:
        inner: Any = content if content.is_indexed else cast("OptionBase", content).to_IndexedOptionArray64()
        inner_index = inner.index.data.astype(xp.int64, copy=False)
        missing = index < 0
        safe = xp.where(missing, 0, index)
        if len(inner_index) == 0:  # only missing entries can point into an empty content
            if len(safe) and not bool(missing.all()):
                msg = "index points into an empty content"
                raise IndexError(msg)
            composed = xp.full(len(index), -1, xp.int64)
        else:
            composed = inner_index[safe] if len(safe) else xp.zeros(0, xp.int64)
        composed = xp.where(missing, -1, composed)
        option = option or content.is_option
        index, content = composed, inner.content
    cls = IndexedOptionArray if option else IndexedArray
    return cls(Index64._wrap(xp.asarray(index, dtype=xp.int64), backend), content, parameters=parameters)


def _indexed_union(index: Any, union: Any, option: bool, parameters: dict | None) -> Content:
    """``union`` at ``index`` as a union again (an option never wraps a union): the entries are
    selected by index, and missing ones (index < 0, when ``option``) become missing entries of
    option-type contents, as Awkward's union-of-options form."""
    from jaggy.index import Index8
    from jaggy.layout.unionarray import UnionArray

    backend = union.backend
    xp = backend.xp
    index = xp.asarray(index, dtype=xp.int64)
    if not option:  # (an option result is a union of options even with nothing missing)
        if len(index) and (int(index.min()) < 0 or int(index.max()) >= union.length):
            msg = "index points outside the union it selects from"
            raise IndexError(msg)
        return union._carry(Index64._wrap(index, backend))
    valid = index >= 0
    safe = xp.where(valid, index, 0)
    if len(index) and union.length == 0:
        tags = xp.zeros(len(index), xp.int8)
        inner = xp.full(len(index), -1, xp.int64)
    else:
        tags = xp.where(valid, union.tags.data[:union.length][safe], 0).astype(xp.int8)
        inner = xp.where(valid, union.index.data[:union.length][safe].astype(xp.int64), -1)
    outindex = xp.empty(len(index), xp.int64)
    contents = []
    for k, c in enumerate(union.contents):
        sel = tags == k
        outindex[sel] = xp.arange(int(sel.sum()), dtype=xp.int64)
        contents.append(simplified_indexed(inner[sel], c, True))
    return UnionArray(Index8._wrap(tags, backend), Index64._wrap(outindex, backend), contents,
                      parameters=union.parameters if parameters is None else parameters)


class OptionBase(WrapperBase):
    """Option types: every node that can say "missing"."""

    is_option = True

    def to_IndexedOptionArray64(self) -> Any:
        raise NotImplementedError

    def mask_as_bool(self, valid_when: bool = True) -> Any:
        """A boolean array, True where the entry is valid (or missing, if valid_when is False)."""
        index = self.to_IndexedOptionArray64().index.data
        return (index >= 0) if valid_when else (index < 0)

    def project(self) -> Content:
        """The content's valid entries, in order (missing entries dropped)."""
        option = self.to_IndexedOptionArray64()
        carry, _ = option._compact()
        return option.content._carry(carry)

    def _getitem_at(self, i: int) -> Any:
        option = self.to_IndexedOptionArray64()
        j = int(option.index.data[i])
        return None if j < 0 else option.content._getitem_at(j)

    def _carry(self, carry: Index64) -> Content:
        return self.to_IndexedOptionArray64()._carry(carry)

    def to_numpy(self, allow_missing: bool = True) -> Any:
        xp = self.backend.xp
        option = self.to_IndexedOptionArray64()
        index = option.index.data
        missing = index < 0
        if len(index) and bool(xp.any(missing)):
            if not allow_missing:
                msg = "to_numpy cannot convert missing values (None) to NumPy; use allow_missing=True"
                raise ValueError(msg)
            safe = Index64._wrap(xp.where(missing, 0, index), self.backend)
            content = option.content
            data = content._carry(safe).to_numpy(allow_missing) if content.length else xp.zeros(len(index))
            import numpy

            mask = numpy.broadcast_to(missing.reshape(-1, *([1] * (data.ndim - 1))), data.shape)
            return numpy.ma.MaskedArray(data, mask)
        return option.content._carry(Index64._wrap(index, self.backend)).to_numpy(allow_missing)
