"""jaggy.cartesian/argcartesian below the top level, and with missing lists at the axis.

The arrays are broadcast against each other down to the axis (missing entries above it make the
result missing there; lists there must agree). At the axis, every array's entry is a list, a
missing list (None) or a single value (taken as a list of one). As in Awkward, the product is
built as if every array opened its own level: a missing list of the first array makes the
result's entry missing, a missing list of an array that starts a ``nested`` level makes the
sublists of that level missing, and any other missing list contributes no tuples (its level is
flattened away).
"""

from __future__ import annotations

from typing import Any

from jaggy.index import Index64


def _as_lists(node: Any, fname: str) -> tuple[Any, Any, bool, int | None]:
    """(packed ListOffsetArray with missing entries as empty lists, validity or None, whether
    the node is an option type, regular size or None)."""
    from jaggy._axiswalk import is_string, packed_list
    from jaggy.layout import ListOffsetArray, NumpyArray, RegularArray, UnmaskedArray

    xp = node.backend.xp
    valid, option = None, False
    if isinstance(node, UnmaskedArray):
        node, option = node.content, True
    elif node.is_option:
        opt = node.to_IndexedOptionArray64()
        index = opt.index.data
        valid, option = index >= 0, True
        inner = opt.content
        if inner.is_regular and inner.length > 0:
            # a regular level stays regular: missing lists are stand-ins of the right size
            # (they are masked, or contribute nothing where the level is not kept regular)
            dummy = inner._carry(Index64._wrap(xp.where(valid, index, 0), node.backend))
            return packed_list(dummy), valid, True, inner.size
        carry, _ = opt._compact()
        node = inner._carry(carry)
    elif node.is_indexed:
        node = node.content._carry(node.index.to64())
    if node.is_union:
        msg = f"jaggy.{fname}: unions (arrays of mixed types) are not supported at the axis"
        raise NotImplementedError(msg)
    if is_string(node):
        msg = (f"jaggy.{fname}: does not compute combinations of the characters of a string; "
               f"split the strings into lists first")
        raise ValueError(msg)
    regular = None
    if isinstance(node, NumpyArray) and node.data.ndim > 1:
        node = node.to_RegularArray()
    if not node.is_list:  # a value: a list of one
        node = RegularArray(node, 1, node.length)
    if node.is_regular:
        regular = node.size
    packed = packed_list(node)
    if valid is not None:
        counts = xp.zeros(len(valid), dtype=xp.int64)
        o = packed.offsets.data
        counts[valid] = o[1:] - o[:-1]
        offsets = xp.zeros(len(valid) + 1, dtype=xp.int64)
        xp.cumsum(counts, out=offsets[1:])
        packed = ListOffsetArray(Index64._wrap(offsets, node.backend), packed.content)
    return packed, valid, option, regular


def _empty_where_missing(lst: Any, valid: Any) -> Any:
    from jaggy.layout import ListOffsetArray

    xp = lst.backend.xp
    o = lst.offsets.data
    counts = xp.where(valid, o[1:] - o[:-1], 0)
    offsets = xp.zeros(len(valid) + 1, dtype=xp.int64)
    xp.cumsum(counts, out=offsets[1:])
    carry = xp.repeat(o[:-1], counts) + (xp.arange(int(offsets[-1]), dtype=xp.int64)
                                          - xp.repeat(offsets[:-1], counts))
    content = lst.content._carry(Index64._wrap(carry, lst.backend))
    return ListOffsetArray(Index64._wrap(offsets, lst.backend), content)


def cartesian_at_axis(layouts: list, posaxis: int, names: list[str] | None, nest: list[int],
                      parameters: Any, with_name: Any, arg: bool, fname: str) -> Any:
    """The product of the lists at depth ``posaxis`` (>= 1) of the broadcast ``layouts``."""
    from jaggy._broadcasting import broadcast_and_apply
    from jaggy._combinatorics import cartesian_lists

    def action(inputs: list, depth: int, options: Any) -> tuple | None:
        if depth != posaxis:
            return None
        parts = [_as_lists(x, fname) for x in inputs]
        lsts = [p[0] for p in parts]
        valid = [p[1] if p[2] else None for p in parts]
        regular: list[Any] = [p[3] for p in parts]
        if len(set(nest)) != len(lsts) - 1:
            regular = [None] * (len(lsts) - 1) + regular[-1:]
        for m, p in enumerate(parts):
            if p[1] is not None and p[3] is not None and regular[m] is None:
                lsts[m] = _empty_where_missing(lsts[m], p[1])
        return (cartesian_lists(lsts, names, nest, parameters, with_name, arg, regular, valid),)

    out = broadcast_and_apply(layouts, action, function_name=f"jaggy.{fname}",
                              right_broadcast=False)[0]
    return _var_above(out, posaxis - 1)


def _var_above(node: Any, levels: int) -> Any:
    """``node`` with its outermost ``levels`` regular list dimensions made var (Awkward's
    cartesian at an inner axis returns var lists at the outer ones)."""
    if levels <= 0:
        return node
    if node.is_list:
        lists = node.to_ListOffsetArray64() if node.is_regular else node
        content = _var_above(lists.content, levels - 1)
        return lists if content is lists.content else lists.copy(content=content)
    if node.is_option or node.is_indexed:
        content = _var_above(node.content, levels)
        return node if content is node.content else node.copy(content=content)
    if node.is_record:
        contents = [_var_above(c, levels) for c in node.contents]
        if all(a is b for a, b in zip(contents, node.contents)):
            return node
        return node.copy(contents=contents)
    return node
