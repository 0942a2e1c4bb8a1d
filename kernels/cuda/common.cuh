// Shared pieces of the CUDA entry points (kernels/cuda/*.cu): the grid-stride loop and the error
// slot. Compiled by NVRTC/nvcc, and by g++ under the CPU emulation (tests/kernels/cuda_emu.h).
#pragma once

#include "jaggy/common.h"

#if defined(__CUDACC__) || defined(__CUDACC_RTC__)
#define JAGGY_DEVICE __device__ __forceinline__
#else
#define JAGGY_DEVICE inline
#endif

// i runs over [0, n) with 64-bit arithmetic (blockIdx.x * blockDim.x alone is 32-bit).
#define JAGGY_GRID_STRIDE(i, n)                                                     \
  for (int64_t i = static_cast<int64_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < (n); \
       i += static_cast<int64_t>(blockDim.x) * gridDim.x)

namespace jaggy::gpu {

// The error slot starts at ULLONG_MAX; the smallest (index << 8 | code) wins, as the CPU's first
// failing index does. Codes are below 256; indices below 2^56.
JAGGY_DEVICE void report(unsigned long long* err, int64_t index, int64_t code) {
  if (code != 0) {
    atomicMin(err, (static_cast<unsigned long long>(index) << 8) |
                       static_cast<unsigned long long>(code));
  }
}

// Threads of a kernel with a whole-launch precondition (a bad scalar): at least one thread runs.
JAGGY_DEVICE int64_t at_least_one(int64_t n) { return n > 0 ? n : 1; }

}  // namespace jaggy::gpu
