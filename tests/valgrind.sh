#!/usr/bin/env bash
# The unit tests and the end-to-end cases under Valgrind's memcheck: no
# invalid read or write, no use of an uninitialised value, no leak
# (definite, indirect or possible).  Catches what the sanitizer builds
# do not see, on the ordinary build, with no recompiling.
#
# Usage: tests/valgrind.sh BUILD_DIR      (make test and make check-valgrind)
#
# Each unit test binary and each end-to-end case counts once.  They all
# go through one queue, as many at a time as there are cores: under
# valgrind one test (test_pipeline, whose threads take turns) takes a
# third of the unit tests' time, and the cases' starts are slow, so a
# fixed split left a core idle.  Cases with a no_valgrind file are
# skipped and counted as skipped, and so is everything when valgrind is
# not installed.  The last line is "valgrind: P passed, F failed, S
# skipped".
set -u
cd "$(dirname "$0")/.."
build=${1:?usage: valgrind.sh BUILD_DIR}

if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind: not installed; skipped"
    echo "valgrind: 0 passed, 0 failed, 1 skipped"
    exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
logs=$tmp/logs
mkdir -p "$logs"
vg=(valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible
    --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99
    --suppressions="$PWD/tests/valgrind.supp")

passed=0 failed=0 skipped=0

# figtrend, for the end-to-end cases: every run under memcheck, its report
# in a file of its own (the case's standard error stays the program's).
wrapper=$tmp/figtrend
{
    echo '#!/bin/sh'
    printf 'exec'
    printf ' %q' "${vg[@]}" "--log-file=$logs/e2e.%p" "$PWD/$build/figtrend"
    echo ' "$@"'
} >"$wrapper"
chmod +x "$wrapper"

# One job, "N unit PATH" or "N e2e CASE" (N its place in the queue): its
# output goes to $tmp/out/N, its exit status to $tmp/out/N.rc.
mkdir -p "$tmp/out"
{
    echo '#!/usr/bin/env bash'
    printf 'vg=('
    printf ' %q' "${vg[@]}"
    echo ' )'
    printf 'out=%q logs=%q wrapper=%q\n' "$tmp/out" "$logs" "$wrapper"
    cat <<'EOF_JOB'
n=$1 kind=$2 what=$3
if [[ $kind == unit ]]; then
    "${vg[@]}" --log-file="$logs/${what##*/}.%p" "$what" >"$out/$n" 2>&1
else
    FT_E2E_VALGRIND=1 tests/e2e/run.sh "$wrapper" "$what" >"$out/$n" 2>&1
fi
echo $? >"$out/$n.rc"
EOF_JOB
} >"$tmp/job"
chmod +x "$tmp/job"

queue=()
for t in "$build"/tests/test_*; do
    [[ -x $t ]] && queue+=("unit $t")
done
for d in tests/e2e/cases/*/; do
    queue+=("e2e $(basename "$d")")
done
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
for i in "${!queue[@]}"; do
    read -r kind what <<<"${queue[i]}"
    printf '%s\0%s\0%s\0' "$i" "$kind" "$what"
done | xargs -0 -n 3 -P "$cores" "$tmp/job"

# In the queue's order, whatever order they finished in.
for i in "${!queue[@]}"; do
    read -r kind what <<<"${queue[i]}"
    out=$tmp/out/$i
    rc=$(cat "$out.rc" 2>/dev/null || echo 1)
    if [[ $kind == unit ]]; then
        name=$(basename "$what")
        if [[ $rc == 0 ]]; then
            echo "ok $name"
            passed=$((passed + 1))
        else
            echo "FAIL $name"
            grep -v '^\[ \(RUN\|      OK\) ' "$out" | tail -n 20
            cat "$logs/$name".* | head -n 40
            failed=$((failed + 1))
        fi
        continue
    fi
    grep -v '^e2e: ' "$out"
    line=$(tail -n 1 "$out")
    if [[ $line =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped ]]; then
        passed=$((passed + BASH_REMATCH[1]))
        failed=$((failed + BASH_REMATCH[2]))
        skipped=$((skipped + BASH_REMATCH[3]))
    else
        echo "FAIL e2e case $what under valgrind: no summary"
        failed=$((failed + 1))
    fi
done
# A case may expect a failure exit, so also every report valgrind wrote.
for f in "$logs"/e2e.*; do
    [[ -s $f ]] || continue
    echo "FAIL valgrind report $(basename "$f"):"
    head -n 30 "$f"
    failed=$((failed + 1))
done

echo "valgrind: $passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
