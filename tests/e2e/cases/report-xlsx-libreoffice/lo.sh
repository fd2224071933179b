#!/usr/bin/env bash
# report.xlsx opened by LibreOffice Calc (headless): every sheet saved
# back as CSV (raw values, not as shown) must give the cells of the CSVs
# the report wrote (series_wide.csv, summary.csv) and of the input
# (figures.csv): numbers equal as numbers, text (Hangul, formula-like
# cells) byte for byte; and Calc must load the one chart.
set -u
bin=$1
"$bin" report --xlsx --value nominal --out out figures.csv
echo "report exit $?"
profile=file://$PWD/lo-profile
# CSV export: comma, double quote, UTF-8, raw values, every sheet (-1).
csv='csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1'
timeout 120 soffice -env:UserInstallation="$profile" --headless \
    --convert-to "$csv" --outdir back out/report.xlsx >lo.log 2>&1 ||
    { echo "soffice failed"; cat lo.log; }
timeout 120 soffice -env:UserInstallation="$profile" --headless \
    --convert-to ods --outdir back out/report.xlsx >>lo.log 2>&1 ||
    { echo "soffice failed"; cat lo.log; }
python3 - <<'PY'
import csv, re, zipfile

def rows(path):
    with open(path, encoding='utf-8', newline='') as f:
        return list(csv.reader(f))

def number(s):
    try:
        return float(s)
    except ValueError:
        return None

def compare(what, want_path, back_path):
    """Cells equal: numbers as numbers, text byte for byte."""
    want, back = rows(want_path), rows(back_path)
    total = same = hangul = 0
    for r, (w, b) in enumerate(zip(want, back)):
        b = b + [''] * (len(w) - len(b))  # Calc drops empty trailing cells
        for c, (x, y) in enumerate(zip(w, b)):
            nx, ny = number(x), number(y)
            if r > 0 and nx is not None:
                ok = ny is not None and abs(nx - ny) <= 1e-12 * max(abs(nx), 1)
            else:
                ok = x == y
            total += 1
            same += ok
            hangul += ok and bool(re.search('[가-힣]', x))
            if not ok:
                print(f'  {what} row {r + 1} col {c + 1}: {x!r} came back {y!r}')
    print(f'{what}: {len(want)} rows, {len(back)} back; {same} of {total} '
          f'cells equal, {hangul} with Hangul')

compare('series', 'out/series_wide.csv', 'back/report-series.csv')
compare('summary', 'out/summary.csv', 'back/report-summary.csv')
compare('figures', 'figures.csv', 'back/report-figures.csv')

# How Calc typed the cells: floats and strings per sheet.
content = zipfile.ZipFile('back/report.ods').read('content.xml').decode()
for name, body in re.findall(
        r'<table:table table:name="([^"]+)"(.*?)</table:table>', content, re.S):
    kinds = {'float': 0, 'string': 0}
    for attrs in re.findall(r'<table:table-cell ([^>]*?)/?>', body):
        t = re.search(r'office:value-type="(\w+)"', attrs)
        rep = re.search(r'table:number-columns-repeated="(\d+)"', attrs)
        if t and t.group(1) in kinds:
            kinds[t.group(1)] += int(rep.group(1)) if rep else 1
    print(f'Calc {name}: {kinds["float"]} numbers, {kinds["string"]} text cells')
print('charts loaded by Calc:', content.count('<draw:object '))
PY
