#!/usr/bin/env bash
# Replay the fuzzers' regression inputs through the ordinary program.
#
# Usage: tests/fuzz/replay.sh FIGTREND
#
# tests/fuzz/regressions/TARGET/* are inputs a fuzz target once failed on
# (or that pin an invariant it checks), given in that target's format:
#   extract/  plain text: `figtrend extract FILE`
#   money/    one options byte, then text: extract of the text
#   convert/  one options byte, then figures.csv: `convert --to USD`
#   rates/    a rates table: `convert --to USD --rates FILE`
# Each must end with an accepted exit code (0, or the code for the bad
# input: 65 data, 78 table) and no sanitizer report, and a CSV output must
# parse with the header's column count.  Prints "ok NAME" per input, then
# "fuzz regressions: N passed, M failed".
set -u
cd "$(dirname "$0")/../.."
bin=${1:?usage: replay.sh FIGTREND}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

# A small figures.csv for the rates inputs to convert.
figs=$tmp/figs.csv
printf '%s\n%s\n' \
    'doc,published,mention,start,end,surface,amount,amount_max,currency,qualifier,kind,reported_amount,reported_currency,year,year_basis,subject,country,flags,sentence,source,title,url' \
    'a.txt,2021-01-02,1,0,5,x,5,,KRW,eq,level,,,2020,explicit,,,,s,,,' >"$figs"

# A CSV file whose every record has the header's column count.
csv_ok() {
    python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8", errors="strict")))
sys.exit(0 if rows and all(len(r) == len(rows[0]) for r in rows) else 1)
' "$1"
}

check() { # name rc accepted... ; reads $tmp/out and $tmp/err
    local name=$1 rc=$2 ok=0
    shift 2
    for a in "$@"; do [[ $rc -eq $a ]] && ok=1; done
    if grep -q -e 'runtime error' -e 'Sanitizer' "$tmp/err"; then
        ok=0
    fi
    if [[ $ok -eq 1 && $rc -eq 0 && -s $tmp/out ]] && ! csv_ok "$tmp/out"; then
        echo "$name: the CSV written does not parse with the header's columns"
        ok=0
    fi
    if [[ $ok -eq 1 ]]; then
        echo "ok $name"
        passed=$((passed + 1))
    else
        echo "FAIL $name (exit $rc)"
        head -n 20 "$tmp/err"
        failed=$((failed + 1))
    fi
}

for f in tests/fuzz/regressions/*/*; do
    [[ -f $f ]] || continue
    target=${f#tests/fuzz/regressions/}
    target=${target%%/*}
    case $target in
    extract)
        "$bin" extract --input text "$f" >"$tmp/out" 2>"$tmp/err"
        check "$f" $? 0 65
        ;;
    money)
        tail -c +2 "$f" >"$tmp/in.txt"
        "$bin" extract "$tmp/in.txt" >"$tmp/out" 2>"$tmp/err"
        check "$f" $? 0 65
        ;;
    convert)
        tail -c +2 "$f" >"$tmp/in.csv"
        "$bin" convert --to USD "$tmp/in.csv" >"$tmp/out" 2>"$tmp/err"
        check "$f" $? 0 65
        ;;
    rates)
        "$bin" convert --to USD --rates "$f" "$figs" >"$tmp/out" 2>"$tmp/err"
        check "$f" $? 0 78
        ;;
    *)
        echo "FAIL $f: no target '$target'"
        failed=$((failed + 1))
        ;;
    esac
done
echo "fuzz regressions: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
