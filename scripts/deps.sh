#!/usr/bin/env bash
# Install the Debian packages figtrend needs, if any is missing.
# Quiet and quick when everything is there; safe to run again and again.
set -euo pipefail

# build-essential, pkg-config: the compiler and make, and flags for GSL and
#   cmocka
# libgsl-dev: curve fits and interpolation (convert, report)
# libcsv-dev: reading and writing CSV
# libcmocka-dev: unit tests
# libsqlite3-dev: the state of `figtrend run`; sqlite3: its tests check the
#   database with the sqlite3 shell
# nettle-dev: SHA-256 content hashes (run)
# util-linux: flock(1), which the run tests use to hold the lock
# gnuplot-nox: charts (report)
# python3: the peer-spec test scorer
# time: /usr/bin/time, which the end-to-end tests use to bound memory
# fonts-nanum: a Hangul font, so that Korean labels render in PNG and PDF
#   charts (report)
# libreoffice-calc-nogui: the spreadsheet round trip of series.csv in the
#   tests (headless Calc; about 200 MB, under a minute to install)
# libxlsxwriter-dev: report --xlsx writes report.xlsx (typed cells, native
#   charts); the zip and XML of a workbook are a format to leave to a
#   well-kept library, not to write by hand.  It brings zlib1g-dev, which
#   the workbook's unit test uses to open the file.
# clang: make test also runs the unit tests under clang's ASan + UBSan,
#   which catch undefined behaviour gcc's do not (NULL + 0); make fuzz
#   needs its libFuzzer
# parallel: GNU parallel, for the README's `--pipepart` line and its test
#   (tests/parallel.sh); it takes /usr/bin/parallel over from moreutils'
# slurmctld, slurmd, slurm-client, munge: Slurm (Debian's slurm-wlm in
#   parts), for tests/slurm.sh, which starts its own one-node cluster in a
#   temporary folder to run scripts/slurm/figtrend-array.sh; the packages'
#   own services stay unconfigured (no /etc/slurm/slurm.conf is written)
# valgrind: make test runs the unit tests and end-to-end cases under its
#   memcheck (tests/valgrind.sh), which sees uninitialised reads that the
#   sanitizer builds do not
packages=(build-essential pkg-config libgsl-dev libcsv-dev libcmocka-dev
          libsqlite3-dev sqlite3 nettle-dev util-linux gnuplot-nox python3 time fonts-nanum libreoffice-calc-nogui
          libxlsxwriter-dev clang parallel slurmctld slurmd slurm-client munge
          valgrind)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ $status == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "deps.sh: installing ${missing[*]}" >&2
sudo=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || {
        echo "deps.sh: need root or sudo to install ${missing[*]}" >&2
        exit 1
    }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
