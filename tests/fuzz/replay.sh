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
#   jsonl/    JSONL articles: `extract --input jsonl FILE`
#   articlecsv/  article CSV: `extract --input csv --encoding auto FILE`
#   report/   one byte (its low two bits: the value plotted, auto,
#             constant, nominal, original), then figures.csv: `report
#             --value WHICH` into a temporary folder, whose series.csv,
#             series_wide.csv and summary.csv must parse too
#   prices/   a prices table: `convert --to USD --constant 2020 --prices
#             FILE`
#   subjects/ an alias table: `extract --subjects FILE` of a few sentences
#   date/     a date as written: the published field of a JSONL article
#             (bytes below 0x20, '"' and '\' escaped, the rest as is)
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

# A few sentences for the subjects inputs to extract.
sentences=$tmp/sentences.txt
printf '%s\n' 'The defence budget rose to $52.3 billion in 2024.' \
    'The KF-21 program will cost 8.8 trillion won by 2028.' \
    '내년 국방예산은 61조2469억원이다.' >"$sentences"

# The value plotted, by the report inputs' first byte.
values=(auto constant nominal original)

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
    jsonl)
        "$bin" extract --input jsonl "$f" >"$tmp/out" 2>"$tmp/err"
        check "$f" $? 0 3 65
        ;;
    articlecsv)
        "$bin" extract --input csv --encoding auto "$f" >"$tmp/out" \
            2>"$tmp/err"
        check "$f" $? 0 3 65
        ;;
    report)
        value=${values[$(($(head -c 1 "$f" | od -An -tu1) & 3))]}
        tail -c +2 "$f" >"$tmp/in.csv"
        rm -rf "$tmp/report"
        args=(--out "$tmp/report" "$tmp/in.csv")
        [[ $value != auto ]] && args+=(--value "$value")
        "$bin" report "${args[@]}" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        for out in series.csv series_wide.csv summary.csv; do
            if [[ -f $tmp/report/$out ]] && ! csv_ok "$tmp/report/$out"; then
                echo "$f: $out does not parse with the header's columns" \
                    >>"$tmp/err"
                rc=99
            fi
        done
        : >"$tmp/out"
        check "$f" $rc 0 3 65
        ;;
    prices)
        "$bin" convert --to USD --constant 2020 --prices "$f" "$figs" \
            >"$tmp/out" 2>"$tmp/err"
        check "$f" $? 0 78
        ;;
    subjects)
        "$bin" extract --subjects "$f" "$sentences" >"$tmp/out" 2>"$tmp/err"
        check "$f" $? 0 78
        ;;
    date)
        python3 -c '
import sys
d = open(sys.argv[1], "rb").read()
esc = b"".join(b"\\u%04x" % c if c < 0x20 or c in b"\"\\" else bytes([c])
               for c in d)
sys.stdout.buffer.write(b"{\"id\":\"d\",\"published\":\"" + esc +
                        b"\",\"text\":\"It got 5 billion won in 2024.\"}\n")
' "$f" >"$tmp/in.jsonl"
        "$bin" extract --input jsonl "$tmp/in.jsonl" >"$tmp/out" 2>"$tmp/err"
        check "$f" $? 0 3 65
        ;;
    *)
        echo "FAIL $f: no target '$target'"
        failed=$((failed + 1))
        ;;
    esac
done
echo "fuzz regressions: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
