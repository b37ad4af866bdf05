#!/usr/bin/env sh
# Run both fuzz harnesses for SECONDS each (default 60). Needs atheris, which is not a test
# dependency: `pip install atheris` (wheels for CPython on Linux x86-64; elsewhere it builds
# against clang/libFuzzer). Crashes are written to fuzz/crashes/; turn each into a test.
set -eu
SECONDS_EACH="${1:-60}"
HERE="$(cd "$(dirname "$0")" && pwd)"
PYTHON="${PYTHON:-python}"
export PYTHONPATH="$HERE/..${PYTHONPATH:+:$PYTHONPATH}"
mkdir -p "$HERE/corpus/clean" "$HERE/corpus/readers" "$HERE/crashes"
# Seed the clean() corpus with the project's own pages.
for seed in "$HERE"/../seeds/*.txt; do cp -n "$seed" "$HERE/corpus/clean/" 2>/dev/null || true; done
status=0
for harness in clean readers; do
    echo "== fuzz_$harness: $SECONDS_EACH s"
    "$PYTHON" "$HERE/fuzz_$harness.py" -max_total_time="$SECONDS_EACH" -rss_limit_mb=4096 -timeout=60 \
        -artifact_prefix="$HERE/crashes/$harness-" "$HERE/corpus/$harness" || status=$?
done
exit $status
