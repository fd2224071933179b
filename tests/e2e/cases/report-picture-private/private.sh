# gnuplot opens its picture by name, so the name must lie in a folder no
# one else can write: a fresh one (mkdtemp, mode 0700) inside the output
# folder, not a predictable name in the (perhaps shared) output folder
# itself.  A gnuplot in front of the real one notes where it was asked
# to draw.  Usage: bash private.sh BINARY
set -u
bin=$1
real=$(command -v gnuplot) || { echo "no gnuplot"; exit 0; }
mkdir fake
cat >fake/gnuplot <<EOS
#!/bin/sh
# gnuplot -d -c SCRIPT TITLE YLABEL NOTE OUTPUT: \$7 is the picture.
d=\$(dirname "\$7")
printf '%s %s %s\n' "\$d" "\$(stat -c %a "\$d")" "\$(basename "\$7")" >>"$PWD/drawn"
exec "$real" "\$@"
EOS
chmod +x fake/gnuplot
mkdir out
PATH=$PWD/fake:$PATH "$bin" report --out out figures.csv
echo "exit $?"
while read -r dir mode name; do
    where="not in a private folder"
    case $dir in
    */out/.?* | out/.?*) [ "$(dirname "$dir")" -ef out ] && where="in a folder in out" ;;
    esac
    echo "$name: drawn $where, mode $mode"
done <drawn
[ -s out/fund.svg ] && echo "fund.svg in place"
ls -A out | grep '^\.' | grep -v -e '^\.figtrend\.lock$' -e '^\.figtrend-manifest$' || echo "no temporaries left"
