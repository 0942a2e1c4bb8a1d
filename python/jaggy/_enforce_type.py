"""The conversion rules behind jaggy.enforce_type.

Three walks over a layout and a (low-level) type, node by node:

* ``has_type(layout, t)``: whether the layout already is of type ``t`` (ignoring
  non-type parameters and the size of regular dimensions inside NumPy shapes);
* ``check(layout, t)``: whether the conversion is possible from the types alone, and
  whether it needs the data to be packed first (so that unreachable entries, such as
  the values behind missing entries, are not converted or checked);
* ``convert(layout, t)``: the conversion itself.

The choice of rule depends only on the layout's node types and the target type; data
only decides whether a chosen rule fails (missing values where the option is removed,
irregular list lengths, union entries that a projection would lose). All data work is
vectorized on index arrays. Per-call Python work is proportional to the number of nodes
(times the number of union contents' permutations, which is tiny).
"""

from __future__ import annotations

from itertools import permutations
from typing import Any, NamedTuple, cast

import numpy as np

from jaggy import types as _t
from jaggy._merging import indexed_over, merge_many, type_parameters_equal
from jaggy.index import Index8, Index64
from jaggy.layout import (
    EmptyArray,
    IndexedOptionArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnionArray,
    UnmaskedArray,
)

NAME = "jaggy.enforce_type"


class Check(NamedTuple):
    """Whether a conversion is possible, and whether it needs packed data."""

    ok: bool
    pack: bool


_NO = Check(False, False)
_YES = Check(True, False)


def _fail(cls: type[Exception], text: str) -> Exception:
    return cls(f"{NAME}: {text}")


def _params(t: _t.Type) -> dict:
    return dict(t.parameters or {})


def _i64(data: Any, backend: Any) -> Index64:
    return Index64._wrap(backend.xp.asarray(data, dtype=np.int64), backend)


# ------------------------------------------------------------------------ empty arrays


def empty_of_type(t: _t.Type, backend: Any) -> Any:
    """A length-0 layout of type ``t`` (with the type's parameters on every node)."""
    xp = backend.xp
    params = _params(t)
    if isinstance(t, _t.UnknownType):
        return EmptyArray(parameters=params, backend=backend)
    if isinstance(t, _t.NumpyType):
        return NumpyArray(xp.zeros(0, _t.primitive_to_dtype(t.primitive)), parameters=params,
                          backend=backend)
    if isinstance(t, _t.ListType):
        return ListOffsetArray(_i64(xp.zeros(1), backend), empty_of_type(t.content, backend),
                               parameters=params)
    if isinstance(t, _t.RegularType):
        return RegularArray(empty_of_type(t.content, backend), t.size, 0, parameters=params)
    if isinstance(t, _t.OptionType):
        if isinstance(t.content, (_t.OptionType, _t.UnionType)):
            raise _fail(TypeError, f"cannot make an array of type {t}: an option type directly "
                                   f"around an option or union type is not a valid layout")
        return IndexedOptionArray(_i64(xp.zeros(0), backend), empty_of_type(t.content, backend),
                                  parameters=params)
    if isinstance(t, _t.RecordType):
        contents = [empty_of_type(c, backend) for c in t.contents]
        return RecordArray(contents, None if t.is_tuple else t.fields, 0, parameters=params,
                           backend=backend)
    if isinstance(t, _t.UnionType):
        contents = [empty_of_type(c, backend) for c in t.contents]
        return UnionArray(Index8._wrap(xp.zeros(0, np.int8), backend), _i64(xp.zeros(0), backend),
                          contents, parameters=params)
    raise _fail(TypeError, f"cannot make an array of type {t}")


def all_none(content_type: _t.Type, length: int, backend: Any) -> Any:
    """``length`` missing values of type ``?content_type``."""
    index = _i64(backend.xp.full(length, -1), backend)
    return IndexedOptionArray(index, empty_of_type(content_type, backend))


# ------------------------------------------------------------------------ has_type


