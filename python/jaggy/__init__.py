"""jaggy: nested, variable-length data with NumPy-like idioms."""
