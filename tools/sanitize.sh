#!/usr/bin/env bash
# Builds jaggy._ext with AddressSanitizer + UndefinedBehaviorSanitizer into build/asan and runs
# the given command (default: the kernel tests, including the CUDA emulation, and the to_list, builder, layout, slicing, threads, memory-limit
# and read-only tests and a bounded fuzz run) against that build:
#   tools/sanitize.sh                       # the default tiers
#   tools/sanitize.sh python -m jaggy.testing.fuzz --n 2000
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/asan/CMakeCache.txt ]; then
  generator=(); command -v ninja >/dev/null && generator=(-G Ninja)
  cmake -S . -B build/asan "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJAGGY_SANITIZE=ON \
    -Dpybind11_DIR="$(python -m pybind11 --cmakedir)" >/dev/null
fi
cmake --build build/asan -j 2
rm -rf build/asan/pkg && mkdir -p build/asan/pkg
cp -r python/jaggy build/asan/pkg/jaggy
rm -f build/asan/pkg/jaggy/_ext*.so
cp build/asan/_ext*.so build/asan/pkg/jaggy/
cp -r kernels/include kernels/cuda build/asan/pkg/jaggy/_kernels/  # the CUDA sources, as installed
export PYTHONPATH="$PWD/build/asan/pkg"
export LD_PRELOAD="$(g++ -print-file-name=libasan.so):$(g++ -print-file-name=libubsan.so)"
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# the CPU emulation of the CUDA entry points (tests/kernels/test_cuda_emu.py) is built sanitized too
export JAGGY_EMU_SANITIZE=1
if [ $# -eq 0 ]; then
  python -m pytest -q -p no:cacheprovider tests/kernels --ignore=tests/kernels/test_cuda_compile.py \
    tests/test_tolist.py tests/test_builder.py \
    tests/layout tests/test_slicing.py tests/test_threads.py tests/test_memory_limits.py \
    tests/test_readonly_inputs.py
  python -m jaggy.testing.fuzz --n 3000
else
  "$@"
fi
