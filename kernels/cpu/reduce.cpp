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

// Position (0-based) of the first maximum (Greater) or minimum of a window's first len items,
// given that x[0] is not NaN: the extremum m over the window (the items past len replaced by
// x[0]; NaN never replaces the running value), then the first item equal to m, both without a
// branch per item. Same answer as ops::group_arg (m is one of the items, and the first item
// equal to m is the first one strictly greater than everything before it).
template <typename T, bool Greater>
inline int64_t window_arg(const T* x, int64_t len) {
  const T m = window_extremum<T, Greater>(x, len, x[0]);
  uint32_t hit = 0;
  for (int64_t k = 0; k < kWindow; k++) hit |= uint32_t((k < len) & (x[k] == m)) << k;
  return __builtin_ctz(hit);
}

template <typename T>
inline bool is_nan(T v) {
  if constexpr (std::is_floating_point_v<T>) {
    return v != v;
  } else {
    return false;
  }
}

template <typename T, bool Greater>
inline int64_t group_arg_fast(const T* data, int64_t lo, int64_t hi, int64_t ndata) {
  if (hi - lo <= 0 || hi - lo > kWindow || lo + kWindow > ndata || is_nan(data[lo]))
    return jaggy::ops::group_arg<T, Greater>(data, lo, hi);
  return lo + window_arg<T, Greater>(data + lo, hi - lo);
}

#if defined(JAGGY_X86_AVX512)
// Runs block(g0, g1) (a vector loop over groups [g0, g1) returning the first bad group, or g1)
// over blocks of groups, in parallel above the threshold; the smallest bad group wins whatever
// the thread count.
template <typename Block>
int64_t simd_blocks(int64_t n, int64_t* err_index, Block&& block) {
  constexpr int64_t kBlock = 4096;
  const int64_t nblocks = (n + kBlock - 1) / kBlock;
  int64_t first = n;
#if defined(JAGGY_HAVE_OPENMP)
#pragma omp parallel for reduction(min : first) schedule(dynamic, 1) if (n >= jaggy::kParallelThreshold)
#endif
  for (int64_t b = 0; b < nblocks; b++) {
    const int64_t g0 = b * kBlock, g1 = g0 + kBlock < n ? g0 + kBlock : n;
    const int64_t bad = block(g0, g1);
    if (bad < g1 && bad < first) first = bad;
  }
  if (first < n) {
    *err_index = first;
    return kBadOffsets;
  }
  return kOk;
}

// The AVX-512 loop of a sum/max/min; true when it ran (floating point, the CPU has AVX-512F).
template <jaggy::simd::Op op, typename T>
bool simd_groups(const int64_t* offsets, const T* data, T* out, bool* valid, int64_t n,
                 int64_t ndata, T identity, int64_t* err_index, int64_t* status) {
  if constexpr (!std::is_floating_point_v<T>) {
    return false;
  } else {
    if (!jaggy::simd::has_avx512()) return false;
    *status = simd_blocks(n, err_index, [&](int64_t g0, int64_t g1) {
      return jaggy::simd::reduce_groups<op, T>(offsets, data, out, valid, g0, g1, ndata, identity);
    });
    return true;
  }
}

// The AVX-512 loop of an argmax/argmin; true when it ran.
template <bool Greater, typename T>
bool simd_arg(const int64_t* offsets, const T* data, int64_t* out, int64_t n, int64_t ndata,
              int64_t* err_index, int64_t* status) {
  if constexpr (!std::is_floating_point_v<T>) {
    return false;
  } else {
    if (!jaggy::simd::has_avx512()) return false;
    *status = simd_blocks(n, err_index, [&](int64_t g0, int64_t g1) {
      return jaggy::simd::arg_groups<Greater, T>(offsets, data, out, g0, g1, ndata);
    });
    return true;
  }
}
#define JAGGY_TRY_SIMD_ARG(greater)                                                         \
  do {                                                                                      \
    int64_t status_;                                                                        \
    if (simd_arg<greater, T>(offsets, data, out, n, ndata, err_index, &status_)) return status_; \
  } while (0)
#define JAGGY_TRY_SIMD(op, identity, valid)                                              \
  do {                                                                                  \
    int64_t status_;                                                                    \
    if (simd_groups<jaggy::simd::Op::op, T>(offsets, data, out, valid, n, ndata, identity, \
                                            err_index, &status_))                       \
      return status_;                                                                   \
  } while (0)
#else
#define JAGGY_TRY_SIMD(op, identity, valid) \
  do {                                      \
  } while (0)
#define JAGGY_TRY_SIMD_ARG(greater) \
  do {                              \
  } while (0)
#endif

