"""jaggy.str substring search: starts_with, ends_with, find/count/match_substring and the regex forms.

Literal patterns are searched byte-wise by the ``substring_find`` / ``substring_count`` kernels (and a
vectorized gather for prefixes and suffixes). ``ignore_case`` lowercases both the strings and the
pattern first (see ``jaggy.str.case``). Regular expressions go through pyarrow (imported lazily,
see ``jaggy.str._arrow``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.str._arrow import regex_function
from jaggy.str._util import apply, encode_text, make_strings, numbers, packed

_COMMON = '''
    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        pattern: the {what} to look for (str or bytes).
        ignore_case: compare without regard to case.
        highlevel, behavior, attrs: as for every jaggy function.
'''


def _folded(node: Any, kind: str, pattern: Any, ignore_case: bool) -> tuple[Any, Any, Any]:
    """(offsets, chars, pattern bytes), lowercased when ignoring case."""
    if ignore_case:
        from jaggy.str.case import _ascii_case

        pattern = _lowered_pattern(pattern, kind, node.backend)
        node = _ascii_case(0)(node, kind)
    offsets, chars = packed(node)
    return offsets, chars, pattern


def _lowered_pattern(pattern: Any, kind: str, backend: Any) -> Any:
    from jaggy.str.case import _ascii_case

    node = make_strings(backend.xp.asarray([0, len(pattern)], dtype=backend.xp.int64), pattern, kind, backend)
    _, chars = packed(_ascii_case(0)(node, kind))
    return chars


def _affix(pattern: Any, name: str, ignore_case: bool, at_end: bool) -> Any:
    def fn(node: Any, kind: str) -> Any:
        xp = node.backend.xp
        pat = xp.asarray(encode_text(pattern, kind, name))
        offsets, chars, pat = _folded(node, kind, pat, ignore_case)
        m = len(pat)
        lengths = offsets[1:] - offsets[:-1]
        out = lengths >= m
        which = xp.nonzero(out)[0]
        if m and len(which):
            base = (offsets[1:][which] - m) if at_end else offsets[:-1][which]
            out[which] = (chars[base[:, None] + xp.arange(m)] == pat).all(axis=1)
        return numbers(out, node.backend)

    return fn


def _find(pattern: Any, name: str, ignore_case: bool, as_bool: bool) -> Any:
    def fn(node: Any, kind: str) -> Any:
        backend = node.backend
        xp = backend.xp
        pat = xp.asarray(encode_text(pattern, kind, name))
        offsets, chars, pat = _folded(node, kind, pat, ignore_case)
        n = len(offsets) - 1
        out = xp.empty(n, dtype=xp.int64)
        backend.kernels.substring_find(offsets, chars, pat, out, n, len(chars), len(pat), False)
        return numbers(out >= 0 if as_bool else out, backend)

    return fn


def _count(pattern: Any, name: str, ignore_case: bool) -> Any:
    def fn(node: Any, kind: str) -> Any:
        backend = node.backend
        xp = backend.xp
        pat = xp.asarray(encode_text(pattern, kind, name))
        offsets, chars, pat = _folded(node, kind, pat, ignore_case)
        n = len(offsets) - 1
        if len(pat) == 0:
            return numbers(offsets[1:] - offsets[:-1] + 1, backend)
        out = xp.empty(n, dtype=xp.int64)
        backend.kernels.substring_count(offsets, chars, pat, out, n, len(chars), len(pat))
        return numbers(out, backend)

    return fn


def _run(array: Any, fn: Any, highlevel: bool, behavior: Any, attrs: Any) -> Any:
    return apply(array, fn, highlevel, behavior, attrs)


def starts_with(array: Any, pattern: Any, *, ignore_case: bool = False, highlevel: bool = True,
                behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """True for every string that begins with ``pattern``.
{common}
    Returns:
        A boolean for every string, None where the string is None.

    Example:
        >>> jaggy.str.starts_with(jaggy.Array(["abc", "bc"]), "ab").to_list()
        [True, False]

    Raises:
        TypeError: ``pattern`` is not a str or bytes.
    """
    return _run(array, _affix(pattern, "starts_with", ignore_case, False), highlevel, behavior, attrs)


def ends_with(array: Any, pattern: Any, *, ignore_case: bool = False, highlevel: bool = True,
              behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """True for every string that ends with ``pattern``.
{common}
    Returns:
        A boolean for every string, None where the string is None.

    Example:
        >>> jaggy.str.ends_with(jaggy.Array(["abc", "bcd"]), "bc").to_list()
        [True, False]

    Raises:
        TypeError: ``pattern`` is not a str or bytes.
    """
    return _run(array, _affix(pattern, "ends_with", ignore_case, True), highlevel, behavior, attrs)


def find_substring(array: Any, pattern: Any, *, ignore_case: bool = False, highlevel: bool = True,
                   behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Byte position of the first occurrence of ``pattern`` in every string, -1 where absent.
{common}
    Returns:
        An int64 for every string, None where the string is None.

    Example:
        >>> jaggy.str.find_substring(jaggy.Array(["abcb", "x"]), "b").to_list()
        [1, -1]

    Raises:
        TypeError: ``pattern`` is not a str or bytes.
    """
    return _run(array, _find(pattern, "find_substring", ignore_case, False), highlevel, behavior, attrs)


