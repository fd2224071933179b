#!/usr/bin/env bash
# Measure figtrend extract's throughput beside grep on the same corpus.
#
# Usage: scripts/bench.sh [SIZE_MB]        (default 20)
#
# Makes a SIZE_MB corpus in a temporary folder with
# ../shared/tools/make_corpus.py when it exists, else with our own
# scripts/gen_corpus.py, and turns it into FILE.jsonl, one article per line
# (the corpus' articles are separated by blank lines): the way a news
# archive is fed to `figtrend extract` (DESIGN.md, "Scale"); as plain text
# the whole corpus would be one 20 MB article, over extract's per-article
# limit. Builds figtrend (`make -s`); times
# `build/figtrend extract FILE.jsonl > /dev/null` and
# `grep -c '[0-9]' FILE.jsonl` (best of 3 wall-clock runs each) and prints
# MB/s for both, the number of figures found and figtrend's peak RSS (when
# /usr/bin/time is there).
# Reports only: no thresholds; exit 0 unless something cannot run.
#
# Environment:
#   FIGTREND=path    use that binary, skip the build
#   BENCH_CORPUS=f   benchmark that text corpus instead of generating one
#   BENCH_GEN=own    use scripts/gen_corpus.py even if make_corpus.py exists
#   BENCH_INPUT=text time the plain text corpus as one article (with
#                    --max-bytes raised to its size) instead of the .jsonl
#   BENCH_RUNS=n     number of timed runs (default 3)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
size=${1:-20}
runs=${BENCH_RUNS:-3}

case $size in
'' | *[!0-9.]* | *.*.*)
	echo "usage: scripts/bench.sh [SIZE_MB]" >&2
	exit 64
	;;
esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/figtrend-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- corpus ---------------------------------------------------------------
if [[ -n ${BENCH_CORPUS:-} ]]; then
	corpus=$BENCH_CORPUS
	gen="given ($corpus)"
else
	corpus=$tmp/corpus.txt
	shared_gen=$root/../shared/tools/make_corpus.py
	if [[ -f $shared_gen && ${BENCH_GEN:-} != own ]]; then
		gen="../shared/tools/make_corpus.py"
		python3 "$shared_gen" -o "$corpus" --size-mb "$size"
	else
		gen="scripts/gen_corpus.py"
		python3 "$here/gen_corpus.py" -o "$corpus" --size-mb "$size"
	fi
fi

extract_args=()
if [[ ${BENCH_INPUT:-jsonl} == text ]]; then
	input=$corpus
	extract_args=(--max-bytes "$(($(wc -c <"$corpus") + 1))")
	what="plain text, one article"
else
	input=$tmp/corpus.jsonl
	python3 - "$corpus" "$input" <<'PY'
import json, sys

src, dst = sys.argv[1], sys.argv[2]
n = 0
buf = []
with open(src, encoding="utf-8", errors="replace", newline="") as f, \
        open(dst, "w", encoding="utf-8", newline="\n") as out:
    def flush():
        global n
        if buf:
            n += 1
            out.write(json.dumps({"id": "a%d" % n, "source": "bench",
                                  "text": "\n".join(buf)},
                                 ensure_ascii=False) + "\n")
            buf.clear()
    for line in f:
        line = line.rstrip("\n").rstrip("\r")
        if line.strip():
            buf.append(line)
        else:
            flush()
    flush()
PY
	what="jsonl, one article a line"
fi
bytes=$(wc -c <"$input")
lines=$(wc -l <"$input")

# --- binary ---------------------------------------------------------------
if [[ -n ${FIGTREND:-} ]]; then
	bin=$FIGTREND
else
	if ! make -s -C "$root" >"$tmp/make.log" 2>&1; then
		cat "$tmp/make.log" >&2
		echo "bench: make failed" >&2
		exit 1
	fi
	bin=$root/build/figtrend
