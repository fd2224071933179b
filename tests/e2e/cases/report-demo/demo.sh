#!/usr/bin/env bash
# What `make run` does, on the shipped demo articles: extract, convert to
# constant 2023 US dollars, report.  The report must hold at least three
# charts, each of them on index.html.
set -u
bin=$1
"$bin" extract articles/ >figures.csv
echo "extract exit $?"
"$bin" convert --to USD --constant 2023 figures.csv >converted.csv 2>convert.log
echo "convert exit $?"
"$bin" report --out out converted.csv
echo "report exit $?"
n=0
missing=0
for f in out/*.svg; do
    [[ -s $f ]] || continue
    n=$((n + 1))
    grep -q "src=\"${f#out/}\"" out/index.html || missing=$((missing + 1))
done
((n >= 3)) && echo "charts: 3 or more" || echo "charts: only $n"
echo "charts missing from index.html: $missing"
