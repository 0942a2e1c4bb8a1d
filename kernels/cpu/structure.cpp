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
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::pad_index_at(starts, stops, outoffsets, index, total, i);
  });
}

template <typename T>
int64_t index_fill_impl(const T* content, const int64_t* index, const T* value, T* out, int64_t n,
                        int64_t m, int64_t* err_index) {
  const T v = value[0];
  return jaggy::for_each_checked(
      n, err_index, [&](int64_t i) { return jaggy::ops::index_fill_at(content, index, v, out, m, i); });
}

}  // namespace

JAGGY_DEFINE_local_index(local_index_impl)
JAGGY_DEFINE_pad_index(pad_index_impl)
JAGGY_DEFINE_index_fill(index_fill_impl)
