"""jaggy.str case mapping: lower, upper, swapcase, capitalize, title.

ASCII text is mapped byte by byte by the ``ascii_case`` kernel. Text with non-ASCII characters is
decoded to code points (kernel ``utf8_decode``), mapped with the simple (one to one) Unicode case
mappings looked up once per distinct non-ASCII character (see ``jaggy.str._unicode``) and encoded
again (kernel ``utf8_encode``). Bytestrings are mapped as ASCII (other bytes kept), as Awkward does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.str import _unicode
from jaggy.str._util import apply, from_units, make_strings, packed, segments, units


def _ascii_mapped(cps: Any, nonascii_fn: Any, ascii_fn: Any, xp: Any) -> Any:
    out = ascii_fn(cps)
    nonascii = cps >= 0x80
    if bool(nonascii.any()):
        out[nonascii] = nonascii_fn(cps[nonascii])
    return out


def _upper(cps: Any, xp: Any) -> Any:
    return _ascii_mapped(cps, _unicode.upper, lambda c: xp.where((c >= 97) & (c <= 122), c - 32, c), xp)


def _lower(cps: Any, xp: Any) -> Any:
    return _ascii_mapped(cps, _unicode.lower, lambda c: xp.where((c >= 65) & (c <= 90), c + 32, c), xp)


def _props(cps: Any, xp: Any) -> Any:
    out = xp.zeros(len(cps), dtype=xp.int32)
    upper = (cps >= 65) & (cps <= 90)
    lower = (cps >= 97) & (cps <= 122)
    out[upper] = _unicode.UPPER | _unicode.CASED
    out[lower] = _unicode.LOWER | _unicode.CASED
    nonascii = cps >= 0x80
    if bool(nonascii.any()):
        out[nonascii] = _unicode.properties(cps[nonascii])
    return out


def _ascii_case(mode: int) -> Any:
    def fn(node: Any, kind: str) -> Any:
        backend = node.backend
        xp = backend.xp
        offsets, chars = packed(node)
        if kind == "bytestring" or not bool((chars >= 0x80).any()):
            out = xp.empty(len(chars), dtype=xp.uint8)
            backend.kernels.ascii_case(chars, out, len(chars), mode)
            return make_strings(offsets, out, kind, backend)
        _, _, unit_offsets, cps = units(node, kind, as_text=True)
        if mode == 0:
            new = _lower(cps, xp)
        elif mode == 1:
            new = _upper(cps, xp)
        else:
            props = _props(cps, xp)
            new = xp.where(props & _unicode.UPPER, _lower(cps, xp),
                           xp.where(props & _unicode.LOWER, _upper(cps, xp), cps))
        return from_units(unit_offsets, new, kind, backend, as_text=True)

    return fn


def _word_case(title: bool) -> Any:
    def fn(node: Any, kind: str) -> Any:
        backend = node.backend
        xp = backend.xp
        _, _, unit_offsets, cps = units(node, kind)
        lengths = unit_offsets[1:] - unit_offsets[:-1]
        _, position = segments(lengths, xp)
        ascii_only = kind == "bytestring"  # bytestrings are mapped as ASCII, like Awkward
        if ascii_only:
            ascii_cps = xp.where(cps < 0x80, cps, 0)
            upper = xp.where(cps < 0x80, _upper(ascii_cps, xp), cps)
            lower = xp.where(cps < 0x80, _lower(ascii_cps, xp), cps)
        else:
            upper, lower = _upper(cps, xp), _lower(cps, xp)
        if title:
            props = _unicode.ascii_properties(cps) if ascii_only else _props(cps, xp)
            cased = (props & _unicode.CASED) != 0
            prev = xp.zeros(len(cps), dtype=bool)
            prev[1:] = cased[:-1]
            starts_word = ~prev | (position == 0)
        else:
            starts_word = position == 0
        new = xp.where(starts_word, upper, lower)
        return from_units(unit_offsets, new, kind, backend)

    return fn


def lower(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
          attrs: Mapping | None = None) -> Any:
    """Lowercase every string of ``array`` (bytestrings: ASCII letters only).

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The array with every character replaced by its (simple) lowercase mapping.

    Example:
        >>> jaggy.str.lower(jaggy.Array(["AbC", None])).to_list()
        ['abc', None]

    Raises:
        ValueError: a string is not valid UTF-8.
    """
    return apply(array, _ascii_case(0), highlevel, behavior, attrs)


def upper(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
          attrs: Mapping | None = None) -> Any:
    """Uppercase every string of ``array`` (bytestrings: ASCII letters only).

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The array with every character replaced by its (simple) uppercase mapping.

    Example:
        >>> jaggy.str.upper(jaggy.Array([["aé", "b"], []])).to_list()
        [['AÉ', 'B'], []]

    Raises:
        ValueError: a string is not valid UTF-8.
    """
    return apply(array, _ascii_case(1), highlevel, behavior, attrs)


def swapcase(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
             attrs: Mapping | None = None) -> Any:
    """Swap uppercase and lowercase characters of every string of ``array``.

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The array with uppercase characters lowercased and lowercase ones uppercased.

    Example:
        >>> jaggy.str.swapcase(jaggy.Array(["aBc"])).to_list()
        ['AbC']

    Raises:
        ValueError: a string is not valid UTF-8.
    """
    return apply(array, _ascii_case(2), highlevel, behavior, attrs)


def capitalize(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
               attrs: Mapping | None = None) -> Any:
    """Uppercase the first character of every string of ``array`` and lowercase the others.

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The capitalized strings.

    Example:
        >>> jaggy.str.capitalize(jaggy.Array(["hELLO world"])).to_list()
        ['Hello world']

    Raises:
        ValueError: a string is not valid UTF-8.
    """
    return apply(array, _word_case(False), highlevel, behavior, attrs)


def title(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
          attrs: Mapping | None = None) -> Any:
    """Uppercase the first character of every word (after a non-cased character), lowercase the rest.

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The title-cased strings.

    Example:
        >>> jaggy.str.title(jaggy.Array(["hello wORLD", "ab3c"])).to_list()
        ['Hello World', 'Ab3C']

    Raises:
        ValueError: a string is not valid UTF-8.
    """
    return apply(array, _word_case(True), highlevel, behavior, attrs)


__all__ = ["capitalize", "lower", "swapcase", "title", "upper"]
