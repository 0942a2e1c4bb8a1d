"""jaggy.flatten: merge the lists at one axis into their parents, or flatten everything."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.layout.listoffsetarray import ListOffsetArray
from jaggy.operations._wrap import finish


def flatten(array: Any, axis: int | None = 1, *, highlevel: bool = True,
            behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """Removes one level of nesting (at ``axis``) or all of them (``axis=None``).

    Parameters:
        array: array-like data (anything ``jaggy.Array`` accepts).
        axis: the list dimension to merge into its parent (1: each top-level list's sublists are
            concatenated; 0: only the missing top-level entries are removed; negative counts
            from the innermost dimension), or None: every list level and every None removed,
            a 1-D array of all the leaf values (record fields one after another).
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        The flattened array. Flattening packed lists at ``axis=1`` is a view (no copy).

    Example:
        >>> import jaggy
        >>> jaggy.flatten(jaggy.Array([[1, 2], [], [3]])).to_list()
        [1, 2, 3]
        >>> jaggy.flatten(jaggy.Array([[[1], [2, 3]], [[4]]]), axis=2).to_list()
        [[1, 2, 3], [4]]

    Raises:
        jaggy.errors.AxisError: ``axis`` is deeper than the array.
        ValueError: records at the flattened level.
    """
    from jaggy.operations.to_layout import to_layout

    layout = to_layout(array, allow_record=False)
    if axis == 1 and type(layout) is ListOffsetArray and layout.content.is_numpy \
            and layout.content.data.ndim == 1 and not layout.parameters:
        offsets = layout.offsets.data  # fast path: a view of the content
        start, stop = int(offsets[0]), int(offsets[-1])
        layout._check_range(0, start, stop)
        return finish(layout.content._getitem_range(start, stop), highlevel, array,
                      behavior=behavior, attrs=attrs)
    from jaggy._structure_flatten import concatenate_leaves, flatten_axis, leaves
    from jaggy._structure_util import check_axis
    from jaggy.errors import AxisError

    try:
        pos = check_axis(layout, axis, "flatten", allow_none=True)
    except AxisError:
        # beyond the depth: like Awkward, the walk decides (unknown-type leaves accept any axis,
        # records raise ValueError, other leaves AxisError)
        pos = axis
    if pos is None:  # axis=None
        out = concatenate_leaves(leaves(layout, False, "flatten"), "flatten", layout.backend)
    elif pos == 0:
        out = _flatten_axis0(layout)
    else:
        out = flatten_axis(layout, pos, "flatten")
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


def _flatten_axis0(layout: Any) -> Any:
    """``flatten(axis=0)``: the top level without its missing entries (unknown type becomes
    float64, as in Awkward)."""
    from jaggy.layout.numpyarray import NumpyArray

    while layout.is_option or layout.is_indexed:
        layout = layout.project()
    if layout.is_unknown:
        return NumpyArray(layout.backend.xp.empty(0, dtype=layout.backend.xp.float64),
                          backend=layout.backend)
    return layout


__all__ = ["flatten"]
