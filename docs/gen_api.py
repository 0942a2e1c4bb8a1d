"""Writes the API reference pages (``docs/api/*.rst``) from jaggy's public names.

Run by ``conf.py`` at every build, so the reference never drifts from the code: every
operation module in ``python/jaggy/operations/`` contributes the names in its ``__all__``,
plus ``jaggy.Array``, ``jaggy.Record``, ``jaggy.ArrayBuilder``, the functions of ``jaggy.str``
and ``jaggy.numba`` (when Numba is installed).
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "api"


def operation_names() -> list[str]:
    import jaggy.operations as ops

    names: set[str] = set()
    for info in pkgutil.iter_modules(ops.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"jaggy.operations.{info.name}")
        names.update(getattr(module, "__all__", []))
    return sorted(names)


def str_names() -> list[str]:
    import jaggy.str as jstr

    return sorted(
        name
        for name, obj in vars(jstr).items()
        if not name.startswith("_")
        and inspect.isfunction(obj)
        and obj.__module__.startswith("jaggy.str")
    )


def _page(title: str, intro: str, body: list[str]) -> str:
    return "\n".join([title, "=" * len(title), "", intro, "", *body, ""])


def _write(name: str, text: str) -> None:
    path = OUT / f"{name}.rst"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")  # unchanged pages keep their mtime (incremental)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    ops = operation_names()
    _write("operations", _page(
        "Operations",
        "Every ``jaggy.<name>`` function (one module per function in "
        "``python/jaggy/operations/``), in alphabetical order.\n\n"
        + "\n".join(f"- :func:`jaggy.{n}`" for n in ops),
        [f".. autofunction:: jaggy.{n}\n" for n in ops],
    ))
    _write("highlevel", _page(
        "Array, Record and ArrayBuilder",
        "The high-level classes.",
        [f".. autoclass:: jaggy.{n}\n   :members:\n   :special-members: __getitem__\n"
         for n in ("Array", "Record", "ArrayBuilder")],
    ))
    strs = str_names()
    _write("str", _page(
        "jaggy.str",
        ".. automodule:: jaggy.str\n\n"
        + "\n".join(f"- :func:`jaggy.str.{n}`" for n in strs),
        [f".. autofunction:: jaggy.str.{n}\n" for n in strs],
    ))
    if importlib.util.find_spec("numba") is not None:
        import jaggy.numba

        numba_body = [f".. autofunction:: jaggy.numba.{n}\n" for n in jaggy.numba.__all__
                      if n != "ListOffsetBuilder"]
        numba_body.append(".. autoclass:: jaggy.numba._typed_builder.ListOffsetBuilder\n"
                          "   :members:\n")
        intro = ".. automodule:: jaggy.numba"
    else:
        numba_body = []
        intro = "Numba is not installed where these pages were built, so this page is empty."
    _write("numba", _page("jaggy.numba", intro, numba_body))
    _write("index", _page(
        "API reference",
        "Generated from the docstrings (``docs/gen_api.py``).",
        [".. toctree::\n   :maxdepth: 1\n\n   highlevel\n   operations\n   str\n   numba\n"],
    ))


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent / "python"))
    main()
