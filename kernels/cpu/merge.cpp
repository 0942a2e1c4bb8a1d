// CPU loops of the merge kernels (kernels/spec/merge.yaml).
#include "jaggy/ops/merge.h"

namespace {

// The bodies update per-list state (counts[i], cursor[i]), so they must run once per list: every
// list is checked first (a pass without side effects, parallel above the threshold, reporting the
// first bad list), then all are run, in parallel (each list touches only its own state and its
// own range of the output).
template <typename C, typename F>
int64_t check_then_run(int64_t n, int64_t* err_index, C&& check, F&& body) {
  const int64_t status = jaggy::for_each_checked(n, err_index, check);
  if (status != jaggy::kOk) return status;
  jaggy::for_each(n, [&](int64_t i) { body(i); });
  return jaggy::kOk;
}

template <typename T>
int64_t merge_add_counts_impl(const T* starts, const T* stops, int64_t* counts, int64_t n,
                              int64_t* err_index) {
  return check_then_run(
      n, err_index,
      [&](int64_t i) {
        return stops[i] < starts[i] ? int64_t(jaggy::merge_add_counts_err::start_after_stop)
                                    : jaggy::kOk;
      },
      [&](int64_t i) { return jaggy::ops::merge_add_counts_at(starts, stops, counts, i); });
}

// The check pass of both interleave kernels (their error codes are the same).
template <typename T>
auto interleave_check(const T* starts, const T* stops, const int64_t* cursor, int64_t content_len,
                      int64_t total) {
  return [=](int64_t i) {
    int64_t c = 0;
    return jaggy::ops::merge_interleave_check(starts, stops, cursor, content_len, total, i, &c);
  };
}

template <typename T>
int64_t merge_interleave_index_impl(const T* starts, const T* stops, int64_t* cursor,
                                    int8_t* tags, int64_t* index, int64_t n, int64_t total,
                                    int64_t content_len, int64_t tag, int64_t base,
                                    int64_t* err_index) {
  return check_then_run(
      n, err_index, interleave_check(starts, stops, cursor, content_len, total),
      [&](int64_t i) {
        return jaggy::ops::merge_interleave_index_at(starts, stops, cursor, tags, index, total,
                                                     content_len, tag, base, i);
      });
}

template <typename T, typename V>
int64_t merge_interleave_fill_impl(const T* starts, const T* stops, const V* content,
                                   int64_t* cursor, V* out, int64_t n, int64_t content_len,
                                   int64_t total, int64_t* err_index) {
  return check_then_run(
      n, err_index, interleave_check(starts, stops, cursor, content_len, total),
      [&](int64_t i) {
        return jaggy::ops::merge_interleave_fill_at(starts, stops, content, cursor, out,
                                                    content_len, total, i);
      });
}

}  // namespace

JAGGY_DEFINE_merge_add_counts(merge_add_counts_impl)
JAGGY_DEFINE_merge_interleave_index(merge_interleave_index_impl)
JAGGY_DEFINE_merge_interleave_fill(merge_interleave_fill_impl)
