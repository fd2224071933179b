#!/usr/bin/env bash
# End-to-end tests of `figtrend run` in a temporary folder: byte-identical
# re-runs, new, edited, deleted and binary articles, the locks, and runs
# killed with SIGKILL.  No timing is asserted: kills land wherever they
# land, and every check holds wherever that is.
#
# Usage: tests/scheduled_run.sh [BINARY]   (default build/figtrend)
# The last line printed is "scheduled-run: P passed, F failed".
set -u

# shellcheck source=tests/check.sh
. "$(dirname "${BASH_SOURCE[0]}")/check.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1


# Every output, hidden files and the state left out, as one listing of
# names and checksums (so two runs compare in one string).
outputs() {
    (cd "$1" && find . -type f ! -path './.*' ! -name '.*' | LC_ALL=C sort |
        xargs -r sha256sum)
}

run() { # the run over arts/ into out/, quiet; sets rc, keeps its stderr
    "$bin" run -q --out out "$@" arts >stdout 2>stderr
    rc=$?
}

mkdir arts
n=0
for f in "$root"/datasets/articles/*.txt; do
    n=$((n + 1))
    [[ $n -le 6 ]] && cp "$f" arts/
done

# ---- first and second run --------------------------------------------------
run
check "first run exits 0" test "$rc" -eq 0
check "first run prints nothing with -q" test ! -s stdout -a ! -s stderr
check "figures.csv, changes.csv, rejects.csv, index.html written" \
    test -s out/figures.csv -a -s out/changes.csv -a -s out/rejects.csv \
    -a -s out/index.html
"$bin" extract arts >extract.csv 2>/dev/null
check "figures.csv is what extract prints" cmp -s extract.csv out/figures.csv
before=$(outputs out)
cp out/figures.csv figures.1
run
check "second run exits 0" test "$rc" -eq 0
check "second run leaves every output byte-identical" \
    test "$before" = "$(outputs out)"
check "second run reads nothing again" test \
    "$(sqlite3 out/.state/figtrend.db 'SELECT read FROM runs ORDER BY id DESC LIMIT 1')" = 0
# A new program reads everything again: the version the articles were
# read with is the program's build-id (the linker's hash of it).
if command -v readelf >/dev/null; then
    id=$(readelf -n "$bin" | sed -n 's/.*Build ID: *//p')
    check "the extractor version is the program's build-id" test -n "$id" -a \
        "$(sqlite3 out/.state/figtrend.db 'SELECT DISTINCT extractor FROM articles')" = "build-id:$id"
fi
sqlite3 out/.state/figtrend.db 'DELETE FROM outputs'
run
check "outputs written again from the same state are byte-identical" \
    test "$before" = "$(outputs out)"
rm out/summary.csv
run
check "a removed output is written again" test "$before" = "$(outputs out)"
"$bin" run --out out arts >stdout 2>/dev/null
check "without -q stdout stays empty" test ! -s stdout

# ---- a new article ----------------------------------------------------------
printf 'Date: 2025-03-01\n\nThe Inter-Korean Cooperation Fund received 120 billion won in 2024.\n' >arts/zz-new.txt
run
check "a new article: exit 0" test "$rc" -eq 0
diff figures.1 out/figures.csv | grep '^[<>]' >delta
check "a new article only adds its rows" \
    bash -c '! grep -q "^<" delta && grep -q "^> arts/zz-new.txt," delta &&
             ! grep -v "^> arts/zz-new.txt," delta | grep -q .'
check "changes.csv: one new line for it, nothing else" \
    test "$(tail -n +2 out/changes.csv)" = \
    "new,arts/zz-new.txt,arts/zz-new.txt,1,,,120000000000,KRW,2024,Inter-Korean Cooperation Fund,KOR"
check "the page says what changed" \
    grep -q 'Last change: 1 figure new, 0 revised, 0 gone' out/index.html
cp out/figures.csv figures.2