def has_type(layout: Any, t: _t.Type) -> bool:
    """Whether ``layout`` is of type ``t`` (type parameters compared, other ones ignored)."""
    if not type_parameters_equal(layout.parameters, t.parameters):
        return False
    if layout.is_unknown:
        return isinstance(t, _t.UnknownType)
    if layout.is_option:
        return isinstance(t, _t.OptionType) and has_type(layout.content, t.content)
    if layout.is_indexed:
        return has_type(layout.content, t)
    if layout.is_regular:
        return isinstance(t, _t.RegularType) and layout.size == t.size and has_type(layout.content, t.content)
    if layout.is_list:
        return isinstance(t, _t.ListType) and has_type(layout.content, t.content)
    if layout.is_numpy:
        for _ in range(layout.data.ndim - 1):
            if not isinstance(t, _t.RegularType):
                return False
            t = t.content
        return isinstance(t, _t.NumpyType) and layout.data.dtype == _t.primitive_to_dtype(t.primitive)
    if layout.is_record:
        if not isinstance(t, _t.RecordType) or t.is_tuple != layout.is_tuple:
            return False
        if layout.is_tuple:
            return len(t.contents) == len(layout.contents) and all(
                has_type(c, ct) for c, ct in zip(layout.contents, t.contents))
        return set(layout.fields) == set(t.fields) and all(
            has_type(layout.content(f), t.content(f)) for f in t.fields)
    if layout.is_union:
        if not isinstance(t, _t.UnionType) or len(t.contents) != len(layout.contents):
            return False
        return any(all(has_type(c, ct) for c, ct in zip(layout.contents, perm))
                   for perm in permutations(t.contents))
    return False


def _matching_selection(layouts: list, targets: list) -> tuple | None:
    """The first ordered selection ``p`` of positions in the longer list such that the
    items pair up by type (layout i with target p[i], or layout p[j] with target j)."""
    if len(targets) >= len(layouts):
        for perm in permutations(range(len(targets)), len(layouts)):
            if all(has_type(c, targets[j]) for c, j in zip(layouts, perm)):
                return perm
        return None
    for perm in permutations(range(len(layouts)), len(targets)):
        if all(has_type(layouts[i], ct) for i, ct in zip(perm, targets)):
            return perm
    return None


# ------------------------------------------------------------------------ check


def check(layout: Any, t: _t.Type) -> Check:
    """Whether ``layout`` can become type ``t`` (from the types alone) and needs packing."""
    if layout.is_unknown:
        return _YES
    if isinstance(t, _t.UnknownType):
        return _NO
    if layout.is_option:
        if isinstance(t, _t.OptionType):
            return _YES if isinstance(t.content, _t.UnknownType) else check(layout.content, t.content)
        return Check(check(layout.content, t).ok, True)
    if layout.is_indexed:
        return check(layout.content, t)
    if isinstance(t, _t.OptionType):
        return _YES if isinstance(t.content, _t.UnknownType) else check(layout, t.content)
    if layout.is_union:
        return _check_union(layout, t)
    if isinstance(t, _t.UnionType):
        for ct in t.contents:
            if has_type(layout, ct):
                return check(layout, ct)
        return _NO
    if layout.is_regular:
        if isinstance(t, _t.RegularType):
            return check(layout.content, t.content) if layout.size == t.size else _NO
        return check(layout.content, t.content) if isinstance(t, _t.ListType) else _NO
    if layout.is_list:
        return check(layout.content, t.content) if isinstance(t, (_t.ListType, _t.RegularType)) else _NO
    if layout.is_numpy:
        for _ in range(layout.data.ndim - 1):
            if not isinstance(t, _t.RegularType):
                return _NO
            t = t.content
        if not isinstance(t, _t.NumpyType):
            return _NO
        return Check(True, _t.primitive_to_dtype(t.primitive) != layout.data.dtype)
    if layout.is_record:
        return _check_record(layout, t)
    return _NO


def _combine(checks: list) -> Check:
    return Check(all(c.ok for c in checks), any(c.pack for c in checks))


def _check_record(layout: Any, t: _t.Type) -> Check:
    if not isinstance(t, _t.RecordType) or t.is_tuple != layout.is_tuple:
        return _NO
    if t.is_tuple:
        shared = [check(c, ct) for c, ct in zip(layout.contents, t.contents)]
        added = t.contents[len(layout.contents):]
    else:
        have = set(layout.fields)
        shared = [check(layout.content(f), t.content(f)) for f in t.fields if f in have]
        added = [t.content(f) for f in t.fields if f not in have]
    if not all(isinstance(a, _t.OptionType) for a in added):
        return _NO
    return _combine(shared)


