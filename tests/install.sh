#!/usr/bin/env bash
# Where the program finds its datasets, run from other folders: the
# program in its build folder, a copy on its own, the error that names the
# folders tried, and `make install` staged into a temporary DESTDIR with
# two prefixes (the program, its datasets and its manual), and the systemd
# units in scripts/ checked by systemd-analyze verify.
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
if [[ $rc -eq 78 && $out == *"no readable datasets folder: $want_tried; set FIGTREND_DATASETS"* ]]; then
    ok "convert without datasets names the folders tried"
else
    bad "convert without datasets names the folders tried" "exit $rc" "$out"
fi
out=$(cd / && "$solo/bin/figtrend" extract "$article" 2>&1 >/dev/null)
if [[ $out == *"no readable datasets folder: $want_tried; set FIGTREND_DATASETS"* ]]; then
    ok "extract without datasets says so"
else
    bad "extract without datasets says so" "$out"
fi
out=$(cd "$tmp" && "$solo/bin/figtrend" report --out "$tmp/plots-none" \
    --gnuplot /nonexistent "$tmp/none.csv" 2>&1)
if [[ $out == *"no readable datasets folder: $want_tried; set FIGTREND_DATASETS"* ]]; then
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

# --- make install, staged, from the built tree (no make clean) ----------
# Two prefixes one after the other: the second must rebuild nothing, since
# no prefix is compiled in.  The make of `make test` must not lend its
# jobserver to this one.
stage_install() { # DESTDIR PREFIX
    env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make --no-print-directory \
        -C "$root" install BUILD="$build" DESTDIR="$1" PREFIX="$2" 2>&1
}
for prefix in /usr /opt/figtrend; do
    dest=$tmp/stage$(echo "$prefix" | tr / _)
    log=$(stage_install "$dest" "$prefix")
    rc=$?
    if [[ $rc -ne 0 ]]; then
        bad "make install PREFIX=$prefix" "exit $rc" "$log"
        continue
    fi
    missing=()
    for f in bin/figtrend share/figtrend/subjects.csv \
        share/figtrend/fx_units_per_usd_annual.csv \
        share/figtrend/countries.csv share/man/man1/figtrend.1; do
        [[ -f $dest$prefix/$f ]] || missing+=("missing $prefix/$f")
    done
    # A compile or link line means make rebuilt something for the prefix.
    if grep -qE -- '(^| )-(c|o) ' <<<"$log"; then
        missing+=("make rebuilt:" "$log")
    fi
    if [[ ${#missing[@]} -eq 0 ]]; then
        ok "make install DESTDIR=... PREFIX=$prefix, nothing rebuilt"
    else
        bad "make install DESTDIR=... PREFIX=$prefix, nothing rebuilt" \
            "${missing[@]}"
    fi
    check_finds "installed in $prefix, run from /" "$dest$prefix/bin/figtrend" /
done
stage=$tmp/stage_usr/usr

# --- the manual ----------------------------------------------------------
man_page=$stage/share/man/man1/figtrend.1
if ! command -v man >/dev/null; then
    echo "skip man -l (no man installed)"
    skip=$((skip + 1))
else
    out=$(MANWIDTH=80 man -l "$man_page" 2>"$tmp/err")
    if [[ -s $tmp/err || $out != *"EXIT STATUS"* || $out != *FIGTREND_DATASETS* ]]; then
        bad "man -l opens the installed page without warnings" \
            "$(head -n 20 "$tmp/err")"
    else
        ok "man -l opens the installed page without warnings"
    fi
fi
if ! command -v groff >/dev/null; then
    echo "skip groff -ww (no groff installed)"
    skip=$((skip + 1))
else
    if groff -ww -man -Tutf8 "$man_page" 2>&1 >/dev/null | grep -q .; then
        bad "groff -ww finds nothing to warn about" \
            "$(groff -ww -man -Tutf8 "$man_page" 2>&1 >/dev/null | head)"
    else
        ok "groff -ww finds nothing to warn about"
    fi
fi
# Every option a command's --help lists is in the manual, and every exit
# code DESIGN.md gives.
cmds=(extract convert report)
"$bin" run --help >/dev/null 2>&1 && cmds+=(run)
absent=()
for c in "${cmds[@]}"; do
    for opt in $("$bin" "$c" --help | grep -oE -- '(^|[ ,])--[a-z][a-z-]*' |
        sed 's/^[ ,]*//' | sort -u); do
        grep -qF -- "${opt//-/\\-}" "$root/figtrend.1" || absent+=("$c $opt")
    done
done
for code in 0 3 64 65 66 73 74 75 78; do
    grep -qx -- ".B $code" "$root/figtrend.1" || absent+=("exit $code")
done
if [[ ${#absent[@]} -eq 0 ]]; then
    ok "the manual has every option of ${cmds[*]} and every exit code"
else
    bad "the manual has every option of ${cmds[*]} and every exit code" \
        "${absent[@]}"
fi

# --- the systemd units --------------------------------------------------
# verify wants the program on ExecStart to exist and its Documentation=
# page to open: point them at the staged install.  It exits 0 even on an
# unknown key, so any word from it is a failure.
if ! command -v systemd-analyze >/dev/null; then
    echo "skip systemd-analyze verify (no systemd-analyze installed)"
    skip=$((skip + 1))
else
    units=$tmp/units
    mkdir -p "$units"
    sed "s|/usr/local/bin/figtrend|$stage/bin/figtrend|" \
        "$root/scripts/figtrend.service" >"$units/figtrend.service"
    cp "$root/scripts/figtrend.timer" "$units/"
    out=$(cd "$units" && MANPATH=$stage/share/man systemd-analyze verify \
        figtrend.service figtrend.timer 2>&1)
    rc=$?
    if [[ $rc -ne 0 || -n $out ]] ||
        ! grep -qx 'Type=oneshot' "$units/figtrend.service" ||
        ! grep -qx 'Persistent=true' "$units/figtrend.timer" ||
        ! grep -q "^ExecStart=$stage/bin/figtrend run " "$units/figtrend.service"; then
        bad "systemd-analyze verify: the units" "exit $rc" "$out"
    else
        ok "systemd-analyze verify: the units"
    fi
fi

echo "install: $pass passed, $fail failed, $skip skipped"
[[ $fail -eq 0 ]]
