#!/usr/bin/env bash
# The report page in a real browser (issue 10, "Phone and print"): makes
# the demo report (datasets/articles, as `make run` does) in a temporary
# folder and runs page_test.js over it in Debian's chromium, headless,
# through puppeteer-core, at 1280 and 390 px wide and printed to PDF.
#
# Usage: tests/browser/run.sh BINARY
#   CHROMIUM       the browser (default: chromium on the PATH)
#   FT_BROWSER_OUT keep the screenshots and page.pdf in this folder
#                  (default: the temporary folder, removed at the end)
#
# Skipped, and counted as skipped, where chromium or node is missing or
# puppeteer-core cannot be installed (no network): chromium is a large
# package that scripts/deps.sh leaves out on purpose.  puppeteer-core is
# installed here from package-lock.json by `npm ci` when node_modules is
# missing (node_modules stays out of git).  The last line printed is
# "browser: P passed, F failed, S skipped".
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${1:-$root/build/figtrend}
[[ $bin == /* ]] || bin=$PWD/$bin

skip() {
    echo "browser: skipped: $*"
    echo "browser: 0 passed, 0 failed, 1 skipped"
    exit 0
}

chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
[[ -n $chromium && -x $chromium ]] ||
    skip "no chromium (apt-get install chromium to run it)"
command -v node >/dev/null || skip "no node"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [[ ! -f $here/node_modules/puppeteer-core/package.json ]]; then
    command -v npm >/dev/null || skip "no npm to install puppeteer-core"
    if ! (cd "$here" && timeout 180 npm ci --no-audit --no-fund \
              --fetch-retries=1 --fetch-timeout=20000 \
              --loglevel=error) >"$tmp/npm.log" 2>&1; then
        tail -n 3 "$tmp/npm.log"
        skip "puppeteer-core could not be installed (npm ci failed)"
    fi
fi

if [[ ! -x $bin ]]; then
    echo "browser: no binary at $bin (run make first)"
    echo "browser: 0 passed, 1 failed"
    exit 1
fi

# The demo report, the way `make run` makes it.
export FIGTREND_DATASETS=${FIGTREND_DATASETS:-$root/datasets}
if ! { "$bin" extract "$root/datasets/articles/" >"$tmp/figures.csv" &&
       "$bin" convert --to USD --constant 2023 "$tmp/figures.csv" \
           >"$tmp/converted.csv" &&
       "$bin" report --out "$tmp/report" "$tmp/converted.csv"; } \
        2>"$tmp/report.log"; then
    tail -n 5 "$tmp/report.log"
    echo "browser: the demo report failed"
    echo "browser: 0 passed, 1 failed"
    exit 1
fi

out=${FT_BROWSER_OUT:-$tmp/shots}
mkdir -p "$out"
cd "$here" && timeout 120 node page_test.js "$tmp/report" "$out" "$chromium"
