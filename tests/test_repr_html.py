"""``_repr_html_`` of jaggy.Array and jaggy.Record: structure, escaping and truncation."""

from __future__ import annotations

import html
import re

import jaggy
import numpy as np


def _preview(page: str) -> str:
    found = re.search(r'<pre class="jaggy-preview">(.*?)</pre>', page, re.S)
    assert found is not None
    return html.unescape(found.group(1))


def test_array_structure():
    array = jaggy.Array([[1, 2, 3], [], [4, 5]])
    page = array._repr_html_()
    assert page.startswith('<div class="jaggy-array">')
    assert page.endswith("</div>")
    assert "<strong>jaggy.Array</strong> length 3" in page
    assert "<code>3 * var * int64</code>" in page
    assert _preview(page) == array.show(stream=None) == "[[1, 2, 3],\n [],\n [4, 5]]"
    details = re.search(r"<details><summary>layout</summary><pre>(.*?)</pre></details>", page, re.S)
    assert details is not None
    assert html.unescape(details.group(1)) == repr(array.layout)
    assert page.count("<details>") == 1


def test_record_structure():
    record = jaggy.Record({"x": 1, "y": [1.5, 2.5]})
    page = record._repr_html_()
    assert page.startswith('<div class="jaggy-record">')
    assert "<strong>jaggy.Record</strong> 2 fields" in page
    assert html.escape(str(record.type)) in page
    assert _preview(page) == record.show(stream=None)
    assert "<details><summary>layout</summary>" in page


def test_record_of_array():
    array = jaggy.Array([{"x": 1}, {"x": 2}, {"x": 3}])
    page = array[2]._repr_html_()
    assert "1 field (entry 2 of 3)" in page
    assert _preview(page) == "{x: 3}"


def test_escaping():
    array = jaggy.Array([{"<x>": "<script>alert('&')</script>"}])
    page = array._repr_html_()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "&lt;x&gt;" in page
    # only our own tags appear unescaped
    tags = set(re.findall(r"</?([a-z]+)", page))
    assert tags == {"div", "p", "strong", "code", "pre", "details", "summary"}


def test_truncated_large_array():
    array = jaggy.Array(np.arange(1_000_000))
    page = array._repr_html_()
    assert "length 1,000,000" in page
    preview = _preview(page)
    assert "..." in preview
    assert len(preview) < 400
    assert len(page) < 5000
    nested = jaggy.unflatten(array, np.full(100_000, 10))
    text = _preview(nested._repr_html_())
    assert len(text.splitlines()) <= 20
    assert "..." in text


def test_empty_array():
    page = jaggy.Array([])._repr_html_()
    assert "length 0" in page
    assert _preview(page) == "[]"
