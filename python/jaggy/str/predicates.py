"""jaggy.str character-class predicates (is_alpha, is_digit, ...) and length.

Every string is decoded to code points (kernel ``utf8_decode``; bytestrings are classified byte by
byte as ASCII like Awkward, except is_digit/is_numeric which read them as UTF-8 as Awkward does), the property bits of each code point are looked up per distinct character (see
``jaggy.str._unicode``) and counted per string with ``bincount``. ``length`` counts code points with
the ``utf8_length`` kernel (bytes for bytestrings).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.str import _unicode
from jaggy.str._util import apply, numbers, packed, segments, units

_DOC = '''True where every character of a string {what} (False for other strings).

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        A boolean for every string, None where the string is None.

    Example:
        >>> jaggy.str.{name}(jaggy.Array({example})).to_list()
        {result}

    Raises:
        ValueError: a string is not valid UTF-8.
    '''


def _counts(node: Any, kind: str, text_bytes: bool = False) -> tuple[Any, Any, Any, Any]:
    """(per-code-point properties, owner string, number of strings, code points per string).

    Bytestrings are classified byte by byte as ASCII, like Awkward (with ``text_bytes``, as UTF-8
    text: Awkward's is_digit and is_numeric do that).
    """
    xp = node.backend.xp
    ascii_only = kind == "bytestring" and not text_bytes
    _, _, unit_offsets, cps = units(node, kind, as_text=not ascii_only)
    lengths = unit_offsets[1:] - unit_offsets[:-1]
    owner, _ = segments(lengths, xp)
    props = _unicode.ascii_properties(cps) if ascii_only else _unicode.properties(cps)
    props = xp.asarray(props, dtype=xp.int32)
    return props, owner, len(lengths), lengths


def _per_string(mask: Any, owner: Any, n: int, xp: Any) -> Any:
    return xp.bincount(owner, weights=mask.astype(xp.float64), minlength=n).astype(xp.int64) if n else \
        xp.zeros(0, xp.int64)


def _all_of(bit: int, nonempty: bool) -> Any:
    text_bytes = bit in (_unicode.DIGIT, _unicode.NUMERIC)

    def fn(node: Any, kind: str) -> Any:
        xp = node.backend.xp
        props, owner, n, lengths = _counts(node, kind, text_bytes)
        bad = _per_string((props & bit) == 0, owner, n, xp)
        out = bad == 0
        if nonempty:
            out &= lengths > 0
        return numbers(out, node.backend)

    return fn


def _cased(want: int, avoid: int) -> Any:
    def fn(node: Any, kind: str) -> Any:
        xp = node.backend.xp
        props, owner, n, _ = _counts(node, kind)
        has = _per_string((props & want) != 0, owner, n, xp)
        bad = _per_string((props & avoid) != 0, owner, n, xp)
        return numbers((has > 0) & (bad == 0), node.backend)

    return fn


def _title(node: Any, kind: str) -> Any:
    xp = node.backend.xp
    props, owner, n, lengths = _counts(node, kind)
    cased = (props & _unicode.CASED) != 0
    _, position = segments(lengths, xp)
    prev = xp.zeros(len(props), dtype=bool)
    prev[1:] = cased[:-1]
    prev &= position > 0
    bad = (((props & (_unicode.UPPER | _unicode.TITLE)) != 0) & prev) | (((props & _unicode.LOWER) != 0) & ~prev)
    return numbers((_per_string(cased, owner, n, xp) > 0) & (_per_string(bad, owner, n, xp) == 0), node.backend)


def _ascii(node: Any, kind: str) -> Any:
    xp = node.backend.xp
    offsets, chars = packed(node)
    lengths = offsets[1:] - offsets[:-1]
    owner, _ = segments(lengths, xp)
    return numbers(_per_string(chars >= 0x80, owner, len(lengths), xp) == 0, node.backend)


def _make(name: str, fn: Any, what: str, example: str, result: str) -> Any:
    def predicate(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
                  attrs: Mapping | None = None) -> Any:
        return apply(array, fn, highlevel, behavior, attrs)

    predicate.__name__ = predicate.__qualname__ = name
    predicate.__doc__ = _DOC.format(what=what, name=name, example=example, result=result)
    predicate.__module__ = __name__
    return predicate


is_alnum = _make("is_alnum", _all_of(_unicode.ALNUM, True), "is alphanumeric and the string is not empty",
                 '["a1", "a-"]', "[True, False]")
is_alpha = _make("is_alpha", _all_of(_unicode.ALPHA, True), "is alphabetic and the string is not empty",
                 '["ab", "a1"]', "[True, False]")
is_decimal = _make("is_decimal", _all_of(_unicode.DECIMAL, True), "is a decimal digit (non-empty string)",
                   '["12", "1.5"]', "[True, False]")
is_digit = _make("is_digit", _all_of(_unicode.DIGIT, True), "is a digit and the string is not empty",
                 '["12", "x"]', "[True, False]")
is_numeric = _make("is_numeric", _all_of(_unicode.NUMERIC, True), "is numeric and the string is not empty",
                   '["12", "x"]', "[True, False]")
is_printable = _make("is_printable", _all_of(_unicode.PRINTABLE, False), "is printable (empty strings too)",
                     '["a b", "a\\t"]', "[True, False]")
is_space = _make("is_space", _all_of(_unicode.SPACE, True), "is whitespace and the string is not empty",
                 '[" ", "a "]', "[True, False]")
is_ascii = _make("is_ascii", _ascii, "is ASCII (empty strings too)", '["ab", "é"]', "[True, False]")
is_lower = _make("is_lower", _cased(_unicode.LOWER, _unicode.UPPER | _unicode.TITLE),
                 "that is cased is lowercase, with at least one cased character", '["a1", "aB"]', "[True, False]")
is_upper = _make("is_upper", _cased(_unicode.UPPER, _unicode.LOWER | _unicode.TITLE),
                 "that is cased is uppercase, with at least one cased character", '["A1", "aB"]', "[True, False]")
is_title = _make("is_title", _title, "starting a word is uppercase and the others lowercase (title case)",
                 '["Ab Cd", "AB"]', "[True, False]")


def _length(node: Any, kind: str) -> Any:
    backend = node.backend
    xp = backend.xp
    offsets, chars = packed(node)
    n = len(offsets) - 1
    if kind == "bytestring":
        return numbers(offsets[1:] - offsets[:-1], backend)
    out = xp.empty(n, dtype=xp.int64)
    backend.kernels.utf8_length(offsets, chars, out, n, len(chars))
    return numbers(out, backend)


def length(array: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
           attrs: Mapping | None = None) -> Any:
    """Number of characters (code points) of every string; number of bytes of every bytestring.

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        An int64 for every string, None where the string is None.

    Example:
        >>> jaggy.str.length(jaggy.Array(["abc", "é", None])).to_list()
        [3, 1, None]
    """
    return apply(array, _length, highlevel, behavior, attrs)


__all__ = ["is_alnum", "is_alpha", "is_ascii", "is_decimal", "is_digit", "is_lower", "is_numeric", "is_printable",
           "is_space", "is_title", "is_upper", "length"]
