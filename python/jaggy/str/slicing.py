"""jaggy.str functions that rearrange characters: slice, reverse, replace_slice, repeat.

Positions count code points in strings and bytes in bytestrings. Strings are decoded to code
points by the ``utf8_decode`` kernel (only when they hold non-ASCII text), the new strings are
gathered with vectorized index arithmetic and encoded again by ``utf8_encode``.
"""

from __future__ import annotations

import numbers as _numbers
from collections.abc import Mapping
from typing import Any

import numpy as np

from jaggy.str._units import assemble, clamp_index, gather
from jaggy.str._util import apply, encode_text, from_units, units


def _int(value: Any, name: str, what: str, allow_none: bool = False) -> int | None:
    if value is None and allow_none:
        return None
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, _numbers.Integral):
        msg = f"jaggy.str.{name}: {what} must be an integer, not {type(value).__name__}"
        raise TypeError(msg)
    return int(value)


def replacement_units(value: Any, kind: str, name: str, what: str = "replacement") -> Any:
    """The units of a str/bytes argument: code points (strings) or bytes (bytestrings), as int32."""
    raw = encode_text(value, kind, name, what)
    if kind == "bytestring":
        return raw.astype(np.int32)
    text = value if isinstance(value, str) else bytes(value).decode("utf-8")
    return np.array([ord(c) for c in text], dtype=np.int32)  # the argument's characters, not the data


def _slice(start: int | None, stop: int | None, step: int) -> Any:
    def fn(node: Any, kind: str) -> Any:
        xp = node.backend.xp
        _, _, uo, values = units(node, kind)
        length = uo[1:] - uo[:-1]
        if step > 0:
            s = xp.zeros_like(length) if start is None else clamp_index(start, length, xp)
            e = length if stop is None else clamp_index(stop, length, xp)
            count = (e - s + step - 1) // step
        else:
            def bound(i: int | None) -> Any:
                if i is None:
                    return None
                j = length + i if i < 0 else xp.full_like(length, i)
                return xp.clip(j, -1, length - 1)
            s = length - 1 if start is None else bound(start)
            e = xp.full_like(length, -1) if stop is None else bound(stop)
            count = (s - e - step - 1) // (-step)
        new_offsets, new_values = gather(values, uo[:-1] + s, count, xp.full_like(length, step), xp)
        return from_units(new_offsets, new_values, kind, node.backend)

    return fn


