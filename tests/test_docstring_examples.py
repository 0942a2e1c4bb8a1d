"""Every public function's docstring has an example (``>>>``), parameters and a result.

The examples themselves run in ``tests/test_docs.py`` (Sphinx's doctest builder over the API
pages). ``WITHOUT_EXAMPLE`` lists the functions still lacking one (as of this file's last
edit; remove names as examples get written): a function outside it without an example fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jaggy
import jaggy.str

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "docs"))
try:
    import gen_api
finally:
    sys.path.remove(str(ROOT / "docs"))

WITHOUT_EXAMPLE = frozenset({
    "almost_equal", "array_equal", "backend", "broadcast_arrays", "broadcast_fields", "copy",
    "drop_none", "fields", "fill_none", "firsts", "flatten", "from_awkward", "from_regular",
    "is_none", "is_valid", "isclose", "local_index", "mask", "nan_to_none", "nan_to_num", "num",
    "pad_none", "ravel", "run_lengths", "singletons", "to_awkward", "to_backend", "to_layout",
    "to_packed", "to_regular", "transform", "unflatten", "validity_error", "where", "with_field",
    "zip",
})


def _public() -> dict[str, object]:
    found: dict[str, object] = {f"jaggy.{n}": getattr(jaggy, n) for n in gen_api.operation_names()}
    found.update({f"jaggy.str.{n}": getattr(jaggy.str, n) for n in gen_api.str_names()})
    return found


def test_every_public_function_has_a_docstring() -> None:
    public = _public()
    assert len(public) > 150
    missing = sorted(name for name, fn in public.items() if not (fn.__doc__ or "").strip())
    assert missing == []


def test_examples_only_get_added() -> None:
    without = {name.removeprefix("jaggy.") for name, fn in _public().items() if ">>>" not in (fn.__doc__ or "")}
    new = sorted(without - WITHOUT_EXAMPLE)
    assert new == [], f"these public functions have no example (>>>) in their docstring: {new}"
