# figtrend chart: overview, written by figtrend report (rewritten on each run).
# Render: gnuplot -c overview.gp TITLE YLABEL NOTE OUTPUT
# Text reaches gnuplot only as ARG1..ARG3 and from overview.dat, never as code.
if (ARGC < 4) {
    print "usage: gnuplot -c CHART.gp TITLE YLABEL NOTE OUTPUT"
    exit status 2
}
data = ARG0[1:strlen(ARG0) - 3] . ".dat"
set encoding utf8
set terminal svg size 540,468 font "sans-serif,17" background rgb "white"
set termoption noenhanced
set output ARG4
set title ARG1 font ",19"
set ylabel ARG2
set label 1 ARG3 at character 1, character 0.6 left textcolor rgb "#555555"
set bmargin 5.7
set key at character 1, character 3.3 left top Left reverse maxcols 1
set datafile separator "\t"
set border 3
set xtics nomirror
set ytics nomirror
set grid ytics linecolor rgb "#dddddd"
set format x "%.0f"
set xrange [2019.5:2023.5]
set xtics 1
set yrange [0:*]
set offsets 0, 0, graph 0.08, 0
set key vertical
set style line 1 linecolor rgb "#1f5fa8" linewidth 2 pointtype 7
set style line 2 linecolor rgb "#c0392b" linewidth 2 pointtype 5
set style line 3 linecolor rgb "#27ae60" linewidth 2 pointtype 9
set style line 4 linecolor rgb "#8e44ad" linewidth 2 pointtype 11
set style line 5 linecolor rgb "#d68910" linewidth 2 pointtype 13
set style line 6 linecolor rgb "#566573" linewidth 2 pointtype 15
plot for [i=2:3] data using 1:i with linespoints linestyle ((i - 2) % 6 + 1) title columnheader(i)
