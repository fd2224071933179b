# figtrend chart: defence-budget-krw, written by figtrend report (rewritten on each run).
# Render: gnuplot -c defence-budget-krw.gp TITLE YLABEL NOTE OUTPUT
# Text reaches gnuplot only as ARG1..ARG3 and from defence-budget-krw.dat, never as code.
if (ARGC < 4) {
    print "usage: gnuplot -c CHART.gp TITLE YLABEL NOTE OUTPUT"
    exit status 2
}
data = ARG0[1:strlen(ARG0) - 3] . ".dat"
set encoding utf8
set terminal svg size 540,494 font "sans-serif,17" background rgb "white"
set termoption noenhanced
set output ARG4
set title ARG1 font ",19"
set ylabel ARG2
set label 1 ARG3 at character 1, character 2.6 left textcolor rgb "#555555"
set bmargin 6.7
set key at character 1, character 4.3 left top Left reverse maxcols 1
set datafile separator "\t"
set border 3
set xtics nomirror
set ytics nomirror
set grid ytics linecolor rgb "#dddddd"
set format x "%.0f"
set xrange [2019.5:2023.5]
set xtics 1
set yrange [0:*]
set offsets 0, 0, graph 0.12, 0
set key horizontal maxcols 2
set style line 1 linecolor rgb "#1f5fa8" linewidth 2 pointtype 7 pointsize 1.1
set style line 2 linecolor rgb "#c0392b" linewidth 1.5 dashtype 2
plot data using 1:2 with linespoints linestyle 1 title "reported", \
     data using 1:2:3 with labels offset 0, 1.1 notitle, \
     data using 1:4 with lines linestyle 2 title "linear trend"
