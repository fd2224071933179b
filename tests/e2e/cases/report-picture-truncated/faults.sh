# A full disk under gnuplot: it exits 0 although its write failed, and
# leaves a cut picture.  report must keep the earlier picture, exit 74
# and name the chart.  Usage: bash faults.sh BINARY
set -u
bin=$1
"$bin" report --out out figures.csv
echo "exit $?"
cp out/fund.svg good.svg
mkdir fake
# gnuplot -d -c SCRIPT TITLE YLABEL NOTE OUTPUT: $7 is the picture.
for cut in '<svg xmlns="http://www.w3.org/2000/svg"><g>' ''; do
    printf '#!/bin/sh\nprintf %%s '"'%s'"' > "$7"\nexit 0\n' "$cut" >fake/gnuplot
    chmod +x fake/gnuplot
    PATH=$PWD/fake:$PATH "$bin" report --out out figures.csv 2>err
    echo "cut to ${#cut} bytes: exit $?"
    grep -q 'fund\.svg' err && echo "names fund.svg"
    cmp -s good.svg out/fund.svg && echo "earlier picture kept"
done
ls -A out | grep '^\.' | grep -v -e '^\.figtrend\.lock$' -e '^\.figtrend-manifest$' || echo "no temporaries left"
