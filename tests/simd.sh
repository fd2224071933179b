#!/usr/bin/env bash
# The whole program as a processor without AVX2 would run it: the
# extractor's AVX2 paths (country, figures, money, subject) each have an
# SSE2 or byte-wise twin, and FIGTREND_NO_AVX2=1 makes every module take
# the twin (ft_cpu_avoid_avx2).  Each command below runs once as it is
# and once with FIGTREND_NO_AVX2=1; standard output, standard error, the
# exit status and every file it writes must be byte for byte the same:
#   - extract, as csv, tsv and jsonl, of every article text among the
#     end-to-end cases (plain text, JSONL, article CSV), the demo articles
#     (datasets/articles/) and the fuzz corpora that hold article text
#     (extract, jsonl, articlecsv, money);
#   - extract of generated text: quotes, backslashes, control bytes, long
#     sentences, Korean, invalid UTF-8, NULs, figures at every offset of
#     a 64-byte block and near the end of the text, random articles and a
#     large one; all inputs in one run with -v --encoding auto and with
#     --jobs 3, and from standard input;
#   - convert of the figures CSVs among the end-to-end cases, the fuzz
#     corpora and the extracts above, and report of two of them.
# Where the processor has no AVX2 both runs take the same path: the
# script says so and counts its cases as skipped.  Where valgrind is
# installed (and the build has no sanitizer), it also shows the switch
# reaches the modules: the run as it is calls functions built for AVX2,
# the run with FIGTREND_NO_AVX2=1 none.
#
# Usage: tests/simd.sh [BINARY]   (default build/figtrend)
# The last line printed is "simd: P passed, F failed, S skipped".
set -u

# shellcheck source=tests/check.sh
. "$(dirname "${BASH_SOURCE[0]}")/check.sh"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
unset FIGTREND_NO_AVX2 # the first run of each pair keeps AVX2

skip=0
have_avx2=false
if grep -qw avx2 /proc/cpuinfo 2>/dev/null; then
    have_avx2=true
else
    echo "no avx2 in /proc/cpuinfo: both runs would take the same path," \
        "so every case is skipped"
fi

# run_in WHICH ARGS...: the program, its standard input the file
# $stdin_file or nothing, into WHICH.out, WHICH.err and WHICH.rc; in the
# folder WHICH/, made empty first, when $writes is set (report).
run_in() {
    local which=$1 rc=0
    shift
    if [[ -n ${writes:-} ]]; then
        rm -rf "$which" && mkdir "$which"
        (cd "$which" && "$bin" "$@") <"${stdin_file:-/dev/null}" \
            >"$which.out" 2>"$which.err" || rc=$?
    else
        "$bin" "$@" <"${stdin_file:-/dev/null}" >"$which.out" \
            2>"$which.err" || rc=$?
    fi
    echo "$rc" >"$which.rc"
}

# same NAME ARGS...: the program with ARGS, as it is (in a/) and with
# FIGTREND_NO_AVX2=1 (in b/), the two at once: the same exit status,
# standard output, standard error and, with $writes, the files written.
same() {
    local name=$1
    shift
    if ! $have_avx2; then
        skip=$((skip + 1))
        return
    fi
    run_in a "$@" &
    FIGTREND_NO_AVX2=1 run_in b "$@"
    wait
    if [[ $(<a.rc) != "$(<b.rc)" ]]; then
        echo "  exit $(<a.rc) with AVX2, $(<b.rc) without"
        check "$name: exit status" false
    elif ! cmp a.out b.out >cmp.txt; then
        cat cmp.txt
        diff a.out b.out | head -n 6
        check "$name: standard output" false
    elif ! cmp -s a.err b.err; then
        diff a.err b.err | head -n 6
        check "$name: standard error" false
    elif [[ -n ${writes:-} ]] && ! diff -r a b >diff.txt 2>&1; then
        head -n 6 diff.txt
        check "$name: files written" false
    else
        check "$name: the same without AVX2 (exit $(<a.rc))" true
    fi
}

# ---- the inputs ------------------------------------------------------------
articles=() # article texts, by path
figures=()  # figures CSVs (as extract writes them)
cases=$root/tests/e2e/cases
while IFS= read -r f; do
    case $f in
    */expected*) ;;
    *.txt | *.jsonl | *.json | *.utf8) articles+=("$f") ;;
    *.csv)
        # an article CSV has a text column; figures.csv starts with doc
        header=$(head -n 1 "$f")
        if [[ $header == doc,published,* ]]; then
            figures+=("$f")
        elif [[ ,$header, == *,text,* ]]; then
            articles+=("$f")
        fi
        ;;
    esac
