#!/usr/bin/env python3
"""Build the exchange-rate and price tables in datasets/ from the reference
copies of the upstream files (../shared/datasets by default).

    scripts/make_rates.py [SHARED_DATASETS_DIR]

- datasets/fx_units_per_usd_annual.csv: every currency of the FRED table,
  each year FRED has; the World Bank's rate for a year FRED does not have
  (KRW, JPY, CNY before FRED's series start).  Values and sources are
  copied as written upstream, never recomputed.
- datasets/fx_units_per_usd_annual_wb.csv: the World Bank table as is
  (IMF-based official rates, the basis SIPRI uses).
- datasets/cpi_inflation_pct_annual.csv: World Bank CPI inflation as is.

Line ends become LF; nothing else changes.  Re-running it on the same
input gives the same files.
"""
import csv
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "datasets")
out = os.path.join(root, "datasets")


def rows(name):
    with open(os.path.join(src, name), newline="", encoding="utf-8") as f:
        r = list(csv.reader(f))
    return r[0], r[1:]


def write(name, header, body):
    with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(body)


head, fred = rows("fx_units_per_usd_annual_fred.csv")
assert head == ["year", "currency", "units_per_usd", "source"], head
head_wb, wb = rows("fx_units_per_usd_annual_wb.csv")
assert head_wb == head, head_wb
have = {(r[1], r[0]) for r in fred}
merged = fred + [r for r in wb if (r[1], r[0]) not in have and r[1] in {x[1] for x in fred}]
merged.sort(key=lambda r: (r[1], int(r[0])))
write("fx_units_per_usd_annual.csv", head, merged)
write("fx_units_per_usd_annual_wb.csv", head, sorted(wb, key=lambda r: (r[1], int(r[0]))))

head_cpi, cpi = rows("cpi_inflation_pct_annual.csv")
assert head_cpi == ["year", "country", "currency", "inflation_pct", "source"], head_cpi
write("cpi_inflation_pct_annual.csv", head_cpi, cpi)
print("wrote", len(merged), "rates,", len(wb), "World Bank rates,", len(cpi), "inflation rates")
