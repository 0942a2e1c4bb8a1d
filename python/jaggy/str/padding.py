"""jaggy.str padding and trimming: lpad, rpad, center, (l|r)trim and (l|r)trim_whitespace.

Widths and trimmed characters count code points in strings and bytes in bytestrings. New string
bounds are found with vectorized searches over the positions of the characters that are kept.
"""

from __future__ import annotations

import numbers as _numbers
from collections.abc import Mapping
from typing import Any

import numpy as np

from jaggy.str import _unicode
from jaggy.str._units import assemble
from jaggy.str._util import apply, from_units, units
from jaggy.str.slicing import replacement_units

_ASCII_SPACE = np.array([9, 10, 11, 12, 13, 32], dtype=np.int32)


def _pad(width: int, padding: Any, name: str, side: str) -> Any:
    def fn(node: Any, kind: str) -> Any:
        xp = node.backend.xp
        pad = replacement_units(padding, kind, name, "padding")
        if len(pad) != 1:
            what = "byte" if kind == "bytestring" else "code point"
            msg = f"jaggy.str.{name}: padding must be one {what}, got {padding!r}"
            raise ValueError(msg)
        _, _, uo, values = units(node, kind)
        length = uo[1:] - uo[:-1]
        extra = xp.maximum(width - length, 0)
        if side == "left":
            left, right = extra, xp.zeros_like(extra)
        elif side == "right":
            left, right = xp.zeros_like(extra), extra
        else:
            left = extra // 2
            right = extra - left
        fill = xp.full(max(width, 1), int(pad[0]), dtype=xp.int32)
        zeros = xp.zeros_like(length)
        new_offsets, new_values = assemble([(fill, zeros, left), (values, uo[:-1], length), (fill, zeros, right)], xp)
        return from_units(new_offsets, new_values, kind, node.backend)

    return fn


def _check_width(width: Any, name: str) -> int:
    if isinstance(width, (bool, np.bool_)) or not isinstance(width, _numbers.Integral):
        msg = f"jaggy.str.{name}: width must be an integer, not {type(width).__name__}"
        raise TypeError(msg)
    return int(width)


_PAD_DOC = '''Pad every string {how} with ``padding`` up to ``width`` characters (bytes for bytestrings).

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        width: the length to pad to (longer strings are kept as they are).
        padding: one character (one byte for bytestrings).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The padded strings, None where the string is None.

    Example:
        >>> jaggy.str.{name}(jaggy.Array(["ab"]), 5, "*").to_list()
        {example}

    Raises:
        ValueError: ``padding`` is not a single character. TypeError: ``width`` is not an integer.
    '''


def lpad(array: Any, width: Any, padding: Any = " ", *, highlevel: bool = True, behavior: Mapping | None = None,
         attrs: Mapping | None = None) -> Any:
    return apply(array, _pad(_check_width(width, "lpad"), padding, "lpad", "left"), highlevel, behavior, attrs)


def rpad(array: Any, width: Any, padding: Any = " ", *, highlevel: bool = True, behavior: Mapping | None = None,
         attrs: Mapping | None = None) -> Any:
    return apply(array, _pad(_check_width(width, "rpad"), padding, "rpad", "right"), highlevel, behavior, attrs)


def center(array: Any, width: Any, padding: Any = " ", *, highlevel: bool = True, behavior: Mapping | None = None,
           attrs: Mapping | None = None) -> Any:
    return apply(array, _pad(_check_width(width, "center"), padding, "center", "both"), highlevel, behavior, attrs)


lpad.__doc__ = _PAD_DOC.format(how="on the left", name="lpad", example="['***ab']")
rpad.__doc__ = _PAD_DOC.format(how="on the right", name="rpad", example="['ab***']")
center.__doc__ = _PAD_DOC.format(how="on both sides (the extra one on the right)", name="center",
                                 example="['*ab**']")


