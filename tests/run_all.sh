#!/usr/bin/env bash
# Run every test against one or more build folders and sum them up.
#
# Usage: tests/run_all.sh BUILD_DIR...      (e.g. build build-asan)
#
# For each BUILD_DIR: every cmocka binary BUILD_DIR/tests/test_*, the
# end-to-end cases (tests/e2e/run.sh BUILD_DIR/figtrend), the datasets
# look-up and the staged install (tests/install.sh BUILD_DIR), the fuzz
# targets' regression inputs (tests/fuzz/replay.sh), extract --jobs N
# against --jobs 1 (tests/jobs.sh), the program without AVX2 against
# itself with it (tests/simd.sh; skipped where the processor has none),
# the README's GNU
# parallel line (tests/parallel.sh) and the Slurm job array on a one-node
# cluster started for the test (tests/slurm.sh; each skipped where its
# programs are missing), the report
# page in headless chromium (tests/browser/run.sh; skipped where chromium,
# node or puppeteer-core is missing), the peer-spec
# scores (tests/peer_spec.py, English and Korean, one pass/fail each) and
# the accuracy on real news (tests/devset.py against the floors in
# tests/devset_floors.txt).  A scorer that finds no ../shared exits 77 and
# counts as skipped, never as passed.  The last line is
# "N passed, M failed, S skipped (T s)"; the exit status is 1 when M > 0.
set -u
cd "$(dirname "$0")/.."

passed=0
failed=0
skipped=0
SKIP=77

# Each line ends with the seconds since the last, so that a slow part of
# the suite shows where it is.
last=$SECONDS
count() { # "what" passed failed [skipped]
    local s=${4:-0} took=$((SECONDS - last))
    last=$SECONDS
    if [[ $s -gt 0 ]]; then
        printf '  %-40s %d passed, %d failed, %d skipped (%d s)\n' \
            "$1" "$2" "$3" "$s" "$took"
    else
        printf '  %-40s %d passed, %d failed (%d s)\n' "$1" "$2" "$3" "$took"
    fi
    passed=$((passed + $2))
    failed=$((failed + $3))
    skipped=$((skipped + s))
}

# One scorer run: "what" log command... ; its exit status decides.
score() {
    local what=$1 log=$2
    shift 2
    "$@" >"$log" 2>&1
    local rc=$?
    if [[ $rc -eq $SKIP ]]; then
        tail -n 1 "$log"
        count "$what" 0 0 1
    elif [[ $rc -eq 0 ]]; then
        grep -a -e '^devset: ' -e '^peer-spec' "$log" | tail -n 8
        count "$what" 1 0
    else
        tail -n 60 "$log"
        count "$what" 0 1
    fi
}

# One script of checks: "what" log command...; it prints "ok ..." lines,
# anything else worth showing, and a last line "NAME: N passed, M failed[,
# S skipped]"; a non-zero exit with no failure counted is one failure.
suite() {
    local what=$1 log=$2
    shift 2
    "$@" >"$log" 2>&1
    local rc=$? line p=0 f=1 s=0
    grep -av '^ok ' "$log"
    line=$(tail -n 1 "$log")
    if [[ $line =~ :\ ([0-9]+)\ passed,\ ([0-9]+)\ failed(,\ ([0-9]+)\ skipped)? ]]; then
        p=${BASH_REMATCH[1]}
        f=${BASH_REMATCH[2]}
        s=${BASH_REMATCH[4]:-0}
        [[ $rc -ne 0 && $f -eq 0 ]] && f=1
    fi
    count "$what" "$p" "$f" "$s"
}

log=$(mktemp)
trap 'rm -f "$log"' EXIT

for build in "$@"; do
    echo "== $build: unit tests"
    for t in "$build"/tests/test_*; do
        [[ -x $t ]] || continue
        "$t" >"$log" 2>&1
        rc=$?
        # cmocka's closing lines: "[  PASSED  ] 12 test(s).",
        # "[  SKIPPED ] 1 test(s), listed below:" and
        # "[  FAILED  ] 1 test(s), listed below:"
        p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
        f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
        s=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
        p=${p:-0}
        f=${f:-0}
        s=${s:-0}
        if [[ $rc -ne 0 && $f -eq 0 ]]; then
            f=1 # crashed or died before its summary
        fi
        if [[ $f -ne 0 ]]; then
            grep -av '^\[ \(RUN\|      OK\) ' "$log" | tail -n 60
        fi
        count "$(basename "$t")" "$p" "$f" "$s"
    done

    echo "== $build: end-to-end"
    suite "tests/e2e" "$log" tests/e2e/run.sh "$build/figtrend"
    echo "== $build: datasets look-up and install"
    suite "tests/install.sh" "$log" tests/install.sh "$build"
    echo "== $build: scheduled runs"
    suite "tests/scheduled_run.sh" "$log" tests/scheduled_run.sh "$build/figtrend"
    echo "== $build: extract --jobs: the same output on every thread count"
    suite "tests/jobs.sh" "$log" tests/jobs.sh "$build/figtrend"
    echo "== $build: without AVX2 (FIGTREND_NO_AVX2): the same output"
    suite "tests/simd.sh" "$log" tests/simd.sh "$build/figtrend"
    echo "== $build: clusters: GNU parallel and Slurm"
    suite "tests/parallel.sh" "$log" tests/parallel.sh "$build/figtrend"
    suite "tests/slurm.sh" "$log" tests/slurm.sh "$build/figtrend"
    echo "== $build: fuzz regressions through the program"
    suite "tests/fuzz/replay.sh" "$log" tests/fuzz/replay.sh "$build/figtrend"
    echo "== $build: scripts/update-datasets.sh"
    suite "tests/update_datasets.sh" "$log" tests/update_datasets.sh

    echo "== $build: the report page in a browser"
    suite "tests/browser" "$log" tests/browser/run.sh "$build/figtrend"

    echo "== $build: peer spec and real news"
    score "tests/peer_spec.py" "$log" python3 tests/peer_spec.py "$build/figtrend"
    score "tests/peer_spec.py --korean" "$log" \
        python3 tests/peer_spec.py --korean "$build/figtrend"
    score "tests/devset.py" "$log" python3 tests/devset.py \
        --floors tests/devset_floors.txt "$build/figtrend"
done

echo
echo "$passed passed, $failed failed, $skipped skipped ($SECONDS s)"
[[ $failed -eq 0 ]]
