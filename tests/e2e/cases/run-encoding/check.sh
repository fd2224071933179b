#!/usr/bin/env bash
# run on an article saved in CP949: without --encoding it is told on
# stderr (not read in silence); with --encoding cp949 its figure is kept;
# changing the encoding reads the unchanged file again.
set -u
bin=$1
mkdir -p in
iconv -f UTF-8 -t CP949 article.utf8 > in/a.txt
"$bin" run --out out in 2> err1.txt
echo "plain run exit $?"
grep -q 'reads as CP949' err1.txt && echo "told: reads as CP949"
echo "rows read as is: $(( $(wc -l < out/figures.csv) - 1 ))"
"$bin" run --encoding cp949 --out out in 2> err2.txt
echo "cp949 run exit $?"
echo "rows read as cp949: $(( $(wc -l < out/figures.csv) - 1 ))"
grep -q '1조2000억원' out/figures.csv && echo "the figure, in UTF-8"
