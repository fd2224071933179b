# gnuplot reads ~/.gnuplot (and the system gnuplotrc) before a script
# unless told not to: a user's init file that changes the terminal, the
# output or runs a command must not reach the charts figtrend draws.
bin=$1
mkdir -p home
cat >home/.gnuplot <<'GP'
system "touch init-file-ran"
set terminal dumb
set output "init-file-output"
GP
HOME=$PWD/home "$bin" report --out out figures.csv
echo "exit $?"
for f in home/init-file-ran init-file-ran out/init-file-ran init-file-output out/init-file-output; do
    [[ -e $f ]] && echo "the init file ran: $f"
done
head -c 5 out/kept-fund.svg; echo
