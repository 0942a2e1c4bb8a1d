"""jaggy.to_json: an array as JSON text (or written to a file)."""

from __future__ import annotations

from collections.abc import Callable
from numbers import Number
from typing import Any


def to_json(
    array: Any,
    file: Any = None,
    *,
    line_delimited: bool | str = False,
    num_indent_spaces: int | None = None,
    num_readability_spaces: int = 0,
    nan_string: str | None = None,
    posinf_string: str | None = None,
    neginf_string: str | None = None,
    complex_record_fields: tuple[str, str] | None = None,
    convert_bytes: Callable[[bytes], Any] | None = None,
    convert_other: Callable[[Any], Any] | None = None,
) -> str | None:
    """Convert an array to JSON text, or write it to ``file``.

    Args:
        array: an Array, Record, layout, ArrayBuilder, NumPy array, or a single bool/number/str/
            bytes/None (written as a one-element array).
        file: None to return the text; a path (str/PathLike) or a writable text file to write it.
        line_delimited: write one JSON value per entry, each followed by a newline (or by this
            string when it is a str).
        num_indent_spaces: pretty-print with this indentation (not with ``line_delimited``).
        num_readability_spaces: spaces after each ``,`` and ``:``.
        nan_string, posinf_string, neginf_string: strings written for NaN, +inf and -inf; without
            them such values raise ``ValueError`` (JSON has no NaN).
        complex_record_fields: a pair of field names; complex numbers are written as objects with
            these fields (without it, complex numbers raise ``TypeError``).
        convert_bytes: a function applied to every bytestring (without it, bytes raise TypeError).
        convert_other: a function applied to any other value that JSON cannot represent.

    Returns:
        The JSON text, or None when writing to ``file``.

    Raises:
        TypeError: an unrecognized ``array`` or a value JSON cannot represent.
        ValueError: NaN or infinite values without a replacement string.

    >>> import jaggy
    >>> jaggy.to_json(jaggy.Array([{"x": 1, "y": [1.5]}, {"x": 2, "y": []}]))
    '[{"x":1,"y":[1.5]},{"x":2,"y":[]}]'
    """
    import numpy as np

    from jaggy.builder import ArrayBuilder
    from jaggy.highlevel import Array, Record
    from jaggy.io import json as js
    from jaggy.layout import Content, NumpyArray
    from jaggy.record import Record as LayoutRecord

    is_record = False
    if array is None or isinstance(array, (bool, str, bytes, Number)):
        from jaggy.operations.from_iter import from_iter

        layout = from_iter([array], highlevel=False)
    elif isinstance(array, Array):
        layout = array.layout
    elif isinstance(array, (Record, LayoutRecord)):
        rec = array.layout if isinstance(array, Record) else array
        layout = rec.array._getitem_range(rec.at, rec.at + 1)
        is_record = True
    elif isinstance(array, ArrayBuilder):
        layout = array.snapshot().layout
    elif isinstance(array, Content):
        layout = array
    elif isinstance(array, np.ndarray):
        layout = NumpyArray(array)
    else:
        msg = f"to_json: unrecognized array type: {type(array).__name__}"
        raise TypeError(msg)

    strings = {k: v for k, v in (("nan", nan_string), ("posinf", posinf_string), ("neginf", neginf_string))
               if v is not None}
    complex_fields = js.check_complex_fields(complex_record_fields)
    layout = js.prepare_for_json(layout, strings, complex_fields)
    data = layout.to_list()

    def default(obj: Any) -> Any:
        if isinstance(obj, bytes) and convert_bytes is not None:
            return convert_bytes(obj)
        if convert_other is not None:
            return convert_other(obj)
        msg = f"Object of type {type(obj).__name__} is not JSON serializable"
        raise TypeError(msg)

    separators = ("," + " " * num_readability_spaces, ":" + " " * num_readability_spaces)
    out: Any
    out, close = (None, False) if file is None else js.open_for_writing(file)
    try:
        if line_delimited:
            end = line_delimited if isinstance(line_delimited, str) else "\n"
            if out is None:
                return "".join(js.dump(item, None, None, separators, default) + end for item in data)
            for item in data:
                js.dump(item, out, None, separators, default)
                out.write(end)
            return None
        if is_record:
            data = data[0]
        return js.dump(data, out, num_indent_spaces, separators, default)
    finally:
        if close:
            out.close()


__all__ = ["to_json"]
