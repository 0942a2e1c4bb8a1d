from __future__ import annotations

import awkward
import jaggy
import pytest
from _sortcomb_helpers import assert_matches
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from jaggy.errors import AxisError
from jaggy.testing.strategies import array_pairs

XS = [[[1, 2, 3], [], [4, 5]], [["a", "b"], ["c"], ["d"]], [[1.5], [2.5, None], []]]


@settings(max_examples=40, deadline=None)
@given(st.data(), st.integers(1, 3), st.sampled_from([None, True]), st.sampled_from([0, 1]))
def test_cartesian_matches_awkward(data, k, nested, axis):
    length = data.draw(st.integers(0, 4))
    pairs = [data.draw(array_pairs(st.lists(st.lists(st.fixed_dictionaries({"x": st.integers(-5, 5), "y": st.one_of(st.none(), st.floats(-9, 9))}), max_size=3),
                                                     min_size=length, max_size=length)))
             for _ in range(k)]
    theirs, ours = [p[0] for p in pairs], [p[1] for p in pairs]
    assume(not any(o.layout.is_unknown for o in ours))  # known gap: empty arrays of unknown type
    for fn in ("cartesian", "argcartesian"):
        assert_matches(getattr(jaggy, fn)(ours, axis=axis, nested=nested),
                       getattr(awkward, fn)(theirs, axis=axis, nested=nested))


@pytest.mark.parametrize("kw", [dict(), dict(nested=True), dict(nested=["x"]), dict(nested=["y"]),
                                dict(nested=["x", "y"]), dict(axis=0), dict(axis=0, nested=True),
                                dict(with_name="T")])
def test_cartesian_dict(kw):
    for fn in ("cartesian", "argcartesian"):
        ours = getattr(jaggy, fn)({n: jaggy.Array(x) for n, x in zip("xyz", XS)}, **kw)
        theirs = getattr(awkward, fn)({n: awkward.Array(x) for n, x in zip("xyz", XS)}, **kw)
        assert_matches(ours, theirs)


def test_cartesian_errors():
    with pytest.raises(AxisError, match=r"jaggy\.cartesian: axis=3"):
        jaggy.cartesian([jaggy.Array(XS[0]), jaggy.Array(XS[0])], axis=3)
    with pytest.raises(ValueError, match=r"jaggy\.cartesian: the arrays have different lengths"):
        jaggy.cartesian([jaggy.Array(XS[0]), jaggy.Array([[1]])])
    with pytest.raises(ValueError, match=r"jaggy\.argcartesian: nested"):
        jaggy.argcartesian({"x": jaggy.Array(XS[0]), "y": jaggy.Array(XS[0])}, nested=["q"])


@pytest.mark.parametrize("nested", [None, True, [0], [1], [0, 1]])
def test_cartesian_regular_levels(nested):
    """A level made of one regular array stays regular exactly where Awkward keeps it."""
    def arrays(module):
        empty = module.Array([[]])
        reg = module.to_regular(module.Array([[{"x": 0, "y": 0.0}]]), axis=1)
        return [[empty, reg], [reg, empty], [reg], [reg, reg], [reg, reg, reg], [empty, reg, reg],
                [reg, empty, reg], [reg, reg, empty]]

    for ours, theirs in zip(arrays(jaggy), arrays(awkward)):
        if nested not in (None, True) and max(nested) > len(ours) - 2:
            continue
        for fn in ("cartesian", "argcartesian"):
            assert_matches(getattr(jaggy, fn)(ours, axis=1, nested=nested),
                           getattr(awkward, fn)(theirs, axis=1, nested=nested))
