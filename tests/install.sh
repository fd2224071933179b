#!/usr/bin/env bash
# Where the program finds its datasets, run from other folders: the
# program in its build folder, a copy on its own, and the error that names
# the folders tried.
#
# Usage: tests/install.sh BUILD_DIR      (e.g. build, build-asan)
#
# Every check runs with FIGTREND_DATASETS unset, from / or a temporary
# folder, never from the source tree.  The last line printed is
# "install: P passed, F failed, S skipped".
set -u

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build}
[[ $build == /* ]] || build=$root/$build
bin=$build/figtrend
unset FIGTREND_DATASETS

pass=0
fail=0
skip=0
if [[ ! -x $bin ]]; then
    echo "install: no binary at $bin (run make first)" >&2
    echo "install: 0 passed, 1 failed, 0 skipped"
    exit 1
fi

# Resolved, since the program names folders by their real path.
tmp=$(cd "$(mktemp -d)" && pwd -P)
trap 'rm -rf "$tmp"' EXIT

ok() {
    echo "ok   $1"
    pass=$((pass + 1))
}
bad() {
    echo "FAIL $1"
    shift
    printf '    %s\n' "$@"
    fail=$((fail + 1))
}

# One article whose subject the alias table renames (defense budget ->
# defence budget) and whose won the rates table converts.
article=$tmp/article.txt
echo "The defense budget was 50 trillion won in 2024." >"$article"

# check NAME PROGRAM FOLDER: run from FOLDER, extract must apply the alias
# and convert must find its rates.
check_finds() {
    local name=$1 prog=$2 dir=$3 out rc
    out=$(cd "$dir" && "$prog" extract "$article" 2>"$tmp/err")
    rc=$?
    if [[ $rc -ne 0 || $out != *",defence budget,"* ]]; then
        bad "$name: extract applies the aliases" "exit $rc" "$out" \
            "$(cat "$tmp/err")"
    else
        ok "$name: extract applies the aliases"
    fi
    out=$(cd "$dir" && "$prog" extract "$article" |
        "$prog" convert --to USD --constant 2023 2>"$tmp/err")
    rc=$?
    if [[ $rc -ne 0 || $out != *",USD,"* ]]; then
        bad "$name: convert finds its rates" "exit $rc" "$out" \
            "$(cat "$tmp/err")"
    else
        ok "$name: convert finds its rates"
    fi
}

# --- the program in its build folder, run from elsewhere ----------------
check_finds "build tree, run from /" "$bin" /

# --- a copy on its own: ./datasets is the last folder tried --------------
solo=$tmp/solo
mkdir -p "$solo/bin" "$solo/work/datasets"
cp "$bin" "$solo/bin/figtrend"
printf 'alias,canonical\ndefense budget,local budget\n' \
    >"$solo/work/datasets/subjects.csv"
out=$(cd "$solo/work" && "$solo/bin/figtrend" extract "$article" 2>&1)
if [[ $out == *",local budget,"* ]]; then
    ok "a copy on its own reads ./datasets"
else
    bad "a copy on its own reads ./datasets" "$out"
fi

# --- no datasets anywhere: the message names the folders and the variable
want_tried="tried $solo/share/figtrend (installed), ./datasets (current folder)"
out=$(cd / && "$solo/bin/figtrend" convert --to USD </dev/null 2>&1)
rc=$?
if [[ $rc -eq 78 && $out == *"no datasets folder: $want_tried; set FIGTREND_DATASETS"* ]]; then
    ok "convert without datasets names the folders tried"
else
    bad "convert without datasets names the folders tried" "exit $rc" "$out"
fi
out=$(cd / && "$solo/bin/figtrend" extract "$article" 2>&1 >/dev/null)
if [[ $out == *"no datasets folder: $want_tried; set FIGTREND_DATASETS"* ]]; then
    ok "extract without datasets says so"
else
    bad "extract without datasets says so" "$out"
fi
out=$(cd "$tmp" && "$solo/bin/figtrend" report --out "$tmp/plots-none" \
    --gnuplot /nonexistent "$tmp/none.csv" 2>&1)
if [[ $out == *"no datasets folder: $want_tried; set FIGTREND_DATASETS"* ]]; then
    ok "report without datasets says so"
else
    bad "report without datasets says so" "$out"
fi

# --- a folder that is there but holds a bad table ------------------------
mkdir -p "$tmp/broken"
printf 'iso3,name\n"KOR\n' >"$tmp/broken/countries.csv"
out=$(cd / && FIGTREND_DATASETS=$tmp/broken "$bin" report \
    --out "$tmp/plots-broken" "$tmp/none.csv" 2>&1)
rc=$?
if [[ $rc -eq 78 && $out == *"the datasets folder is $tmp/broken (tried $tmp/broken (\$FIGTREND_DATASETS)); set FIGTREND_DATASETS"* ]]; then
    ok "report with a bad countries.csv names the folder"
else
    bad "report with a bad countries.csv names the folder" "exit $rc" "$out"
fi
out=$(cd / && FIGTREND_DATASETS=$tmp/broken "$bin" convert --to USD \
    </dev/null 2>&1)
rc=$?
if [[ $rc -eq 78 && $out == *"the datasets folder is $tmp/broken"*"set FIGTREND_DATASETS"* ]]; then
    ok "convert with no rates in the folder names it"
else
    bad "convert with no rates in the folder names it" "exit $rc" "$out"
fi

echo "install: $pass passed, $fail failed, $skip skipped"
[[ $fail -eq 0 ]]