done < <(find "$cases" -type f | LC_ALL=C sort)
articles+=("$root"/datasets/articles/*)
for f in "$root"/tests/fuzz/corpus/{extract,jsonl,articlecsv,money}/*; do
    articles+=("$f")
done
figures+=("$root"/tests/fuzz/corpus/convert/*.csv)

mkdir gen
python3 - gen <<'PY'
import csv, json, os, random, sys

out = sys.argv[1]

def jsonl_line(ident, text):
    """A JSON line whose text is bytes as they are: quotes, backslashes
    and controls escaped, every other byte (invalid UTF-8 too) raw."""
    esc = bytearray()
    for b in text:
        if b in (0x22, 0x5C):
            esc += b"\\" + bytes([b])
        elif b < 0x20:
            esc += b"\\u%04x" % b
        else:
            esc.append(b)
    return b'{"id": "%s", "text": "' % ident.encode() + bytes(esc) + b'"}\n'

en = [
    'The ministry said "it will spend $3.5 billion" on new roads in 2024.',
    "Seoul's defence budget rose 4.5% to 57.1 trillion won ($43 billion).",
    "Officials put the cost at between $2 billion and $3 billion, "
    "up from US$ 1,234.56 million last year.",
    'The file C:\\budget\\2024\\plan.xls listed \\"EUR 2bn\\" for rail.',
    "Japan approved a record \u00a56.8 trillion for fiscal 2024; "
    "Britain \u00a3700m; the EU \u20ac2bn.",
    "Tokyo will pay 1.05 trillion yen over five years under the pact.",
    "The U.S. Army asked for KRW 1.2 trillion, or about $900 million.",
]
ko = [
    "\uad6d\ubc29\ubd80\ub294 2024\ub144 \uad6d\ubc29\uc608\uc0b0\uc744 "
    "59\uc870 4244\uc5b5 \uc6d0\uc73c\ub85c \ud3b8\uc131\ud588\ub2e4\uace0 "
    "\ubc1d\ud614\ub2e4.",
    "\uc815\ubd80\ub294 \ub0b4\ub144 \uc608\uc0b0\uc73c\ub85c 656\uc870 "
    "\uc6d0\uc744 \uc81c\ucd9c\ud588\ub2e4.",
    "\ubc29\uc704\ube44 \ubd84\ub2f4\uae08\uc740 1\uc870 389\uc5b5 "
    "\uc6d0(\uc57d 9\uc5b5 \ub2ec\ub7ec)\uc774\ub2e4.",
]
bad = [b"\xff", b"\xfe\xfe", b"\xc0\xaf", b"\xe2\x82", b"\xed\xa0\x80",
       b"\xf4\x90\x80\x80", b"\x80\xbf", b"\xea\xb5"]
controls = [b"\x01", b"\x07", b"\x1b[1m", b"\x7f", b"\x0b", b"\x0c", b"\r",
            b"\t", b"\x1f"]

# One article of everything: quotes, backslashes, controls, Korean,
# invalid UTF-8 and a sentence of some 6 KB with a figure every 200 bytes.
parts = [b"Title: \"Quoted\" \\ title\nDate: 2024-03-05\n\n"]
for i, s in enumerate(en + ko):
    parts.append(s.encode() + b" ")
    parts.append(controls[i % len(controls)] + bad[i % len(bad)] + b" ")
long = []
for i in range(30):
    long.append("and the agency said %s spent $%d.%d billion on item %d, "
                "while others\u2014quoting \"sources\"\u2014said %d\uc5b5 "
                "\uc6d0 went to reserves" % ("it" if i % 2 else "they",
                                             i + 1, i % 10, i, 100 + i))
parts.append(("Meanwhile " + " ".join(long) + ".\n\n").encode())
parts.append(b"Ends with a figure: $12 million")
everything = b"".join(parts)
open(os.path.join(out, "everything.txt"), "wb").write(everything)

# Each kind of sentence at every offset of a 64-byte block and ending at
# every distance from the end of its text (the AVX2 paths read 64 bytes
# at a time and look up to three bytes past a block).
lines = []
kinds = [s.encode() for s in en + ko] + [
    b"A \"quoted\\\" \x01 " + b + b" 5 billion won" for b in bad]
for k in range(130):
    pad = (b"ab " * 50)[:k]
    for j, s in enumerate(kinds):
        if (k + j) % 4 == 0:
            lines.append(jsonl_line("s%d-%d" % (k, j), pad + s))
        elif (k + j) % 4 == 1:
            lines.append(jsonl_line("e%d-%d" % (k, j), s + b" " + pad))
        elif (k + j) % 4 == 2:
            lines.append(jsonl_line("m%d-%d" % (k, j),
                                    pad + s + b" x" * (k % 7)))
        else:
            lines.append(jsonl_line("h%d-%d" % (k, j),
                                    "\ud55c\uad6d ".encode() * (k // 7) + s))
open(os.path.join(out, "offsets.jsonl"), "wb").write(b"".join(lines))

# Random articles from the words the analyses look for.
rng = random.Random(20261203)
words = ("the budget defence ministry spent spend billion million trillion "
         "bn m tn won yen dollars euros pesos US$ $ \u20ac \u00a3 \u00a5 "
         "KRW USD JPY EUR for to of in a an by fiscal year 2023 2024 2025 "
         "next last Korea Japan U.S. Seoul Tokyo Army Navy F-35 KF-21 "
         "\uad6d\ubc29\ubd80 \uc608\uc0b0 \uc870 \uc5b5 \ub9cc \uc6d0 "
         "\ub2ec\ub7ec \uc5d4 \uad6d\ubc29\uc608\uc0b0 \ud55c\uad6d "
         "percent % , . ; : ( ) \" ' \u201c \u201d - \u2014").split()
nums = lambda: rng.choice(["%d" % rng.randrange(1, 999),
                           "%d.%d" % (rng.randrange(1, 99),
                                      rng.randrange(0, 99)),
                           "%d,%03d" % (rng.randrange(1, 99),
                                        rng.randrange(0, 999))])
lines = []
for i in range(300):
    n = rng.randrange(0, 400)
    toks = []
    for _ in range(n):
        r = rng.random()
        if r < 0.25:
            toks.append(nums().encode())
        elif r < 0.27:
            toks.append(rng.choice(bad))
        elif r < 0.29:
            toks.append(rng.choice(controls + [b"\\", b"\"", b"\\\""]))
        elif r < 0.31:
            toks.append(b"." if rng.random() < 0.5 else b"\n\n")
        else:
            toks.append(rng.choice(words).encode())
    sep = b"" if rng.random() < 0.2 else b" "
    lines.append(jsonl_line("r%d" % i, sep.join(toks)))
open(os.path.join(out, "random.jsonl"), "wb").write(b"".join(lines))

# A large article of the same words (some 300 KB).
toks, size = [], 0
while size < 300000:
    toks.append(nums().encode() if rng.random() < 0.2
                else rng.choice(words).encode())
    if rng.random() < 0.05:
        toks.append(b".")
    size += len(toks[-1]) + 1
open(os.path.join(out, "large.txt"), "wb").write(b" ".join(toks))

# Every word of the datasets' tables (countries.csv: names, aliases,
# adjectives, Korean names, organisations; subjects.csv: aliases) in
# sentences with figures, at many offsets of a block.
datasets = os.environ["FIGTREND_DATASETS"]
names, subjects = [], []
with open(os.path.join(datasets, "countries.csv"), encoding="utf-8") as f:
    for row in csv.DictReader(f):
        for col in ("name", "aliases", "adjectives", "korean",
                    "organisations"):
            names += [w for w in (row.get(col) or "").split(";") if w]
with open(os.path.join(datasets, "subjects.csv"), encoding="utf-8") as f:
    subjects = [row["alias"] for row in csv.DictReader(f) if row["alias"]]
templates = [
    "%s will spend $%d billion on the %s next year.",
    "The %s deal, worth %d trillion won, covers the %s.",
    "%s은 %s에 %d조 원을 배정했다.",
    "Under the pact %s pays €%d.5bn a year for %s, officials said.",
]
lines = []
for i, w in enumerate(names):
    for j, t in enumerate(templates):
        subj = subjects[(i + j) % len(subjects)]
        n = 1 + (i * 7 + j) % 97
        body = t % ((w, subj, n) if "조" in t else (w, n, subj))
        pad = ("a " * 40)[:(i * 13 + j * 29) % 70]
        lines.append(jsonl_line("w%d-%d" % (i, j), (pad + body).encode()))
open(os.path.join(out, "words.jsonl"), "wb").write(b"".join(lines))

# NULs, a byte order mark, CP949 and text that is all one long word.
open(os.path.join(out, "nul.txt"), "wb").write(
    b"The budget is 5 trillion won.\0 And $3 billion\0.")
open(os.path.join(out, "bom.txt"), "wb").write(
    b"\xef\xbb\xbfThe fund got 120 billion won in 2024.")
open(os.path.join(out, "cp949.txt"), "wb").write(
    "\uad6d\ubc29\uc608\uc0b0\uc740 57\uc870 \uc6d0\uc774\ub2e4.".encode(
        "cp949") + b" It is 57 trillion won.")
open(os.path.join(out, "oneword.txt"), "wb").write(
    b"x" * 5000 + b"$5billion" + b"y" * 100)
PY
articles+=(gen/*)
check "inputs found" test "${#articles[@]}" -gt 100 -a "${#figures[@]}" -gt 40

# ---- extract ---------------------------------------------------------------
for f in "${articles[@]}"; do
    name=${f#"$root"/}
    name=${name#tests/e2e/cases/}
    for fmt in csv tsv jsonl; do
        same "extract --format $fmt $name" extract --format "$fmt" "$f"
    done
done
same "extract -v --encoding auto, every input" \
    extract -v --encoding auto "${articles[@]}"
$have_avx2 && cp a.out all.csv
same "extract --jobs 3 --format jsonl, every input" \
    extract --jobs 3 --format jsonl "${articles[@]}"
same "extract -r, the end-to-end cases' folders" extract -r --no-header \
    "$cases"/directory-mixed/dir "$cases"/directory-not-recursive/in
stdin_file=gen/random.jsonl same "extract from standard input" \
    extract --input jsonl --format tsv -
stdin_file=

# ---- convert and report ------------------------------------------------------
figures+=("$tmp/all.csv")
for f in "${figures[@]}"; do
    name=${f#"$root"/}
    name=${name#tests/e2e/cases/}
    name=${name#"$tmp"/}
    same "convert $name" convert -v --to USD --constant 2023 --nearest "$f"
done
$have_avx2 &&
    "$bin" convert --to USD --constant 2023 all.csv >all-usd.csv 2>/dev/null
writes=1 same "report, every input converted" report -v --out rep \
    "$tmp/all-usd.csv"
writes=1 same "report, report-hostile" report -v --out rep \
    "$cases"/report-hostile/figures.csv

# ---- the switch reaches the modules -----------------------------------------
# Functions built for AVX2 (target("avx2")): block_at_avx2, cut_block_avx2,
# classify64_avx2, plain_look32, ... (named so, or *32), of the program.
avx2_functions() { # CALLGRIND_FILE: their names, one a line
    grep -oE '^c?fn=\([0-9]+\) [a-z][A-Za-z0-9_.]*' "$1" |
        sed 's/^.* //' | grep -E '_avx2|look32' | grep -v '^ft_cpu_' |
        sort -u
}
if ! $have_avx2; then
    skip=$((skip + 1))
elif ! command -v valgrind >/dev/null || ldd "$bin" | grep -q libasan; then
    echo "no valgrind, or a sanitizer build: the switch's reach not checked"
    skip=$((skip + 1))
else
    ok=true
    for k in with without; do
        # set but empty: AVX2 stays on
        no_avx2=
        [[ $k == without ]] && no_avx2=1
        FIGTREND_NO_AVX2=$no_avx2 valgrind --tool=callgrind \
            --callgrind-out-file="$k.cg" "$bin" extract \
            "$root"/datasets/articles gen/everything.txt >/dev/null \
            2>"$k.vg" || ok=false
    done
    if ! $ok; then
        tail -n 5 with.vg without.vg
        echo "valgrind failed: the switch's reach not checked"
        skip=$((skip + 1))
    else
        echo "  built for AVX2 and run: $(avx2_functions with.cg | tr '\n' ' ')"
        check "the run as it is (FIGTREND_NO_AVX2 empty) calls them" \
            test -n "$(avx2_functions with.cg)"
        echo "  ... and with FIGTREND_NO_AVX2=1:" \
            "$(avx2_functions without.cg | tr '\n' ' ')"
        check "with FIGTREND_NO_AVX2=1 none" \
            test -z "$(avx2_functions without.cg)"
    fi
fi

echo "simd: $pass passed, $fail failed, $skip skipped"
[[ $fail -eq 0 ]]