def match_substring(array: Any, pattern: Any, *, ignore_case: bool = False, highlevel: bool = True,
                    behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """True for every string that contains ``pattern``.
{common}
    Returns:
        A boolean for every string, None where the string is None.

    Example:
        >>> jaggy.str.match_substring(jaggy.Array(["abc", "x"]), "b").to_list()
        [True, False]

    Raises:
        TypeError: ``pattern`` is not a str or bytes.
    """
    return _run(array, _find(pattern, "match_substring", ignore_case, True), highlevel, behavior, attrs)


def count_substring(array: Any, pattern: Any, *, ignore_case: bool = False, highlevel: bool = True,
                    behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Number of non-overlapping occurrences of ``pattern`` in every string.
{common}
    Returns:
        An int64 for every string, None where the string is None (an empty pattern counts the
        number of bytes plus one).

    Example:
        >>> jaggy.str.count_substring(jaggy.Array(["aaa", "x"]), "aa").to_list()
        [1, 0]

    Raises:
        TypeError: ``pattern`` is not a str or bytes.
    """
    return _run(array, _count(pattern, "count_substring", ignore_case), highlevel, behavior, attrs)


def _regex(name: str, pc_name: str, doc: str) -> Any:
    def function(array: Any, pattern: Any, *, ignore_case: bool = False, highlevel: bool = True,
                 behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
        encode_text(pattern, "string", name)
        return apply(array, regex_function(name, pc_name, pattern=pattern, ignore_case=ignore_case),
                     highlevel, behavior, attrs)

    function.__name__ = function.__qualname__ = name
    function.__doc__ = doc
    function.__module__ = __name__
    return function


_REGEX_DOC = '''{summary}

    Uses pyarrow (RE2 syntax), imported when called.

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        pattern: {what}.
        ignore_case: match without regard to case.
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        {result} for every string, None where the string is None.

    Example:
        >>> jaggy.str.{name}(jaggy.Array(["abc", "x"]), {example}).to_list()
        {output}

    Raises:
        ImportError: pyarrow is not installed. TypeError: ``pattern`` is not a str or bytes.
    '''

match_substring_regex = _regex("match_substring_regex", "match_substring_regex", _REGEX_DOC.format(
    summary="True for every string that contains a match of the regular expression ``pattern``.",
    what="a regular expression", result="A boolean", name="match_substring_regex", example='"b+"',
    output="[True, False]"))
find_substring_regex = _regex("find_substring_regex", "find_substring_regex", _REGEX_DOC.format(
    summary="Byte position of the first match of the regular expression ``pattern``, -1 where none.",
    what="a regular expression", result="An int64", name="find_substring_regex", example='"c"',
    output="[2, -1]"))
count_substring_regex = _regex("count_substring_regex", "count_substring_regex", _REGEX_DOC.format(
    summary="Number of non-overlapping matches of the regular expression ``pattern`` in every string.",
    what="a regular expression", result="An int64", name="count_substring_regex", example='"[ab]"',
    output="[2, 0]"))
match_like = _regex("match_like", "match_like", _REGEX_DOC.format(
    summary="True for every string that matches the SQL LIKE ``pattern`` (``%`` any run, ``_`` one character).",
    what="a SQL LIKE pattern", result="A boolean", name="match_like", example='"a%"', output="[True, False]"))

def extract_regex(array: Any, pattern: Any, *, highlevel: bool = True, behavior: Mapping | None = None,
                  attrs: Mapping | None = None) -> Any:
    """The named groups of the first match of the regular expression ``pattern`` (pyarrow, RE2).

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        pattern: a regular expression with named groups ``(?P<name>...)``.
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        A record of the groups for every string, None where the string does not match or is None.

    Example:
        >>> jaggy.str.extract_regex(jaggy.Array(["a1", "b"]), "(?P<d>[0-9])").to_list()
        [{'d': '1'}, None]

    Raises:
        ImportError: pyarrow is not installed. TypeError: ``pattern`` is not a str or bytes.
    """
    encode_text(pattern, "string", "extract_regex")
    return apply(array, regex_function("extract_regex", "extract_regex", pattern=pattern), highlevel, behavior,
                 attrs)


for _f in (starts_with, ends_with, find_substring, match_substring, count_substring):
    if _f.__doc__:  # None under python -OO
        _f.__doc__ = _f.__doc__.replace("{common}", _COMMON.format(what="substring"))


__all__ = ["count_substring", "count_substring_regex", "ends_with", "extract_regex", "find_substring", "find_substring_regex",
           "match_like", "match_substring", "match_substring_regex", "starts_with"]
