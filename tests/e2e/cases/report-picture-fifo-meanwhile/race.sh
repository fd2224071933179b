# Something not a regular file (a FIFO) takes a chart's picture name
# while the report draws it: the picture is not put in place, so the
# page must not show it as drawn.  Usage: bash race.sh BINARY
set -u
bin=$1
mkdir fake out
# gnuplot -d -c SCRIPT TITLE YLABEL NOTE OUTPUT: $7 is the picture.
cat >fake/gnuplot <<'SH'
#!/bin/sh
printf '%s' '<svg xmlns="http://www.w3.org/2000/svg"></svg>' > "$7"
[ -p "$FIFO_AT" ] || mkfifo "$FIFO_AT"
exit 0
SH
chmod +x fake/gnuplot
PATH=$PWD/fake:$PATH FIFO_AT=$PWD/out/fund.svg "$bin" report --out out figures.csv 2>err
echo "exit $?"
grep -q 'not a regular file' err && echo "says the picture's name is taken"
[ -p out/fund.svg ] && echo "the FIFO is left as it is"
grep -q 'src="fund.svg"' out/index.html && echo "the page shows the FIFO as a picture"
grep -qi 'not rendered' out/index.html && echo "the page says the chart is not rendered"
exit 0
