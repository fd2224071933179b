#!/usr/bin/env bash
# report --xlsx on standard input: report.xlsx beside the CSVs, its sheets
# in order, typed cells (numbers as numbers, Hangul intact, formula-like
# text as text, never a formula), one native chart for the one series
# with two years; then a report without --xlsx removes it.  The series
# and summary sheets hold the CSVs' cells, so a formula-like name keeps
# the quote series.csv gives it; the figures sheet holds the input's.
set -u
bin=$1
"$bin" report --xlsx --value nominal --out out - <figures.csv
echo "report --xlsx exit $?"
python3 - <<'PY'
import re, zipfile
z = zipfile.ZipFile('out/report.xlsx')
names = z.namelist()
wb = z.read('xl/workbook.xml').decode()
print('sheets:', ' '.join(re.findall(r'<sheet name="([^"]+)"', wb)))
print('charts:', len([n for n in names if re.match(r'xl/charts/chart\d+\.xml$', n)]))
sheets = {i: z.read(f'xl/worksheets/sheet{i}.xml').decode() for i in (1, 2, 3, 4)}
print('formulas:', sum(s.count('<f>') + s.count('<f ') for s in sheets.values()))

def cell(xml, ref):
    m = re.search(r'<c r="%s"([^>]*)>(.*?)</c>' % ref, xml)
    if not m:
        return 'no cell'
    t = re.search(r't="(\w+)"', m.group(1))
    v = re.sub(r'<[^>]+>', '', m.group(2))
    if not t:  # a number: as a spreadsheet shows it, 15 digits
        return 'n %.15g' % float(v)
    return f'{t.group(1)} {v}'

series, summary, figures = sheets[1], sheets[2], sheets[3]
print('series B1:', cell(series, 'B1'))
print('series D1:', cell(series, 'D1'))
print('series A2:', cell(series, 'A2'))
print('series D2:', cell(series, 'D2'))
print('series D3 (2023, no figure):', cell(series, 'D3'))
print('series D4:', cell(series, 'D4'))
print('summary A4:', cell(summary, 'A4'))
print('summary H4 (cagr_pct):', cell(summary, 'H4'))
for ref in ('G2', 'N2', 'P2', 'S3', 'X3', 'P4', 'U4', 'P5', 'U5', 'Y2', 'AB2'):
    print(f'figures {ref}:', cell(figures, ref))
chart = z.read('xl/charts/chart1.xml').decode()
print('chart values:', re.search(r'<c:val><c:numRef><c:f>([^<]+)', chart).group(1))
PY
"$bin" report --value nominal --out out figures.csv
echo "report exit $?"
[[ -e out/report.xlsx ]] && echo "report.xlsx still there" || echo "report.xlsx removed"
ls -a out | grep -c '^\.report' | sed 's/^/temporary files left: /'
# Without gnuplot the charts fail (exit 73) but the workbook is written.
"$bin" report --xlsx --value nominal --gnuplot /nonexistent/gnuplot \
    --out out figures.csv 2>/dev/null
echo "report --xlsx without gnuplot exit $?"
[[ -s out/report.xlsx ]] && echo "report.xlsx written" || echo "no report.xlsx"
