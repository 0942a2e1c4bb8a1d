// CPU loops of the segmented reductions (kernels/spec/reduce.yaml): parallel over groups above
// the threshold; each group is reduced sequentially, so results do not depend on thread count.
#include "jaggy/ops/reduce.h"

namespace {

using jaggy::kOk;
constexpr int64_t kBadOffsets = 1;  // the same code in every reduce_* kernel's spec

// Runs body(g, lo, hi) for every group after checking its bounds.
template <typename F>
int64_t for_groups(const int64_t* offsets, int64_t n, int64_t ndata, int64_t* err_index, F&& body) {
  return jaggy::for_each_checked(n, err_index, [&](int64_t g) {
    if (!jaggy::ops::reduce_group_ok(offsets, ndata, g)) return kBadOffsets;
    body(g, offsets[g], offsets[g + 1]);
    return kOk;
  });
}

template <typename T>
int64_t reduce_sum_impl(const int64_t* offsets, const T* data, T* out, int64_t n, int64_t ndata,
                        int64_t* err_index) {
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    out[g] = jaggy::ops::group_sum(data + lo, hi - lo);
  });
}

template <typename T>
int64_t reduce_prod_impl(const int64_t* offsets, const T* data, T* out, int64_t n, int64_t ndata,
                         int64_t* err_index) {
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    out[g] = jaggy::ops::group_prod(data + lo, hi - lo);
  });
}

template <typename T>
int64_t reduce_max_impl(const int64_t* offsets, const T* data, const T* identity, T* out, int64_t n,
                        int64_t ndata, int64_t* err_index) {
  T start = identity[0];
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    out[g] = jaggy::ops::group_max(data + lo, hi - lo, start);
  });
}

template <typename T>
int64_t reduce_min_impl(const int64_t* offsets, const T* data, const T* identity, T* out, int64_t n,
                        int64_t ndata, int64_t* err_index) {
  T start = identity[0];
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    out[g] = jaggy::ops::group_min(data + lo, hi - lo, start);
  });
}

template <typename T>
int64_t reduce_argmax_impl(const int64_t* offsets, const T* data, int64_t* out, int64_t n,
                           int64_t ndata, int64_t* err_index) {
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    out[g] = jaggy::ops::group_arg<T, true>(data, lo, hi);
  });
}

template <typename T>
int64_t reduce_argmin_impl(const int64_t* offsets, const T* data, int64_t* out, int64_t n,
                           int64_t ndata, int64_t* err_index) {
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    out[g] = jaggy::ops::group_arg<T, false>(data, lo, hi);
  });
}

template <typename T>
int64_t reduce_count_nonzero_impl(const int64_t* offsets, const T* data, int64_t* out, int64_t n,
                                  int64_t ndata, int64_t* err_index) {
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    out[g] = jaggy::ops::group_count_nonzero(data + lo, hi - lo);
  });
}

template <typename T>
int64_t reduce_any_impl(const int64_t* offsets, const T* data, bool* out, int64_t n, int64_t ndata,
                        int64_t* err_index) {
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    out[g] = jaggy::ops::group_any(data + lo, hi - lo);
  });
}

template <typename T>
int64_t reduce_all_impl(const int64_t* offsets, const T* data, bool* out, int64_t n, int64_t ndata,
                        int64_t* err_index) {
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    out[g] = jaggy::ops::group_all(data + lo, hi - lo);
  });
}

}  // namespace

JAGGY_DEFINE_reduce_sum(reduce_sum_impl)
JAGGY_DEFINE_reduce_prod(reduce_prod_impl)
JAGGY_DEFINE_reduce_max(reduce_max_impl)
JAGGY_DEFINE_reduce_min(reduce_min_impl)
JAGGY_DEFINE_reduce_argmax(reduce_argmax_impl)
JAGGY_DEFINE_reduce_argmin(reduce_argmin_impl)
JAGGY_DEFINE_reduce_count_nonzero(reduce_count_nonzero_impl)
JAGGY_DEFINE_reduce_any(reduce_any_impl)
JAGGY_DEFINE_reduce_all(reduce_all_impl)
