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


@st.composite
def _same_outer(draw, k):
    """k arrays of lists of lists with the same outer list lengths (None allowed at both levels)."""
    outer = draw(st.lists(st.one_of(st.none(), st.integers(0, 3)), max_size=5))
    inner = st.one_of(st.none(), st.lists(st.integers(-5, 5), max_size=3))
    return [[None if (n is None or draw(st.integers(0, 6)) == 0) else
             [draw(inner) for _ in range(n)] for n in outer] for _ in range(k)]


@settings(max_examples=80, deadline=None)
@given(st.data(), st.integers(1, 3), st.sampled_from([None, True, [0], [1]]), st.sampled_from([2]))
def test_cartesian_axis2_matches_awkward(data, k, nested, axis):
    if isinstance(nested, list) and max(nested) > k - 2:
        nested = None
    values = data.draw(_same_outer(k))
    pairs = [data.draw(array_pairs(st.just(v))) for v in values]
    theirs, ours = [p[0] for p in pairs], [p[1] for p in pairs]
    if any(t.ndim != 3 for t in theirs):
        return
    for fn in ("cartesian", "argcartesian"):
        assert_matches(getattr(jaggy, fn)(ours, axis=axis, nested=nested),
                       getattr(awkward, fn)(theirs, axis=axis, nested=nested))


A_OPT = [[1, 2], None, [4], [5], None]
B_OPT = [["a"], ["b"], None, [], None]


@pytest.mark.parametrize("nested", [None, True, [0], [1]])
@pytest.mark.parametrize("arrays", [[A_OPT, B_OPT], [B_OPT, A_OPT], [A_OPT, B_OPT, A_OPT],
                                    [B_OPT, A_OPT, B_OPT]])
def test_cartesian_missing_lists_at_axis1(arrays, nested):
    if isinstance(nested, list) and max(nested) > len(arrays) - 2:
        return
    for fn in ("cartesian", "argcartesian"):
        assert_matches(getattr(jaggy, fn)([jaggy.Array(a) for a in arrays], nested=nested),
                       getattr(awkward, fn)([awkward.Array(a) for a in arrays], nested=nested))


@pytest.mark.parametrize(("arrays", "kw"), [
    ([[[[1, 2], None], None, [[4]], [[5]]], [[["a"], ["b"]], [["x"]], [None], None]], dict(axis=2)),
    ([[[["a"], ["b"]], [["x"]], [None], None], [[[1, 2], None], None, [[4]], [[5]]]],
     dict(axis=2, nested=True)),
    ([[[[[1], [2]], [[3]]]], [[[[5]], [[6]]]]], dict(axis=2, nested=True)),
    ([[[[[1], [2]], [[3]]]], [[[[5], [7]], [[6]]]]], dict(axis=3)),
    ([[[[[1], [2]], [[3]]]], [[[[5], [7]], [[6]]]]], dict(axis=-2)),
    ([[[[]], []], [[[]], []]], dict(axis=2)),
    ([[], []], dict(axis=0)),
])
def test_cartesian_deeper_axes(arrays, kw):
    # Awkward 2.14's argcartesian takes a negative axis differently from its cartesian (a bug)
    for fn in ("cartesian", "argcartesian") if kw["axis"] >= 0 else ("cartesian",):
        assert_matches(getattr(jaggy, fn)([jaggy.Array(a) for a in arrays], **kw),
                       getattr(awkward, fn)([awkward.Array(a) for a in arrays], **kw))
    names = dict(zip("xyz", arrays))
    assert_matches(jaggy.cartesian({n: jaggy.Array(a) for n, a in names.items()}, **kw),
                   awkward.cartesian({n: awkward.Array(a) for n, a in names.items()}, **kw))


def test_cartesian_deeper_axis_errors():
    with pytest.raises(ValueError, match=r"jaggy\.cartesian: cannot broadcast nested list"):
        jaggy.cartesian([jaggy.Array([[[1], [2]]]), jaggy.Array([[[1]]])], axis=2)
    with pytest.raises(ValueError, match=r"jaggy\.cartesian: does not compute combinations of the characters"):
        jaggy.cartesian([jaggy.Array([[[1, 2]]]), jaggy.Array([["cd"]])], axis=2)
    with pytest.raises(AxisError, match=r"jaggy\.argcartesian: axis=4"):
        jaggy.argcartesian([jaggy.Array([[[1]]]), jaggy.Array([[[1]]])], axis=4)


@pytest.mark.parametrize("axis", [2, -1])
def test_cartesian_inner_axis_makes_outer_regular_dims_var(axis):
    """Awkward's cartesian at an inner axis returns var lists at the outer regular dimensions
    (combinations keeps them regular)."""
    theirs = awkward.to_regular(awkward.Array([[[1, 2]], [[3]]]), axis=1)
    ours = jaggy.to_regular(jaggy.Array([[[1, 2]], [[3]]]), axis=1)
    for fn in ("cartesian", "argcartesian"):
        assert_matches(getattr(jaggy, fn)([ours, ours], axis=axis),
                       getattr(awkward, fn)([theirs, theirs], axis=axis))
    assert_matches(jaggy.cartesian({"x": ours, "y": ours}, axis=axis),
                   awkward.cartesian({"x": theirs, "y": theirs}, axis=axis))
    assert_matches(jaggy.combinations(ours, 2, axis=axis), awkward.combinations(theirs, 2, axis=axis))
