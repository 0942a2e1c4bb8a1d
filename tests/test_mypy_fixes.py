"""Behaviour fixed while making the package mypy-clean."""

from __future__ import annotations

import jaggy
import pytest


@pytest.mark.parametrize("fields", [{"r", "i"}, {"r": 0, "i": 1}])
def test_from_json_complex_record_fields_must_be_a_sequence(fields: object) -> None:
    # a set or dict used to fail inside (TypeError/KeyError from indexing it)
    with pytest.raises(TypeError, match="complex_record_fields must be None or a pair of strings"):
        jaggy.from_json('[{"r": 1, "i": 2}]', complex_record_fields=fields)


def test_from_json_complex_record_fields_pair() -> None:
    out = jaggy.from_json('[{"r": 1, "i": 2}]', complex_record_fields=("r", "i"))
    assert out.to_list() == [1 + 2j]


def test_to_parquet_dataset_without_files(tmp_path: object) -> None:
    pytest.importorskip("pyarrow")
    with pytest.raises(ValueError, match="to_parquet_dataset: no Parquet files"):
        jaggy.to_parquet_dataset(tmp_path, filenames=[])
