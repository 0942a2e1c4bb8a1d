"""jaggy.str functions over several arrays broadcast together: join_element_wise, join (with an
array of separators) and repeat (with an array of counts).

The arrays are aligned by jaggy's broadcasting engine (``jaggy._broadcasting``) down to the
strings; the concatenations are then gathered byte-wise with vectorized index arithmetic.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from jaggy.str._units import assemble
from jaggy.str._util import encode_text, kind_of, make_strings, packed


def _layout(x: Any) -> Any:
    from jaggy.layout import Content
    from jaggy.operations.to_layout import to_layout

    if isinstance(x, (str, bytes, int, float, np.generic)) or isinstance(x, Content):
        return x
    return to_layout(x, allow_record=False)


def broadcast_strings(name: str, arrays: list, action: Callable[[list, str], Any], highlevel: bool,
                      behavior: Mapping | None, attrs: Mapping | None,
                      stop: Callable[[Any], str | None] = kind_of) -> Any:
    """Broadcast ``arrays`` and call ``action(nodes, kind)`` where the first input reaches strings.

    ``stop(node)`` says whether (and with which string kind) the first input is at the level the
    action works on; the other inputs are then aligned one value per string.
    """
    from jaggy._broadcasting import broadcast_and_apply
    from jaggy.layout import Content
    from jaggy.operations._wrap import finish

    inputs = [_layout(x) for x in arrays]

    def act(nodes: list, depth: int, options: Any) -> Any:
        first = nodes[0]
        if isinstance(first, Content):
            kind = stop(first)
            if kind is not None:
                return (action(nodes, kind),)
            if first.is_numpy or first.is_record:
                msg = f"jaggy.str.{name}: the first array must contain strings, found {first.form.type}"
                raise TypeError(msg)
        return None

    out = broadcast_and_apply(inputs, act, function_name=f"jaggy.str.{name}")[0]
    return finish(out, highlevel, *arrays, behavior=behavior, attrs=attrs)


def _string_parts(x: Any, n: int, kind: str, name: str, xp: Any) -> tuple[Any, Any, Any]:
    """(chars, starts, lengths) of a per-string argument: a string node or a scalar str/bytes."""
    from jaggy.layout import Content

    if isinstance(x, Content):
        if kind_of(x) is None:
            msg = f"jaggy.str.{name}: expected strings, found {x.form.type}"
            raise TypeError(msg)
        offsets, chars = packed(x)
        return chars, offsets[:-1], offsets[1:] - offsets[:-1]
    raw = xp.asarray(encode_text(x, kind, name))
    return raw, xp.zeros(n, xp.int64), xp.full(n, len(raw), dtype=xp.int64)


def _join_element_wise(nodes: list, kind: str) -> Any:
    first = nodes[0]
    xp = first.backend.xp
    n = first.length
    *parts, separator = [_string_parts(x, n, kind, "join_element_wise", xp) for x in nodes]
    pieces = []
    for i, part in enumerate(parts):  # loop over the input arrays
        if i:
            pieces.append(separator)
        pieces.append(part)
    offsets, chars = assemble(pieces, xp)
    return make_strings(offsets, chars, kind, first.backend)


def join_element_wise(*arrays: Any, highlevel: bool = True, behavior: Mapping | None = None,
                      attrs: Mapping | None = None) -> Any:
    """Concatenate the strings of several arrays element by element; the last array is the separator.

    Args:
        arrays: two or more arrays of strings, broadcast together; the last gives the separator
            put between the others' strings.
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The joined strings, None where any input is None.

    Example:
        >>> jaggy.str.join_element_wise(jaggy.Array(["a", "b"]), jaggy.Array(["x", "y"]),
        ...                             jaggy.Array(["-", "+"])).to_list()
        ['a-x', 'b+y']

    Raises:
        TypeError: fewer than two arrays, or an array without strings. ValueError: the arrays
        cannot be broadcast.
    """
    if len(arrays) < 2:
        msg = "jaggy.str.join_element_wise: needs at least two arrays (the strings and the separator)"
        raise TypeError(msg)
    return broadcast_strings("join_element_wise", list(arrays), _join_element_wise, highlevel, behavior, attrs)


def _list_of_strings(node: Any) -> str | None:
    """The string kind of a list node whose items are strings (possibly optional), else None."""
    if node.is_list and kind_of(node) is None:
        content = node.content
        if content.is_option or content.is_indexed:
            content = content.content
        return kind_of(content)
    return None


def _join(nodes: list, kind: str) -> Any:
    node, separator = nodes
    backend = node.backend
    xp = backend.xp
    lo = node.to_ListOffsetArray64()
    list_offsets = xp.asarray(lo.offsets.data, dtype=xp.int64)
    base = int(list_offsets[0])
    items = lo.content._getitem_range(base, int(list_offsets[-1]))
    list_offsets = list_offsets - base
    n, m = node.length, items.length
    counts = list_offsets[1:] - list_offsets[:-1]
    owner = xp.repeat(xp.arange(n, dtype=xp.int64), counts)
    if items.is_option or items.is_indexed:
        ioa = items.to_IndexedOptionArray64() if items.is_option else items
        index = xp.asarray(ioa.index.data, dtype=xp.int64)
        missing = index < 0
        offsets, chars = packed(ioa.content)
        safe = xp.where(missing, 0, index)
        starts = offsets[:-1][safe] if len(offsets) > 1 else xp.zeros(m, xp.int64)
        lengths = (offsets[1:] - offsets[:-1])[safe] if len(offsets) > 1 else xp.zeros(m, xp.int64)
        empty_list = xp.zeros(n, dtype=bool)
        if bool(missing.any()):
            empty_list[owner[missing]] = True  # Awkward gives '' for a list holding a None
        lengths = xp.where(empty_list[owner] | missing, 0, lengths)
    else:
        offsets, chars = packed(items)
        starts, lengths = offsets[:-1], offsets[1:] - offsets[:-1]
        empty_list = xp.zeros(n, dtype=bool)
    sep_chars, sep_starts, sep_lengths = _string_parts(separator, n, kind, "join", xp)
    last = xp.zeros(m, dtype=bool)
    last[list_offsets[1:][counts > 0] - 1] = True
    sep_len = xp.where(last | empty_list[owner], 0, sep_lengths[owner])
    item_offsets, out = assemble([(chars, starts, lengths), (sep_chars, sep_starts[owner], sep_len)], xp)
    return make_strings(item_offsets[list_offsets], out, kind, backend)


def join(array: Any, separator: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
         attrs: Mapping | None = None) -> Any:
    """Concatenate the strings of every innermost list of strings, with ``separator`` between them.

    Args:
        array: an array of lists of strings (at any depth; other data is kept as is).
        separator: a str/bytes, or an array of strings broadcast with one per list.
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        One string per list (a list holding a None gives an empty string, as in Awkward).

    Example:
        >>> jaggy.str.join(jaggy.Array([["a", "b"], [], ["c"]]), "-").to_list()
        ['a-b', '', 'c']

    Raises:
        TypeError: the array holds no lists of strings or the separator is not text.
    """
    if isinstance(separator, (str, bytes)):
        from jaggy.str._util import apply

        return apply(array, lambda node, kind: _join([node, separator], kind), highlevel, behavior, attrs,
                     stop=_list_of_strings)
    return broadcast_strings("join", [array, separator], _join, highlevel, behavior, attrs, stop=_list_of_strings)


__all__ = ["broadcast_strings", "join", "join_element_wise"]
