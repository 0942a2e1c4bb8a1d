"""jaggy.str splitting and substring replacement: split_whitespace, split_pattern(_regex),
replace_substring(_regex).

Literal patterns are located by the ``substring_count`` and ``substring_positions`` kernels; the
pieces between separators (and the replaced strings) are then gathered with vectorized index
arithmetic. Whitespace runs are found on code points (Unicode whitespace; ASCII for bytestrings).
Regular-expression forms go through pyarrow, imported when called (see ``jaggy.str._arrow``).
"""

from __future__ import annotations

import numbers as _numbers
from collections.abc import Mapping
from typing import Any

import numpy as np

from jaggy.str import _unicode
from jaggy.str._arrow import regex_function
from jaggy.str._units import gather
from jaggy.str._util import (
    apply,
    encode_text,
    from_units,
    lists_of,
    make_strings,
    offsets_of,
    packed,
    segments,
    units,
)

_ASCII_SPACE = np.array([9, 10, 11, 12, 13, 32], dtype=np.int32)


def _max_count(value: Any, name: str, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, _numbers.Integral):
        msg = f"jaggy.str.{name}: {what} must be an integer or None, not {type(value).__name__}"
        raise TypeError(msg)
    return max(int(value), 0)


def _select(owner_counts: Any, limit: int | None, from_end: bool, xp: Any) -> tuple[Any, Any]:
    """Which separators to use: a boolean mask over all of them and the number kept per string."""
    owner, position = segments(owner_counts, xp)
    if limit is None:
        return xp.ones(len(owner), dtype=bool), owner_counts
    kept = xp.minimum(owner_counts, limit)
    if from_end:
        mask = position >= (owner_counts - kept)[owner]
    else:
        mask = position < kept[owner]
    return mask, kept


def _pieces(starts: Any, stops: Any, sep_start: Any, sep_stop: Any, nsep: Any, xp: Any) -> tuple[Any, Any, Any]:
    """Piece bounds between separators: (piece offsets per string, piece starts, piece stops)."""
    npieces = nsep + 1
    piece_offsets = offsets_of(npieces, xp)
    owner, t = segments(npieces, xp)
    sep_offsets = offsets_of(nsep, xp)
    before = sep_offsets[:-1][owner] + t - 1
    after = sep_offsets[:-1][owner] + t
    last = max(len(sep_start) - 1, 0)
    p_start = xp.where(t == 0, starts[owner], sep_stop[xp.clip(before, 0, last)] if len(sep_stop) else 0)
    p_stop = xp.where(t == nsep[owner], stops[owner], sep_start[xp.clip(after, 0, last)] if len(sep_start) else 0)
    return piece_offsets, p_start, p_stop


def _split_pattern(pattern: Any, max_splits: int | None, reverse: bool) -> Any:
    def fn(node: Any, kind: str) -> Any:
        backend = node.backend
        xp = backend.xp
        pat = xp.asarray(encode_text(pattern, kind, "split_pattern"))
        if len(pat) == 0:
            msg = "jaggy.str.split_pattern: the pattern must not be empty"
            raise ValueError(msg)
        offsets, chars = packed(node)
        n = len(offsets) - 1
        counts = xp.empty(n, dtype=xp.int64)
        backend.kernels.substring_count(offsets, chars, pat, counts, n, len(chars), len(pat))
        want = counts if (reverse or max_splits is None) else xp.minimum(counts, max_splits)
        pos_offsets = offsets_of(want, xp)
        positions = xp.empty(int(pos_offsets[-1]), dtype=xp.int64)
        backend.kernels.substring_positions(offsets, chars, pat, pos_offsets, positions, n, len(chars), len(pat),
                                            len(positions))
        mask, nsep = _select(want, max_splits, reverse, xp)
        sep = positions[mask]
        piece_offsets, p_start, p_stop = _pieces(offsets[:-1], offsets[1:], sep, sep + len(pat), nsep, xp)
        new_offsets, new_chars = gather(chars, p_start, p_stop - p_start, xp.ones_like(p_start), xp)
        return lists_of(piece_offsets, make_strings(new_offsets, new_chars, kind, backend), backend)

    return fn


