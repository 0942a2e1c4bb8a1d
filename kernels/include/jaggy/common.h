// Shared definitions for jaggy kernels: host/device macro, status convention, loops.
//
// Calling convention (every kernel): raw pointers and int64 lengths in, an int64 status out
// (0 = success, otherwise a code declared in the kernel's spec entry), and the first failing
// position written to *err_index. Bounds are checked before memory is touched.
//
// The headers compile in three settings: the C++ CPU build, nvcc, and NVRTC at run time
// (__CUDACC_RTC__: no libc headers, so the fixed-width integer types come from libcu++ when its
// headers are on the include path, else from the typedefs below).
#pragma once

#if defined(__CUDACC_RTC__)
#if defined(__has_include) && __has_include(<cuda/std/cstdint>)
#include <cuda/std/cstdint>
using cuda::std::int16_t;
using cuda::std::int32_t;
using cuda::std::int64_t;
using cuda::std::int8_t;
using cuda::std::uint16_t;
using cuda::std::uint32_t;
using cuda::std::uint64_t;
using cuda::std::uint8_t;
#else
typedef signed char int8_t;
typedef unsigned char uint8_t;
typedef short int16_t;
typedef unsigned short uint16_t;
typedef int int32_t;
typedef unsigned int uint32_t;
typedef long long int64_t;
typedef unsigned long long uint64_t;
#endif
#ifndef INT64_MAX
#define INT64_MAX 9223372036854775807LL
#endif
#ifndef INT64_MIN
#define INT64_MIN (-INT64_MAX - 1)
#endif
#else
#include <cstdint>
#endif

#if defined(__CUDACC__) || defined(__CUDACC_RTC__)
#define JAGGY_HD __host__ __device__ __forceinline__
#else
#define JAGGY_HD inline
#endif

#if defined(JAGGY_HAVE_OPENMP) && !defined(__CUDACC__) && !defined(__CUDACC_RTC__)
#include <omp.h>
#endif

namespace jaggy {

constexpr int64_t kOk = 0;
// Loops shorter than this run on one thread: below it, thread start-up costs more than it saves.
constexpr int64_t kParallelThreshold = int64_t(1) << 18;
// Items per chunk handed to a thread. Chunks are dealt dynamically: on a machine where another
// process holds a core, a descheduled thread delays only its current chunk, not a fixed half of
// the loop (a static split ran 2-3x slower than one thread in that case).
constexpr int64_t kParallelChunk = int64_t(1) << 14;

#if !defined(__CUDACC__) && !defined(__CUDACC_RTC__)
// Runs body(i) for i in [0, n); body returns a status (0 = ok). Returns the status of the
// smallest failing i and writes that i to *err_index, whatever the thread count, so that errors
// are deterministic. body must be safe to call more than once for the same i.
//
// Blocks of kCheckBlock items OR their statuses together without a branch per item (so the
// compiler can vectorize simple bodies); only the first block with a failure is walked again one
// item at a time to find the failing position.
constexpr int64_t kCheckBlock = 2048;

template <typename F>
inline bool block_fails(int64_t lo, int64_t hi, F& body) {
  int64_t bad = 0;
  for (int64_t i = lo; i < hi; i++) bad |= body(i);
  return bad != kOk;
}

// for_each_checked with the block test given: fails(lo, hi) must be true whenever body(i) fails
// for some i in [lo, hi) (it may be cheaper than calling body on every item, e.g. one bound
// check on the last of a block known to be sorted); body finds the position in the first
// block that fails.
template <typename Fails, typename F>
inline int64_t for_each_checked_by_block(int64_t n, int64_t* err_index, Fails&& fails, F&& body) {
  const int64_t nblocks = (n + kCheckBlock - 1) / kCheckBlock;
  int64_t first = nblocks;
#if defined(JAGGY_HAVE_OPENMP)
  if (n >= kParallelThreshold && omp_get_max_threads() > 1) {
#pragma omp parallel for reduction(min : first) schedule(dynamic, kParallelChunk / kCheckBlock)
    for (int64_t b = 0; b < nblocks; b++) {
      const int64_t lo = b * kCheckBlock;
      if (b < first && fails(lo, lo + kCheckBlock < n ? lo + kCheckBlock : n)) first = b;
    }
  } else
#endif
  {
    for (int64_t b = 0; b < nblocks; b++) {
      const int64_t lo = b * kCheckBlock;
      if (fails(lo, lo + kCheckBlock < n ? lo + kCheckBlock : n)) {
        first = b;
        break;
      }
    }
  }
  for (int64_t i = first * kCheckBlock; i < n; i++) {
    const int64_t status = body(i);
    if (status != kOk) {
      *err_index = i;
      return status;
    }
  }
  return kOk;
}

template <typename F>
inline int64_t for_each_checked(int64_t n, int64_t* err_index, F&& body) {
  return for_each_checked_by_block(
      n, err_index, [&](int64_t lo, int64_t hi) { return block_fails(lo, hi, body); }, body);
}

// Runs body(i) for i in [0, n) where body cannot fail; parallel above the threshold.
template <typename F>
inline void for_each(int64_t n, F&& body) {
#if defined(JAGGY_HAVE_OPENMP)
  if (n >= kParallelThreshold && omp_get_max_threads() > 1) {
#pragma omp parallel for schedule(dynamic, kParallelChunk)
    for (int64_t i = 0; i < n; i++) body(i);
    return;
  }
#endif
  for (int64_t i = 0; i < n; i++) body(i);
}
#endif

}  // namespace jaggy