fi
if [[ ! -x $bin ]]; then
	echo "bench: $bin is missing or not executable" >&2
	exit 1
fi

# --- timing ---------------------------------------------------------------
now() {
	if [[ -n ${EPOCHREALTIME:-} ]]; then
		echo "${EPOCHREALTIME/,/.}"
	else
		date +%s.%N
	fi
}

# best_of CMD...: run CMD $runs times (stdout to /dev/null), print the
# shortest wall-clock time in seconds. Fails if CMD fails (grep's 1 and
# figtrend's 3, some inputs rejected, are accepted).
best_of() {
	local best="" t0 t1 rc i
	for ((i = 0; i < runs; i++)); do
		t0=$(now)
		rc=0
		"$@" >/dev/null 2>>"$tmp/stderr" || rc=$?
		t1=$(now)
		if ((rc != 0 && rc != 1 && rc != 3)); then
			echo "bench: '$*' exited $rc" >&2
			tail -n 5 "$tmp/stderr" >&2
			return 1
		fi
		best=$(awk -v a="$t0" -v b="$t1" -v best="$best" \
			'BEGIN { d = b - a; if (best == "" || d < best) best = d;
			         printf "%.6f", best }')
	done
	echo "$best"
}

mbps() { awk -v b="$bytes" -v s="$1" 'BEGIN {
	if (s <= 0) print "inf"; else printf "%.1f", b / 1e6 / s }'; }

t_ft=$(best_of "$bin" extract "${extract_args[@]}" "$input")
t_grep=$(best_of grep -c '[0-9]' "$input")
grep_count=$(grep -c '[0-9]' "$input" || true)

# Figures: count CSV records (quoted fields may hold anything), by currency.
"$bin" extract "${extract_args[@]}" "$input" >"$tmp/figures.csv" \
	2>>"$tmp/stderr" || true
summary=$(python3 - "$tmp/figures.csv" <<'PY'
import collections, csv, sys
n = 0
cur = collections.Counter()
with open(sys.argv[1], encoding="utf-8", errors="replace", newline="") as f:
    r = csv.reader(f)
    head = next(r, None) or []
    ci = head.index("currency") if "currency" in head else None
    for row in r:
        if not row:
            continue
        n += 1
        if ci is not None and ci < len(row):
            cur[row[ci] or "(none)"] += 1
top = ", ".join("%s %d" % kv for kv in cur.most_common(8))
print("%d%s" % (n, " (" + top + ")" if top else ""))
PY
)

rss="n/a (no /usr/bin/time)"
if [[ -x /usr/bin/time ]]; then
	/usr/bin/time -v -o "$tmp/time.txt" "$bin" extract "${extract_args[@]}" \
		"$input" >/dev/null 2>>"$tmp/stderr" || true
	kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2);
		print $2 }' "$tmp/time.txt" 2>/dev/null || true)
	if [[ -n $kb ]]; then
		rss=$(awk -v k="$kb" 'BEGIN { printf "%.1f MB (%d kB)", k / 1024, k }')
	fi
fi

printf 'corpus:    %s -> %s: %d bytes (%.1f MB), %d lines\n' "$gen" \
	"$what" "$bytes" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" \
	"$lines"
printf 'figtrend:  %8s MB/s  (best of %d: %.3f s)  %s extract FILE\n' \
	"$(mbps "$t_ft")" "$runs" "$t_ft" "${bin#"$root"/}"
printf 'grep -c:   %8s MB/s  (best of %d: %.3f s)  %d lines with a digit\n' \
	"$(mbps "$t_grep")" "$runs" "$t_grep" "$grep_count"
printf 'figures:   %s\n' "$summary"
printf 'peak RSS:  %s\n' "$rss"
if [[ -s $tmp/stderr ]]; then
	printf 'stderr:    %d distinct lines, first: %s\n' \
		"$(sort -u "$tmp/stderr" | wc -l)" "$(head -n 1 "$tmp/stderr")"
fi
