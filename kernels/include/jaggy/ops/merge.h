// Per-list bodies of the merge kernels (kernels/spec/merge.yaml), shared by CPU and CUDA.
#pragma once

#include "jaggy/common.h"
#include "jaggy/kernels_generated.h"

namespace jaggy::ops {

template <typename T>
JAGGY_HD int64_t merge_add_counts_at(const T* starts, const T* stops, int64_t* counts, int64_t i) {
  if (stops[i] < starts[i]) return merge_add_counts_err::start_after_stop;
  counts[i] += static_cast<int64_t>(stops[i]) - static_cast<int64_t>(starts[i]);
  return kOk;
}

// Checks list i against its content and the output; on success writes its length to *count.
// The error codes are the same for both interleave kernels (1, 2, 3).
template <typename T>
JAGGY_HD int64_t merge_interleave_check(const T* starts, const T* stops, const int64_t* cursor,
                                        int64_t content_len, int64_t total, int64_t i,
                                        int64_t* count) {
  if (stops[i] < starts[i]) return 1;
  int64_t start = static_cast<int64_t>(starts[i]), stop = static_cast<int64_t>(stops[i]);
  if (stop > start && (start < 0 || stop > content_len)) return 2;
  int64_t c = stop - start;
  if (cursor[i] < 0 || cursor[i] + c > total) return 3;
  *count = c;
  return kOk;
}

template <typename T>
JAGGY_HD int64_t merge_interleave_index_at(const T* starts, const T* stops, int64_t* cursor,
                                           int8_t* tags, int64_t* index, int64_t total,
                                           int64_t content_len, int64_t tag, int64_t base,
                                           int64_t i) {
  int64_t c = 0;
  int64_t status = merge_interleave_check(starts, stops, cursor, content_len, total, i, &c);
  if (status != kOk) return status;
  int64_t pos = cursor[i], first = base + static_cast<int64_t>(starts[i]);
  for (int64_t k = 0; k < c; k++) {
    tags[pos + k] = static_cast<int8_t>(tag);
    index[pos + k] = first + k;
  }
  cursor[i] = pos + c;
  return kOk;
}

template <typename T, typename V>
JAGGY_HD int64_t merge_interleave_fill_at(const T* starts, const T* stops, const V* content,
                                          int64_t* cursor, V* out, int64_t content_len,
                                          int64_t total, int64_t i) {
  int64_t c = 0;
  int64_t status = merge_interleave_check(starts, stops, cursor, content_len, total, i, &c);
  if (status != kOk) return status;
  int64_t pos = cursor[i];
  const V* src = content + static_cast<int64_t>(starts[i]);
  for (int64_t k = 0; k < c; k++) out[pos + k] = src[k];
  cursor[i] = pos + c;
  return kOk;
}

}  // namespace jaggy::ops
