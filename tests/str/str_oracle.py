"""Shared pieces of the jaggy.str tests: string strategies and the Awkward comparison."""

from __future__ import annotations

import warnings
from typing import Any

import awkward as ak
import jaggy
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, nested_data

# ASCII letters/digits/whitespace/punctuation plus non-ASCII letters of 2, 3 and 4 UTF-8 bytes, a
# title-case letter, Arabic-Indic digits and a character whose uppercase is not one character
ALPHABET = "abcABZ 09\t-_.éÄßǅ١€😀Ωω"
TEXT = st.text(alphabet=ALPHABET, max_size=6)
BYTES = TEXT.map(lambda s: s.encode("utf-8"))
ASCII_BYTES = st.binary(max_size=6).map(lambda b: bytes(c & 0x7F for c in b))

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))


def _regular_bytes(pair: tuple) -> bool:
    # Arrow turns regular bytestrings into fixed_size_binary, for which Awkward's results differ
    # (types like bytes[3], or missing kernels); jaggy treats them as ordinary bytestrings
    return "bytes[" in str(pair[0].type)


def string_pairs(leaf: Any = TEXT, allow_records: bool = True) -> Any:
    """(awkward.Array, jaggy.Array) pairs of strings nested in lists, options and records."""
    return array_pairs(nested_data(leaf, allow_records=allow_records, max_leaves=12)).filter(
        lambda p: not _regular_bytes(p))


def compare(name: str, arrays: tuple, *args: Any, **kwargs: Any) -> None:
    """Call ak.str.<name> and jaggy.str.<name>; same to_list and str(type), or both raise.

    ``arrays`` holds (awkward, jaggy) pairs for the array arguments (or plain values for both).
    """
    ak_args = [a[0] if isinstance(a, tuple) else a for a in arrays]
    jg_args = [a[1] if isinstance(a, tuple) else a for a in arrays]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            expected = getattr(ak.str, name)(*ak_args, *args, **kwargs)
        except Exception as err:
            expected = err
    if isinstance(expected, Exception):
        try:
            got = getattr(jaggy.str, name)(*jg_args, *args, **kwargs)
        except (ValueError, TypeError, NotImplementedError):
            return
        msg = f"Awkward raised {expected!r} but jaggy.str.{name} returned {got.to_list()}"
        raise AssertionError(msg)
    got = getattr(jaggy.str, name)(*jg_args, *args, **kwargs)
    assert str(got.type) == str(expected.type), (name, str(got.type), str(expected.type))
    assert got.to_list() == expected.to_list(), (name, got.to_list(), expected.to_list())


def pair(data: list) -> tuple:
    """An (awkward.Array, jaggy.Array) pair of the same Python data."""
    return ak.Array(data), jaggy.Array(data)


__all__ = ["ALPHABET", "ASCII_BYTES", "BYTES", "SETTINGS", "TEXT", "compare", "pair", "string_pairs"]
