#!/usr/bin/env bash
# Run every test against one or more build folders and sum them up.
#
# Usage: tests/run_all.sh BUILD_DIR...      (e.g. build build-asan)
#
# For each BUILD_DIR: every cmocka binary BUILD_DIR/tests/test_*, the
# end-to-end cases (tests/e2e/run.sh BUILD_DIR/figtrend) and the peer-spec
# score (tests/peer_spec.py, one pass/fail).  The last line is
# "N passed, M failed"; the exit status is 1 when M > 0.
set -u
cd "$(dirname "$0")/.."

passed=0
failed=0

count() { # "what" passed failed
    printf '  %-40s %d passed, %d failed\n' "$1" "$2" "$3"
    passed=$((passed + $2))
    failed=$((failed + $3))
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT

for build in "$@"; do
    echo "== $build: unit tests"
    for t in "$build"/tests/test_*; do
        [[ -x $t ]] || continue
        "$t" >"$log" 2>&1
        rc=$?
        # cmocka's closing lines: "[  PASSED  ] 12 test(s)." and
        # "[  FAILED  ] 1 test(s), listed below:"
        p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
        f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
        p=${p:-0}
        f=${f:-0}
        if [[ $rc -ne 0 && $f -eq 0 ]]; then
            f=1 # crashed or died before its summary
        fi
        if [[ $f -ne 0 ]]; then
            grep -av '^\[ \(RUN\|      OK\) ' "$log" | tail -n 60
        fi
        count "$(basename "$t")" "$p" "$f"
    done

    echo "== $build: end-to-end"
    tests/e2e/run.sh "$build/figtrend" >"$log" 2>&1
    rc=$?
    grep -av '^ok ' "$log"
    line=$(tail -n 1 "$log")
    if [[ $line =~ ^e2e:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
        p=${BASH_REMATCH[1]}
        f=${BASH_REMATCH[2]}
        [[ $rc -ne 0 && $f -eq 0 ]] && f=1
    else
        p=0
        f=1
    fi
    count "tests/e2e" "$p" "$f"

    if [[ -f tests/peer_spec.py ]]; then
        echo "== $build: peer spec"
        if python3 tests/peer_spec.py "$build/figtrend" >"$log" 2>&1; then
            tail -n 2 "$log"
            count "tests/peer_spec.py" 1 0
        else
            tail -n 40 "$log"
            count "tests/peer_spec.py" 0 1
        fi
    fi
done

echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
