#!/usr/bin/env bash
# Fails when a C++ file does not follow .clang-format (run clang-format -i to fix).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "clang-format is not installed"; exit 1; }
files=$(git ls-files '*.cpp' '*.h' 2>/dev/null || find core ui app tests bench -name '*.cpp' -o -name '*.h')
clang-format --dry-run --Werror $files
echo "format: $(echo "$files" | wc -w) files follow .clang-format"
