"""to_dataframe against Awkward (skipped without pandas)."""

from __future__ import annotations

import awkward as awk
import jaggy
import pytest

CASES = [[1, 2, 3], [[1, 2], [], [3]], [[[1], [2, 3]], [[4]]], [{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}],
         [{"x": [1, 2], "y": [3]}], [1, None, 3], [[1, None], None, [2]], ["a", "bc"], [[{"a": 1, "b": {"c": 2}}]],
         [(1, 2.0)], [{"x": [1, 2], "y": [[3]]}], [], [[]], [{"x": 1, "y": None}], [True, None],
         [{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}, {"x": 3, "y": [5]}],
         [{"x": [1], "y": [[1, 2], []]}, {"x": [], "y": [[3]]}, {"x": [7, 8], "y": []}],
         [{"x": 1, "y": [[1, 2], []], "z": [4]}, {"x": 2, "y": [], "z": []}]]


@pytest.mark.parametrize("data", CASES, ids=range(len(CASES)))
@pytest.mark.parametrize("kwargs", [{}, {"how": "outer"}, {"how": "left"}, {"how": "right"}, {"how": None},
                                    {"anonymous": "foo", "levelname": str}])
def test_to_dataframe(data, kwargs):
    pd = pytest.importorskip("pandas")
    theirs = awk.to_dataframe(awk.Array(data), **kwargs)
    ours = jaggy.to_dataframe(jaggy.Array(data), **kwargs)
    if kwargs.get("how", "inner") is None:
        assert len(ours) == len(theirs)
        for a, b in zip(ours, theirs):
            pd.testing.assert_frame_equal(a, b)
    else:
        pd.testing.assert_frame_equal(ours, theirs)


def test_missing_strings_are_na():
    pd = pytest.importorskip("pandas")
    values = jaggy.to_dataframe(jaggy.Array(["a", None]))["values"].tolist()
    assert values[0] == "a"
    assert pd.isna(values[1])  # (Awkward 2.14 gives the string "nan")


def test_union_error():
    pytest.importorskip("pandas")
    with pytest.raises(TypeError, match="union"):
        jaggy.to_dataframe(jaggy.Array([1, "a"]))
