"""jaggy.str set lookups: is_in, index_in, to_categorical.

Strings are compared as fixed-width byte keys (each string followed by a 0xFF terminator and
zero padding, so that distinct strings get distinct keys), sorted and searched with NumPy;
nothing loops over strings in Python.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.str._units import gather
from jaggy.str._util import apply, kind_of, make_strings, numbers, packed


def _keys(offsets: Any, chars: Any, width: int, xp: Any) -> Any:
    """Fixed-width byte keys (dtype S<width>) of the strings; each must be shorter than ``width``."""
    n = len(offsets) - 1
    lengths = offsets[1:] - offsets[:-1]
    padded = xp.zeros((n, width), dtype=xp.uint8)
    total = int(lengths.sum())
    rows = xp.repeat(xp.arange(n), lengths)
    cols = xp.arange(total) - xp.repeat(offsets[:-1], lengths)
    padded[rows, cols] = chars[:total]
    padded[xp.arange(n), lengths] = 0xFF
    return padded.view(f"S{width}").reshape(n)


def _split_option(node: Any) -> tuple[Any, Any, Any]:
    """(string node, index into it or None, missing mask or None) of strings under an optional option."""
    xp = node.backend.xp
    if node.is_option or node.is_indexed:
        ioa = node.to_IndexedOptionArray64() if node.is_option else node
        index = xp.asarray(ioa.index.data, dtype=xp.int64)
        return ioa.content, index, index < 0
    return node, None, None


def _value_set(value_set: Any, name: str) -> tuple[Any, Any, bool, str | None, Any]:
    """(offsets, chars, has_none, kind, original positions or None) of the strings of the value set."""
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(value_set, allow_record=False)
    strings, index, missing = _split_option(layout)
    kind = kind_of(strings)
    if kind is None or layout.purelist_depth != 1:
        msg = f"jaggy.str.{name}: value_set must be a one-dimensional array of (possibly missing) strings"
        raise TypeError(msg)
    offsets, chars = packed(strings)
    xp = layout.backend.xp
    if index is not None:
        valid = index[~missing]
        offsets_v = offsets
        starts, lengths = offsets_v[:-1][valid], (offsets_v[1:] - offsets_v[:-1])[valid]
        new_offsets, chars = gather(chars, starts, lengths, xp.ones_like(lengths), xp)
        return new_offsets, chars, bool(missing.any()), kind, xp.nonzero(~missing)[0]
    return offsets, chars, False, kind, None


def _lookup(node: Any, kind: str, value_set: Any, name: str) -> tuple[Any, Any, Any, bool]:
    """For the strings of ``node`` (an option of strings or strings): (position in the value set or
    -1 for every string of the content, index or None, missing or None, value set holds None)."""
    xp = node.backend.xp
    strings, index, missing = _split_option(node)
    v_offsets, v_chars, has_none, _, v_positions = _value_set(value_set, name)
    offsets, chars = packed(strings)
    found = xp.full(strings.length, -1, dtype=xp.int64)
    nv = len(v_offsets) - 1
    if nv and strings.length:
        v_len = v_offsets[1:] - v_offsets[:-1]
        width = int(v_len.max()) + 1
        keys_v = _keys(v_offsets, v_chars, width, xp)
        uniq, first = xp.unique(keys_v, return_index=True)
        lengths = offsets[1:] - offsets[:-1]
        short = xp.nonzero(lengths < width)[0]
        sub_offsets, sub_chars = gather(chars, offsets[:-1][short], lengths[short], xp.ones_like(short), xp)
        keys = _keys(sub_offsets, sub_chars, width, xp)
        pos = xp.searchsorted(uniq, keys)
        pos_c = xp.minimum(pos, len(uniq) - 1)
        hit = uniq[pos_c] == keys
        found[short[hit]] = first[pos_c[hit]] if v_positions is None else v_positions[first[pos_c[hit]]]
    return found, index, missing, has_none


def _none_position(value_set: Any, name: str) -> int:
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(value_set, allow_record=False)
    _, _, missing = _split_option(layout)
    if missing is None or not bool(missing.any()):
        return -1
    return int(layout.backend.xp.nonzero(missing)[0][0])


def _is_in(value_set: Any, skip_nones: bool) -> Any:
    def fn(node: Any, kind: str) -> Any:
        xp = node.backend.xp
        found, index, missing, has_none = _lookup(node, kind, value_set, "is_in")
        out = found >= 0
        if index is not None:
            out = xp.where(missing, has_none and not skip_nones, out[xp.where(missing, 0, index)] if len(out) else False)
        return numbers(xp.asarray(out, dtype=bool), node.backend)

    return fn


def is_in(array: Any, value_set: Any, *, skip_nones: bool = False, highlevel: bool = True,
          behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """True for every string that is one of ``value_set``.

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        value_set: the strings to look for (a list or array; it may hold None).
        skip_nones: if False, a None string is "in" a value set that holds None.
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        A boolean for every string (None strings give False, or True as described above).

    Example:
        >>> jaggy.str.is_in(jaggy.Array(["a", "b", None]), ["a"]).to_list()
        [True, False, False]

    Raises:
        TypeError: ``value_set`` does not hold strings.
    """
    return apply(array, _is_in(value_set, skip_nones), highlevel, behavior, attrs, with_option=True)


def _index_in(value_set: Any, skip_nones: bool) -> Any:
    def fn(node: Any, kind: str) -> Any:
        from jaggy.index import Index64
        from jaggy.layout import IndexedOptionArray

        backend = node.backend
        xp = backend.xp
        found, index, missing, has_none = _lookup(node, kind, value_set, "index_in")
        if index is not None:
            none_at = _none_position(value_set, "index_in") if (has_none and not skip_nones) else -1
            found = xp.where(missing, none_at, found[xp.where(missing, 0, index)] if len(found) else -1)
        valid = found >= 0
        content = numbers(xp.where(valid, found, 0).astype(xp.int32), backend)
        option_index = xp.where(valid, xp.arange(len(found), dtype=xp.int64), -1)
        return IndexedOptionArray(Index64._wrap(option_index, backend), content)

    return fn


def index_in(array: Any, value_set: Any, *, skip_nones: bool = False, highlevel: bool = True,
             behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Position in ``value_set`` of every string (its first occurrence), None where absent.

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        value_set: the strings to look for (a list or array; it may hold None).
        skip_nones: if False, a None string finds the position of None in the value set.
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        An optional int32 for every string.

    Example:
        >>> jaggy.str.index_in(jaggy.Array(["a", "b", "c"]), ["c", "a"]).to_list()
        [1, None, 0]

    Raises:
        TypeError: ``value_set`` does not hold strings.
    """
    return apply(array, _index_in(value_set, skip_nones), highlevel, behavior, attrs, with_option=True)


