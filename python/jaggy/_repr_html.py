"""HTML views of ``jaggy.Array`` and ``jaggy.Record`` for Jupyter (``_repr_html_``).

The view shows the Python class, the length, the type, a truncated preview drawn by the text
pretty-printer (``_prettyprint``) and, folded inside a ``<details>`` element, the layout tree.
Every piece of text is HTML-escaped; the work is bounded by the preview's row/column limits and
the number of layout nodes, never by the data's size.
"""

from __future__ import annotations

import html
from typing import Any

PREVIEW_ROWS = 20
PREVIEW_COLS = 80


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _page(pytype: str, summary: str, typestr: str, preview: str, layout_text: str) -> str:
    return (
        f'<div class="jaggy-{_escape(pytype.lower())}">'
        f"<p><strong>jaggy.{_escape(pytype)}</strong> {_escape(summary)}</p>"
        f"<p>type: <code>{_escape(typestr)}</code></p>"
        f'<pre class="jaggy-preview">{_escape(preview)}</pre>'
        f"<details><summary>layout</summary><pre>{_escape(layout_text)}</pre></details>"
        "</div>"
    )


def array_html(array: Any, limit_rows: int = PREVIEW_ROWS, limit_cols: int = PREVIEW_COLS) -> str:
    """The HTML for a ``jaggy.Array``: class, ``length``, type, preview and layout tree.

    Parameters: ``array`` (a ``jaggy.Array``), ``limit_rows``/``limit_cols`` (the preview's size).
    Returns: an HTML fragment (a ``<div>``).

    >>> import jaggy
    >>> "<details>" in array_html(jaggy.Array([[1, 2], []]))
    True
    """
    from jaggy._prettyprint import array_str

    length = len(array)
    try:
        preview = array_str(length, array._window, limit_rows=limit_rows, limit_cols=limit_cols) or "[]"
    except (ValueError, IndexError) as err:  # an invalid layout still displays
        preview = f"(invalid array: {err})"
    return _page(type(array).__name__, f"length {length:,}", str(array.type), preview, repr(array.layout))


def record_html(record: Any, limit_rows: int = PREVIEW_ROWS, limit_cols: int = PREVIEW_COLS) -> str:
    """The HTML for a ``jaggy.Record``: class, number of fields, type, preview and layout tree.

    Parameters: ``record`` (a ``jaggy.Record``), ``limit_rows``/``limit_cols`` (the preview's size).
    Returns: an HTML fragment (a ``<div>``).

    >>> import jaggy
    >>> "<details>" in record_html(jaggy.Record({"x": 1}))
    True
    """
    from jaggy._prettyprint import record_str, record_value

    layout = record._layout
    try:
        preview = record_str(record_value(layout), limit_rows=limit_rows, limit_cols=limit_cols)
    except (ValueError, IndexError) as err:
        preview = f"(invalid record: {err})"
    nfields = len(layout.array.fields)
    summary = f"{nfields} field{'' if nfields == 1 else 's'} (entry {layout.at} of {layout.array.length:,})"
    return _page(type(record).__name__, summary, str(record.type), preview, repr(layout))
