"""Every public function's docstring has an example (``>>>``), parameters, a result and errors.

The examples themselves run in ``tests/test_docs.py`` (Sphinx's doctest builder over the API
pages). Every public function (``jaggy.<name>``, ``jaggy.str.<name>``) and the classes
``jaggy.Array``, ``jaggy.Record`` and ``jaggy.ArrayBuilder`` must have one.
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


def _public() -> dict[str, object]:
    found: dict[str, object] = {f"jaggy.{n}": getattr(jaggy, n) for n in gen_api.operation_names()}
    found.update({f"jaggy.str.{n}": getattr(jaggy.str, n) for n in gen_api.str_names()})
    return found


def test_every_public_function_has_a_docstring() -> None:
    public = _public()
    assert len(public) > 150
    missing = sorted(name for name, fn in public.items() if not (fn.__doc__ or "").strip())
    assert missing == []


def test_every_public_function_has_an_example() -> None:
    without = sorted(name for name, fn in _public().items() if ">>>" not in (fn.__doc__ or ""))
    assert without == [], f"these public functions have no example (>>>) in their docstring: {without}"


# operations whose docstrings still lack a "Parameters:" or "Returns:" section (remove names as
# they get one; a function outside this set without them fails)
WITHOUT_SECTIONS = frozenset({
    "argcartesian", "argcombinations", "from_arrow", "from_arrow_schema", "from_iter",
    "from_parquet", "metadata_from_parquet", "nanargmax", "nanargmin", "nanmax", "nanmin",
    "nanprod", "nansum", "to_arrow_table", "to_list", "to_parquet", "to_parquet_dataset",
    "to_parquet_row_groups", "type",
})


def test_operations_document_parameters_and_result() -> None:
    """The docstrings of the ``jaggy.<name>`` operations have the sections the API pages show."""
    lacking = []
    for name, fn in _public().items():
        doc = fn.__doc__ or ""
        if name.startswith("jaggy.str.") or name.removeprefix("jaggy.") in WITHOUT_SECTIONS:
            continue
        if _takes_arguments(fn) and not any(s in doc for s in ("Parameters:", "Args:", "Arguments:")):
            lacking.append(f"{name}: Parameters")
        if not any(s in doc for s in ("Returns:", "Result:", "Returns ")):
            lacking.append(f"{name}: Returns")
    assert lacking == []


def _takes_arguments(fn: object) -> bool:
    import inspect

    try:
        return bool(inspect.signature(fn).parameters)
    except (TypeError, ValueError):
        return True


def test_classes_have_an_example() -> None:
    without = [cls.__name__ for cls in (jaggy.Array, jaggy.Record, jaggy.ArrayBuilder)
               if ">>>" not in (cls.__doc__ or "")]
    assert without == []
