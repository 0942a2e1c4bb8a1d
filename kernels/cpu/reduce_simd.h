// AVX-512 loops for the commonest segmented reductions (sum, max, min of float64/float32 over
// short lists), chosen at run time when the CPU has AVX-512F. A list of up to 16 (float64) or 32
// (float32) items is read with two masked loads: no branch on its length and no read past its end
// (masked-out lanes are never accessed), then reduced across the vector. Longer lists of a max or
// min run full vectors then one masked tail; longer sums take the general body of ops/reduce.h.
// Only included by reduce.cpp; the CPU build stays portable (the functions carry their own target
// attribute; other compilers/CPUs use the generic loops).
#pragma once

#include <cstdint>

#include "jaggy/ops/reduce.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(JAGGY_NO_SIMD)
#define JAGGY_X86_AVX512 1
#include <immintrin.h>

namespace jaggy::simd {

#ifndef JAGGY_PREFETCH_BYTES
#define JAGGY_PREFETCH_BYTES 2048
#endif
constexpr int64_t kPrefetchBytes = JAGGY_PREFETCH_BYTES;

inline bool has_avx512() {
  static const bool yes = __builtin_cpu_supports("avx512f");
  return yes;
}

enum class Op { kSum, kMax, kMin, kMean };  // kMean: the sum divided by the length

// The loops below touch each list once, in order; a prefetch a few lists ahead hides the memory
// latency that the hardware prefetcher leaves (the lists' loads wait on it otherwise).
// (Measured on 1M lists of Poisson(10) doubles: 20-25% faster with 1-2 KiB ahead.)
inline void prefetch_ahead(const void* p) {
  __builtin_prefetch(static_cast<const char*>(p) + kPrefetchBytes, 0, 3);
}

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

// Max or min of a list of any length: full vectors through two running registers, then the
// tail with masked loads (lanes past the end hold the identity). max_pd(v, r) keeps r where v is
// NaN, as in reduce16. The scalar loop it replaces carried one maxsd per item in a chain.
template <Op op>
__attribute__((target("avx512f"))) inline __m512d pick(__m512d v, __m512d r) {
  return op == Op::kMax ? _mm512_max_pd(v, r) : _mm512_min_pd(v, r);
}
template <Op op>
__attribute__((target("avx512f"))) inline __m512 pick(__m512 v, __m512 r) {
  return op == Op::kMax ? _mm512_max_ps(v, r) : _mm512_min_ps(v, r);
}

template <Op op, typename T>
__attribute__((target("avx512f"))) inline T extremum_long(const T* x, int64_t len, T identity) {
  if constexpr (sizeof(T) == 8) {
    const __m512d id = _mm512_set1_pd(identity);
    __m512d r0 = id, r1 = id;
    int64_t k = 0;
    for (; k + 16 <= len; k += 16) {
      r0 = pick<op>(_mm512_loadu_pd(x + k), r0);
      r1 = pick<op>(_mm512_loadu_pd(x + k + 8), r1);
    }
    const int64_t rest = len - k;
    const __mmask16 m = rest >= 16 ? __mmask16(0xFFFF) : __mmask16((1u << rest) - 1u);
    r0 = pick<op>(_mm512_mask_loadu_pd(id, __mmask8(m & 0xFF), x + k), r0);
    r1 = pick<op>(_mm512_mask_loadu_pd(id, __mmask8(m >> 8), x + k + 8), r1);
    r0 = pick<op>(r1, r0);
    return op == Op::kMax ? _mm512_reduce_max_pd(r0) : _mm512_reduce_min_pd(r0);
  } else {
    const __m512 id = _mm512_set1_ps(identity);
    __m512 r0 = id, r1 = id;
    int64_t k = 0;
    for (; k + 32 <= len; k += 32) {
      r0 = pick<op>(_mm512_loadu_ps(x + k), r0);
      r1 = pick<op>(_mm512_loadu_ps(x + k + 16), r1);
    }
    const int64_t rest = len - k;
    const uint32_t m = rest >= 32 ? 0xFFFFFFFFu : ((uint32_t(1) << rest) - 1u);
    r0 = pick<op>(_mm512_mask_loadu_ps(id, __mmask16(m & 0xFFFF), x + k), r0);
    r1 = pick<op>(_mm512_mask_loadu_ps(id, __mmask16(m >> 16), x + k + 16), r1);
    r0 = pick<op>(r1, r0);
    return op == Op::kMax ? _mm512_reduce_max_ps(r0) : _mm512_reduce_min_ps(r0);
  }
}

template <typename T> struct Lanes;
template <> struct Lanes<double> { static constexpr int64_t window = 16; };
template <> struct Lanes<float> { static constexpr int64_t window = 32; };

// Reduces groups [g0, g1); returns the first group whose offsets are bad, or g1 when all are good.
// With a valid buffer, also writes whether each group is non-empty.
template <Op op, typename T>
__attribute__((target("avx512f"))) int64_t reduce_groups(const int64_t* offsets, const T* data,
                                                         T* out, bool* valid, int64_t g0,
                                                         int64_t g1, int64_t ndata, T identity) {
  for (int64_t g = g0; g < g1; g++) {
    if (!ops::reduce_group_ok(offsets, ndata, g)) return g;
    const int64_t lo = offsets[g], len = offsets[g + 1] - lo;
    prefetch_ahead(data + lo);
    if (valid != nullptr) valid[g] = len > 0;
    if constexpr (op == Op::kMean) {
      T s;
      if (len <= Lanes<T>::window) {
        s = reduce16<Op::kSum>(data + lo, len, T(0));
      } else {
        _mm256_zeroupper();  // (see below)
        s = ops::group_sum(data + lo, len);
      }
      out[g] = len > 0 ? s / static_cast<T>(len) : identity;
    } else if (len <= Lanes<T>::window) {
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
    } else {
      out[g] = extremum_long<op, T>(data + lo, len, identity);
    }
  }
  return g1;
}


// ---- argmax/argmin -------------------------------------------------------------------------
// The position of a list's first maximum (Greater) or minimum, with ops::group_arg's semantics:
// a first item that is NaN is the answer (nothing compares greater than it); otherwise NaN items
// are skipped; the first item equal to the extremum wins (-0.0 == 0.0). Computed without a
// branch per item: the extremum m ignoring NaN (max_pd(v, r) keeps r where v is NaN; lanes past
// the list's end hold x[lo]), then the first lane inside the list with x == m (a NaN is never
// equal to m, and m is not NaN since x[lo] is not).
template <bool Greater>
__attribute__((target("avx512f"))) inline __m512d ext_pd(__m512d v, __m512d r) {
  return Greater ? _mm512_max_pd(v, r) : _mm512_min_pd(v, r);
}
template <bool Greater>
__attribute__((target("avx512f"))) inline __m512 ext_ps(__m512 v, __m512 r) {
  return Greater ? _mm512_max_ps(v, r) : _mm512_min_ps(v, r);
}

// Lists of any length of doubles: one masked pass for m, one for its first position.
template <bool Greater>
__attribute__((target("avx512f"))) inline int64_t arg_pd(const double* x, int64_t len) {
  const __m512d first = _mm512_set1_pd(x[0]);
  if (len <= 16) {
    const __mmask16 m = len >= 16 ? __mmask16(0xFFFF) : __mmask16((1u << len) - 1u);
    const __m512d a = _mm512_mask_loadu_pd(first, __mmask8(m & 0xFF), x);
    const __m512d b = _mm512_mask_loadu_pd(first, __mmask8(m >> 8), x + 8);
    const __m512d r = ext_pd<Greater>(b, ext_pd<Greater>(a, first));
    const __m512d e = _mm512_set1_pd(Greater ? _mm512_reduce_max_pd(r) : _mm512_reduce_min_pd(r));
    const uint32_t hit = uint32_t(_mm512_mask_cmp_pd_mask(__mmask8(m & 0xFF), a, e, _CMP_EQ_OQ)) |
                         (uint32_t(_mm512_mask_cmp_pd_mask(__mmask8(m >> 8), b, e, _CMP_EQ_OQ)) << 8);
    return __builtin_ctz(hit);
  }
  __m512d r = first;
  int64_t i = 0;
  for (; i + 8 <= len; i += 8) r = ext_pd<Greater>(_mm512_loadu_pd(x + i), r);
  const __mmask8 tail = __mmask8((1u << (len - i)) - 1u);
  r = ext_pd<Greater>(_mm512_mask_loadu_pd(first, tail, x + i), r);
  const __m512d e = _mm512_set1_pd(Greater ? _mm512_reduce_max_pd(r) : _mm512_reduce_min_pd(r));
  for (i = 0; i + 8 <= len; i += 8) {
    const unsigned hit = _mm512_cmp_pd_mask(_mm512_loadu_pd(x + i), e, _CMP_EQ_OQ);
    if (hit) return i + __builtin_ctz(hit);
  }
  const unsigned hit = _mm512_mask_cmp_pd_mask(tail, _mm512_mask_loadu_pd(first, tail, x + i), e,
                                               _CMP_EQ_OQ);
  return i + __builtin_ctz(hit);
}

// Lists of any length of floats (32 per step).
template <bool Greater>
__attribute__((target("avx512f"))) inline int64_t arg_ps(const float* x, int64_t len) {
  const __m512 first = _mm512_set1_ps(x[0]);
  if (len <= 32) {
    const uint32_t m = len >= 32 ? 0xFFFFFFFFu : ((uint32_t(1) << len) - 1u);
    const __m512 a = _mm512_mask_loadu_ps(first, __mmask16(m & 0xFFFF), x);
    const __m512 b = _mm512_mask_loadu_ps(first, __mmask16(m >> 16), x + 16);
    const __m512 r = ext_ps<Greater>(b, ext_ps<Greater>(a, first));
    const __m512 e = _mm512_set1_ps(Greater ? _mm512_reduce_max_ps(r) : _mm512_reduce_min_ps(r));
    const uint32_t hit =
        uint32_t(_mm512_mask_cmp_ps_mask(__mmask16(m & 0xFFFF), a, e, _CMP_EQ_OQ)) |
        (uint32_t(_mm512_mask_cmp_ps_mask(__mmask16(m >> 16), b, e, _CMP_EQ_OQ)) << 16);
    return __builtin_ctz(hit);
  }
  __m512 r = first;
  int64_t i = 0;
  for (; i + 16 <= len; i += 16) r = ext_ps<Greater>(_mm512_loadu_ps(x + i), r);
  const __mmask16 tail = __mmask16((1u << (len - i)) - 1u);
  r = ext_ps<Greater>(_mm512_mask_loadu_ps(first, tail, x + i), r);
  const __m512 e = _mm512_set1_ps(Greater ? _mm512_reduce_max_ps(r) : _mm512_reduce_min_ps(r));
  for (i = 0; i + 16 <= len; i += 16) {
    const unsigned hit = _mm512_cmp_ps_mask(_mm512_loadu_ps(x + i), e, _CMP_EQ_OQ);
    if (hit) return i + __builtin_ctz(hit);
  }
  const unsigned hit = _mm512_mask_cmp_ps_mask(tail, _mm512_mask_loadu_ps(first, tail, x + i), e,
                                               _CMP_EQ_OQ);
  return i + __builtin_ctz(hit);
}

// Argmax/argmin of groups [g0, g1) as absolute positions (-1 for an empty group); returns the
// first group whose offsets are bad, or g1 when all are good.
template <bool Greater, typename T>
__attribute__((target("avx512f"))) int64_t arg_groups(const int64_t* offsets, const T* data,
                                                      int64_t* out, int64_t g0, int64_t g1,
                                                      int64_t ndata) {
  for (int64_t g = g0; g < g1; g++) {
    if (!ops::reduce_group_ok(offsets, ndata, g)) return g;
    const int64_t lo = offsets[g], len = offsets[g + 1] - lo;
    prefetch_ahead(data + lo);
    if (len == 0) {
      out[g] = -1;
    } else if (data[lo] != data[lo]) {  // a first NaN is never replaced
      out[g] = lo;
    } else if constexpr (sizeof(T) == 8) {
      out[g] = lo + arg_pd<Greater>(data + lo, len);
    } else {
      out[g] = lo + arg_ps<Greater>(data + lo, len);
    }
  }
  return g1;
}

}  // namespace jaggy::simd
#endif
