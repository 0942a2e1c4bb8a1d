// CPU loops of the segmented reductions (kernels/spec/reduce.yaml): parallel over groups above
// the threshold; each group is reduced sequentially, so results do not depend on thread count.
#include <cstring>
#include <type_traits>

#include "jaggy/ops/reduce.h"
#include "reduce_simd.h"

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

// Short groups (the common case: a few to a few dozen items per list) are reduced over a fixed
// window of kWindow items, masking the items past the group's end: the loop has no branch on the
// group's length, so groups of varying lengths don't cost a branch misprediction each, and the
// compiler vectorizes it. Only used where the whole window lies inside the buffer; longer groups
// and the last ones take the general bodies of ops/reduce.h.
constexpr int64_t kWindow = 16;

template <typename T>
using Accumulator = std::conditional_t<std::is_floating_point_v<T>, double, T>;

template <size_t N> struct Bits;
template <> struct Bits<1> { using type = uint8_t; };
template <> struct Bits<2> { using type = uint16_t; };
template <> struct Bits<4> { using type = uint32_t; };
template <> struct Bits<8> { using type = uint64_t; };

// keep ? v : other, computed on the bit patterns so that the compiler emits no branch (a plain
// conditional becomes one jump per window item, which is what the window avoids).
template <typename T>
inline T select_bits(bool keep, T v, T other) {
  using U = typename Bits<sizeof(T)>::type;
  U a, b;
  std::memcpy(&a, &v, sizeof(T));
  std::memcpy(&b, &other, sizeof(T));
  U m = static_cast<U>(U(0) - static_cast<U>(keep));
  U r = static_cast<U>((a & m) | (b & static_cast<U>(~m)));
  T out;
  std::memcpy(&out, &r, sizeof(T));
  return out;
}

template <typename T>
inline T window_sum(const T* x, int64_t len) {
  using A = Accumulator<T>;
  A acc[4] = {A(0), A(0), A(0), A(0)};
  for (int64_t k = 0; k < kWindow; k++) acc[k & 3] += static_cast<A>(select_bits(k < len, x[k], T(0)));
  return static_cast<T>((acc[0] + acc[1]) + (acc[2] + acc[3]));
}

// Max (Greater) or min of a window; NaN never replaces the running value (as group_max/min).
template <typename T, bool Greater>
inline T window_extremum(const T* x, int64_t len, T start) {
  auto better = [](T v, T m) { return Greater ? (v > m) : (v < m); };
  T m[4] = {start, start, start, start};
  for (int64_t k = 0; k < kWindow; k++) {
    T v = select_bits(k < len, x[k], start);
    m[k & 3] = better(v, m[k & 3]) ? v : m[k & 3];
  }
  T r = m[0];
  for (int k = 1; k < 4; k++) r = better(m[k], r) ? m[k] : r;
  return r;
}

#if defined(JAGGY_X86_AVX512)
// Runs the AVX-512 loop over blocks of groups (in parallel above the threshold); the smallest bad
// group wins whatever the thread count. Returns true when it ran (the CPU has AVX-512F).
template <jaggy::simd::Op op, typename T>
bool simd_groups(const int64_t* offsets, const T* data, T* out, int64_t n, int64_t ndata,
                 T identity, int64_t* err_index, int64_t* status) {
  if constexpr (!std::is_floating_point_v<T>) {
    return false;
  } else {
    if (!jaggy::simd::has_avx512()) return false;
    constexpr int64_t kBlock = 4096;
    const int64_t nblocks = (n + kBlock - 1) / kBlock;
    int64_t first = n;
#if defined(JAGGY_HAVE_OPENMP)
#pragma omp parallel for reduction(min : first) schedule(dynamic, 1) if (n >= jaggy::kParallelThreshold)
#endif
    for (int64_t b = 0; b < nblocks; b++) {
      const int64_t g0 = b * kBlock, g1 = g0 + kBlock < n ? g0 + kBlock : n;
      const int64_t bad = jaggy::simd::reduce_groups<op, T>(offsets, data, out, g0, g1, ndata, identity);
      if (bad < g1 && bad < first) first = bad;
    }
    *status = kOk;
    if (first < n) {
      *err_index = first;
      *status = kBadOffsets;
    }
    return true;
  }
}
#define JAGGY_TRY_SIMD(op, identity)                                                          \
  do {                                                                                       \
    int64_t status_;                                                                         \
    if (simd_groups<jaggy::simd::Op::op, T>(offsets, data, out, n, ndata, identity, err_index, \
                                            &status_))                                       \
      return status_;                                                                        \
  } while (0)
#else
#define JAGGY_TRY_SIMD(op, identity) \
  do {                               \
  } while (0)
#endif

template <typename T>
int64_t reduce_sum_impl(const int64_t* offsets, const T* data, T* out, int64_t n, int64_t ndata,
                        int64_t* err_index) {
  JAGGY_TRY_SIMD(kSum, T(0));
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    out[g] = (hi - lo <= kWindow && lo + kWindow <= ndata) ? window_sum(data + lo, hi - lo)
                                                            : jaggy::ops::group_sum(data + lo, hi - lo);
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
  JAGGY_TRY_SIMD(kMax, start);
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    out[g] = (hi - lo <= kWindow && lo + kWindow <= ndata)
                 ? window_extremum<T, true>(data + lo, hi - lo, start)
                 : jaggy::ops::group_max(data + lo, hi - lo, start);
  });
}

template <typename T>
int64_t reduce_min_impl(const int64_t* offsets, const T* data, const T* identity, T* out, int64_t n,
                        int64_t ndata, int64_t* err_index) {
  T start = identity[0];
  JAGGY_TRY_SIMD(kMin, start);
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    out[g] = (hi - lo <= kWindow && lo + kWindow <= ndata)
                 ? window_extremum<T, false>(data + lo, hi - lo, start)
                 : jaggy::ops::group_min(data + lo, hi - lo, start);
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