def _split_whitespace(max_splits: int | None, reverse: bool) -> Any:
    def fn(node: Any, kind: str) -> Any:
        backend = node.backend
        xp = backend.xp
        _, _, uo, values = units(node, kind)
        if kind == "bytestring":
            space = xp.isin(values, _ASCII_SPACE)
        else:
            space = (_unicode.properties(values) & _unicode.SPACE) != 0
        lengths = uo[1:] - uo[:-1]
        owner, position = segments(lengths, xp)
        prev = xp.zeros(len(space), dtype=bool)
        prev[1:] = space[:-1]
        prev &= position > 0
        nxt = xp.zeros(len(space), dtype=bool)
        nxt[:-1] = space[1:]
        nxt &= position < (lengths[owner] - 1)
        run_start = xp.nonzero(space & ~prev)[0]
        run_stop = xp.nonzero(space & ~nxt)[0] + 1
        run_counts = xp.bincount(owner[run_start], minlength=len(lengths)).astype(xp.int64) if len(lengths) \
            else xp.zeros(0, xp.int64)
        mask, nsep = _select(run_counts, max_splits, reverse, xp)
        piece_offsets, p_start, p_stop = _pieces(uo[:-1], uo[1:], run_start[mask], run_stop[mask], nsep, xp)
        new_offsets, new_values = gather(values, p_start, p_stop - p_start, xp.ones_like(p_start), xp)
        return lists_of(piece_offsets, from_units(new_offsets, new_values, kind, backend), backend)

    return fn


_SPLIT_ARGS = '''        max_splits: at most this many splits per string (None: all).
        reverse: with ``max_splits``, split from the end of the string.
        highlevel, behavior, attrs: as for every jaggy function.'''


