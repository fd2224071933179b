# convert with $TMPDIR a folder of the case's own: the conversion is as
# usual, and the temporary file made there is gone afterwards.
mkdir -p scratch
TMPDIR=$PWD/scratch "$1" convert --to USD figs.csv
rc=$?
echo "left in TMPDIR: $(ls -A scratch | wc -l)"
exit $rc
