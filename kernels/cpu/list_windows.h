// Filling every list of an offsets-described output, one list after another, with a fixed-width
// window for short lists: a list of at most kWindow items is written as kWindow items, the part
// past its end landing in the lists after it, which this same loop writes later. The loop then has
// no data-dependent exit per list (a list length that varies costs a branch misprediction each).
// In parallel, lists are split into chunks and no window passes the first item of the next chunk.
// Only included by kernels/cpu/*.cpp.
#pragma once

#include "jaggy/common.h"

namespace jaggy::cpu {

constexpr int64_t kWindow = 16;

// Lists [begin, end): fill(i, lo, width) writes items lo .. lo + width of list i (width is either
// the list's length or kWindow >= its length). Returns the first list with bad offsets, or -1.
template <typename F>
int64_t fill_list_chunk(const int64_t* offsets, int64_t total, int64_t begin, int64_t end,
                        int64_t region_end, F& fill) {
  const int64_t base = offsets[0];
  for (int64_t i = begin; i < end; i++) {
    const int64_t lo = offsets[i] - base, hi = offsets[i + 1] - base;
    if (hi < lo || lo < 0 || hi > total) return i;
    fill(i, lo, (hi - lo <= kWindow && lo + kWindow <= region_end) ? kWindow : hi - lo);
  }
  return -1;
}

// Every list of offsets[0 .. n] (relative to offsets[0]) into an output of total items; returns
// the first list whose offsets are bad (decreasing or outside the output), or -1.
template <typename F>
int64_t fill_lists(const int64_t* offsets, int64_t n, int64_t total, F&& fill) {
  const int64_t base = n > 0 ? offsets[0] : 0;
  auto region_end = [&](int64_t end) {
    if (end >= n) return total;
    const int64_t r = offsets[end] - base;
    return r < 0 ? int64_t(0) : (r > total ? total : r);
  };
#if defined(JAGGY_HAVE_OPENMP)
  if (n >= kParallelThreshold && omp_get_max_threads() > 1) {
    const int64_t chunks = int64_t(omp_get_max_threads()) * 16;
    const int64_t step = (n + chunks - 1) / chunks;
    int64_t first = n;
#pragma omp parallel for reduction(min : first) schedule(dynamic, 1)
    for (int64_t c = 0; c < chunks; c++) {
      const int64_t b = c * step, e = (b + step < n) ? b + step : n;
      if (b >= e) continue;
      const int64_t bad = fill_list_chunk(offsets, total, b, e, region_end(e), fill);
      if (bad >= 0 && bad < first) first = bad;
    }
    return first == n ? -1 : first;
  }
#endif
  return n > 0 ? fill_list_chunk(offsets, total, 0, n, total, fill) : -1;
}

}  // namespace jaggy::cpu
