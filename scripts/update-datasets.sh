#!/usr/bin/env bash
# Rebuild datasets/fx_units_per_usd_annual.csv, fx_units_per_usd_annual_wb.csv,
# cpi_inflation_pct_annual.csv and gdp_lcu_annual.csv.
#
#   scripts/update-datasets.sh [--out DIR]              download, then build
#   scripts/update-datasets.sh --offline DIR [--out DIR]  build from saved
#                                      downloads (DIR/wb/*.csv, DIR/fred/*.csv)
#   scripts/update-datasets.sh --long DIR [--out DIR]   build from tables in
#                                      long form (../shared/datasets)
#
# Online it fetches, with curl, into a temporary folder:
#   https://api.worldbank.org/v2/en/indicator/PA.NUS.FCRF?downloadformat=csv
#   https://api.worldbank.org/v2/en/indicator/FP.CPI.TOTL.ZG?downloadformat=csv
#   https://api.worldbank.org/v2/en/indicator/NY.GDP.MKTP.CN?downloadformat=csv
#     (each a zip; the API_<indicator>_DS2_en_csv_v2_*.csv inside is kept)
#   https://fred.stlouisfed.org/graph/fredgraph.csv?id=<SERIES>
#     (the 20 annual series listed in scripts/update_datasets.py: AEXKOUS...)
# then builds as --offline does.  OUT defaults to datasets/.  The tables
# are written only when the build succeeds; check `git diff --stat datasets`
# before committing, and a new year of a closed range in
# scripts/currency_map.csv (a new euro member, say) before trusting it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

mode=online src="" out=$root/datasets
while [[ $# -gt 0 ]]; do
    case $1 in
    --offline) mode=upstream src=$2; shift 2 ;;
    --long) mode=long src=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h | --help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "update-datasets: unknown argument '$1' (see --help)" >&2; exit 64 ;;
    esac
done

[[ -z $src ]] || src=$(cd "$src" && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [[ $mode == online ]]; then
    mkdir -p "$tmp/wb" "$tmp/fred"
    for ind in PA.NUS.FCRF FP.CPI.TOTL.ZG NY.GDP.MKTP.CN; do
        curl -fsSL -o "$tmp/$ind.zip" \
            "https://api.worldbank.org/v2/en/indicator/$ind?downloadformat=csv"
        unzip -p "$tmp/$ind.zip" "API_${ind}_DS2_*.csv" >"$tmp/wb/$ind.csv"
    done
    for s in $(python3 -c 'import sys; sys.path.insert(0, "scripts")
import update_datasets as u; print(" ".join(x[1] for x in u.FRED))'); do
        curl -fsSL -o "$tmp/fred/$s.csv" \
            "https://fred.stlouisfed.org/graph/fredgraph.csv?id=$s"
    done
    mode=upstream src=$tmp
fi

mkdir -p "$tmp/out"
python3 scripts/update_datasets.py "$mode" "$src" "$tmp/out"
cp "$tmp"/out/*.csv "$out"/