# ---- an edited article ------------------------------------------------------
printf 'Date: 2025-03-01\n\nThe Inter-Korean Cooperation Fund received 150 billion won in 2024.\n' >arts/zz-new.txt
run
check "an edited article replaces its rows" \
    bash -c 'grep -q "^arts/zz-new.txt,.*,150000000000," out/figures.csv &&
             ! grep -q "^arts/zz-new.txt,.*,120000000000," out/figures.csv'
check "changes.csv: revised, with old and new amount" \
    grep -q '^revised,arts/zz-new.txt,arts/zz-new.txt,1,120000000000,KRW,150000000000,KRW,2024,' out/changes.csv
check "an edit leaves the other rows" \
    test "$(grep -v '^arts/zz-new.txt,' out/figures.csv)" = "$(grep -v '^arts/zz-new.txt,' figures.2)"

# ---- a deleted article ------------------------------------------------------
rm arts/zz-new.txt
run
check "a deleted article drops its rows" cmp -s figures.1 out/figures.csv
check "changes.csv: gone" grep -q '^gone,arts/zz-new.txt,' out/changes.csv
check "the database drops it" test \
    "$(sqlite3 out/.state/figtrend.db "SELECT count(*) FROM figures WHERE path = 'arts/zz-new.txt'")" = 0

# ---- a binary file ----------------------------------------------------------
printf '\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0' >arts/photo.jpg
"$bin" run --out out arts >stdout 2>stderr
rc=$?
check "a binary file: exit 3" test "$rc" -eq 3
check "without -q the reject is told on stderr, once" \
    test "$(grep -c 'photo.jpg' stderr)" = 1
check "a binary file: a rejects.csv row with its hash and reason" \
    grep -q "^arts/photo.jpg,$(sha256sum arts/photo.jpg | cut -c1-64),not text" out/rejects.csv
check "a binary file costs no earlier figure" cmp -s figures.1 out/figures.csv
check "the page points to rejects.csv" \
    grep -q '1 input rejected: see rejects.csv' out/index.html
run
check "a rejected file stays rejected (exit 3), not read again" \
    test "$rc" -eq 3 -a "$(sqlite3 out/.state/figtrend.db 'SELECT read FROM runs ORDER BY id DESC LIMIT 1')" = 0
rm arts/photo.jpg
run
check "the reject goes with the file" \
    test "$rc" -eq 0 -a "$(wc -l <out/rejects.csv)" = 1

# ---- subfolders -------------------------------------------------------------
mkdir -p arts/2025/03
printf 'Date: 2025-03-02\n\nThe Inter-Korean Cooperation Fund received 90 billion won in 2023.\n' >arts/2025/03/deep.txt
run
check "without -r a subfolder is not entered" \
    bash -c '! grep -q "^arts/2025/03/deep.txt," out/figures.csv'
run -r
check "-r enters it" grep -q '^arts/2025/03/deep.txt,' out/figures.csv
rm -r arts/2025
run

# ---- the locks ----------------------------------------------------------------
flock out/.state/lock "$bin" run -q --out out arts >stdout 2>stderr
rc=$?
check "a held lock: exit 75 at once" test "$rc" -eq 75
check "a held lock is told" grep -q 'lock' stderr
flock out/.state/lock sleep 0.3 &
holder=$!
sleep 0.1
"$bin" run -q --wait 60 --out out arts
rc=$?
wait "$holder"
check "--wait queues behind the holder" test "$rc" -eq 0
flock out/.figtrend.lock "$bin" report --out out out/figures.csv >/dev/null 2>stderr
rc=$?
check "report: a held folder lock gives 75" test "$rc" -eq 75
check "a missing INPUT: exit 66, state untouched" \
    bash -c '"$0" run -q --out out arts nowhere 2>/dev/null; test $? -eq 66' "$bin"
check "nothing was dropped by it" cmp -s figures.1 out/figures.csv
printf '\0\1\2binary' >named.bin
"$bin" run -q --out named named.bin arts >/dev/null 2>&1
rc=$?
check "a binary file named as INPUT is a reject (exit 3)" \
    bash -c 'test "$0" -eq 3 && grep -q "^named.bin," named/rejects.csv' "$rc"