def _check_union(layout: Any, t: _t.Type) -> Check:
    contents = layout.contents
    if isinstance(t, _t.UnionType):
        n_type, n_layout = len(t.contents), len(contents)
        if n_type != n_layout:
            found = _matching_selection(contents, t.contents) is not None
            return Check(found, found and n_type < n_layout)
        matches = [has_type(c, ct) for c, ct in zip(contents, t.contents)]
        if all(matches):
            return _YES
        if sum(matches) == n_type - 1:
            k = matches.index(False)
            return check(contents[k], t.contents[k])
        return _NO
    each = [check(c, t) for c in contents]
    if all(c.ok for c in each):
        return _combine(each)
    return Check(any(has_type(c, t) for c in contents), False)


# ------------------------------------------------------------------------ convert


def convert(layout: Any, t: _t.Type) -> Any:
    """``layout`` converted to type ``t``; raises TypeError/ValueError where it cannot be."""
    if layout.is_unknown:
        return empty_of_type(t, layout.backend)
    if isinstance(t, _t.UnknownType):
        raise _fail(TypeError, "cannot convert an array with data to a bare unknown type; "
                               "to introduce an unknown type, wrap it in an option (?unknown)")
    if layout.is_option:
        return _from_option(layout, t)
    if layout.is_indexed:
        if check(layout.content, t).pack:
            return convert(layout.project(), t)
        return indexed_over(layout.index.data.astype(np.int64), convert(layout.content, t), False,
                            layout.parameters or None)
    if isinstance(t, _t.OptionType):
        if isinstance(t.content, _t.UnknownType):
            return all_none(t.content, layout.length, layout.backend)
        return _option_over(convert(layout, t.content), t)
    if layout.is_union:
        if isinstance(t, _t.UnionType):
            return _union_to_union(layout, t)
        return _union_to_one(layout, t)
    if isinstance(t, _t.UnionType):
        return _to_union(layout, t)
    if layout.is_numpy and layout.data.ndim > 1:
        return convert(layout.to_RegularArray(), t)
    if layout.is_regular:
        return _from_regular(layout, t)
    if layout.is_list:
        return _from_list(layout, t)
    if layout.is_numpy:
        if not isinstance(t, _t.NumpyType):
            raise _fail(TypeError, f"numbers can only be converted to numbers, options of numbers "
                                   f"or unions of them, not {t}")
        data = layout.data.astype(_t.primitive_to_dtype(t.primitive))
        return NumpyArray(data, parameters=_params(t), backend=layout.backend)
    if layout.is_record:
        return _from_record(layout, t)
    raise _fail(TypeError, f"cannot convert {type(layout).__name__} to {t}")


def _option_over(content: Any, t: _t.Type) -> Any:
    """``content`` as an option type with ``t``'s parameters (every entry present)."""
    if content.is_option or content.is_indexed:
        inner = content if content.is_indexed else content.to_IndexedOptionArray64()
        return IndexedOptionArray(inner.index, inner.content, parameters=_params(t))
    return UnmaskedArray(content, parameters=_params(t))


def _from_option(layout: Any, t: _t.Type) -> Any:
    xp = layout.backend.xp
    if isinstance(t, _t.OptionType):
        if isinstance(t.content, _t.UnknownType):
            return all_none(t.content, layout.length, layout.backend)
        if check(layout.content, t.content).pack:
            valid = layout.mask_as_bool(True)
            index = xp.where(valid, xp.cumsum(valid) - 1, -1)
            content = convert(layout.project(), t.content)
            return indexed_over(index, content, True, layout.parameters or None)
        content = convert(layout.content, t.content)
        if content.is_option or content.is_indexed or content.is_union:
            option = layout.to_IndexedOptionArray64()
            return indexed_over(option.index.data.astype(np.int64), content, True, _params(t) or None)
        return layout.copy(content=content, parameters=_params(t))
    needs = check(layout.content, t)
    missing = layout.mask_as_bool(False)
    if bool(xp.any(missing)):
        where = int(xp.argmax(missing))
        raise _fail(ValueError, f"an option type can only be removed if there are no missing "
                                f"values, but entry {where} is None")
    if not layout.is_indexed:
        return convert(layout.content._getitem_range(0, layout.length), t)
    if needs.pack:
        return convert(layout.project(), t)
    index = layout.index.data.astype(np.int64)
    return indexed_over(index, convert(layout.content, t), False, layout.parameters or None)


