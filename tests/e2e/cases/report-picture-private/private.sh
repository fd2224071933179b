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
# Where a picture goes: for one chart, gnuplot -d -c SCRIPT TITLE YLABEL
# NOTE OUTPUT (\$7); for a group of them, gnuplot -d /dev/stdin with a
# driver that gives each its OUTPUT as figtrend_4, in byte values.
note() {
    d=\$(dirname "\$1")
    printf '%s %s %s\n' "\$d" "\$(stat -c %a "\$d")" "\$(basename "\$1")" >>"$PWD/drawn"
}
if [ "\$2" = /dev/stdin ]; then
    driver=$PWD/driver.\$\$
    cat >"\$driver"
    grep '^figtrend_4 = ' "\$driver" | sed 's/^figtrend_4 = //' |
        LC_ALL=C awk '{ gsub(/sprintf\("(%c)*", /, ""); gsub(/\)( \. )?/, ", ")
            n = split(\$0, b, ", "); s = ""
            for (i = 1; i <= n; i++) if (b[i] != "") s = s sprintf("%c", b[i] + 0)
            print s }' |
        while read -r pic; do note "\$pic"; done
    exec "$real" -d "\$driver"
fi
note "\$7"
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