mkfifo pipe.txt
"$bin" run -q --out named pipe.txt arts >/dev/null 2>&1
rc=$?
check "a FIFO named as INPUT is a reject, not a hang" \
    bash -c 'test "$0" -eq 3 && grep -q "^pipe.txt,.*not a regular file" named/rejects.csv' "$rc"
"$bin" run >/dev/null 2>&1
check "run without INPUT: usage, 64" test $? -eq 64
"$bin" run -q -v arts >/dev/null 2>&1
check "run -q -v: usage, 64" test $? -eq 64
"$bin" run --help >stdout 2>&1
check "run --help names the defaults" grep -q 'default: plots' stdout

# ---- kill -9 at many points ---------------------------------------------------
mkdir many
k=0
for rep in $(seq 1 16); do
    for f in "$root"/datasets/articles/*.txt; do
        k=$((k + 1))
        cp "$f" "many/$(printf '%03d' "$rep")-$(basename "$f")"
    done
done
"$bin" run -q --out ref many >/dev/null 2>&1
check "a clean run over $k articles" test -s ref/figures.csv
ref=$(outputs ref)
whole=1
consistent=1
for i in $(seq 1 15); do
    # Every third run starts from no state, so that kills land inside
    # the first run's transaction too, not only in writing the outputs.
    ((i % 3 == 1)) && rm -rf killed/.state
    "$bin" run -q --out killed many >/dev/null 2>&1 &
    pid=$!
    # Spread the kills over a run (a quarter of a second or so here):
    # from at once to its end.
    sleep "0.$(printf '%03d' $(((i * 53) % 250)))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if [[ -f killed/.state/figtrend.db ]]; then
        ok=$(sqlite3 killed/.state/figtrend.db 'PRAGMA integrity_check' 2>&1)
        [[ $ok == ok ]] || consistent=0
    fi
    # Every output there is whole: the reference's own bytes.
    if [[ -d killed ]]; then
        while read -r sum name; do
            grep -qF "$sum  $name" <<<"$ref" || whole=0
        done < <(outputs killed)
    fi
done
check "killed runs leave whole outputs" test "$whole" -eq 1
check "killed runs leave a database that passes integrity_check" \
    test "$consistent" -eq 1
# The next scheduled run comes later: what the kills left is old by then
# (the sweep takes only temporaries unchanged for ten minutes), while a
# writer at work now (here a fresh file of the same kind of name) keeps
# its file.
find killed -mindepth 1 \( -name '.*.??????' -o -path 'killed/.figtrend-draw.*/*' \) \
    ! -name .figtrend.lock -exec touch -h -d '-1 hour' {} +
touch killed/.elsewhere.csv.Live01
"$bin" run -q --out killed many >/dev/null 2>&1
check "the next run equals a clean run" test "$ref" = "$(outputs killed)"
check "and sweeps what the killed runs left" \
    test "$(find killed -maxdepth 1 -name '.*.??????' ! -name .figtrend.lock)" = \
    killed/.elsewhere.csv.Live01

# ---- the workbook ------------------------------------------------------------
"$bin" run -q --xlsx --out wb arts >/dev/null 2>&1
rc=$?
check "run --xlsx: exit 0, report.xlsx written" test "$rc" -eq 0 -a -s wb/report.xlsx
before=$(outputs wb)
"$bin" run -q --xlsx --out wb arts >/dev/null 2>&1
check "run --xlsx again: every output byte-identical, the workbook too" \
    test "$before" = "$(outputs wb)"
rm wb/report.xlsx
"$bin" run -q --xlsx --out wb arts >/dev/null 2>&1
check "a removed workbook is written again" test "$before" = "$(outputs wb)"
"$bin" run -q --out wb arts >/dev/null 2>&1
check "a run without --xlsx removes the workbook" test ! -e wb/report.xlsx

echo "scheduled-run: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
