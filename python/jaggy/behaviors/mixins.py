"""The mixin decorators, also available as ``jaggy.mixin_class`` and ``jaggy.mixin_class_method``."""

from __future__ import annotations

from jaggy.operations.mixin_class import mixin_class
from jaggy.operations.mixin_class_method import mixin_class_method

__all__ = ["mixin_class", "mixin_class_method"]
