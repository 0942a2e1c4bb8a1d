"""Per-list sort/argsort of lists of every short length (the sorting-network path) and of longer
lists, differential against Awkward: duplicates, NaN, -0.0, infinities, None, every dtype."""

from __future__ import annotations

import awkward
import jaggy
import numpy as np
import pytest
from _sortcomb_helpers import assert_matches
from hypothesis import given, settings
from hypothesis import strategies as st
from jaggy.testing.strategies import array_pairs, numeric_lists

DTYPES = ["int64", "int32", "int16", "int8", "uint8", "uint16", "uint32", "uint64", "float64",
          "float32"]


def _lists(dtype: str, seed: int, max_len: int = 40, reps: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """(flat values, counts): ``reps`` lists of every length 0..max_len, few distinct values
    (many ties) in half of them, special floats in the float lists."""
    rng = np.random.default_rng(seed)
    counts = np.tile(np.arange(max_len + 1), reps)
    total = int(counts.sum())
    kind = np.dtype(dtype)
    if kind.kind == "f":
        pool = np.array([0.0, -0.0, np.nan, 1.5, -2.0, np.inf, -np.inf, 3.0, 1.5, 1e30, -1e-30])
        values = np.where(rng.random(total) < 0.5, rng.choice(pool, total),
                          rng.normal(size=total) * 100).astype(dtype)
    else:
        info = np.iinfo(kind)
        wide = rng.integers(info.min, info.max, total, dtype=kind, endpoint=True)
        values = np.where(rng.random(total) < 0.5, rng.integers(0, 4, total).astype(dtype), wide)
    return values.astype(dtype), counts


def _pair(values: np.ndarray, counts: np.ndarray, with_none: bool):
    if with_none:
        mask = np.arange(len(values)) % 7 == 3
        theirs = awkward.unflatten(awkward.mask(values, ~mask), counts)
        ours = jaggy.unflatten(jaggy.mask(values, ~mask), counts)
    else:
        theirs, ours = awkward.unflatten(values, counts), jaggy.unflatten(values, counts)
    return theirs, ours


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("ascending", [True, False])
@pytest.mark.parametrize("with_none", [False, True])
def test_every_short_length_matches_awkward(dtype, ascending, with_none):
    theirs, ours = _pair(*_lists(dtype, seed=len(dtype)), with_none)
    assert_matches(jaggy.sort(ours, axis=1, ascending=ascending),
                   awkward.sort(theirs, axis=1, ascending=ascending))
    expected = awkward.argsort(theirs, axis=1, ascending=ascending, stable=True)
    for stable in (True, False):
        got = jaggy.argsort(ours, axis=1, ascending=ascending, stable=stable)
        assert got.to_list() == expected.to_list()
        assert str(got.type) == str(expected.type)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("ascending", [True, False])
@pytest.mark.parametrize("with_none", [False, True])
def test_longer_lists_match_awkward(dtype, ascending, with_none):
    """Every length 33..300 (network runs of 16 merged without branches), ties and specials."""
    values, counts = _lists(dtype, seed=7, max_len=300, reps=1)
    skip = int(counts[:33].sum())
    theirs, ours = _pair(values[skip:], counts[33:], with_none)
    assert_matches(jaggy.sort(ours, axis=1, ascending=ascending),
                   awkward.sort(theirs, axis=1, ascending=ascending))
    assert (jaggy.argsort(ours, axis=1, ascending=ascending).to_list()
            == awkward.argsort(theirs, axis=1, ascending=ascending, stable=True).to_list())


@pytest.mark.parametrize("ascending", [True, False])
def test_long_lists_with_keys_too_spread_to_pack(ascending):
    big = np.iinfo(np.int64)
    row = [int(v) for v in np.random.default_rng(3).choice([big.max, big.min, 0, -1, 1, 7], 100)]
    theirs, ours = awkward.Array([row, row[:50]]), jaggy.Array([row, row[:50]])
    assert (jaggy.argsort(ours, ascending=ascending).to_list()
            == awkward.argsort(theirs, ascending=ascending, stable=True).to_list())
    assert_matches(jaggy.sort(ours, ascending=ascending), awkward.sort(theirs, ascending=ascending))


def test_keys_too_spread_to_pack():
    # keys spanning almost the whole int64/float64 range take the comparison path
    data = [[np.iinfo(np.int64).max, 0, np.iinfo(np.int64).min, 0, -1, np.iinfo(np.int64).min],
            [1e308, -1e308, 5e-324, 0.0, -0.0, 1e308, -5e-324]]
    for row in data:
        for ascending in (True, False):
            theirs, ours = awkward.Array([row]), jaggy.Array([row])
            assert (jaggy.argsort(ours, ascending=ascending).to_list()
                    == awkward.argsort(theirs, ascending=ascending, stable=True).to_list())
            assert_matches(jaggy.sort(ours, ascending=ascending), awkward.sort(theirs, ascending=ascending))


def test_sort_keeps_signed_zeros_and_values():
    row = [0.0, -0.0, 1.0, -0.0, 0.0, -1.0, np.nan, -0.0]
    got = np.asarray(jaggy.flatten(jaggy.sort(jaggy.Array([row]))))
    # a permutation of the input: as many -0.0 as before, NaN first
    assert np.isnan(got[0])
    assert int(np.signbit(got[1:]).sum()) == int(np.signbit(np.array(row)).sum())
    assert got[1:].tolist() == sorted(x for x in row if x == x)


@settings(max_examples=40, deadline=None)
@given(array_pairs(numeric_lists(max_depth=2)), st.booleans())
def test_sort_and_argsort_random_layouts(pair, ascending):
    theirs, ours = pair
    assert_matches(jaggy.sort(ours, ascending=ascending), awkward.sort(theirs, ascending=ascending))
    assert (jaggy.argsort(ours, ascending=ascending).to_list()
            == awkward.argsort(theirs, ascending=ascending, stable=True).to_list())
