#!/usr/bin/env bash
# figtrend extract's throughput beside the speed of reading the bytes, on
# two corpora side by side (three with ../shared/seed), in one run.
#
# Usage: scripts/bench.sh [SIZE_MB]        (default 20)
#
# The corpora, each SIZE_MB of JSONL (one article a line: how a news
# archive is fed to `figtrend extract`, DESIGN.md "Scale"):
#   synthetic  ../shared/tools/make_corpus.py's business news (else our
#              scripts/gen_corpus.py), one article per blank-line block;
#   demo       the demo articles of datasets/articles/ repeated, each copy
#              with its own ids (tests/cluster_corpus.py);
#   seed       where ../shared/seed/ exists, its real news articles
#              repeated: both corpora above have a figure every 120 to 220
#              bytes, real news one every few kilobytes, so this column
#              shows what most of the cost is on real news (the bytes, not
#              the figures).  Read from ../shared at run time, as the
#              tests do, never copied into the repository.
# On each it times, interleaved round by round so that a change in the
# machine's load touches every command alike:
#   figtrend extract --jobs 1 FILE      (one thread)
#   figtrend extract --jobs N FILE      (N = the online cores, the default)
#   wc -w FILE, wc -l FILE, grep -c '[0-9]' FILE
#   figtrend convert --to USD, and once figtrend report (gnuplot
#              included), on what extract and convert wrote of FILE: on a
#              cluster they run once over everything (scripts/slurm), so
#              their speed, given in MB of articles a second, bounds the
#              whole job's
# (output to /dev/null; wc and grep in the caller's locale, printed) and
# prints the median MB/s of BENCH_RUNS runs, figtrend --jobs 1 over wc -w
# and the --jobs N over --jobs 1 speed-up (each the median of the rounds'
# own ratios, not a ratio of the medians), figtrend's peak memory
# (/usr/bin/time %M, the largest of its runs) and the rows written.
#
# The machine may be shared: the load average before and after is printed,
# and a note when other processes kept cores busy, since the figures are
# then low and noisy (the speed-up most of all).
# Reports only: no thresholds; exit 0 unless something cannot run.
#
# Environment:
#   FIGTREND=path    use that binary, skip the build
#   BENCH_RUNS=n     timed runs of each command (default 5)
#   BENCH_JOBS=n     the N of --jobs N (default: the online cores)
#   BENCH_GEN=own    scripts/gen_corpus.py even if make_corpus.py exists
#   BENCH_CORPUS=f   a text corpus (blank-line separated articles) of your
#                    own in place of the synthetic one
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
size=${1:-20}
runs=${BENCH_RUNS:-5}
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc 2>/dev/null || echo 1)
jobs=${BENCH_JOBS:-$cores}

case $size in
'' | *[!0-9.]* | *.*.*)
	echo "usage: scripts/bench.sh [SIZE_MB]" >&2
	exit 64
	;;
esac
case $runs$jobs in *[!0-9]*)
	echo "bench: BENCH_RUNS and BENCH_JOBS are numbers" >&2
	exit 64
	;;
esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/figtrend-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

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
export FIGTREND_DATASETS=${FIGTREND_DATASETS:-$root/datasets}
timer=
[[ -x /usr/bin/time ]] && timer=/usr/bin/time

# --- corpora --------------------------------------------------------------
if [[ -n ${BENCH_CORPUS:-} ]]; then
	text=$BENCH_CORPUS
	gen_a="given"
else
	text=$tmp/corpus.txt
	shared_gen=$root/../shared/tools/make_corpus.py
	if [[ -f $shared_gen && ${BENCH_GEN:-} != own ]]; then
		gen_a="make_corpus.py"
		python3 "$shared_gen" -o "$text" --size-mb "$size" >/dev/null
	else
		gen_a="gen_corpus.py"
		python3 "$here/gen_corpus.py" -o "$text" --size-mb "$size" >/dev/null
	fi
fi
# One article per blank-line block, as one JSONL line each.
python3 - "$text" "$tmp/a.jsonl" <<'PY'
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
# The demo articles: one copy to learn its size, then as many as fill
# SIZE_MB.
python3 "$root/tests/cluster_corpus.py" "$tmp/one.jsonl" --copies 1
copies=$(awk -v s="$size" -v b="$(wc -c <"$tmp/one.jsonl")" \
	'BEGIN { c = int(s * 1e6 / b + 0.999); print c < 1 ? 1 : c }')
