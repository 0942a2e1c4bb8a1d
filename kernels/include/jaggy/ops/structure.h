// Per-list / per-element bodies of the structure kernels (kernels/spec/structure.yaml), shared by
// the CPU loops and the CUDA launches.
#pragma once

#include "jaggy/common.h"
#include "jaggy/kernels_generated.h"

namespace jaggy::ops {

JAGGY_HD int64_t local_index_at(const int64_t* offsets, int64_t* out, int64_t total, int64_t i) {
  int64_t lo = offsets[i] - offsets[0], hi = offsets[i + 1] - offsets[0];
  if (hi < lo || lo < 0 || hi > total) return local_index_err::bad_offsets;
  for (int64_t j = lo; j < hi; j++) out[j] = j - lo;
  return kOk;
}

template <typename T>
JAGGY_HD int64_t pad_index_at(const T* starts, const T* stops, const int64_t* outoffsets,
                              int64_t* index, int64_t total, int64_t i) {
  if (stops[i] < starts[i]) return pad_index_err::start_after_stop;
  int64_t lo = outoffsets[i], hi = outoffsets[i + 1];
  if (lo < 0 || hi < lo || hi > total) return pad_index_err::bad_offsets;
  int64_t start = static_cast<int64_t>(starts[i]);
  int64_t length = static_cast<int64_t>(stops[i]) - start;
  int64_t width = hi - lo;
  int64_t keep = length < width ? length : width;
  for (int64_t j = 0; j < keep; j++) index[lo + j] = start + j;
  for (int64_t j = keep; j < width; j++) index[lo + j] = -1;
  return kOk;
}

template <typename T>
JAGGY_HD int64_t index_fill_at(const T* content, const int64_t* index, T value, T* out, int64_t m,
                               int64_t i) {
  int64_t k = index[i];
  if (k >= m) return index_fill_err::beyond_content;
  out[i] = k >= 0 ? content[k] : value;
  return kOk;
}

}  // namespace jaggy::ops
