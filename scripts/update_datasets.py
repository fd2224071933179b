#!/usr/bin/env python3
"""Build figtrend's rate, price and GDP tables from upstream files.

    update_datasets.py upstream DIR OUT   # WB API CSVs + FRED CSVs (below)
    update_datasets.py long DIR OUT       # tables already in long form

`upstream` reads what scripts/update-datasets.sh downloads:
  DIR/wb/PA.NUS.FCRF.csv      World Bank WDI CSV (4 preamble lines, then
  DIR/wb/FP.CPI.TOTL.ZG.csv   "Country Name","Country Code","Indicator
  DIR/wb/NY.GDP.MKTP.CN.csv   Name","Indicator Code","1960",...)
  DIR/fred/<SERIES>.csv       FRED's CSV (observation_date|DATE,<SERIES>)
and labels each World Bank value with a currency through
scripts/currency_map.csv (table,country,currency,first_year,last_year; an
empty last year is open-ended).  A country-year the map does not name is
left out: the map is where euro adoption, dollarisation and series we do
not trust are decided, so a new upstream year of a closed range waits for
someone to look at it.

`long` reads the reference tables of ../shared/datasets, whose currency
labels were decided the same way: fx_units_per_usd_annual_wb_all.csv,
cpi_inflation_pct_annual_all.csv, gdp_lcu_annual_all.csv and
fx_units_per_usd_annual_fred.csv.

Values are copied as text, never recomputed, except FRED's dollars-per-
unit series (AUD, EUR, NZD), stored as the reciprocal rounded to 4
decimals.  Output tables (LF line ends) in OUT:
  fx_units_per_usd_annual.csv     FRED where it has the year, else the WB
  fx_units_per_usd_annual_wb.csv  the WB's rates, every currency
  cpi_inflation_pct_annual.csv    one inflation series per currency
  gdp_lcu_annual.csv              GDP in local currency per country
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# FRED's annual series: currency, series, published as dollars per unit.
FRED = [
    ("AUD", "AEXUSAL", True), ("BRL", "AEXBZUS", False),
    ("CAD", "AEXCAUS", False), ("CHF", "AEXSZUS", False),
    ("CNY", "AEXCHUS", False), ("DKK", "AEXDNUS", False),
    ("EUR", "AEXUSEU", True), ("HKD", "AEXHKUS", False),
    ("INR", "AEXINUS", False), ("JPY", "AEXJPUS", False),
    ("KRW", "AEXKOUS", False), ("MXN", "AEXMXUS", False),
    ("MYR", "AEXMAUS", False), ("NOK", "AEXNOUS", False),
    ("NZD", "AEXUSNZ", True), ("SEK", "AEXSDUS", False),
    ("SGD", "AEXSIUS", False), ("THB", "AEXTHUS", False),
    ("TWD", "AEXTAUS", False), ("ZAR", "AEXSFUS", False),
]
WB = {"fx": "PA.NUS.FCRF", "cpi": "FP.CPI.TOTL.ZG", "gdp": "NY.GDP.MKTP.CN"}


def die(msg):
    sys.exit("update_datasets: " + msg)


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.reader(f))


def load_map():
    m = {}
    rows = read_csv(os.path.join(HERE, "currency_map.csv"))
    if rows[0] != ["table", "country", "currency", "first_year", "last_year"]:
        die("currency_map.csv: unexpected header")
    for t, c, cur, a, b in rows[1:]:
        m.setdefault((t, c), []).append((int(a), int(b) if b else 9999, cur))
    return m


def wb_wide(path, table, cmap):
    """(year, country, currency, value, source) from a WDI CSV."""
    rows = read_csv(path)
    head = next((i for i, r in enumerate(rows) if r[:2] == ["Country Name", "Country Code"]), None)
    if head is None:
        die(path + ": no 'Country Name','Country Code' header")
    hdr = rows[head]
    years = {i: int(h) for i, h in enumerate(hdr) if h.strip().isdigit()}
    out = []
    for r in rows[head + 1:]:
        if len(r) < 4:
            continue
        if r[3] != WB[table]:
            die("%s: indicator %s, expected %s" % (path, r[3], WB[table]))
        ranges = cmap.get((table, r[1]), [])
        for i, y in years.items():
            v = r[i].strip() if i < len(r) else ""
            cur = next((c for a, b, c in ranges if a <= y <= b), None)
            if v and cur:
                out.append([str(y), r[1], cur, v, "WB-WDI:%s:%s" % (WB[table], r[1])])
    return out


def fred_csv(path, cur, series, reciprocal):
    rows = read_csv(path)
    if len(rows[0]) != 2 or rows[0][1] != series:
        die(path + ": expected the columns date," + series)
    out = []
    for d, v in rows[1:]:
        if v in ("", "."):
            continue
        if reciprocal:
            v = str(round(1 / float(v), 4))
        out.append([d[:4], cur, v, "FRED:%s%s" % (series, "(reciprocal)" if reciprocal else "")])
    return out


def upstream(src):
    cmap = load_map()
    wb = {t: wb_wide(os.path.join(src, "wb", ind + ".csv"), t, cmap) for t, ind in WB.items()}
    fred = []
    for cur, series, rec in FRED:
        p = os.path.join(src, "fred", series + ".csv")
        if os.path.exists(p):
            fred += fred_csv(p, cur, series, rec)
    return wb["fx"], wb["cpi"], wb["gdp"], fred


def long_tables(src):
    def body(name, header):
        rows = read_csv(os.path.join(src, name))
        if rows[0] != header:
            die("%s: header %s, expected %s" % (name, rows[0], header))
        return rows[1:]
    five = lambda col: ["year", "country", "currency", col, "source"]
    return (body("fx_units_per_usd_annual_wb_all.csv", five("units_per_usd")),
            body("cpi_inflation_pct_annual_all.csv", five("inflation_pct")),
            body("gdp_lcu_annual_all.csv", five("gdp_lcu")),
            body("fx_units_per_usd_annual_fred.csv",
                 ["year", "currency", "units_per_usd", "source"]))


def unique(rows, key, what):
    seen = set()
    for r in rows:
        k = key(r)
        if k in seen:
            die("%s: %s twice (fix scripts/currency_map.csv)" % (what, k))
        seen.add(k)


def build(fx, cpi, gdp, fred, out):
    def write(name, header, body):
        with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(body)

    by_cur_year = lambda r: (r[1], int(r[0]))
    wb_rates = sorted([[y, cur, v, s] for y, c, cur, v, s in fx], key=by_cur_year)
    unique(wb_rates, lambda r: (r[1], r[0]), "World Bank rates")
    unique(fred, lambda r: (r[1], r[0]), "FRED rates")
    have = {(r[1], r[0]) for r in fred}
    rates = sorted(fred + [r for r in wb_rates if (r[1], r[0]) not in have], key=by_cur_year)

    # A currency's price index is the CPI of the economy whose row gives
    # its World Bank rate (EMU for EUR, USA for USD, AUS for AUD, the first
    # member listed for XOF, XAF, XCD); a currency only one economy's CPI
    # names takes that economy's.
    rate_country = {}
    for y, c, cur, v, s in sorted(fx, key=lambda r: int(r[0])):
        rate_country.setdefault(cur, c)
    names = {}
    for y, c, cur, v, s in cpi:
        names.setdefault(cur, set()).add(c)
    def keep(r):
        cur, c = r[2], r[1]
        return rate_country.get(cur, c) == c if len(names[cur]) > 1 else True
    prices = sorted([r for r in cpi if keep(r)], key=lambda r: (r[1], int(r[0])))
    unique(prices, lambda r: (r[2], r[0]), "inflation")
    gdp = sorted(gdp, key=lambda r: (r[1], int(r[0])))
    unique(gdp, lambda r: (r[1], r[0]), "GDP")

    write("fx_units_per_usd_annual.csv", ["year", "currency", "units_per_usd", "source"], rates)
    write("fx_units_per_usd_annual_wb.csv", ["year", "currency", "units_per_usd", "source"], wb_rates)
    write("cpi_inflation_pct_annual.csv", ["year", "country", "currency", "inflation_pct", "source"], prices)
    write("gdp_lcu_annual.csv", ["year", "country", "currency", "gdp_lcu", "source"], gdp)
    print("update_datasets: %d rates, %d World Bank rates, %d inflation rates, %d GDP values"
          % (len(rates), len(wb_rates), len(prices), len(gdp)))


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("upstream", "long"):
        sys.exit(__doc__)
    mode, src, out = sys.argv[1:]
    tables = upstream(src) if mode == "upstream" else long_tables(src)
    build(*tables, out)


if __name__ == "__main__":
    main()
