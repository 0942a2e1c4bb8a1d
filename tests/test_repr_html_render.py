"""``_repr_html_`` renders: in headless Chromium when one is installed, else against a snapshot.

The page holds the HTML of a fixed small array and record. With a ``chromium``,
``chromium-browser`` or ``google-chrome`` binary on PATH, Chromium loads the page, a script in it
reads back what the browser parsed (the preview text, the type, the layout tree inside
``<details>``) and ``--dump-dom`` returns it. The snapshot test compares the page with
``tests/data/repr_html_snapshot.html`` exactly; after an intended change of the HTML, regenerate
the file with::

    JAGGY_REGENERATE_SNAPSHOTS=1 python -m pytest tests/test_repr_html_render.py

and review the diff before committing it.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import jaggy
import pytest

SNAPSHOT = Path(__file__).resolve().parent / "data" / "repr_html_snapshot.html"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

READ_BACK = """
<script>
const out = [];
for (const div of document.querySelectorAll("div[class^=jaggy-]")) {
  out.push({
    cls: div.className,
    title: div.querySelector("p").textContent,
    type: div.querySelector("code").textContent,
    preview: div.querySelector("pre.jaggy-preview").textContent,
    layout: div.querySelector("details > pre").textContent,
    open: div.querySelector("details").open,
  });
}
const result = document.createElement("pre");
result.id = "result";
result.textContent = JSON.stringify(out);
document.body.appendChild(result);
</script>
"""


def _objects() -> tuple[jaggy.Array, jaggy.Record]:
    array = jaggy.Array([{"x": 1, "y": [1.5, 2.5]}, {"x": 2, "y": []}, {"x": 3, "y": [3.5]}])
    record = jaggy.Record({"name": "<b>mu&e</b>", "pt": [10.5, 20.25]})
    return array, record


def _page(script: str = "") -> str:
    array, record = _objects()
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>jaggy repr_html</title></head>\n"
        f"<body>\n{array._repr_html_()}\n{record._repr_html_()}\n{script}</body></html>\n"
    )


def _browser() -> str | None:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def test_snapshot() -> None:
    page = _page()
    if os.environ.get("JAGGY_REGENERATE_SNAPSHOTS"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(page, encoding="utf-8")
    expected = SNAPSHOT.read_text(encoding="utf-8")
    assert page == expected, (
        "the HTML of _repr_html_ changed; if intended, regenerate the snapshot with "
        "JAGGY_REGENERATE_SNAPSHOTS=1 python -m pytest tests/test_repr_html_render.py"
    )
    # the snapshot itself says what a user sees
    assert "<strong>jaggy.Array</strong> length 3" in expected
    assert "<code>3 * {x: int64, y: var * float64}</code>" in expected
    assert "&lt;b&gt;mu&amp;e&lt;/b&gt;" in expected
    assert "<b>" not in expected


@pytest.mark.skipif(_browser() is None, reason="no chromium / google-chrome binary on PATH")
def test_renders_in_headless_chromium(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_page(READ_BACK), encoding="utf-8")
    cmd = [_browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    dom = result.stdout
    found = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
    assert found is not None, dom[-3000:]
    rendered = json.loads(html.unescape(found.group(1)))
    array, record = _objects()
    assert [r["cls"] for r in rendered] == ["jaggy-array", "jaggy-record"]
    got_array, got_record = rendered
    assert got_array["title"] == "jaggy.Array length 3"
    assert got_array["type"] == str(array.type)
    assert got_array["preview"] == array.show(stream=None)
    assert got_array["layout"] == repr(array.layout)
    assert got_array["open"] is False  # the layout tree is shown on demand
    assert got_record["title"].startswith("jaggy.Record 2 fields")
    assert got_record["type"] == str(record.type)
    assert got_record["preview"] == record.show(stream=None)
    assert "<b>mu&e</b>" in got_record["preview"]  # escaped markup reads back as the text
    assert "jaggy.Array" in dom
    assert "{x: 1, y: [1.5, 2.5]}" in html.unescape(dom)
