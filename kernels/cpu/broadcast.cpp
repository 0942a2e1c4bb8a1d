// CPU loops of the broadcasting kernels (kernels/spec/broadcast.yaml).
#include "jaggy/ops/broadcast.h"
#include "list_windows.h"

namespace {

int64_t broadcast_offsets_check_impl(const int64_t* a, const int64_t* b, int64_t n,
                                     int64_t* err_index) {
  return jaggy::for_each_checked(
      n, err_index, [&](int64_t i) { return jaggy::ops::broadcast_offsets_check_at(a, b, i); });
}

int64_t broadcast_regular_check_impl(const int64_t* offsets, int64_t n, int64_t size,
                                     int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::broadcast_regular_check_at(offsets, size, i);
  });
}

int64_t broadcast_parents_impl(const int64_t* offsets, int64_t* parents, int64_t n, int64_t total,
                               int64_t* err_index) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    return jaggy::ops::broadcast_parents_at(offsets, parents, total, i);
  });
}

template <typename T>
int64_t broadcast_repeat_impl(const int64_t* offsets, const T* values, T* out, int64_t n,
                              int64_t total, int64_t* err_index) {
  const int64_t bad = jaggy::cpu::fill_lists(offsets, n, total, [&](int64_t i, int64_t lo, int64_t width) {
    const T v = values[i];
    for (int64_t k = 0; k < width; k++) out[lo + k] = v;
  });
  if (bad < 0) return jaggy::kOk;
  *err_index = bad;
  return jaggy::broadcast_repeat_err::bad_offsets;
}

}  // namespace

JAGGY_DEFINE_broadcast_offsets_check(broadcast_offsets_check_impl)
JAGGY_DEFINE_broadcast_regular_check(broadcast_regular_check_impl)
JAGGY_DEFINE_broadcast_parents(broadcast_parents_impl)
JAGGY_DEFINE_broadcast_repeat(broadcast_repeat_impl)
