#!/usr/bin/env bash
# The unit tests and the end-to-end cases under Valgrind's memcheck: no
# invalid read or write, no use of an uninitialised value, no leak
# (definite, indirect or possible).  Catches what the sanitizer builds
# do not see, on the ordinary build, with no recompiling.
#
# Usage: tests/valgrind.sh BUILD_DIR      (make test and make check-valgrind)
#
# Each unit test binary and each end-to-end case counts once.  The
# end-to-end cases run in two halves at once (valgrind makes each start
# slow); cases with a no_valgrind file are skipped and counted as
# skipped, and so is everything when valgrind is not installed.  The
# last line is "valgrind: P passed, F failed, S skipped".
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

for t in "$build"/tests/test_*; do
    [[ -x $t ]] || continue
    name=$(basename "$t")
    if "${vg[@]}" --log-file="$logs/$name.%p" "$t" >"$tmp/out" 2>&1; then
        echo "ok $name"
        passed=$((passed + 1))
    else
        echo "FAIL $name"
        grep -v '^\[ \(RUN\|      OK\) ' "$tmp/out" | tail -n 20
        cat "$logs/$name".* | head -n 40
        failed=$((failed + 1))
    fi
done

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

cases=()
for d in tests/e2e/cases/*/; do
    cases+=("$(basename "$d")")
done
half=$(((${#cases[@]} + 1) / 2))
FT_E2E_VALGRIND=1 tests/e2e/run.sh "$wrapper" "${cases[@]:0:half}" \
    >"$tmp/e2e1" 2>&1 &
FT_E2E_VALGRIND=1 tests/e2e/run.sh "$wrapper" "${cases[@]:half}" \
    >"$tmp/e2e2" 2>&1
wait
for part in "$tmp/e2e1" "$tmp/e2e2"; do
    grep -v '^ok ' "$part" | grep -v '^e2e: '
    line=$(tail -n 1 "$part")
    if [[ $line =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed,\ ([0-9]+)\ skipped ]]; then
        passed=$((passed + BASH_REMATCH[1]))
        failed=$((failed + BASH_REMATCH[2]))
        skipped=$((skipped + BASH_REMATCH[3]))
    else
        echo "FAIL e2e under valgrind: no summary"
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