def split_whitespace(array: Any, *, max_splits: Any = None, reverse: bool = False, highlevel: bool = True,
                     behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Split every string at runs of whitespace (Unicode whitespace; ASCII for bytestrings).

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
{args}

    Returns:
        A list of strings for every string (a leading or trailing run gives an empty string).

    Example:
        >>> jaggy.str.split_whitespace(jaggy.Array(["a  b c"])).to_list()
        [['a', 'b', 'c']]

    Raises:
        TypeError: ``max_splits`` is not an integer or None.
    """
    limit = _max_count(max_splits, "split_whitespace", "max_splits")
    return apply(array, _split_whitespace(limit, reverse), highlevel, behavior, attrs)


def split_pattern(array: Any, pattern: Any, *, max_splits: Any = None, reverse: bool = False,
                  highlevel: bool = True, behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Split every string at every (non-overlapping) occurrence of ``pattern``.

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        pattern: the separator (a non-empty str or bytes).
{args}

    Returns:
        A list of strings for every string.

    Example:
        >>> jaggy.str.split_pattern(jaggy.Array(["a,b,,c"]), ",").to_list()
        [['a', 'b', '', 'c']]

    Raises:
        ValueError: the pattern is empty. TypeError: ``pattern`` is not a str or bytes.
    """
    limit = _max_count(max_splits, "split_pattern", "max_splits")
    encode_text(pattern, "string", "split_pattern")
    return apply(array, _split_pattern(pattern, limit, reverse), highlevel, behavior, attrs)


def split_pattern_regex(array: Any, pattern: Any, *, max_splits: Any = None, reverse: bool = False,
                        highlevel: bool = True, behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Split every string at the matches of the regular expression ``pattern`` (pyarrow, RE2 syntax).

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        pattern: a regular expression.
{args}

    Returns:
        A list of strings for every string.

    Example:
        >>> jaggy.str.split_pattern_regex(jaggy.Array(["a1b22c"]), "[0-9]+").to_list()
        [['a', 'b', 'c']]

    Raises:
        ImportError: pyarrow is not installed. TypeError: ``pattern`` is not a str or bytes.
        ValueError: ``reverse=True`` (not supported for regular expressions).
    """
    limit = _max_count(max_splits, "split_pattern_regex", "max_splits")
    if reverse:
        msg = "jaggy.str.split_pattern_regex: cannot split in reverse with a regular expression"
        raise ValueError(msg)
    encode_text(pattern, "string", "split_pattern_regex")
    return apply(array, regex_function("split_pattern_regex", "split_pattern_regex", pattern=pattern,
                                       max_splits=limit, reverse=reverse), highlevel, behavior, attrs)


for _f in (split_whitespace, split_pattern, split_pattern_regex):
    if _f.__doc__:  # None under python -OO
        _f.__doc__ = _f.__doc__.replace("{args}", _SPLIT_ARGS)


def _replace(pattern: Any, replacement: Any, max_replacements: int | None) -> Any:
    def fn(node: Any, kind: str) -> Any:
        backend = node.backend
        xp = backend.xp
        pat = xp.asarray(encode_text(pattern, kind, "replace_substring"))
        rep = xp.asarray(encode_text(replacement, kind, "replace_substring", "replacement"))
        if len(pat) == 0:
            msg = "jaggy.str.replace_substring: the pattern must not be empty"
            raise ValueError(msg)
        offsets, chars = packed(node)
        n, m, r = len(offsets) - 1, len(pat), len(rep)
        counts = xp.empty(n, dtype=xp.int64)
        backend.kernels.substring_count(offsets, chars, pat, counts, n, len(chars), m)
        if max_replacements is not None:
            counts = xp.minimum(counts, max_replacements)
        pos_offsets = offsets_of(counts, xp)
        positions = xp.empty(int(pos_offsets[-1]), dtype=xp.int64)
        backend.kernels.substring_positions(offsets, chars, pat, pos_offsets, positions, n, len(chars), m,
                                            len(positions))
        delta = xp.zeros(len(chars) + 1, dtype=xp.int64)
        xp.add.at(delta, positions, 1)
        xp.add.at(delta, positions + m, -1)
        kept = xp.nonzero(xp.cumsum(delta[:-1]) == 0)[0]
        shift = r - m
        new_offsets = offsets + pos_offsets * shift
        out = xp.empty(int(new_offsets[-1]), dtype=xp.uint8)
        before = xp.searchsorted(positions, kept)
        out[kept + before * shift] = chars[kept]
        if r and len(positions):
            where = positions + xp.arange(len(positions), dtype=xp.int64) * shift
            out[(where[:, None] + xp.arange(r)).reshape(-1)] = xp.tile(rep, len(positions))
        return make_strings(new_offsets, out, kind, backend)

    return fn


def replace_substring(array: Any, pattern: Any, replacement: Any, *, max_replacements: Any = None,
                      highlevel: bool = True, behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Replace the non-overlapping occurrences of ``pattern`` in every string with ``replacement``.

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        pattern: the substring to replace (a non-empty str or bytes).
        replacement: what to put in its place.
        max_replacements: at most this many replacements per string, from the left (None: all).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The edited strings, None where the string is None.

    Example:
        >>> jaggy.str.replace_substring(jaggy.Array(["aXbX"]), "X", "--").to_list()
        ['a--b--']

    Raises:
        ValueError: the pattern is empty. TypeError: a pattern or replacement that is not text.
    """
    limit = _max_count(max_replacements, "replace_substring", "max_replacements")
    encode_text(pattern, "string", "replace_substring")
    encode_text(replacement, "string", "replace_substring", "replacement")
    return apply(array, _replace(pattern, replacement, limit), highlevel, behavior, attrs)


def replace_substring_regex(array: Any, pattern: Any, replacement: Any, *, max_replacements: Any = None,
                            highlevel: bool = True, behavior: Mapping | None = None,
                            attrs: Mapping | None = None) -> Any:
    """Replace the matches of the regular expression ``pattern`` (pyarrow, RE2 syntax) in every string.

    Args:
        array: an array containing strings anywhere in its structure (other data is kept as is).
        pattern: a regular expression.
        replacement: the replacement (``\\1`` refers to a group).
        max_replacements: at most this many replacements per string (None: all).
        highlevel, behavior, attrs: as for every jaggy function.

    Returns:
        The edited strings, None where the string is None.

    Example:
        >>> jaggy.str.replace_substring_regex(jaggy.Array(["a1b22"]), "[0-9]+", "#").to_list()
        ['a#b#']

    Raises:
        ImportError: pyarrow is not installed. TypeError: a pattern or replacement that is not text.
    """
    limit = _max_count(max_replacements, "replace_substring_regex", "max_replacements")
    encode_text(pattern, "string", "replace_substring_regex")
    encode_text(replacement, "string", "replace_substring_regex", "replacement")
    return apply(array, regex_function("replace_substring_regex", "replace_substring_regex", pattern=pattern,
                                       replacement=replacement, max_replacements=limit), highlevel, behavior, attrs)


__all__ = ["replace_substring", "replace_substring_regex", "split_pattern", "split_pattern_regex",
           "split_whitespace"]
