// CPU loops of the broadcasting kernels (kernels/spec/broadcast.yaml).
#include "jaggy/ops/broadcast.h"

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
  int64_t base = n > 0 ? offsets[0] : 0;
  int64_t status = jaggy::for_each_checked(n, err_index, [&](int64_t i) {
    int64_t lo = offsets[i] - base, hi = offsets[i + 1] - base;
    return (hi < lo || lo < 0 || hi > total) ? int64_t(jaggy::broadcast_repeat_err::bad_offsets)
                                             : int64_t(jaggy::kOk);
  });
  if (status != jaggy::kOk) return status;
  jaggy::for_each(n, [&](int64_t i) {
    T v = values[i];
    for (int64_t j = offsets[i] - base; j < offsets[i + 1] - base; j++) out[j] = v;
  });
  return jaggy::kOk;
}

}  // namespace

JAGGY_DEFINE_broadcast_offsets_check(broadcast_offsets_check_impl)
JAGGY_DEFINE_broadcast_regular_check(broadcast_regular_check_impl)
JAGGY_DEFINE_broadcast_parents(broadcast_parents_impl)
JAGGY_DEFINE_broadcast_repeat(broadcast_repeat_impl)
