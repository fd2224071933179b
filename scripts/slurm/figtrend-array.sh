#!/usr/bin/env bash
# figtrend-array.sh — spread `figtrend extract` over a Slurm cluster.
#
# Usage: figtrend-array.sh [OPTION]... ARCHIVE.jsonl
#
# Submits two jobs and prints their ids ("ARRAY_ID MERGE_ID"):
#   1. a job array of N tasks; task K takes the K-th of N pieces of the
#      archive, cut at line ends only (GNU `split -n l/K/N`, which seeks to
#      its piece, so no task reads the whole archive and nothing is copied
#      first), and writes `figtrend extract --input jsonl --no-header` of it
#      to OUT/parts/part-K.csv;
#   2. a job that starts when every task succeeded (afterok) and writes, in
#      chunk order under one header, OUT/figures.csv, then
#      OUT/figures_converted.csv (`figtrend convert`) and the report in
#      OUT/report/ (`figtrend report`).
#
#   -b, --figtrend PATH  the program (default: figtrend on PATH), made
#                        absolute; it and the archive must be on a file
#                        system every node sees
#   -n, --chunks N       number of array tasks (default 8)
#   -o, --out DIR        work and output folder (default figtrend-slurm);
#                        it must not hold an earlier run's parts
#   -p, --partition P    the partition (default: the cluster's default)
#   -s, --sbatch OPT     one more sbatch option for both jobs, e.g.
#                        -s --time=30 -s --mem=1G -s --account=abc
#                        (repeatable; one word each)
#   -e, --extract OPT    one more `figtrend extract` option, e.g.
#                        -e --date -e 2024-01-01 (repeatable; one word
#                        each; not --format: convert reads CSV)
#   -r, --report OPT     one more `figtrend report` option, e.g.
#                        -r --xlsx -r --series -r '*defence budget'
#                        (repeatable; one word each)
#       --to CUR         `convert --to` (default USD)
#       --constant YEAR  `convert --constant` (default: none)
#       --datasets DIR   FIGTREND_DATASETS for the jobs
#       --wait           wait until the last job ends (sbatch --wait):
#                        prints the array's id, then the last job's; the
#                        exit status is then that job's
#   -h, --help           this help
#
# Each article should carry an "id": a line without one is named
# stdin:LINE, LINE counted within its piece, unlike one single run.
# An extract that rejects some lines (exit 3) still counts as done: its
# warnings are in OUT/logs/, and the last job then ends with status 3
# after writing every output.
#
# The nodes need bash and GNU coreutils (split -n l/K/N).
# No article text ever passes through a shell: the pieces go from split(1)
# straight into figtrend through a pipe, and every argument is quoted.
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() {
    echo "figtrend-array.sh: $*" >&2
    exit 64
}

# ---- the stages run inside the jobs ----------------------------------------
# sbatch runs a copy of this very script with "--stage NAME" first, so the
# script is one file; every value comes back as an argument, never through
# eval or a command string.

part_name() { printf '%s/parts/part-%05d.csv' "$1" "$2"; }

stage_extract() { # OUT FIGTREND CHUNKS ARCHIVE [EXTRACT OPTIONS...]
    local out=$1 bin=$2 chunks=$3 archive=$4
    shift 4
    local k=${SLURM_ARRAY_TASK_ID:?not in a job array}
    local part tmp
    part=$(part_name "$out" "$k")
    tmp=$part.tmp.$$
    # split counts pieces from 1.
    set +e
    split -n "l/$((k + 1))/$chunks" -- "$archive" |
        "$bin" extract --input jsonl --no-header "$@" - >"$tmp"
    local st=("${PIPESTATUS[@]}")
    set -e
    if [[ ${st[0]} -ne 0 ]]; then
        echo "figtrend-array.sh: split failed on piece $k" >&2
        rm -f "$tmp"
        exit 1
    fi
    # 0: done; 3: some lines rejected, the rest written.
    if [[ ${st[1]} -ne 0 && ${st[1]} -ne 3 ]]; then
        rm -f "$tmp"
        exit "${st[1]}"
    fi
    echo "${st[1]}" >"$part.status"
    mv -f "$tmp" "$part"
}

stage_merge() { # OUT FIGTREND CHUNKS TO CONSTANT NREPORT [REPORT OPTIONS...]
    #               [EXTRACT OPTIONS...]
    local out=$1 bin=$2 chunks=$3 to=$4 constant=$5 nreport=$6
    shift 6
    local report_opts=("${@:1:nreport}")
    shift "$nreport"
    local k part partial=0 tmp=$out/figures.csv.tmp.$$
    # The header from the program itself, with the options the parts had.
    "$bin" extract --print-header "$@" >"$tmp"
    for ((k = 0; k < chunks; k++)); do
        part=$(part_name "$out" "$k")
        [[ -f $part ]] || {
            echo "figtrend-array.sh: $part missing" >&2
            rm -f "$tmp"
            exit 66
        }
        [[ $(<"$part.status") == 0 ]] || partial=1
        cat -- "$part" >>"$tmp"
    done
    mv -f "$tmp" "$out/figures.csv"

    local conv=(convert --to "$to")
    [[ -n $constant ]] && conv+=(--constant "$constant")
    "$bin" "${conv[@]}" "$out/figures.csv" >"$out/figures_converted.csv.tmp"
    mv -f "$out/figures_converted.csv.tmp" "$out/figures_converted.csv"

    local rc=0
    "$bin" report "${report_opts[@]}" --out "$out/report" \
        "$out/figures_converted.csv" || rc=$?
    [[ $rc -eq 0 || $rc -eq 3 ]] || exit "$rc"
    [[ $rc -eq 3 ]] && partial=1
    if [[ $partial -ne 0 ]]; then
        exit 3
    fi
    exit 0
}

