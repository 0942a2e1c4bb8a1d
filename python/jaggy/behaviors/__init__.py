"""Ready-made behaviors and the tools to write them (``jaggy.behaviors.mixins``).

Strings need no behavior classes in jaggy (as in Awkward 2, ``__array__ = "string"`` arrays are
plain ``jaggy.Array`` objects whose elements are ``str``), so the string names below are aliases
of ``jaggy.Array`` kept for code that refers to them.
"""

from __future__ import annotations

from jaggy.behaviors import mixins, string

__all__ = ["mixins", "string"]