def _categorical(node: Any, kind: str) -> Any:
    from jaggy.index import Index64
    from jaggy.layout import IndexedArray, IndexedOptionArray

    backend = node.backend
    xp = backend.xp
    strings, index, missing = _split_option(node)
    offsets, chars = packed(strings)
    lengths = offsets[1:] - offsets[:-1]
    if index is not None:
        used = index[~missing]
        starts, lengths = offsets[:-1][used], lengths[used]
        offsets, chars = gather(chars, starts, lengths, xp.ones_like(lengths), xp)
    n = len(offsets) - 1
    width = int(lengths.max()) + 1 if n else 1
    keys = _keys(offsets, chars, width, xp)
    _, first, inverse = xp.unique(keys, return_index=True, return_inverse=True)
    order = xp.argsort(first, kind="stable")  # categories in order of first appearance
    rank = xp.empty_like(order)
    rank[order] = xp.arange(len(order))
    codes = rank[inverse.reshape(-1)].astype(xp.int64)
    cat_first = first[order]
    cat_offsets, cat_chars = gather(chars, offsets[:-1][cat_first], (offsets[1:] - offsets[:-1])[cat_first],
                                    xp.ones_like(cat_first), xp)
    content = make_strings(cat_offsets, cat_chars, kind, backend)
    params = {"__array__": "categorical"}
    if index is not None and node.is_option:
        full = xp.full(len(index), -1, dtype=xp.int64)
        full[~missing] = codes
        return IndexedOptionArray(Index64._wrap(full, backend), content, parameters=params)
    return IndexedArray(Index64._wrap(codes, backend), content, parameters=params)


def to_categorical(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
                   attrs: Mapping | None = None) -> Any:
    """Dictionary-encode the strings: an indexed node over the distinct strings, marked categorical.

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The same strings (``to_list`` unchanged), typed ``categorical[type=string]``; the distinct
        strings are kept in order of first appearance.

    Example:
        >>> jaggy.str.to_categorical(jaggy.Array(["b", "a", "b"])).layout.index.data.tolist()
        [0, 1, 0]
    """
    return apply(array, _categorical, highlevel, behavior, attrs, with_option=True)


__all__ = ["index_in", "is_in", "to_categorical"]
