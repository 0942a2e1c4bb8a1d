#!/usr/bin/env bash
# Development build: compiles jaggy._ext into build/cmake and copies it next to the sources,
# so that `PYTHONPATH=python python -c "import jaggy"` runs the working tree without installing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/cmake/CMakeCache.txt ]; then
  cmake -S . -B build/cmake -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -Dpybind11_DIR="$(python -m pybind11 --cmakedir)" "$@" >/dev/null
fi
cmake --build build/cmake -j 2
# copy then rename: a process that has the old module loaded keeps its (unlinked) file intact
for so in build/cmake/_ext*.so; do
  cp "$so" "python/jaggy/.$(basename "$so").tmp"
  mv -f "python/jaggy/.$(basename "$so").tmp" "python/jaggy/$(basename "$so")"
done
