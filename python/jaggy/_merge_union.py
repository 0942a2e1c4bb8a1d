"""A union of records as one record of (option-type, possibly union-type) fields: the
layout work of jaggy.merge_union_of_records, vectorized over the union's tags and index."""

from __future__ import annotations

from typing import Any

import numpy as np

from jaggy._merging import indexed_over, union_simplified
from jaggy.index import Index64
from jaggy.layout import IndexedOptionArray, RecordArray, UnmaskedArray


def merge_union(union: Any) -> Any | None:
    """The merged records of ``union``, or None (no change) if its contents are not all
    records (possibly under options or indexes)."""
    contents = union.contents
    if not all(c.is_record or ((c.is_indexed or c.is_option) and c.content.is_record)
               for c in contents):
        return None
    xp = union.backend.xp
    tags = union.tags.data.astype(np.int64)
    index = union.index.data[: len(tags)].astype(np.int64)
    if any(c.is_option for c in contents):
        sparse_tags = tags.copy()
        new_index = index.copy()
        inner = []
        for k, c in enumerate(contents):
            is_k = tags == k
            if isinstance(c, UnmaskedArray):
                inner.append(c.content)
                continue
            if not (c.is_option or c.is_indexed):
                inner.append(c)
                continue
            option = c.to_IndexedOptionArray64() if c.is_option else c
            composed = option.index.data.astype(np.int64)[index[is_k]]
            sparse_tags[is_k] = xp.where(composed >= 0, k, -1)
            new_index[is_k] = composed
            inner.append(option.content)
        valid = sparse_tags >= 0
        outer = xp.where(valid, xp.cumsum(valid) - 1, -1)
        record = _invert(sparse_tags[valid], new_index[valid], inner, union.backend)
        return IndexedOptionArray(Index64._wrap(outer, union.backend), record)
    if any(c.is_indexed for c in contents):
        new_index = index.copy()
        inner = []
        for k, c in enumerate(contents):
            if c.is_indexed:
                is_k = tags == k
                new_index[is_k] = c.index.data.astype(np.int64)[index[is_k]]
                inner.append(c.content)
            else:
                inner.append(c)
        return _invert(tags, new_index, inner, union.backend)
    return _invert(tags, index, contents, union.backend)


def _invert(tags: Any, index: Any, records: list, backend: Any) -> Any:
    """One record whose fields are unions (simplified) of the records' fields."""
    xp = backend.xp
    fields: list[str] = []
    for r in records:
        fields.extend(f for f in r.fields if f not in fields)
    out = []
    for field in fields:
        having = [j for j, r in enumerate(records) if field in r.fields]
        parts = [records[j].content(field) for j in having]
        field_tags = tags.copy()
        field_index = index.copy()
        if len(having) < len(records):
            missing_tag = next((i for i, p in enumerate(parts) if p.is_option), 0)
            target = parts[missing_tag]
            extended = xp.arange(target.length + 1, dtype=np.int64)
            extended[-1] = -1
            parts[missing_tag] = indexed_over(extended, target, True)
            missing_at = target.length
        else:
            missing_tag, missing_at = 0, 0
        lookup_tag = xp.full(len(records), missing_tag, np.int64)
        lookup_tag[having] = xp.arange(len(having), dtype=np.int64)
        lacks = xp.ones(len(records), bool)
        lacks[having] = False
        field_tags = lookup_tag[tags] if len(tags) else field_tags
        if len(tags):
            field_index = xp.where(lacks[tags], missing_at, index)
        if len(parts) == 1:
            out.append(indexed_over(field_index, parts[0], False))
        else:
            out.append(union_simplified(field_tags, field_index, parts, False))
    return RecordArray(out, fields, len(tags), backend=backend)


__all__ = ["merge_union"]