python3 "$root/tests/cluster_corpus.py" "$tmp/b.jsonl" --copies "$copies"
declare -A names=([a]="synthetic ($gen_a)" [b]="demo articles x$copies")
cols=(a b)
seed_dir=$root/../shared/seed
if compgen -G "$seed_dir/*.txt" >/dev/null; then
	copies_c=$(python3 - "$seed_dir" "$size" "$tmp/c.jsonl" <<'PY'
import glob, json, os, sys

src, size, dst = sys.argv[1], float(sys.argv[2]), sys.argv[3]
texts = []
for path in sorted(glob.glob(os.path.join(src, "*.txt"))):
    with open(path, encoding="utf-8", errors="replace") as f:
        texts.append((os.path.basename(path), f.read()))
lines = [json.dumps({"id": n, "source": "seed", "text": t},
                    ensure_ascii=False) for n, t in texts]
one = sum(len(x.encode()) + 1 for x in lines)
copies = max(1, int(size * 1e6 / one + 0.999))
with open(dst, "w", encoding="utf-8", newline="\n") as out:
    for k in range(copies):
        for (n, t) in texts:
            out.write(json.dumps({"id": "%s-%d" % (n, k), "source": "seed",
                                  "text": t}, ensure_ascii=False) + "\n")
print(copies)
PY
	)
	cols+=(c)
	names[c]="real news (../shared/seed) x$copies_c"
fi

# --- timing ---------------------------------------------------------------
now() {
	if [[ -n ${EPOCHREALTIME:-} ]]; then
		echo "${EPOCHREALTIME/,/.}"
	else
		date +%s.%N
	fi
}

# timed KEY CMD...: one run of CMD (stdout to /dev/null), its wall-clock
# seconds appended to $tmp/KEY.t and, for figtrend, its peak memory in kB
# to $tmp/KEY.m.  grep's 1 and figtrend's 3 (some lines rejected) are fine.
timed() {
	local key=$1 t0 t1 rc=0
	shift
	t0=$(now)
	if [[ $1 == "$bin" && -n $timer ]]; then
		"$timer" -f %M -o "$tmp/$key.rss" "$@" >/dev/null 2>>"$tmp/stderr" ||
			rc=$?
		cat "$tmp/$key.rss" >>"$tmp/$key.m"
	else
		"$@" >/dev/null 2>>"$tmp/stderr" || rc=$?
	fi
	t1=$(now)
	if ((rc != 0 && rc != 1 && rc != 3)); then
		echo "bench: '$*' exited $rc" >&2
		tail -n 5 "$tmp/stderr" >&2
		exit 1
	fi
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }' \
		>>"$tmp/$key.t"
}

median() { sort -g "$1" | awk '{ v[NR] = $1 } END {
	if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
mbps() { # BYTES SECONDS
	awk -v b="$1" -v s="$2" 'BEGIN { if (s <= 0) print "inf";
		else printf "%.1f", b / 1e6 / s }'
}

load_before=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
# The busiest other process (its CPU share over its life): a fuzzer or a
# build elsewhere on the machine takes cores from the threads measured.
# What convert and report read: the figures of each corpus, once.
for c in "${cols[@]}"; do
	"$bin" extract "$tmp/$c.jsonl" >"$tmp/$c.figures.csv" 2>/dev/null || true
	"$bin" convert --to USD "$tmp/$c.figures.csv" >"$tmp/$c.converted.csv" \
		2>/dev/null || true
done
busy=$(ps -eo pcpu=,comm= --sort=-pcpu 2>/dev/null | awk -v me="$$" \
	'$1 + 0 >= 20 { printf "%s%s %s%%", n++ ? ", " : "", $2, $1 }' || true)
for c in "${cols[@]}"; do
	f=$tmp/$c.jsonl
	for ((i = 0; i < runs; i++)); do
		timed "$c.ft1" "$bin" extract --jobs 1 "$f"
		timed "$c.ftn" "$bin" extract --jobs "$jobs" "$f"
		timed "$c.wcw" wc -w "$f"
		timed "$c.wcl" wc -l "$f"
		timed "$c.grep" grep -c '[0-9]' "$f"
		timed "$c.cv" "$bin" convert --to USD "$tmp/$c.figures.csv"
	done
	# once: its time is mostly gnuplot, once a chart, and the synthetic
	# corpus's thousands of small series take a minute
	timed "$c.rp" "$bin" report --out "$tmp/$c.report" "$tmp/$c.converted.csv"
