// Per-list bodies of the offsets kernels, shared by the CPU loops and the CUDA launches.
#pragma once

#include "jaggy/common.h"
#include "jaggy/kernels_generated.h"

namespace jaggy::ops {

template <typename T>
JAGGY_HD int64_t offsets_to_counts_at(const T* offsets, int64_t* counts, int64_t i) {
  if (offsets[i + 1] < offsets[i]) return offsets_to_counts_err::decreasing;
  counts[i] = static_cast<int64_t>(offsets[i + 1]) - static_cast<int64_t>(offsets[i]);
  return kOk;
}

template <typename T>
JAGGY_HD void list_first_index_at(const T* starts, const T* stops, int64_t* index, int64_t i) {
  const int64_t start = static_cast<int64_t>(starts[i]);
  index[i] = stops[i] > starts[i] ? start : int64_t(-1);
}

template <typename T>
JAGGY_HD int64_t list_validity_at(const T* starts, const T* stops, int64_t content_len,
                                  int64_t i) {
  T start = starts[i], stop = stops[i];
  if (start == stop) return kOk;  // an empty list may point anywhere
  if (start > stop) return list_validity_err::start_after_stop;
  if (start < T(0)) return list_validity_err::negative_start;
  if (static_cast<int64_t>(stop) > content_len) return list_validity_err::beyond_content;
  return kOk;
}

template <typename T>
JAGGY_HD int64_t list_carry_at(const T* starts, const int64_t* offsets, int64_t* carry,
                               int64_t total, int64_t i) {
  int64_t lo = offsets[i], hi = offsets[i + 1];
  if (lo < 0 || hi < lo || hi > total) return list_carry_err::bad_offsets;
  int64_t start = static_cast<int64_t>(starts[i]);
  for (int64_t j = lo; j < hi; j++) carry[j] = start + (j - lo);
  return kOk;
}

}  // namespace jaggy::ops

namespace jaggy::ops {

template <typename T>
JAGGY_HD int64_t offsets_validity_at(const T* offsets, int64_t content_len, int64_t i) {
  if (offsets[i + 1] < offsets[i]) return offsets_validity_err::decreasing;
  if (static_cast<int64_t>(offsets[i + 1]) > content_len) return offsets_validity_err::beyond_content;
  return kOk;
}

}  // namespace jaggy::ops
