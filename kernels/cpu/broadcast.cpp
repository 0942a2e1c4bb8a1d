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

}  // namespace

JAGGY_DEFINE_broadcast_offsets_check(broadcast_offsets_check_impl)
JAGGY_DEFINE_broadcast_regular_check(broadcast_regular_check_impl)
JAGGY_DEFINE_broadcast_parents(broadcast_parents_impl)
