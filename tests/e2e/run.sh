#!/usr/bin/env bash
# End-to-end tests: run the figtrend binary on case folders and compare.
#
# Usage: tests/e2e/run.sh [BINARY] [CASE...]
#        (BINARY defaults to $FIGTREND, then build/figtrend; CASE names
#        folders under tests/e2e/cases/, default all of them)
#
# A case is a folder tests/e2e/cases/NAME/ holding:
#   cmd              the command line, one argument per line, never passed
#                    through a shell; "@BIN" stands for the binary; paths
#                    are relative to the case folder
#   expected.*       (csv, tsv, jsonl, txt) the exact standard output; when
#                    absent, standard output must be empty unless ...
#   stdout_contains  ... lines that must each appear in standard output
#   expected_exit    the exit status (default 0)
#   stderr_contains  lines that must each appear in standard error
#   stdin            fed to standard input (default: empty)
#   stdout_file      a path to send standard output to instead of checking
#                    it (/dev/full makes a write error)
#   setup            a bash script run first in the case's copy, to make
#                    inputs that should not live in git (binary data, a
#                    100 MB line); $FT_ROOT is the repository root
#   requires         paths (relative to the repository root), one a line:
#                    the case is skipped when one does not exist
#   max_rss_kb       peak memory bound in KiB, measured with /usr/bin/time
#                    (not checked for sanitizer builds, nor under valgrind)
#   no_valgrind      why the case cannot run under tests/valgrind.sh (which
#                    sets FT_E2E_VALGRIND=1): valgrind itself uses the
#                    descriptors, folders or process start the case
#                    breaks; the case is skipped there
# Any other file is an input.  Each case runs in a fresh copy of its folder,
# with FIGTREND_DATASETS set to the repository's datasets/ (unless already
# set), so that what is installed on the machine changes nothing; a case
# that tests the look-up runs its command through `env`.
# The last line printed is "e2e: P passed, F failed, S skipped".
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-${FIGTREND:-$root/build/figtrend}}
shift $(($# > 0 ? 1 : 0))
[[ $bin == /* ]] || bin=$PWD/$bin
if [[ ! -x $bin ]]; then
    echo "e2e: no binary at $bin (run make first)" >&2
    echo "e2e: 0 passed, 1 failed, 0 skipped"
    exit 1
fi

# Sanitizer builds map terabytes of shadow memory: no memory bound there.
sanitized=0
if ldd "$bin" 2>/dev/null | grep -q 'libasan'; then
    sanitized=1
fi
valgrind=${FT_E2E_VALGRIND:-0}
[[ $valgrind == 1 ]] && sanitized=1
have_time=0
[[ -x /usr/bin/time ]] && have_time=1

export FIGTREND_DATASETS=${FIGTREND_DATASETS:-$root/datasets}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pass=0
fail=0
skip=0

# Each line of file $1 must occur in file $2.
contains_all() {
    local line
    while IFS= read -r line || [[ -n $line ]]; do
        [[ -z $line ]] && continue
        if ! grep -qF -- "$line" "$2"; then
            echo "    missing: $line"
            return 1
        fi
    done <"$1"
}

run_case() {
    local name=$1 src=$here/cases/$1 work=$tmp/$1 problems=()
    if [[ -f $src/requires ]]; then
        local req
        while IFS= read -r req || [[ -n $req ]]; do
            [[ -z $req || -e $root/$req ]] && continue
            echo "skip $name (needs $req)"
            skip=$((skip + 1))
            return
        done <"$src/requires"
    fi
    if [[ $valgrind == 1 && -f $src/no_valgrind ]]; then
        echo "skip $name (not under valgrind: $(head -n 1 "$src/no_valgrind"))"
        skip=$((skip + 1))
        return
    fi
    cp -a "$src" "$work"
    if [[ -f $work/setup ]] &&
        ! (cd "$work" && FT_ROOT=$root bash ./setup) >"$tmp/setup.log" 2>&1; then
        echo "FAIL $name: setup failed"
        sed 's/^/    /' "$tmp/setup.log"
        fail=$((fail + 1))
        return
    fi

    local args=() arg
    while IFS= read -r arg || [[ -n $arg ]]; do
        [[ $arg == @BIN ]] && arg=$bin
        args+=("$arg")
    done <"$work/cmd"
    local input=/dev/null
    [[ -f $work/stdin ]] && input=$work/stdin

    local measure=()
    if [[ -f $work/max_rss_kb && $sanitized -eq 0 && $have_time -eq 1 ]]; then
        measure=(/usr/bin/time -f %M -o "$tmp/rss")
    fi
    local out=$tmp/out
    : >"$out"
    [[ -f $work/stdout_file ]] && out=$(head -n 1 "$work/stdout_file")
    (cd "$work" && exec timeout 300 "${measure[@]}" "${args[@]}") \
        <"$input" >"$out" 2>"$tmp/err"
    local rc=$?

    local want_rc=0
    [[ -f $work/expected_exit ]] && want_rc=$(tr -d ' \n' <"$work/expected_exit")
    [[ $rc == "$want_rc" ]] || problems+=("exit status $rc, expected $want_rc")

    local expected
    expected=$(find "$work" -maxdepth 1 -name 'expected.*' | head -n 1)
    if [[ -f $work/stdout_file ]]; then
        : # sent elsewhere
    elif [[ -n $expected ]]; then
        if ! cmp -s "$expected" "$tmp/out"; then
            problems+=("stdout differs from $(basename "$expected"):")
            problems+=("$(diff -u "$expected" "$tmp/out" | head -n 40)")
        fi
    elif [[ -f $work/stdout_contains ]]; then
        local miss
        miss=$(contains_all "$work/stdout_contains" "$tmp/out") ||
            problems+=("stdout:" "$miss")
    elif [[ -s $tmp/out ]]; then
        problems+=("unexpected stdout:" "$(head -c 2000 "$tmp/out")")
    fi
    if [[ -f $work/stderr_contains ]]; then
        local miss
        miss=$(contains_all "$work/stderr_contains" "$tmp/err") ||
            problems+=("stderr:" "$miss")
    fi
    if [[ ${#measure[@]} -gt 0 ]]; then
        local rss limit
        rss=$(tail -n 1 "$tmp/rss")
        limit=$(tr -d ' \n' <"$work/max_rss_kb")
        if [[ ! $rss =~ ^[0-9]+$ ]] || ((rss > limit)); then
            problems+=("peak memory ${rss} KiB, bound ${limit} KiB")
        fi
    fi

    if [[ ${#problems[@]} -eq 0 ]]; then
        echo "ok   $name"
        pass=$((pass + 1))
    else
        echo "FAIL $name"
        printf '    %s\n' "${problems[@]}"
        if [[ -s $tmp/err ]]; then
            echo "    stderr:"
            head -n 10 "$tmp/err" | sed 's/^/      /'
        fi
        fail=$((fail + 1))
    fi
    rm -rf "$work"
}

if [[ $# -gt 0 ]]; then
    cases=("$@")
else
    cases=()
    for d in "$here"/cases/*/; do
        [[ -d $d ]] && cases+=("$(basename "$d")")
    done
fi
for c in "${cases[@]}"; do
    run_case "$c"
done
echo "e2e: $pass passed, $fail failed, $skip skipped"
[[ $fail -eq 0 ]]
