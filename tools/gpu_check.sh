#!/usr/bin/env bash
# Everything a GPU machine should run, in one go (see DESIGN.md section 6 and
# ../shared/notes/gpu.md): build jaggy there, run the `gpu` tests with JAGGY_REQUIRE_GPU=1 (a skip
# is a failure), compute-sanitizer memcheck/racecheck/synccheck on the `smoke` sizes, and the
# GPU benchmark. Writes its logs under ${OUT:-gpu-check}/ and prints their tails.
#   bash tools/gpu_check.sh
set -uo pipefail
cd "$(dirname "$0")/.."
out="${OUT:-gpu-check}"
mkdir -p "$out"
nvidia-smi -L | tee "$out/device.txt"
python3 -c "import cupy; print('cupy', cupy.__version__, 'devices', cupy.cuda.runtime.getDeviceCount())" \
  | tee -a "$out/device.txt"
python3 -m pip install -q --no-build-isolation --no-deps . > "$out/build.txt" 2>&1 || { tail "$out/build.txt"; exit 1; }
JAGGY_REQUIRE_GPU=1 python3 -m pytest -q -p no:cacheprovider -m gpu tests > "$out/gpu-tests.txt" 2>&1
for tool in memcheck racecheck synccheck; do
  compute-sanitizer --tool "$tool" --error-exitcode 9 \
    python3 -m pytest -q -p no:cacheprovider -m "gpu and smoke" tests/gpu > "$out/$tool.txt" 2>&1
  echo "compute-sanitizer $tool: exit $?" >> "$out/sanitizers.txt"
done
python3 benchmarks/bench_gpu.py > "$out/bench-gpu.txt" 2>&1
for f in "$out"/*.txt; do echo "== $f"; tail -5 "$f"; done