def slice(array: Any, start: Any, stop: Any = None, step: Any = 1, *, highlevel: bool = True,
          behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Python-style slice ``s[start:stop:step]`` of every string (code points; bytes for bytestrings).

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        start, stop, step: slice bounds (negative counts from the end; ``stop=None`` for the end).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The sliced strings, None where the string is None.

    Example:
        >>> jaggy.str.slice(jaggy.Array(["abcdef", "é!"]), 1, None, 2).to_list()
        ['bdf', '!']

    Raises:
        TypeError: a bound is not an integer. ValueError: ``step`` is zero.
    """
    start = _int(start, "slice", "start")
    stop = _int(stop, "slice", "stop", allow_none=True)
    step = _int(step, "slice", "step")
    if step == 0:
        msg = "jaggy.str.slice: step must not be zero"
        raise ValueError(msg)
    return apply(array, _slice(start, stop, step), highlevel, behavior, attrs)


def _reverse(node: Any, kind: str) -> Any:
    xp = node.backend.xp
    _, _, uo, values = units(node, kind)
    length = uo[1:] - uo[:-1]
    new_offsets, new_values = gather(values, uo[1:] - 1, length, xp.full_like(length, -1), xp)
    return from_units(new_offsets, new_values, kind, node.backend)


def reverse(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
            attrs: Mapping | None = None) -> Any:
    """Reverse every string by code points (bytestrings by bytes).

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The reversed strings, None where the string is None.

    Example:
        >>> jaggy.str.reverse(jaggy.Array(["abé", None])).to_list()
        ['éba', None]
    """
    return apply(array, _reverse, highlevel, behavior, attrs)


def _replace_slice(start: int, stop: int, replacement: Any) -> Any:
    def fn(node: Any, kind: str) -> Any:
        xp = node.backend.xp
        _, _, uo, values = units(node, kind)
        length = uo[1:] - uo[:-1]
        s = clamp_index(start, length, xp)
        e = xp.maximum(clamp_index(stop, length, xp), s)
        repl = xp.asarray(replacement_units(replacement, kind, "replace_slice"))
        zeros = xp.zeros_like(length)
        new_offsets, new_values = assemble([(values, uo[:-1], s), (repl, zeros, zeros + len(repl)),
                                            (values, uo[:-1] + e, length - e)], xp)
        return from_units(new_offsets, new_values, kind, node.backend)

    return fn


def replace_slice(array: Any, start: Any, stop: Any, replacement: Any, *, highlevel: bool = True,
                  behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Replace code points ``start:stop`` of every string with ``replacement`` (bytes for bytestrings).

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        start, stop: the positions replaced (negative counts from the end; a stop before the
            start inserts at the start).
        replacement: the str or bytes put in their place.
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The edited strings, None where the string is None.

    Example:
        >>> jaggy.str.replace_slice(jaggy.Array(["abcdef"]), 1, 3, "Z").to_list()
        ['aZdef']

    Raises:
        TypeError: a bound is not an integer or ``replacement`` not a str or bytes.
    """
    start = _int(start, "replace_slice", "start")
    stop = _int(stop, "replace_slice", "stop")
    encode_text(replacement, "string", "replace_slice", "replacement")
    return apply(array, _replace_slice(start, stop, replacement), highlevel, behavior, attrs)


def repeat_node(node: Any, kind: str, times: Any) -> Any:
    """Every string of a string node repeated ``times`` (one count per string) times."""
    xp = node.backend.xp
    _, _, uo, values = units(node, kind)
    length = uo[1:] - uo[:-1]
    times = xp.asarray(times, dtype=xp.int64)
    if bool((times < 0).any()):
        msg = "jaggy.str.repeat: num_repeats must not be negative"
        raise ValueError(msg)
    from jaggy.str._util import offsets_of, segments

    counts = length * times
    owner, position = segments(counts, xp)
    index = uo[:-1][owner] + position % xp.maximum(length, 1)[owner] if len(owner) else xp.zeros(0, xp.int64)
    return from_units(offsets_of(counts, xp), values[index], kind, node.backend)


def repeat(array: Any, num_repeats: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
           attrs: Mapping | None = None) -> Any:
    """Repeat every string ``num_repeats`` times (a number, or an array broadcast against the strings).

    Args:
        array: an array containing strings anywhere in its structure.
        num_repeats: a non-negative integer or an array of them.
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The repeated strings, None where the string (or the count) is None.

    Example:
        >>> jaggy.str.repeat(jaggy.Array(["ab", "c"]), 2).to_list()
        ['abab', 'cc']

    Raises:
        ValueError: a count is negative. TypeError: a count is not an integer.
    """
    if isinstance(num_repeats, _numbers.Integral) and not isinstance(num_repeats, (bool, np.bool_)):
        k = int(num_repeats)

        def fn(node: Any, kind: str) -> Any:
            return repeat_node(node, kind, node.backend.xp.full(node.length, k, dtype=np.int64))

        return apply(array, fn, highlevel, behavior, attrs)
    from jaggy.str.elementwise import broadcast_strings

    return broadcast_strings("repeat", [array, num_repeats], _repeat_action, highlevel, behavior, attrs)


def _repeat_action(nodes: list, kind: str) -> Any:
    node, times = nodes
    data = times.data if hasattr(times, "data") else times
    if getattr(data, "dtype", np.dtype(np.int64)).kind not in "iu":
        msg = "jaggy.str.repeat: num_repeats must be integers"
        raise TypeError(msg)
    return repeat_node(node, kind, data)


__all__ = ["repeat", "replace_slice", "reverse", "slice"]
