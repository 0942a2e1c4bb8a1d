"""Gathering new strings out of the units (code points or bytes) of old ones, vectorized."""

from __future__ import annotations

from typing import Any

from jaggy.str._util import offsets_of, segments


def gather(values: Any, first: Any, counts: Any, step: Any, xp: Any) -> tuple[Any, Any]:
    """New strings whose units are values[first[i] + k * step[i]] for k < counts[i].

    Returns the new unit offsets and units.
    """
    counts = xp.maximum(xp.asarray(counts, dtype=xp.int64), 0)
    owner, position = segments(counts, xp)
    index = xp.asarray(first, dtype=xp.int64)[owner] + position * xp.asarray(step, dtype=xp.int64)[owner] \
        if len(owner) else xp.zeros(0, xp.int64)
    return offsets_of(counts, xp), values[index]


def assemble(pieces: list[tuple[Any, Any, Any]], xp: Any) -> tuple[Any, Any]:
    """Strings made by concatenating, string by string, pieces described as (values, first, count).

    Every piece contributes ``values[first[i]:first[i] + count[i]]`` to string i, in order.
    Returns the new unit offsets and units.
    """
    n = len(pieces[0][1])
    counts = [xp.maximum(xp.asarray(c, dtype=xp.int64), 0) for _, _, c in pieces]
    total = sum(counts) if counts else xp.zeros(n, xp.int64)
    offsets = offsets_of(total, xp)
    dtype = xp.result_type(*[v.dtype for v, _, _ in pieces])
    out = xp.empty(int(offsets[-1]), dtype=dtype)
    before = offsets[:-1].copy()
    for (values, first, _), count in zip(pieces, counts):  # loop over pieces (a few), not strings
        owner, position = segments(count, xp)
        if len(owner):
            out[before[owner] + position] = values[xp.asarray(first, dtype=xp.int64)[owner] + position]
        before = before + count
    return offsets, out


def clamp_index(i: Any, length: Any, xp: Any) -> Any:
    """Python's slice-bound normalization of ``i`` (negative from the end) into [0, length]."""
    i = xp.asarray(i, dtype=xp.int64)
    return xp.clip(xp.where(i < 0, length + i, i), 0, length)


__all__ = ["assemble", "clamp_index", "gather"]