if [[ ${1:-} == --stage ]]; then
    stage=${2:?}
    shift 2
    case $stage in
    extract) stage_extract "$@" ;;
    merge) stage_merge "$@" ;;
    *) die "unknown stage $stage" ;;
    esac
    exit 0
fi

# ---- submission -------------------------------------------------------------
bin=figtrend
chunks=8
out=figtrend-slurm
partition=
to=USD
constant=
wait=0
sbatch_opts=()
extract_opts=()
report_opts=()

need() { [[ $# -ge 2 ]] || die "$1 needs a value"; }
while [[ $# -gt 0 ]]; do
    case $1 in
    -b | --figtrend) need "$@"; bin=$2; shift 2 ;;
    -n | --chunks) need "$@"; chunks=$2; shift 2 ;;
    -o | --out) need "$@"; out=$2; shift 2 ;;
    -p | --partition) need "$@"; partition=$2; shift 2 ;;
    -s | --sbatch) need "$@"; sbatch_opts+=("$2"); shift 2 ;;
    -e | --extract) need "$@"; extract_opts+=("$2"); shift 2 ;;
    -r | --report) need "$@"; report_opts+=("$2"); shift 2 ;;
    --to) need "$@"; to=$2; shift 2 ;;
    --constant) need "$@"; constant=$2; shift 2 ;;
    --datasets) need "$@"; export FIGTREND_DATASETS=$2; shift 2 ;;
    --wait) wait=1; shift ;;
    -h | --help) usage; exit 0 ;;
    --) shift; break ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) break ;;
    esac
done
[[ $# -eq 1 ]] || die "one ARCHIVE.jsonl expected (see --help)"
archive=$1
[[ $chunks =~ ^[1-9][0-9]*$ ]] || die "--chunks wants a positive number"
[[ -z $constant || $constant =~ ^[0-9]{4}$ ]] || die "--constant wants a year"
[[ -f $archive && -r $archive ]] || {
    echo "figtrend-array.sh: $archive: not a readable file" >&2
    exit 66
}

# Absolute paths: the jobs start in another folder, maybe on another node.
if [[ $bin != */* ]]; then
    bin=$(command -v -- "$bin") || {
        echo "figtrend-array.sh: no $bin on PATH (use --figtrend)" >&2
        exit 66
    }
fi
bin=$(realpath -- "$bin")
archive=$(realpath -- "$archive")
self=$(realpath -- "${BASH_SOURCE[0]}")
[[ -x $bin ]] || die "$bin is not a program"
[[ -n ${FIGTREND_DATASETS:-} ]] && FIGTREND_DATASETS=$(realpath -- "$FIGTREND_DATASETS")

mkdir -p -- "$out"
out=$(realpath -- "$out")
if compgen -G "$out/parts/part-*" >/dev/null; then
    echo "figtrend-array.sh: $out/parts holds an earlier run's parts" >&2
    exit 73
fi
mkdir -p -- "$out/parts" "$out/logs"

common=(--parsable --chdir "$out" --export ALL "${sbatch_opts[@]}")
[[ -n $partition ]] && common+=(--partition "$partition")

array_id=$(sbatch "${common[@]}" --job-name figtrend-extract \
    --array "0-$((chunks - 1))" --output "$out/logs/extract-%a.log" \
    "$self" --stage extract "$out" "$bin" "$chunks" "$archive" \
    "${extract_opts[@]}")
array_id=${array_id%%;*} # "ID;CLUSTER" on a multi-cluster set-up

merge=(sbatch "${common[@]}" --job-name figtrend-merge
    --dependency "afterok:$array_id" --kill-on-invalid-dep yes
    --output "$out/logs/merge.log")
[[ $wait -eq 1 ]] && merge+=(--wait)
if [[ $wait -eq 1 ]]; then
    echo "$array_id"
    rc=0
    "${merge[@]}" "$self" --stage merge "$out" "$bin" "$chunks" "$to" \
        "$constant" "${#report_opts[@]}" "${report_opts[@]}" \
        "${extract_opts[@]}" || rc=$?
    exit "$rc"
fi
merge_id=$("${merge[@]}" "$self" --stage merge "$out" "$bin" "$chunks" \
    "$to" "$constant" "${#report_opts[@]}" "${report_opts[@]}" \
    "${extract_opts[@]}")
echo "$array_id ${merge_id%%;*}"
