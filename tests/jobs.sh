#!/usr/bin/env bash
# `figtrend extract --jobs N`: for N = 2 and 7, standard output, standard
# error and the exit status are byte for byte those of --jobs 1, on
#   - a JSONL archive (the demo articles many times over, with distinct
#     ids) with lines that are not JSON, a line without text, a blank line,
#     an article over --max-bytes, bytes that are not UTF-8, bytes that
#     read as CP949, a date that is no date and an article without figures;
#   - the same from standard input;
#   - a directory of articles with a binary file, a subfolder and a JSONL
#     file in it (-v, so that the skipped entries are told), and with -r;
#   - several inputs in one run: a missing file, the directory, the archive;
#   - every format (csv, tsv, jsonl) and --no-header;
#   - articles of 3 MB, more text than the pipeline reads ahead at once;
#   - a standard output that cannot be written (/dev/full): the same error
#     and exit status.
# And `figtrend run --jobs N`, N = 2 and 7 against 1, over a folder of
# many article files (a binary one, an empty one, a JSONL file with bad
# lines among them) and that archive, a FIFO and a file named again, then again after some
# files were edited, deleted and added and the archive changed: every
# output, standard error (-v: the progress, rejects and warnings) and
# the exit status are the same, and so is the state database, dumped as
# SQL without the runs' times.
# Run it under a build with -fsanitize=thread (make check-tsan) to show
# that the threads share nothing unguarded.
#
# Usage: tests/jobs.sh [BINARY]   (default build/figtrend)
# The last line printed is "jobs: P passed, F failed, 0 skipped".
set -u

# shellcheck source=tests/check.sh
. "$(dirname "${BASH_SOURCE[0]}")/check.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1


# same NAME ARGS...: `extract --jobs 1 ARGS` against --jobs 2 and 7 (and
# -j 3, the short option): stdout, stderr and exit status.  Standard input
# is the file named by $stdin_file when set, else nothing.
same() {
    local name=$1 j rc1
    shift
    run_one 1 "$@"
    rc1=$rc
    for j in 2 7 3; do
        run_one "$j" "$@"
        if [[ $rc != "$rc1" ]]; then
            echo "  --jobs $j exited $rc, --jobs 1 $rc1"
            check "$name: --jobs $j exit status" false
        elif ! cmp -s out.1 "out.$j"; then
            diff out.1 "out.$j" | head -n 5
            check "$name: --jobs $j stdout" false
        elif ! cmp -s err.1 "err.$j"; then
            diff err.1 "err.$j" | head -n 5
            check "$name: --jobs $j stderr" false
        else
            check "$name: --jobs $j as --jobs 1 (exit $rc)" true
        fi
    done
}

run_one() { # J ARGS...: sets rc, writes out.J and err.J
    local j=$1 opt=--jobs
    shift
    [[ $j == 3 ]] && opt=-j
    rc=0
    if [[ -n ${stdin_file:-} ]]; then
        "$bin" extract "$opt" "$j" "$@" <"$stdin_file" >"out.$j" 2>"err.$j" ||
            rc=$?
    else
        "$bin" extract "$opt" "$j" "$@" </dev/null >"out.$j" 2>"err.$j" ||
            rc=$?
    fi
}

python3 "$root/tests/cluster_corpus.py" demo.jsonl --copies 40
python3 - demo.jsonl archive.jsonl <<'PY'
import json, sys

src, dst = sys.argv[1], sys.argv[2]
lines = open(src, "rb").read().splitlines(keepends=True)

def art(i, text, **kw):
    d = {"id": "x%d" % i, "text": text}
    d.update(kw)
    return json.dumps(d, ensure_ascii=False).encode() + b"\n"

