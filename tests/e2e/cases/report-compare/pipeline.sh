# The comparison needs one currency: the figures as extracted (KRW and
# JPY) are refused with what to do, the converted ones are compared.
bin=$1
"$bin" convert --to USD figures.csv >usd.csv || echo "convert failed"
bash check.sh "$bin"
