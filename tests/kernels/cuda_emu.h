// CPU emulation of a CUDA launch, for barrier-free kernels: lets g++ compile the real entry points
// of kernels/cuda/*.cu (with -x c++) and run them over any grid and block, every (block, thread)
// pair in turn, in a shuffled order when seed != 0 (any serial order is a legal schedule for a
// kernel without barriers). Shared memory, barriers and warp intrinsics are not emulated:
// __shared__ is a compile error, so such a kernel must sit under #if defined(__CUDACC__) ...
#pragma once

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

#ifndef JAGGY_CUDA_EMULATION
#define JAGGY_CUDA_EMULATION 1
#endif

struct dim3 {
  unsigned x = 1, y = 1, z = 1;
};

namespace emu {
inline dim3 blockIdx, threadIdx, blockDim, gridDim;
}  // namespace emu
using emu::blockDim;
using emu::blockIdx;
using emu::gridDim;
using emu::threadIdx;

#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __shared__ static_assert(false, "__shared__ is not emulated");
#define __syncthreads() static_assert(false, "__syncthreads is not emulated")

inline unsigned long long atomicMin(unsigned long long* p, unsigned long long v) {
  const unsigned long long old = *p;
  if (v < old) *p = v;
  return old;
}
inline unsigned long long atomicAdd(unsigned long long* p, unsigned long long v) {
  const unsigned long long old = *p;
  *p = old + v;
  return old;
}
inline int atomicAdd(int* p, int v) {
  const int old = *p;
  *p = old + v;
  return old;
}

namespace emu {

// Runs kernel(args...) once per (block, thread); 1 for a configuration a GPU rejects, else 0.
template <class... P, class... A>
int launch(unsigned grid, unsigned block, std::uint64_t seed, void (*kernel)(P...), A... args) {
  if (grid == 0 || block == 0 || block > 1024 || grid > 0x7FFFFFFFu) return 1;
  gridDim.x = grid;
  blockDim.x = block;
  std::vector<unsigned> bs(grid), ts(block);
  std::iota(bs.begin(), bs.end(), 0u);
  std::iota(ts.begin(), ts.end(), 0u);
  std::mt19937_64 rng(seed);
  if (seed) std::shuffle(bs.begin(), bs.end(), rng);
  for (unsigned b : bs) {
    if (seed) std::shuffle(ts.begin(), ts.end(), rng);
    for (unsigned t : ts) {
      blockIdx.x = b;
      threadIdx.x = t;
      kernel(args...);
    }
  }
  return 0;
}

}  // namespace emu