template <typename T>
int64_t reduce_sum_impl(const int64_t* offsets, const T* data, T* out, int64_t n, int64_t ndata,
                        int64_t* err_index) {
  JAGGY_TRY_SIMD(kSum, T(0), nullptr);
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    out[g] = (hi - lo <= kWindow && lo + kWindow <= ndata) ? window_sum(data + lo, hi - lo)
                                                            : jaggy::ops::group_sum(data + lo, hi - lo);
  });
}

template <typename T>
int64_t reduce_mean_impl(const int64_t* offsets, const T* data, const double* empty, double* out,
                         int64_t n, int64_t ndata, int64_t* err_index) {
  static_assert(std::is_same_v<T, double>, "reduce_mean is declared for float64 only");
  const double fill = empty[0];
  JAGGY_TRY_SIMD(kMean, fill, nullptr);
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    const double s = (hi - lo <= kWindow && lo + kWindow <= ndata)
                         ? window_sum(data + lo, hi - lo)
                         : jaggy::ops::group_sum(data + lo, hi - lo);
    out[g] = hi > lo ? s / static_cast<double>(hi - lo) : fill;
  });
}

template <typename T>
int64_t reduce_prod_impl(const int64_t* offsets, const T* data, T* out, int64_t n, int64_t ndata,
                         int64_t* err_index) {
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    out[g] = jaggy::ops::group_prod(data + lo, hi - lo);
  });
}

// Max (Greater) or min of every group; with valid, also whether each group is non-empty.
template <bool Greater, typename T>
int64_t extremum_groups(const int64_t* offsets, const T* data, T start, T* out, bool* valid,
                        int64_t n, int64_t ndata, int64_t* err_index) {
  if constexpr (Greater) {
    JAGGY_TRY_SIMD(kMax, start, valid);
  } else {
    JAGGY_TRY_SIMD(kMin, start, valid);
  }
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    if (valid != nullptr) valid[g] = hi > lo;
    if (hi - lo <= kWindow && lo + kWindow <= ndata) {
      out[g] = window_extremum<T, Greater>(data + lo, hi - lo, start);
    } else if constexpr (Greater) {
      out[g] = jaggy::ops::group_max(data + lo, hi - lo, start);
    } else {
      out[g] = jaggy::ops::group_min(data + lo, hi - lo, start);
    }
  });
}

template <typename T>
int64_t reduce_max_impl(const int64_t* offsets, const T* data, const T* identity, T* out, int64_t n,
                        int64_t ndata, int64_t* err_index) {
  return extremum_groups<true>(offsets, data, identity[0], out, nullptr, n, ndata, err_index);
}

template <typename T>
int64_t reduce_min_impl(const int64_t* offsets, const T* data, const T* identity, T* out, int64_t n,
                        int64_t ndata, int64_t* err_index) {
  return extremum_groups<false>(offsets, data, identity[0], out, nullptr, n, ndata, err_index);
}

template <typename T>
int64_t reduce_max_masked_impl(const int64_t* offsets, const T* data, const T* identity, T* out,
                               bool* valid, int64_t n, int64_t ndata, int64_t* err_index) {
  return extremum_groups<true>(offsets, data, identity[0], out, valid, n, ndata, err_index);
}

template <typename T>
int64_t reduce_min_masked_impl(const int64_t* offsets, const T* data, const T* identity, T* out,
                               bool* valid, int64_t n, int64_t ndata, int64_t* err_index) {
  return extremum_groups<false>(offsets, data, identity[0], out, valid, n, ndata, err_index);
}

template <typename T>
int64_t reduce_argmax_impl(const int64_t* offsets, const T* data, int64_t* out, int64_t n,
                           int64_t ndata, int64_t* err_index) {
  JAGGY_TRY_SIMD_ARG(true);
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    out[g] = group_arg_fast<T, true>(data, lo, hi, ndata);
  });
}

template <typename T>
int64_t reduce_argmin_impl(const int64_t* offsets, const T* data, int64_t* out, int64_t n,
                           int64_t ndata, int64_t* err_index) {
  JAGGY_TRY_SIMD_ARG(false);
  return for_groups(offsets, n, ndata, err_index, [&](int64_t g, int64_t lo, int64_t hi) {
    out[g] = group_arg_fast<T, false>(data, lo, hi, ndata);
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
JAGGY_DEFINE_reduce_mean(reduce_mean_impl)
JAGGY_DEFINE_reduce_max(reduce_max_impl)
JAGGY_DEFINE_reduce_min(reduce_min_impl)
JAGGY_DEFINE_reduce_max_masked(reduce_max_masked_impl)
JAGGY_DEFINE_reduce_min_masked(reduce_min_masked_impl)
JAGGY_DEFINE_reduce_argmax(reduce_argmax_impl)
JAGGY_DEFINE_reduce_argmin(reduce_argmin_impl)
JAGGY_DEFINE_reduce_count_nonzero(reduce_count_nonzero_impl)
JAGGY_DEFINE_reduce_any(reduce_any_impl)
JAGGY_DEFINE_reduce_all(reduce_all_impl)
