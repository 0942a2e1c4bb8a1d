// AVX-512 loops for the commonest segmented reductions (sum, max, min of float64/float32 over
// short lists), chosen at run time when the CPU has AVX-512F. A list of up to 16 (float64) or 32
// (float32) items is read with two masked loads: no branch on its length and no read past its end
// (masked-out lanes are never accessed), then reduced across the vector. Longer lists take the
// general bodies of ops/reduce.h. Only included by reduce.cpp; the CPU build stays portable (the
// functions carry their own target attribute; other compilers/CPUs use the generic loops).
#pragma once

#include <cstdint>

#include "jaggy/ops/reduce.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(JAGGY_NO_SIMD)
#define JAGGY_X86_AVX512 1
#include <immintrin.h>

namespace jaggy::simd {

inline bool has_avx512() {
  static const bool yes = __builtin_cpu_supports("avx512f");
  return yes;
}

enum class Op { kSum, kMax, kMin };

// One list of doubles, len <= 16, every lane past len holds the identity.
template <Op op>
__attribute__((target("avx512f"))) inline double reduce16(const double* x, int64_t len,
                                                          double identity) {
  const __mmask16 m = len >= 16 ? __mmask16(0xFFFF) : __mmask16((1u << len) - 1u);
  const __m512d id = _mm512_set1_pd(identity);
  __m512d a = _mm512_mask_loadu_pd(id, __mmask8(m & 0xFF), x);
  __m512d b = _mm512_mask_loadu_pd(id, __mmask8(m >> 8), x + 8);
  if constexpr (op == Op::kSum) return _mm512_reduce_add_pd(_mm512_add_pd(a, b));
  // max_pd(v, r) returns r when v is NaN: NaN items never replace the running value, as in
  // ops::group_max/min, and the running lanes (from the identity) never become NaN.
  if constexpr (op == Op::kMax) {
    __m512d r = _mm512_max_pd(a, id);
    r = _mm512_max_pd(b, r);
    return _mm512_reduce_max_pd(r);
  } else {
    __m512d r = _mm512_min_pd(a, id);
    r = _mm512_min_pd(b, r);
    return _mm512_reduce_min_pd(r);
  }
}

__attribute__((target("avx512f"))) inline __m256 high_half(__m512 v) {
  return _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(v), 1));
}

// One list of floats, len <= 32; sums accumulate in double precision like ops::group_sum.
template <Op op>
__attribute__((target("avx512f"))) inline float reduce32(const float* x, int64_t len, float identity) {
  const uint32_t m = len >= 32 ? 0xFFFFFFFFu : ((uint32_t(1) << len) - 1u);
  const __m512 id = _mm512_set1_ps(identity);
  __m512 a = _mm512_mask_loadu_ps(id, __mmask16(m & 0xFFFF), x);
  __m512 b = _mm512_mask_loadu_ps(id, __mmask16(m >> 16), x + 16);
  if constexpr (op == Op::kSum) {
    __m512d s = _mm512_add_pd(_mm512_cvtps_pd(_mm512_castps512_ps256(a)),
                              _mm512_cvtps_pd(high_half(a)));
    s = _mm512_add_pd(s, _mm512_cvtps_pd(_mm512_castps512_ps256(b)));
    s = _mm512_add_pd(s, _mm512_cvtps_pd(high_half(b)));
    return static_cast<float>(_mm512_reduce_add_pd(s));
  }
  if constexpr (op == Op::kMax) {
    __m512 r = _mm512_max_ps(a, id);
    r = _mm512_max_ps(b, r);
    return _mm512_reduce_max_ps(r);
  } else {
    __m512 r = _mm512_min_ps(a, id);
    r = _mm512_min_ps(b, r);
    return _mm512_reduce_min_ps(r);
  }
}

template <typename T> struct Lanes;
template <> struct Lanes<double> { static constexpr int64_t window = 16; };
template <> struct Lanes<float> { static constexpr int64_t window = 32; };

// Reduces groups [g0, g1); returns the first group whose offsets are bad, or g1 when all are good.
template <Op op, typename T>
__attribute__((target("avx512f"))) int64_t reduce_groups(const int64_t* offsets, const T* data,
                                                         T* out, int64_t g0, int64_t g1,
                                                         int64_t ndata, T identity) {
  for (int64_t g = g0; g < g1; g++) {
    if (!ops::reduce_group_ok(offsets, ndata, g)) return g;
    const int64_t lo = offsets[g], len = offsets[g + 1] - lo;
    if (len <= Lanes<T>::window) {
      if constexpr (sizeof(T) == 8) {
        out[g] = reduce16<op>(data + lo, len, identity);
      } else {
        out[g] = reduce32<op>(data + lo, len, identity);
      }
    } else if constexpr (op == Op::kSum) {
      // group_sum is compiled without AVX: clear the upper halves first, or every SSE
      // instruction in it pays the AVX-SSE transition penalty (measured: 10x slower).
      _mm256_zeroupper();
      out[g] = ops::group_sum(data + lo, len);
    } else if constexpr (op == Op::kMax) {
      out[g] = ops::group_max(data + lo, len, identity);
    } else {
      out[g] = ops::group_min(data + lo, len, identity);
    }
  }
  return g1;
}

}  // namespace jaggy::simd
#endif