def _trim(characters: Any, name: str, left: bool, right: bool) -> Any:
    def fn(node: Any, kind: str) -> Any:
        xp = node.backend.xp
        _, _, uo, values = units(node, kind)
        if characters is None:
            if kind == "bytestring":
                strip = xp.isin(values, _ASCII_SPACE)
            else:
                strip = (_unicode.properties(values) & _unicode.SPACE) != 0
        else:
            strip = xp.isin(values, xp.asarray(replacement_units(characters, kind, name, "characters")))
        kept = xp.nonzero(~strip)[0]
        starts, stops = uo[:-1], uo[1:]
        i = xp.searchsorted(kept, starts)
        first = xp.where(i < len(kept), kept[xp.minimum(i, max(len(kept) - 1, 0))] if len(kept) else stops, stops)
        first = xp.minimum(first, stops)
        j = xp.searchsorted(kept, stops) - 1
        last = kept[xp.maximum(j, 0)] + 1 if len(kept) else starts
        last = xp.where((j >= 0) & (last > starts), last, starts)
        new_start = first if left else starts
        new_stop = last if right else stops
        new_stop = xp.maximum(new_stop, new_start)
        from jaggy.str._units import gather

        count = new_stop - new_start
        new_offsets, new_values = gather(values, new_start, count, xp.ones_like(count), xp)
        return from_units(new_offsets, new_values, kind, node.backend)

    return fn


_TRIM_DOC = '''Remove {what} from {where} of every string.

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).{chars}
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The trimmed strings, None where the string is None.

    Example:
        >>> jaggy.str.{name}(jaggy.Array({example_in}){example_args}).to_list()
        {example_out}

    Raises:
        TypeError: ``characters`` is not a str or bytes.
    '''
_CHARS = "\n        characters: the set of characters (bytes for bytestrings) to remove, as a str or bytes."


def trim(array: Any, characters: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
         attrs: Mapping | None = None) -> Any:
    return apply(array, _trim(characters, "trim", True, True), highlevel, behavior, attrs)


def ltrim(array: Any, characters: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
          attrs: Mapping | None = None) -> Any:
    return apply(array, _trim(characters, "ltrim", True, False), highlevel, behavior, attrs)


def rtrim(array: Any, characters: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
          attrs: Mapping | None = None) -> Any:
    return apply(array, _trim(characters, "rtrim", False, True), highlevel, behavior, attrs)


def trim_whitespace(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
                    attrs: Mapping | None = None) -> Any:
    return apply(array, _trim(None, "trim_whitespace", True, True), highlevel, behavior, attrs)


def ltrim_whitespace(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
                     attrs: Mapping | None = None) -> Any:
    return apply(array, _trim(None, "ltrim_whitespace", True, False), highlevel, behavior, attrs)


def rtrim_whitespace(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
                     attrs: Mapping | None = None) -> Any:
    return apply(array, _trim(None, "rtrim_whitespace", False, True), highlevel, behavior, attrs)


for _f, _where, _in, _args, _out in (
        (trim, "both ends", '["xaxx"]', ', "x"', "['a']"), (ltrim, "the start", '["xaxx"]', ', "x"', "['axx']"),
        (rtrim, "the end", '["xaxx"]', ', "x"', "['xa']"),
        (trim_whitespace, "both ends", '[" a "]', "", "['a']"),
        (ltrim_whitespace, "the start", '[" a "]', "", "['a ']"),
        (rtrim_whitespace, "the end", '[" a "]', "", "[' a']")):
    _ws = _f.__name__.endswith("whitespace")
    _f.__doc__ = _TRIM_DOC.format(
        what="whitespace (Unicode whitespace; ASCII for bytestrings)" if _ws else "the given ``characters``",
        where=_where, chars="" if _ws else _CHARS, name=_f.__name__, example_in=_in, example_args=_args,
        example_out=_out)

__all__ = ["center", "lpad", "ltrim", "ltrim_whitespace", "rpad", "rtrim", "rtrim_whitespace", "trim",
           "trim_whitespace"]
