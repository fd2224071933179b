# A FIFO in the output folder must not hang report (opening one blocks
# until a writer comes): report touches only regular files.  A FIFO
# where an output goes is in the way (exit 73, named, left as it is); a
# FIFO named like a stale chart is passed over.  Each run has a time
# limit, so a hang fails here instead of blocking.
# Usage: bash fifo.sh BINARY
set -u
bin=$1
"$bin" report --out good figures.csv
echo "exit $?"
for name in old.gp fund.gp fund.svg series.csv index.html; do
    rm -rf out
    cp -r good out
    rm -f "out/$name"
    mkfifo "out/$name"
    timeout 10 "$bin" report --out out figures.csv 2>err
    rc=$?
    named=no
    grep -q "out/$name" err && named=yes
    [ -p "out/$name" ] && kept=yes || kept=no
    echo "fifo $name: exit $rc, named $named, left $kept"
done
