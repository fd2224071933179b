#!/usr/bin/env bash
# Run every libFuzzer target of BUILD_DIR/fuzz for SECONDS each, from the
# seed corpus tests/fuzz/corpus/NAME (read only; what a run learns goes to
# BUILD_DIR/fuzz/corpus/NAME, kept between runs), and sum them up.
#
# Usage: tests/fuzz/run.sh BUILD_DIR SECONDS      (make fuzz calls it)
#
# The targets (tests/fuzz/fuzz_NAME.c, each saying what it checks):
#   extract, jsonl, articlecsv  plain text, JSONL and article CSV through
#                               the reader and the whole extract
#                               (fuzz_article.h: the figures and their CSV)
#   money                       the money scanner
#   convert, report             convert's and report's figures.csv readers
#                               (report's with the series built and written)
#   rates, prices, subjects     the tables
#   date                        the publication-date parser
#
# Per target one line "NAME: R runs in S s (R/S per second), ok|CRASH";
# a crashing input is saved as BUILD_DIR/fuzz/crash/NAME-*: copy it to
# tests/fuzz/regressions/NAME/ (with a note of the fix) so that make test
# replays it.  The last line is "fuzz: N targets, R runs, C crashes"; the
# exit status is 1 when C > 0.
set -u
cd "$(dirname "$0")/../.."
build=${1:?usage: run.sh BUILD_DIR SECONDS}
seconds=${2:-60}

targets=0 runs=0 crashes=0
for bin in "$build"/fuzz/fuzz_*; do
    [[ -x $bin && $bin != *.d ]] || continue
    name=${bin##*/fuzz_}
    seeds=tests/fuzz/corpus/$name
    work=$build/fuzz/corpus/$name
    mkdir -p "$work" "$build/fuzz/crash"
    log=$build/fuzz/$name.log
    # -timeout: one input taking a second is a bug (work is linear).
    "$bin" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$build/fuzz/crash/$name-" \
        "$work" "$seeds" >"$log" 2>&1
    rc=$?
    n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    t=$(sed -n 's/^stat::\(average_exec_per_sec\): *//p' "$log" | tail -n 1)
    n=${n:-0}
    targets=$((targets + 1))
    runs=$((runs + n))
    if [[ $rc -ne 0 ]]; then
        crashes=$((crashes + 1))
        grep -a -m 5 -e 'ERROR' -e 'invariant broken' -e 'runtime error' \
            -e 'Test unit written' "$log"
        echo "$name: $n runs (${t:-?}/s), CRASH (log: $log)"
    else
        echo "$name: $n runs (${t:-?}/s), ok"
    fi
done
echo "fuzz: $targets targets, $runs runs, $crashes crashes"
[[ $crashes -eq 0 ]]
