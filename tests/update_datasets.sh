#!/usr/bin/env bash
# scripts/update-datasets.sh, offline, on small saved downloads in the
# upstream layouts (tests/update_datasets/upstream: World Bank WDI CSVs with
# their 4 preamble lines, FRED CSVs in both header spellings); the tables it
# writes must equal tests/update_datasets/expected, checked by hand: the
# euro members' rows after adoption, WB aggregates (WLD) and ZWE are left
# out, FRED's rate wins over the WB's, a FRED "." is skipped, AEXUSEU is
# stored as its reciprocal.  Last line "update-datasets: N passed, M failed".
set -u
cd "$(dirname "$0")/.."
pass=0 fail=0
ok() { echo "ok $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if scripts/update-datasets.sh --offline tests/update_datasets/upstream \
    --out "$tmp/out" >"$tmp/log" 2>&1; then
    ok "offline build runs"
else
    bad "offline build runs"; cat "$tmp/log"
fi
for f in tests/update_datasets/expected/*.csv; do
    n=$(basename "$f")
    if cmp -s "$f" "$tmp/out/$n"; then ok "$n"; else bad "$n"; diff "$f" "$tmp/out/$n" | head; fi
done
[[ $(ls "$tmp/out" | wc -l) -eq $(ls tests/update_datasets/expected | wc -l) ]] &&
    ok "no other file written" || bad "no other file written"

# A map that labels two economies with one currency in one year is refused
# and writes nothing.
mkdir -p "$tmp/dup/wb" "$tmp/dup/fred" "$tmp/dup/out"
cp tests/update_datasets/upstream/wb/*.csv "$tmp/dup/wb/"
sed -i 's/"Germany","DEU"/"Euro area","EMU"/' "$tmp/dup/wb/PA.NUS.FCRF.csv"
sed -i 's/"Korea, Rep.","KOR"/"Euro area","EMU"/' "$tmp/dup/wb/PA.NUS.FCRF.csv"
if scripts/update-datasets.sh --offline "$tmp/dup" --out "$tmp/dup/out" >"$tmp/log" 2>&1; then
    bad "duplicate currency-year refused"
elif grep -q "twice" "$tmp/log" && [[ -z $(ls "$tmp/dup/out") ]]; then
    ok "duplicate currency-year refused"
else
    bad "duplicate currency-year refused"; cat "$tmp/log"
fi
scripts/update-datasets.sh --bogus >/dev/null 2>&1
[[ $? -eq 64 ]] && ok "unknown argument: exit 64" || bad "unknown argument: exit 64"

# The shipped tables are what the script makes of the reference tables.
ref=../shared/datasets
if [[ -f $ref/fx_units_per_usd_annual_wb_all.csv ]]; then
    scripts/update-datasets.sh --long "$ref" --out "$tmp/ship" >/dev/null 2>&1
    same=1
    for n in fx_units_per_usd_annual.csv fx_units_per_usd_annual_wb.csv \
        cpi_inflation_pct_annual.csv gdp_lcu_annual.csv; do
        cmp -s "datasets/$n" "$tmp/ship/$n" || { same=0; echo "differs: $n"; }
    done
    [[ $same -eq 1 ]] && ok "datasets/ rebuilt from $ref" || bad "datasets/ rebuilt from $ref"
    echo "update-datasets: $pass passed, $fail failed"
else
    echo "update-datasets: $pass passed, $fail failed, 1 skipped"
fi
[[ $fail -eq 0 ]]
