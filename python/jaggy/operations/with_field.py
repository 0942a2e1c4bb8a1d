"""jaggy.with_field: add or replace a field of records, broadcasting the new values."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jaggy.operations._wrap import finish


def _value_layout(what: Any) -> Any:
    from jaggy._connect_numpy import _unwrap

    return _unwrap(what)[0]


def _with_field(base: Any, what: Any, where: str | None) -> Any:
    from jaggy._broadcasting import broadcast_and_apply
    from jaggy.index import Index64
    from jaggy.layout import Content, EmptyArray, IndexedOptionArray, NumpyArray, RecordArray

    def action(inputs: list, depth: int, options: Any) -> tuple | None:
        rec, value = inputs
        if not (isinstance(rec, Content) and rec.is_record):
            return None
        n = rec.length
        backend = rec.backend
        xp = backend.xp
        if value is None:
            value = IndexedOptionArray(Index64._wrap(xp.full(n, -1, xp.int64), backend), EmptyArray(backend=backend))
        elif not isinstance(value, Content):
            value = NumpyArray(xp.full(n, value), backend=backend)
        fields = list(rec.fields)
        contents = list(rec.contents)
        name = str(len(fields)) if where is None else where
        if rec.is_tuple and where is not None and name not in fields:
            fields = [str(i) for i in range(len(fields))]
        if name in fields:
            contents[fields.index(name)] = value
        else:
            fields.append(name)
            contents.append(value)
        names = None if (rec.is_tuple and where is None) else fields
        return (RecordArray(contents, names, n, parameters=rec.parameters or None, backend=backend),)

    def has_records(node: Any) -> bool:
        form = node.form
        return bool(form.type is not None) and _form_has_records(form)

    if not has_records(base):
        msg = "jaggy.with_field: no tuples or records in array; cannot add a new field"
        raise ValueError(msg)
    (out,) = broadcast_and_apply([base, what], action, function_name="jaggy.with_field",
                                 right_broadcast=False, parameters_rule="one_to_one")
    return out


def _form_has_records(form: Any) -> bool:
    if getattr(form, "is_record", False) or type(form).__name__ == "RecordForm":
        return True
    if hasattr(form, "contents"):
        return any(_form_has_records(c) for c in form.contents)
    content = getattr(form, "content", None)
    return content is not None and _form_has_records(content)


def with_field(array: Any, what: Any, where: Any = None, *, highlevel: bool = True,
               behavior: Mapping | None = None, attrs: Mapping | None = None) -> Any:
    """The records of ``array`` with field ``where`` set to ``what`` (added or replaced).

    Parameters:
        array: an array of records (anything ``jaggy.Array`` accepts).
        what: the new field's values: a scalar, None, a NumPy array or an array; it is broadcast
            into the records' lists.
        where: a field name, a tuple of names for a nested field (``("a", "b")`` sets ``b``
            inside field ``a``), or None to append a field named after its position.
        highlevel, behavior, attrs: as everywhere (return an Array, or the layout).

    Returns:
        An array of records with the field set.

    Example:
        >>> import jaggy
        >>> a = jaggy.Array([[{"x": 1}, {"x": 2}], []])
        >>> jaggy.with_field(a, 5, "y").to_list()
        [[{'x': 1, 'y': 5}, {'x': 2, 'y': 5}], []]
        >>> jaggy.with_field(a, a.x * 10, "x").to_list()
        [[{'x': 10}, {'x': 20}], []]

    Raises:
        ValueError: ``array`` has no records, or ``what`` cannot be broadcast.
        TypeError: ``where`` is not a string, a tuple of strings or None.
        jaggy.errors.FieldNotFoundError: a nested ``where`` names a missing outer field.
    """
    from jaggy.operations.to_layout import to_layout

    base = to_layout(array, allow_record=False)
    if isinstance(where, str) or where is None:
        path: tuple = (where,)
    elif isinstance(where, (tuple, list)) and where and all(isinstance(w, str) for w in where):
        path = tuple(where)
    else:
        msg = f"jaggy.with_field: 'where' must be a field name, a tuple of names or None, not {where!r}"
        raise TypeError(msg)
    value = _value_layout(what)
    if len(path) == 1:
        out = _with_field(base, value, path[0])
    else:
        from jaggy.errors import FieldNotFoundError

        try:
            inner = base._getitem_field(path[0])
        except FieldNotFoundError as err:
            msg = f"jaggy.with_field: cannot set {tuple(path)!r}: {err.args[0] if err.args else err}"
            raise FieldNotFoundError(msg) from None
        out = _with_field(base, with_field(inner, value, path[1:], highlevel=False), path[0])
    return finish(out, highlevel, array, behavior=behavior, attrs=attrs)


__all__ = ["with_field"]