def _from_regular(layout: Any, t: _t.Type) -> Any:
    if isinstance(t, _t.RegularType):
        if layout.size != t.size:
            raise _fail(ValueError, f"regular dimension of size {layout.size} cannot become "
                                    f"size {t.size}")
        return layout.copy(content=convert(layout.content, t.content), parameters=_params(t))
    if isinstance(t, _t.ListType):
        lists = layout.to_ListOffsetArray64(True)
        return lists.copy(content=convert(lists.content, t.content), parameters=_params(t))
    raise _fail(TypeError, f"lists can only be converted to lists, options of lists or unions "
                           f"of them, not {t}")


def _from_list(layout: Any, t: _t.Type) -> Any:
    if isinstance(t, _t.RegularType):
        try:
            regular = layout.to_RegularArray()
        except ValueError as err:
            raise _fail(ValueError, f"cannot convert to type {t}: {err}") from None
        content = convert(regular.content, t.content)
        if regular.length == 0:
            return RegularArray(content, t.size, 0, parameters=regular.parameters)
        if regular.size != t.size:
            raise _fail(ValueError, f"lists of length {regular.size} cannot become regular "
                                    f"lists of size {t.size}")
        return RegularArray(content, t.size, regular.length, parameters=_params(t))
    if isinstance(t, _t.ListType):
        if check(layout.content, t.content).pack:
            packed = layout.to_ListOffsetArray64(True)
            total = int(packed.offsets.data[-1])
            packed = packed.copy(content=packed.content._getitem_range(0, total))
            return packed.copy(content=convert(packed.content, t.content), parameters=_params(t))
        return layout.copy(content=convert(layout.content, t.content), parameters=_params(t))
    raise _fail(TypeError, f"lists can only be converted to lists, options of lists or unions "
                           f"of them, not {t}")


def _from_record(layout: Any, t: _t.Type) -> Any:
    if not isinstance(t, _t.RecordType):
        raise _fail(TypeError, f"records can only be converted to records, options of records "
                               f"or unions of them, not {t}")
    if t.is_tuple != layout.is_tuple:
        raise _fail(ValueError, "records cannot be converted between records and tuples")
    n, backend = layout.length, layout.backend
    if t.is_tuple:
        pairs = list(zip(layout.contents, t.contents))
        added = list(t.contents[len(layout.contents):])
        fields = None
        what = "slots to a tuple"
    else:
        have = set(layout.fields)
        pairs = [(layout.content(f), t.content(f)) for f in t.fields if f in have]
        added = [t.content(f) for f in t.fields if f not in have]
        fields = [f for f in t.fields if f in have] + [f for f in t.fields if f not in have]
        what = "fields to a record"
    if not all(isinstance(a, _t.OptionType) for a in added):
        raise _fail(TypeError, f"can only add new {what} if they are option types")
    contents = [convert(c._getitem_range(0, n), ct) for c, ct in pairs]
    contents += [all_none(cast(_t.OptionType, a).content, n, backend) for a in added]
    return RecordArray(contents, fields, n, parameters=_params(t), backend=backend)


# ------------------------------------------------------------------------ unions


def _union(tags: Any, index: Any, contents: list, t: _t.Type, backend: Any) -> Any:
    options = [c.is_option for c in contents]
    if any(options) and not all(options):
        raise _fail(TypeError, f"cannot make {t}: a union's contents must be all option types "
                               f"or none of them")
    return UnionArray(Index8._wrap(backend.xp.asarray(tags, dtype=np.int8), backend),
                      _i64(index, backend), contents, parameters=_params(t))


