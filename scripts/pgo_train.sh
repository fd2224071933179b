#!/usr/bin/env bash
# scripts/pgo_train.sh BIN: the training run of the profile-guided build
# (Makefile, PGO).  BIN is figtrend built with -fprofile-generate; it
# extracts our demo articles, datasets/articles/, as a folder and as JSON
# lines (the reader large archives use), on one thread and on two, and its
# counters tell the second compile which way each branch goes on news text.
# Only the speed depends on this run: the output of the final build is the
# same whatever it counted.  Run from the top of the repository.
set -euo pipefail
bin=$1
export FIGTREND_DATASETS="$PWD/datasets"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/figtrend-pgo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# One JSON line per article: the text after the header's blank line, the
# date from the file's name (YYYY-MM-DD-...).  awk, not python: a plain
# build needs nothing beyond make and the compiler.
for f in datasets/articles/*.txt; do
    awk -v id="$(basename "$f" .txt)" '
        function esc(s) {
            gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s)
            gsub(/\t/, "\\t", s); gsub(/\r/, "\\r", s)
            return s
        }
        body { text = text esc($0) "\\n"; next }
        /^$/ { body = 1 }
        END {
            printf "{\"id\":\"%s\",\"published\":\"%s\",\"text\":\"%s\"}\n",
                   id, substr(id, 1, 10), text
        }' "$f"
done >"$tmp/articles.jsonl"

for _ in 1 2 3 4; do
    "$bin" extract --jobs 1 "$tmp/articles.jsonl" >/dev/null
done
"$bin" extract --jobs 2 "$tmp/articles.jsonl" >/dev/null
"$bin" extract --jobs 1 datasets/articles/ >/dev/null
