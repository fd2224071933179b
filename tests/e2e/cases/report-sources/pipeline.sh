# Articles to page: extract, convert to US dollars, then check the report.
bin=$1
"$bin" extract a1.txt a2.txt a3.txt | "$bin" convert --to USD >figures.csv ||
    echo "pipeline failed"
bash check.sh "$bin"
