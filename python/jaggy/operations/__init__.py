"""The public jaggy.* functions, one per module.

Every module here whose name does not start with ``_`` defines one public function of the same
name (and may list more in its ``__all__``, e.g. ``nansum`` beside ``sum``). They are collected
below, so adding an operation is adding a module.
"""

from __future__ import annotations

import importlib
import pkgutil

__all__: list[str] = []


def _collect() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        names = getattr(module, "__all__", [info.name])
        for name in names:
            globals()[name] = getattr(module, name)
            __all__.append(name)


_collect()
