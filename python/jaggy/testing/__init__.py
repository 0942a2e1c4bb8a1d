"""Helpers for testing code that uses jaggy (strategies need hypothesis and awkward installed)."""
