#!/usr/bin/env bash
# The README's GNU parallel line: `figtrend extract --print-header`, then
#   parallel --pipepart -k --block SIZE -a archive.jsonl \
#       figtrend extract --input jsonl --no-header -
# equals one single `figtrend extract archive.jsonl`, byte for byte, over
# a JSONL archive (the demo articles, Korean ones among them, and 1 MB of
# ../shared's synthetic news when there) cut in many pieces, in pieces
# smaller than a line, and in four pieces per job slot; a rejected line
# costs only itself.  Pieces end only at line ends (--recend '\n' is
# parallel's default), so no article is ever cut.
#
# Skipped, and counted as skipped, where GNU parallel is missing
# (scripts/deps.sh installs it; moreutils' parallel is another program).
#
# Usage: tests/parallel.sh [BINARY]   (default build/figtrend)
# The last line printed is "parallel: P passed, F failed, S skipped".
set -u

# shellcheck source=tests/check.sh
. "$(dirname "${BASH_SOURCE[0]}")/check.sh"

if ! parallel --version 2>/dev/null | grep -q '^GNU parallel'; then
    echo "parallel: skipped: no GNU parallel (scripts/deps.sh installs it)"
    echo "parallel: 0 passed, 0 failed, 1 skipped"
    exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1


# The README's line, with -q so that a BINARY path with a space stays one
# word (parallel hands the command to a shell); $1 the archive, the rest
# parallel's options.  Sets rc to parallel's exit status.
pipepart() {
    local archive=$1
    shift
    {
        "$bin" extract --print-header &&
            parallel --will-cite --pipepart -k -q "$@" -a "$archive" \
                "$bin" extract --input jsonl --no-header -
    } >out.csv 2>err.txt
    rc=$?
}

python3 "$root/tests/cluster_corpus.py" archive.jsonl --copies 3 \
    --synthetic-mb 1
"$bin" extract archive.jsonl >single.csv 2>/dev/null
check "one single extract finds figures" test "$(wc -l <single.csv)" -gt 100

# Pieces of a sixteenth of the archive: many of them, whether or not the
# synthetic megabyte is there.
block=$(($(wc -c <archive.jsonl) / 16))
pipepart archive.jsonl --block "$block" --joblog jobs.txt
check "--block $block: parallel exits 0" test "$rc" -eq 0
check "--block $block: many pieces" test "$(wc -l <jobs.txt)" -gt 10
check "--block $block: equals one single run" cmp -s single.csv out.csv

pipepart archive.jsonl --block -4 -j 2 --joblog jobs.txt
check "--block -4 -j 2: eight pieces" test "$(wc -l <jobs.txt)" -eq 9
check "--block -4 -j 2: equals one single run" cmp -s single.csv out.csv

# Pieces smaller than one line: each piece still ends at a line end.
head -n 20 archive.jsonl >demo.jsonl
"$bin" extract demo.jsonl >demo.csv 2>/dev/null
pipepart demo.jsonl --block 1k
check "--block 1k, smaller than a line: equals one single run" \
    cmp -s demo.csv out.csv

# A line that is not JSON: that piece's extract exits 3, parallel counts
# one failed job (exit 1), and every other row is there, in order.
python3 "$root/tests/cluster_corpus.py" bad.jsonl --copies 3 --bad-line
"$bin" extract bad.jsonl >bad.csv 2>/dev/null
pipepart bad.jsonl --block 2k
check "a rejected line: parallel exits 1 (one piece exited 3)" \
    test "$rc" -eq 1
check "a rejected line: the rest equals one single run" cmp -s bad.csv out.csv
check "a rejected line: the warning names it" \
    grep -q 'malformed JSON' err.txt

echo "parallel: $pass passed, $fail failed, 0 skipped"
[[ $fail -eq 0 ]]