done
load_after=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")

# --- report ---------------------------------------------------------------
declare -A col
for c in "${cols[@]}"; do
	f=$tmp/$c.jsonl
	bytes=$(wc -c <"$f")
	col[$c.input]=$(awk -v b="$bytes" -v l="$(wc -l <"$f")" \
		'BEGIN { printf "%.1f MB, %d lines", b / 1e6, l }')
	for k in ft1 ftn wcw wcl grep cv rp; do
		col[$c.$k]="$(mbps "$bytes" "$(median "$tmp/$c.$k.t")") MB/s"
	done
	# the ratios are medians of each round's ratio: the commands of a
	# round ran back to back, so a change in the machine's speed between
	# rounds (this kind of virtual machine's varies by half) touches both
	paste "$tmp/$c.wcw.t" "$tmp/$c.ft1.t" |
		awk '{ print $1 / $2 }' >"$tmp/$c.ratio.r"
	paste "$tmp/$c.ft1.t" "$tmp/$c.ftn.t" |
		awk '{ print $1 / $2 }' >"$tmp/$c.speedup.r"
	col[$c.ratio]=$(median "$tmp/$c.ratio.r" | awk '{ printf "%.3f", $1 }')
	col[$c.speedup]=$(median "$tmp/$c.speedup.r" | awk '{ printf "%.2fx", $1 }')
	for k in ft1 ftn cv rp; do
		if [[ -s $tmp/$c.$k.m ]]; then
			col[$c.$k.mem]=$(sort -n "$tmp/$c.$k.m" | tail -n 1 |
				awk '{ printf "%.1f MB", $1 / 1024 }')
		else
			col[$c.$k.mem]="n/a (no /usr/bin/time)"
		fi
	done
	rows=$("$bin" extract --no-header "$f" 2>/dev/null | python3 -c '
import csv, sys
print(sum(1 for r in csv.reader(sys.stdin) if r))' || true)
	col[$c.rows]=$rows
done

# row LABEL KEY: the label, then each corpus's col[CORPUS.KEY]
row() {
	local line c
	line=$(printf '%-34s' "$1")
	for c in "${cols[@]}"; do line+=$(printf ' %-28s' "${col[$c.$2]}"); done
	printf '%s\n' "${line%"${line##*[! ]}"}"
}
for c in "${cols[@]}"; do
	col[$c.name]=${names[$c]}
	col[$c.charts]=$(find "$tmp/$c.report" -name '*.gp' | wc -l)
	col[$c.csv]=$(awk -v b="$(wc -c <"$tmp/$c.converted.csv")" \
		'BEGIN { printf "%.1f MB", b / 1e6 }')
done
printf 'figtrend bench: %s cores online, %d runs of each command, median\n' \
	"$cores" "$runs"
printf 'wall-clock, commands interleaved (the ratios: medians of each\n'
printf "round's own); wc and grep with LC_ALL=%s\n" \
	"${LC_ALL:-${LC_CTYPE:-${LANG:-C}}}"
printf 'binary: %s\n\n' "${bin#"$root"/}"
row "" name
row "input (JSONL)" input
row "figtrend extract --jobs 1" ft1
row "figtrend extract --jobs $jobs" ftn
row "wc -w" wcw
row "wc -l" wcl
row "grep -c '[0-9]'" grep
row "figtrend --jobs 1 / wc -w" ratio
row "--jobs $jobs / --jobs 1 speed-up" speedup
row "peak memory, --jobs 1" ft1.mem
row "peak memory, --jobs $jobs" ftn.mem
row "figures (rows)" rows
row "figtrend convert --to USD" cv
row "figtrend report (one run)" rp
row "charts drawn by report" charts
row "peak memory, convert" cv.mem
row "peak memory, report" rp.mem
row "converted figures (CSV)" csv
printf '(convert and report: MB of the articles whose figures they read, a second)\n'
printf '\nload average: %s before, %s after' "$load_before" "$load_after"
if awk -v a="$load_before" -v c="$cores" 'BEGIN { exit !(a + 0 > 0.5) }'; then
	printf ' (other processes were running: figures are low and noisy)'
fi
printf '\n'
[[ -n $busy ]] && printf 'busy when it began: %s\n' "$busy"
if [[ -s $tmp/stderr ]]; then
	printf 'stderr: %d distinct lines, first: %s\n' \
		"$(sort -u "$tmp/stderr" | wc -l)" "$(head -n 1 "$tmp/stderr")"
fi
