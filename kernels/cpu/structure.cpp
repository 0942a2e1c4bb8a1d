// CPU loops of the structure kernels (kernels/spec/structure.yaml).
#include "jaggy/ops/structure.h"
#include "list_windows.h"

namespace {

int64_t local_index_impl(const int64_t* offsets, int64_t* out, int64_t n, int64_t total,
                         int64_t* err_index) {
  const int64_t bad = jaggy::cpu::fill_lists(offsets, n, total, [&](int64_t, int64_t lo, int64_t width) {
    for (int64_t k = 0; k < width; k++) out[lo + k] = k;
  });
  if (bad < 0) return jaggy::kOk;
  *err_index = bad;
  return jaggy::local_index_err::bad_offsets;
}

template <typename T>
int64_t pad_index_impl(const T* starts, const T* stops, const int64_t* outoffsets, int64_t* index,
                       int64_t n, int64_t total, int64_t* err_index) {
  const int64_t status = jaggy::for_each_checked(n, err_index, [&](int64_t i) -> int64_t {
    if (stops[i] < starts[i]) return jaggy::pad_index_err::start_after_stop;
    const int64_t lo = outoffsets[i], hi = outoffsets[i + 1];
    return (lo < 0 || hi < lo || hi > total) ? jaggy::pad_index_err::bad_offsets : jaggy::kOk;
  });
  if (status != jaggy::kOk || n == 0) return status;
  if (outoffsets[0] != 0) {  // the windows below count from outoffsets[0]
    jaggy::for_each(n, [&](int64_t i) {
      jaggy::ops::pad_index_at(starts, stops, outoffsets, index, total, i);
    });
    return jaggy::kOk;
  }
  jaggy::cpu::fill_lists(outoffsets, n, total, [&](int64_t i, int64_t lo, int64_t width) {
    const int64_t start = static_cast<int64_t>(starts[i]);
    const int64_t length = static_cast<int64_t>(stops[i]) - start;
    for (int64_t k = 0; k < width; k++) index[lo + k] = k < length ? start + k : int64_t(-1);
  });
  return jaggy::kOk;
}

template <typename T>
int64_t index_fill_impl(const T* content, const int64_t* index, const T* value, T* out, int64_t n,
                        int64_t m, int64_t* err_index) {
  const T v = value[0];
  if (m == 0) {
    return jaggy::for_each_checked(
        n, err_index, [&](int64_t i) { return jaggy::ops::index_fill_at(content, index, v, out, m, i); });
  }
  // The content item is read whatever the index (item 0 for a missing entry), so that the choice
  // between it and the fill value is a select, not a branch that random gaps mispredict.
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) -> int64_t {
    const int64_t k = index[i];
    if (k >= m) return jaggy::index_fill_err::beyond_content;
    const T c = content[k >= 0 ? k : 0];
    out[i] = k >= 0 ? c : v;
    return jaggy::kOk;
  });
}

}  // namespace

JAGGY_DEFINE_local_index(local_index_impl)
JAGGY_DEFINE_pad_index(pad_index_impl)
JAGGY_DEFINE_index_fill(index_fill_impl)