special = [
    b"{not json at all\n",
    b'{"id": "no-text", "title": "a line without text"}\n',
    b"\n",
    art(1, "Padding. " * 9000 + "The budget is 5 trillion won."),  # > 64K
    art(2, "Ministry spent 3 billion won").replace(b"spent",
                                                   b"sp\xffent"),
    art(3, "Der Etat: 2 Milliarden Euro; \xb1\xb9\xb9\xe6 7 billion won"
        ).replace("\xb1\xb9\xb9\xe6".encode(), b"\xb1\xb9\xb9\xe6"),
    art(4, "The 2024 budget was 1.2 trillion won.", published="not a day"),
    art(5, "Nothing to see here."),
    b'{"id": "trailing", "text": "cut off\n',
]
out = []
step = max(1, len(lines) // (len(special) + 1))
for i, line in enumerate(lines):
    out.append(line)
    if i % step == step - 1 and special:
        out.append(special.pop(0))
out.extend(special)
open(dst, "wb").write(b"".join(out))
PY
check "the archive has many lines" test "$(wc -l <archive.jsonl)" -gt 800

for fmt in csv tsv jsonl; do
    same "archive, --format $fmt" --max-bytes 64K --format "$fmt" archive.jsonl
done
same "archive, --no-header -v" --max-bytes 64K --no-header -v archive.jsonl
check "archive: some lines rejected (exit 3)" test "$rc" -eq 3
check "archive: rows written" test "$(wc -l <out.1)" -gt 800
check "archive: the rejects and warnings told" \
    test "$(grep -c . err.1)" -ge 5
stdin_file=archive.jsonl same "standard input" --max-bytes 64K --input jsonl -
stdin_file=

mkdir -p dir/sub
cp "$root"/datasets/articles/*.txt dir/
printf 'bin\0ary\0' >dir/zz-binary.txt
head -n 30 archive.jsonl >dir/sub/part.jsonl
head -n 30 archive.jsonl >dir/part.jsonl
same "directory -v" -v --max-bytes 64K dir
same "directory -r" -r --max-bytes 64K dir
same "missing file, directory, archive" --max-bytes 64K missing.txt dir \
    archive.jsonl dir/2015-12-03-korea-budget-2016.txt
same "only missing inputs" missing.txt also-missing.jsonl

# JSONL lines are parsed on the threads that extract them, after the
# reading thread moved on: every kind of line, with its reject or
# warnings between the articles around it, in runs over the edges of the
# batches (64 entries) and mixed, named by their line numbers; with the
# fallbacks and the decodings; and when each input is freed before its
# lines are parsed (many small files).
python3 - edges.jsonl <<'PY'
import json, sys

text = "The ministry spent %d billion won on roads in 2023."

def art(ident, body, **kw):
    d = {"text": body} if ident is None else {"id": ident, "text": body}
    d.update(kw)
    return json.dumps(d, ensure_ascii=False).encode()

kinds = [
    lambda i: art("e%d" % i, text % i),
    lambda i: art(None, text % i),  # named FILE:LINE
    lambda i: b"{not json %d" % i,
    lambda i: json.dumps({"id": "t%d" % i, "title": "no text"}).encode(),
    lambda i: b"",
    lambda i: b"  \t ",
    lambda i: art("d%d" % i, text % i, published="day %d" % i),
    lambda i: art("u%d" % i, text % i).replace(b"ministry", b"mini\xffstry"),
    lambda i: art("k%d" % i, "X " + text % i).replace(b"X", b"\xb3\xb3\xba\xce"),
    lambda i: art("c%d" % i, "a\u0007b\u001b[1m " + text % i),
    lambda i: art("z%d" % i, "a\u0000b"),
    lambda i: b'{"id": "w%d", "n": [1, {"x": null}], "text": "%s"}' % (
        i, (text % i).encode()),
    lambda i: art("x%d" % i, "x" * 3000),  # over --max-bytes 2K
    lambda i: art("r%d" % i, text % i) + b"\r",
    lambda i: b'{"id": "a%d", "id": "again", "text": "t"}' % i,
    lambda i: art("s%d" % i, text % i, source="Src", title="T", url="u"),
]
out = []
for i in range(900):
    # runs of one kind over the batch edges, then a mix
    k = (i // 70) % len(kinds) if i < 450 else (i * 7) % len(kinds)
    if i % 64 in (0, 63):
        k = (i // 64 + 2) % len(kinds)
    out.append(kinds[k](i) + b"\n")
open(sys.argv[1], "wb").write(b"".join(out) + b'{"text": "no line end"}')
PY
same "JSONL lines at batch edges -v" -v --max-bytes 2K edges.jsonl
check "edges: rejects and warnings told" test "$(grep -c . err.1)" -gt 300
same "edges, fallbacks" --max-bytes 2K --date 2020-01-02 --source S \
    edges.jsonl
same "edges, --encoding cp949" -v --encoding cp949 edges.jsonl
same "edges, --encoding auto" -v --encoding auto edges.jsonl
stdin_file=edges.jsonl same "edges, standard input" -v --input jsonl -
stdin_file=
mkdir -p parts
split -l 3 -a 3 --additional-suffix=.jsonl edges.jsonl parts/p
same "edges in small files" -v --max-bytes 2K parts/*.jsonl
same "edges in a directory" -v --max-bytes 2K --encoding auto parts

# 3 MB articles: more text than FT_PIPELINE_INFLIGHT is read ahead.
python3 - big.jsonl <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(4):
        text = "Words without a figure. " * 130000 + \
            "The %d budget is %d trillion won." % (2020 + i, i + 1)
        f.write(json.dumps({"id": "big%d" % i, "text": text}) + "\n")
PY
same "articles of 3 MB" big.jsonl
check "articles of 3 MB: four rows" test "$(wc -l <out.1)" -eq 5

if [[ -w /dev/full ]]; then
    for j in 1 2 7; do
        rc=0
        "$bin" extract --jobs "$j" archive.jsonl >/dev/full 2>"err.$j" || rc=$?
        echo "$rc" >"rc.$j"
    done
    check "/dev/full: an error" test "$(cat rc.1)" -ne 0
    check "/dev/full: --jobs 2 and 7 as --jobs 1" \
        bash -c 'cmp -s rc.1 rc.2 && cmp -s rc.1 rc.7 &&
                 cmp -s err.1 err.2 && cmp -s err.1 err.7'
fi

check "--jobs 0 is a usage error" \
    bash -c '"$0" extract --jobs 0 archive.jsonl >/dev/null 2>&1; [[ $? == 64 ]]' "$bin"
check "--jobs x is a usage error" \
    bash -c '"$0" extract --jobs x archive.jsonl >/dev/null 2>&1; [[ $? == 64 ]]' "$bin"
# The default (one job per core) is the same output too.
"$bin" extract --max-bytes 64K archive.jsonl >out.d 2>err.d
"$bin" extract --jobs 1 --max-bytes 64K archive.jsonl >out.1 2>err.1
check "no --jobs: as --jobs 1" \
    bash -c 'cmp -s out.1 out.d && cmp -s err.1 err.d'

# ---- run --jobs N ------------------------------------------------------
python3 - demo.jsonl <<'PY'
import json, os, sys
os.makedirs("arts", exist_ok=True)
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    if i >= 300:
        break
    d = json.loads(line)
    with open("arts/a%03d.txt" % i, "w", encoding="utf-8") as f:
        f.write("Title: %s\nDate: %s\n\n%s" % (d.get("title", ""),
                                                d.get("published", ""),
                                                d["text"]))
PY
printf 'bin\0ary\0' >arts/a150-binary.txt
: >arts/a151-empty.txt
head -n 30 archive.jsonl >arts/a152-part.jsonl
echo '{not json' >>arts/a152-part.jsonl

# The state as SQL, without what differs from run to run (times).
state_sql() {
    cp "$1" state.tmp.db &&
        sqlite3 state.tmp.db 'UPDATE runs SET started = NULL, finished = NULL' &&
        sqlite3 state.tmp.db .dump && rm -f state.tmp.db
}

# Every output, the state dump, standard output and error and the exit
# status of the run in work folder w$1, into w$1.result.
run_in() { # J [the run's options...]
    local j=$1 rc=0
    shift
    (cd "w$j" && "$bin" run "$@" --out out arts archive.jsonl \
        arts/a153-fifo.txt arts/a000.txt >stdout 2>stderr) || rc=$?
    {
        echo "exit $rc"
        (cd "w$j" && cat stdout stderr &&
            find out -type f ! -path 'out/.state/*' | LC_ALL=C sort |
            xargs sha256sum)
        if command -v sqlite3 >/dev/null; then
            state_sql "w$j/out/.state/figtrend.db"
        fi
    } >"w$j.result" 2>&1
}

same_run() { # NAME: w1.result against w2's and w7's
    local j
    for j in 2 7; do
        if cmp -s w1.result "w$j.result"; then
            check "$1: run --jobs $j as --jobs 1" true
        else
            diff w1.result "w$j.result" | head -n 5
            check "$1: run --jobs $j as --jobs 1" false
        fi
    done
}

for j in 1 2 7; do
    mkdir "w$j"
    cp -R arts archive.jsonl "w$j/"
    mkfifo "w$j/arts/a153-fifo.txt"
    opt=--jobs
    [[ $j == 7 ]] && opt=-j
    run_in "$j" -v "$opt" "$j"
done
same_run "a first run"
check "a first run: some inputs rejected (exit 3)" grep -qx 'exit 3' w1.result
check "a first run: figures, rejects and progress" \
    bash -c 'test "$(wc -l <w1/out/figures.csv)" -gt 1000 &&
             grep -q "a152-part.jsonl:31" w1/out/rejects.csv &&
             grep -q "a153-fifo.txt" w1/out/rejects.csv &&
             grep -q "306 of 306 inputs" w1/stderr'

for j in 1 2 7; do
    (
        cd "w$j" || exit 1
        rm arts/a010.txt arts/a200.txt
        sed -i 's/trillion/billion/' arts/a020.txt arts/a120.txt
        printf 'Date: 2025-03-01\n\nThe fund received 120 billion won in 2024.\n' \
            >arts/a299-new.txt
        sed -i '5d; 100s/billion/million/' archive.jsonl
    )
    run_in "$j" -v --jobs "$j"
done
same_run "after edits, deletions and a new file"
check "after edits: changes.csv tells them" \
    bash -c 'grep -q "^gone,arts/a010.txt" w1/out/changes.csv &&
             grep -q "^revised,arts/a020.txt" w1/out/changes.csv &&
             grep -q "^new,arts/a299-new.txt" w1/out/changes.csv &&
             grep -q "archive.jsonl" w1/out/changes.csv'

for j in 1 2 7; do
    run_in "$j" -q --jobs "$j"
done
same_run "nothing new"
# Read: the FIFO alone (what cannot be hashed is tried every run).
check "nothing new: nothing read" \
    bash -c '! command -v sqlite3 >/dev/null ||
        sqlite3 w1/out/.state/figtrend.db \
            "SELECT read FROM runs ORDER BY id DESC LIMIT 1" | grep -qx 1'

check "run --jobs 0 is a usage error" \
    bash -c '"$0" run --jobs 0 --out w0 arts >/dev/null 2>&1; [[ $? == 64 ]]' "$bin"
check "run --jobs 1025 is a usage error" \
    bash -c '"$0" run -j 1025 --out w0 arts >/dev/null 2>&1; [[ $? == 64 ]]' "$bin"

echo "jobs: $pass passed, $fail failed, 0 skipped"
[[ $fail -eq 0 ]]
