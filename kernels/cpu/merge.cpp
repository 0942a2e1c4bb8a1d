// CPU loops of the merge kernels (kernels/spec/merge.yaml).
#include "jaggy/ops/merge.h"

namespace {

// These loops are memory-bound (one read and one write per element) and run serially: on
// oversubscribed machines an OpenMP region costs more than the loop it splits.
template <typename F>
int64_t serial_checked(int64_t n, int64_t* err_index, F&& body) {
  for (int64_t i = 0; i < n; i++) {
    int64_t status = body(i);
    if (status != jaggy::kOk) {
      *err_index = i;
      return status;
    }
  }
  return jaggy::kOk;
}

template <typename T>
int64_t merge_add_counts_impl(const T* starts, const T* stops, int64_t* counts, int64_t n,
                              int64_t* err_index) {
  return serial_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::merge_add_counts_at(starts, stops, counts, i);
  });
}

template <typename T>
int64_t merge_interleave_index_impl(const T* starts, const T* stops, int64_t* cursor,
                                    int8_t* tags, int64_t* index, int64_t n, int64_t total,
                                    int64_t content_len, int64_t tag, int64_t base,
                                    int64_t* err_index) {
  return serial_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::merge_interleave_index_at(starts, stops, cursor, tags, index, total,
                                                 content_len, tag, base, i);
  });
}

template <typename T, typename V>
int64_t merge_interleave_fill_impl(const T* starts, const T* stops, const V* content,
                                   int64_t* cursor, V* out, int64_t n, int64_t content_len,
                                   int64_t total, int64_t* err_index) {
  return serial_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::merge_interleave_fill_at(starts, stops, content, cursor, out,
                                                content_len, total, i);
  });
}

}  // namespace

JAGGY_DEFINE_merge_add_counts(merge_add_counts_impl)
JAGGY_DEFINE_merge_interleave_index(merge_interleave_index_impl)
JAGGY_DEFINE_merge_interleave_fill(merge_interleave_fill_impl)