def _union_to_union(layout: Any, t: _t.UnionType) -> Any:
    xp, backend = layout.backend.xp, layout.backend
    contents = layout.contents
    tags = layout.tags.data
    index = layout.index.data[: len(tags)]
    n_type, n_layout = len(t.contents), len(contents)
    if n_type > n_layout:
        perm = _matching_selection(contents, t.contents)
        if perm is None:
            raise _fail(TypeError, f"a union can only gain contents if its contents match some of "
                                   f"{t}'s contents")
        kept = [convert(c, t.contents[j]) for c, j in zip(contents, perm)]
        extra = [empty_of_type(ct, backend) for j, ct in enumerate(t.contents) if j not in perm]
        return _union(tags, index, kept + extra, t, backend)
    if n_type < n_layout:
        perm = _matching_selection(contents, t.contents)
        if perm is None:
            raise _fail(TypeError, f"a union can only lose contents if the remaining contents "
                                   f"match {t}'s contents")
        mapping = xp.full(n_layout, -1, np.int64)
        mapping[list(perm)] = xp.arange(n_type)
        new_tags = mapping[tags.astype(np.int64)] if len(tags) else xp.zeros(0, np.int64)
        if bool(xp.any(new_tags < 0)):
            where = int(xp.argmax(new_tags < 0))
            raise _fail(ValueError, f"cannot convert to {t}: entry {where} is of a type that the "
                                    f"target union does not have")
        kept = [convert(contents[i], ct) for i, ct in zip(perm, t.contents)]
        return _union(new_tags, index, kept, t, backend)
    matches = [has_type(c, ct) for c, ct in zip(contents, t.contents)]
    if all(matches):
        return _union(tags, index, [convert(c, ct) for c, ct in zip(contents, t.contents)], t, backend)
    if sum(matches) != n_type - 1:
        raise _fail(TypeError, "a union can only be converted to a union with as many contents "
                               "if at most one content changes type")
    k = matches.index(False)
    out = [convert(c, ct) if m else None for c, ct, m in zip(contents, t.contents, matches)]
    if check(contents[k], t.contents[k]).pack:
        is_k = tags == k
        projected = contents[k]._carry(_i64(index[is_k], backend))
        index = xp.array(index, dtype=np.int64)
        index[is_k] = xp.arange(len(projected), dtype=np.int64)
        out[k] = convert(projected, t.contents[k])
    else:
        out[k] = convert(contents[k], t.contents[k])
    return _union(tags, index, out, t, backend)


def _union_to_one(layout: Any, t: _t.Type) -> Any:
    xp, backend = layout.backend.xp, layout.backend
    contents = layout.contents
    tags = layout.tags.data
    index = layout.index.data[: len(tags)].astype(np.int64)
    if all(check(c, t).ok for c in contents):
        parts = []
        new_index = xp.empty(len(tags), np.int64)
        start = 0
        for k, c in enumerate(contents):
            is_k = tags == k
            part = c._carry(_i64(index[is_k], backend))
            new_index[is_k] = xp.arange(start, start + part.length, dtype=np.int64)
            start += part.length
            parts.append(convert(part, t))
        return indexed_over(new_index, merge_many(parts), False)
    found = next((i for i, c in enumerate(contents) if has_type(c, t)), None)
    if found is None:
        raise _fail(TypeError, f"this union can only be converted to {t} if one of its contents "
                               f"has that type, but none has")
    k = found
    is_k = tags == k
    if not bool(xp.all(is_k)):
        where = int(xp.argmin(is_k))
        raise _fail(ValueError, f"this union can only be converted to {t} if all of its entries "
                                f"are of that type, but entry {where} is not")
    return indexed_over(index, convert(contents[k], t), False)


def _to_union(layout: Any, t: _t.UnionType) -> Any:
    xp, backend = layout.backend.xp, layout.backend
    for k, ct in enumerate(t.contents):
        if has_type(layout, ct):
            others = [empty_of_type(o, backend) for j, o in enumerate(t.contents) if j != k]
            n = layout.length
            return _union(xp.zeros(n, np.int8), xp.arange(n, dtype=np.int64),
                          [convert(layout, ct), *others], t, backend)
    raise _fail(TypeError, f"{type(layout).__name__} can only be converted to a union type if it "
                           f"has the type of one of the union's contents ({t})")


__all__ = ["all_none", "check", "convert", "empty_of_type", "has_type"]
