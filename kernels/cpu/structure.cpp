// CPU loops of the structure kernels (kernels/spec/structure.yaml).
#include "jaggy/ops/structure.h"

namespace {

// Lists [begin, end) in order. A short list is written as one fixed-width block of 0, 1, ...;
// the part past its end lies in the lists after it (written later by this same loop), so the
// loop has no data-dependent exit per list. Blocks never pass region_end (the start of the
// next chunk's lists, clamped to the buffer).
int64_t local_index_chunk(const int64_t* offsets, int64_t* __restrict out, int64_t total,
                          int64_t begin, int64_t end, int64_t region_end, int64_t* bad) {
  constexpr int64_t kBlock = 16;
  const int64_t base = offsets[0];
  for (int64_t i = begin; i < end; i++) {
    const int64_t lo = offsets[i] - base, hi = offsets[i + 1] - base;
    if (hi < lo || lo < 0 || hi > total) {
      *bad = i;
      return jaggy::local_index_err::bad_offsets;
    }
    if (hi - lo <= kBlock && lo + kBlock <= region_end) {
      for (int64_t k = 0; k < kBlock; k++) out[lo + k] = k;
    } else {
      for (int64_t j = lo; j < hi; j++) out[j] = j - lo;
    }
  }
  return jaggy::kOk;
}

int64_t local_index_impl(const int64_t* offsets, int64_t* out, int64_t n, int64_t total,
                         int64_t* err_index) {
  const int64_t base = offsets[0];
  auto region_end = [&](int64_t end) {
    if (end >= n) return total;
    const int64_t r = offsets[end] - base;
    return r < 0 ? int64_t(0) : (r > total ? total : r);
  };
#if defined(JAGGY_HAVE_OPENMP)
  if (n >= jaggy::kParallelThreshold && omp_get_max_threads() > 1) {
    const int64_t chunks = int64_t(omp_get_max_threads()) * 16;
    const int64_t step = (n + chunks - 1) / chunks;
    int64_t first = n;
#pragma omp parallel for reduction(min : first) schedule(dynamic, 1)
    for (int64_t c = 0; c < chunks; c++) {
      const int64_t b = c * step, e = (b + step < n) ? b + step : n;
      int64_t bad = n;
      if (b < e && local_index_chunk(offsets, out, total, b, e, region_end(e), &bad) != jaggy::kOk)
        first = bad < first ? bad : first;
    }
    if (first == n) return jaggy::kOk;
    *err_index = first;
    return jaggy::local_index_err::bad_offsets;
  }
#endif
  int64_t bad = 0;
  const int64_t status = local_index_chunk(offsets, out, total, 0, n, total, &bad);
  if (status != jaggy::kOk) *err_index = bad;
  return status;
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
