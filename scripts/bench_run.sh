#!/usr/bin/env bash
# Time `figtrend run` over N articles: a first run (everything read) beside
# a run over the same, unchanged articles (nothing read again: the hashes,
# the state and the outputs, report included).
#
# Usage: scripts/bench_run.sh [N]          (default 10000)
#
# The articles are copies of the demo articles in datasets/articles/, each
# with its own number in a first line, so that no two files are the same.
# Reports only: no thresholds.
#
# Environment:
#   FIGTREND=path    use that binary, skip the build
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
n=${1:-10000}
case $n in
'' | *[!0-9]*)
	echo "usage: scripts/bench_run.sh [N]" >&2
	exit 64
	;;
esac
if [[ -z ${FIGTREND:-} ]]; then
	make -s -C "$root" >/dev/null
	FIGTREND=$root/build/figtrend
fi
# the runs below work in a temporary folder: the binary's path must not
# be relative to this one
FIGTREND=$(realpath "$FIGTREND")
export FIGTREND_DATASETS=${FIGTREND_DATASETS:-$root/datasets}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/figtrend-bench-run.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

demo=("$root"/datasets/articles/*.txt)
mkdir "$tmp/articles"
# The header block stays first (Date: ...); the number goes after it, as a
# line of its own, so that each file hashes differently.
python3 - "$n" "$tmp/articles" "${demo[@]}" <<'PY'
import os, sys
n, out, demo = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
texts = [open(f, 'rb').read() for f in demo]
for i in range(n):
    t = texts[i % len(texts)]
    head, sep, body = t.partition(b'\n\n')
    if not sep:
        head, sep, body = b'', b'', t
    name = '%06d-%s' % (i + 1, os.path.basename(demo[i % len(demo)]))
    with open(os.path.join(out, name), 'wb') as f:
        f.write(head + sep + b'Copy %d.\n' % (i + 1) + body)
PY
bytes=$(du -sb "$tmp/articles" | cut -f1)

timed() { # label, then the command; prints the wall-clock seconds
	local label=$1 t0 t1 rc
	shift
	t0=$(date +%s.%N)
	"$@" && rc=0 || rc=$?
	t1=$(date +%s.%N)
	printf '%-34s %8.2f s  (exit %d)\n' "$label" "$(echo "$t1 - $t0" | bc)" "$rc"
}

echo "figtrend run over $n articles ($((bytes / 1024)) KiB), demo copies"
cd "$tmp"
timed "first run (everything read)" "$FIGTREND" run -q --out out articles
timed "second run (all unchanged)" "$FIGTREND" run -q --out out articles
echo "changed one" >>"articles/$(printf '%06d' 1)-$(basename "${demo[0]}")"
timed "third run (one article changed)" "$FIGTREND" run -q --out out articles
printf 'figures: %s; database: %s KiB\n' \
	"$(($(wc -l <out/figures.csv) - 1))" "$(($(stat -c %s out/.state/figtrend.db) / 1024))"
