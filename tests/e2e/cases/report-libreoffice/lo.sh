#!/usr/bin/env bash
# The spreadsheet round trip: LibreOffice Calc (headless) imports
# series.csv with formula evaluation switched on (as Excel does), converts
# it to .xlsx and back to CSV; the numbers must come back as numbers, and
# no cell may have become a formula.  A control file with one raw "=1+1"
# cell shows that this import does evaluate formulas.
set -u
bin=$1
"$bin" report --out out figures.csv
echo "report exit $?"
cp out/series.csv series.csv
{ cat out/series.csv; printf 'control,=1+1\n'; } >control.csv
profile=file://$PWD/lo-profile
# CSV import: comma, double quote, UTF-8, from line 1, evaluate formulas.
in='CSV:44,34,76,1,,1033,false,false,false,false,false,-1,true'
# CSV export: comma, double quote, UTF-8, raw values (not as shown).
out='csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false'
timeout 120 soffice -env:UserInstallation="$profile" --headless \
    --infilter="$in" --convert-to xlsx --outdir xlsx series.csv control.csv \
    >lo.log 2>&1 || { echo "soffice failed"; cat lo.log; }
timeout 120 soffice -env:UserInstallation="$profile" --headless \
    --convert-to "$out" --outdir back xlsx/series.xlsx >>lo.log 2>&1 ||
    { echo "soffice failed"; cat lo.log; }
python3 - <<'PY'
import csv, re, zipfile

def sheet(path):
    z = zipfile.ZipFile(path)
    return z.read('xl/worksheets/sheet1.xml').decode()

def cells(xml):
    """(column letters, row, type) of each cell; type "n" when unsaid."""
    out = []
    for attrs in re.findall(r'<c ([^>]*?)/?>', xml):
        ref = re.search(r'r="([A-Z]+)(\d+)"', attrs)
        t = re.search(r't="(\w+)"', attrs)
        out.append((ref.group(1), int(ref.group(2)), t.group(1) if t else 'n'))
    return out

series = sheet('xlsx/series.xlsx')
control = sheet('xlsx/control.xlsx')
print('control: formula evaluated' if '<f' in control else 'control: NOT evaluated')
print('series.xlsx: formulas' if '<f' in series else 'series.xlsx: no formula')

rows = list(csv.reader(open('series.csv', encoding='utf-8')))
back = list(csv.reader(open('back/series.csv', encoding='utf-8')))
hdr = rows[0]
num_cols = [hdr.index(c) for c in ('year', 'amount', 'mentions')]
text_cols = [hdr.index(c) for c in ('country', 'subject', 'currency', 'docs',
                                   'flags')]
nums = same_nums = 0
texts = same_texts = 0
typed = {(col, row): t for (col, row, t) in cells(series)}
letters = 'ABCDEFGHIJ'
numeric_typed = text_typed = 0
for i, (r, b) in enumerate(zip(rows[1:], back[1:]), start=2):
    for c in num_cols:
        nums += 1
        if float(r[c]) == float(b[c]):
            same_nums += 1
        if typed.get((letters[c], i)) == 'n':
            numeric_typed += 1
    for c in text_cols:
        if not r[c]:
            continue
        texts += 1
        if r[c] == b[c]:
            same_texts += 1
        if typed.get((letters[c], i)) in ('s', 'str', 'inlineStr'):
            text_typed += 1
print(f'rows: {len(rows) - 1} out, {len(back) - 1} back')
print(f'numbers: {same_nums} of {nums} equal after the round trip, '
      f'{numeric_typed} stored as numbers')
print(f'text: {same_texts} of {texts} cells unchanged, '
      f'{text_typed} stored as text')
for r in back[1:]:
    for c in text_cols:
        if r[c].startswith(('=', '+', '-', '@')):
            print('FORMULA-LIKE', hdr[c], 'came back:', r[c])
PY
