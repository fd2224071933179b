#!/usr/bin/env bash
# scripts/slurm/figtrend-array.sh on a real one-node Slurm cluster, started
# here in a temporary folder: munged with its own key and socket,
# slurmctld and slurmd with a generated slurm.conf (this machine's CPUs
# and memory from `slurmd -C`, free ports, state and spool under the
# folder).  It submits the job array over a JSONL archive (the demo
# articles, a line that is not JSON, and 1 MB of ../shared's synthetic
# news when there), waits at most 120 s in all, and checks that
# figures.csv and figures_converted.csv equal one single `figtrend
# extract` and `convert` byte for byte, that the report was written, that
# empty pieces and names with spaces change nothing, that --wait returns
# the last job's status, and that a failed piece cancels the last job.  No wall-clock assertion.  Every daemon it started
# is stopped on the way out, failure or not.
#
# Skipped, and counted as skipped, where Slurm cannot start: the packages
# missing (scripts/deps.sh installs slurmctld, slurmd, slurm-client and
# munge), not root (slurmd must be, to start jobs), munged or a daemon
# failing to come up.
#
# Usage: tests/slurm.sh [BINARY]   (default build/figtrend)
# The last line printed is "slurm: P passed, F failed, S skipped".
set -u

# shellcheck source=tests/check.sh
. "$(dirname "${BASH_SOURCE[0]}")/check.sh"
array=$root/scripts/slurm/figtrend-array.sh
WAIT=120


tmp=
pids=()
waiter=
cleanup() {
    local p i
    [[ -n $waiter ]] && kill "$waiter" 2>/dev/null
    if [[ ${#pids[@]} -gt 1 ]] && kill -0 "${pids[1]}" 2>/dev/null; then
        # Jobs first, so that no slurmstepd outlives its slurmd (asked
        # only of a slurmctld still running: the clients retry a dead
        # one for half a minute).
        timeout 10 scancel --full --quiet --user "$(id -un)" 2>/dev/null
        for ((i = 0; i < 50; i++)); do
            [[ -z $(timeout 5 squeue -h -o %i 2>/dev/null) ]] && break
            sleep 0.2
        done
    fi
    # Newest first: slurmd, slurmctld, munged.
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        p=${pids[i]}
        kill -TERM "$p" 2>/dev/null || continue
        for _ in {1..50}; do
            kill -0 "$p" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$p" 2>/dev/null
        wait "$p" 2>/dev/null
    done
    [[ -n $tmp ]] && rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP PIPE

skip() {
    echo "slurm: skipped: $*"
    if [[ -n $tmp ]]; then
        for f in "$tmp"/log/*.out "$tmp"/log/munged.log; do
            [[ -s $f ]] && { echo "--- $f"; tail -n 15 "$f"; }
        done
    fi
    echo "slurm: $pass passed, $fail failed, 1 skipped"
    exit 0
}

for p in munged mungekey munge slurmctld slurmd sbatch squeue scontrol sinfo; do
    command -v "$p" >/dev/null || PATH=$PATH:/usr/sbin:/sbin
    command -v "$p" >/dev/null ||
        skip "no $p (scripts/deps.sh installs slurmctld, slurmd, slurm-client, munge)"
done
[[ $(id -u) -eq 0 ]] || skip "not root (slurmd starts jobs as their user)"
[[ -x $bin ]] || {
    echo "FAIL no program $bin"
    echo "slurm: 0 passed, 1 failed, 0 skipped"
    exit 1
}

# A short path: unix sockets live under it (108 bytes at most).
tmp=$(mktemp -d /tmp/ftslurm.XXXXXX)
# munged wants every folder above its socket searchable by all.
chmod 711 "$tmp"
mkdir -p "$tmp"/{munge,log,state,spool,run,work}

# ---- munge: its own key, socket and files ---------------------------------
sock=$tmp/munge/socket
mungekey --create --keyfile "$tmp/munge/munge.key" --bits 1024 \
    >/dev/null 2>&1 || skip "mungekey failed"
chmod 600 "$tmp/munge/munge.key"
munged --foreground --socket "$sock" --key-file "$tmp/munge/munge.key" \
    --log-file "$tmp/log/munged.log" --pid-file "$tmp/run/munged.pid" \
    --seed-file "$tmp/munge/seed" >/dev/null 2>&1 &
pids+=($!)
for _ in {1..50}; do
    [[ -S $sock ]] && break
    sleep 0.1
done
munge --socket "$sock" --no-input 2>/dev/null |
    unmunge --socket "$sock" >/dev/null 2>&1 || skip "munged did not start"

# ---- slurm.conf ---------------------------------------------------------------
node=$(hostname -s)
# "NodeName=vm CPUs=2 ... RealMemory=24105": this machine as slurmd sees it.
hw=$(slurmd -C 2>/dev/null | head -n 1)
[[ $hw == NodeName=* ]] || skip "slurmd -C failed"
hw=${hw#NodeName=* }
read -r ctld_port slurmd_port < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])') || skip "no free port"
user=$(id -un)
: >"$tmp/plugstack.conf"
export SLURM_CONF=$tmp/slurm.conf
# sched_interval=1: the last job's dependency is looked at every second,
# not every 60 (the test would take 30 s instead of 12).
cat >"$SLURM_CONF" <<EOF
ClusterName=figtrendtest
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=$user
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$sock
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/run/slurmctld.pid
SlurmdPidFile=$tmp/run/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
PlugStackConfig=$tmp/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/builtin
SchedulerParameters=sched_interval=1
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
MinJobAge=300
NodeName=$node NodeAddr=127.0.0.1 $hw State=UNKNOWN
PartitionName=figtrend Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF

slurmctld -D -i -f "$SLURM_CONF" >"$tmp/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" -N "$node" >"$tmp/log/slurmd.out" 2>&1 &
pids+=($!)
state=
for _ in {1..150}; do
    state=$(sinfo -h -n "$node" -o %t 2>/dev/null)
    [[ $state == idle ]] && break
    kill -0 "${pids[1]}" 2>/dev/null || skip "slurmctld exited"
    kill -0 "${pids[2]}" 2>/dev/null || skip "slurmd exited"
    sleep 0.2
done
[[ $state == idle ]] || skip "the node did not come up (state '$state')"
echo "slurm: a one-node cluster is up ($node: $hw)"

# ---- the archive and one single run ----------------------------------------
cd "$tmp/work" || exit 1
python3 "$root/tests/cluster_corpus.py" archive.jsonl --copies 3 \
    --synthetic-mb 1 --bad-line || {
    echo "FAIL the archive could not be made"
    fail=$((fail + 1))
}
"$bin" extract archive.jsonl >single.csv 2>/dev/null
single_rc=$?
"$bin" convert --to USD --constant 2023 single.csv >single_converted.csv \
    2>/dev/null
# The synthetic news makes about 1,500 series (30 s of charts): the report
# is of two, through the script's --report.
series='*defence budget'
"$bin" report --series "$series" --out single_report single_converted.csv \
    >/dev/null 2>&1
check "one single extract rejects the bad line and keeps the rest (3)" \
    test "$single_rc" -eq 3
check "the single run finds figures" test "$(wc -l <single.csv)" -gt 100

# Waits for job ID to end; prints its "STATE EXITCODE".  All the jobs
# together get at most WAIT s.
deadline=$((SECONDS + WAIT))
job_end() {
    local id=$1 info st ex
    while [[ $SECONDS -lt $deadline ]]; do
        info=$(scontrol -o show job "$id" 2>/dev/null)
        st=$(sed -n 's/.* JobState=\([A-Z_]*\) .*/\1/p' <<<"$info")
        ex=$(sed -n 's/.* ExitCode=\([0-9:]*\) .*/\1/p' <<<"$info")
        case $st in
        PENDING | RUNNING | CONFIGURING | COMPLETING | SUSPENDED | "") ;;
        *) echo "$st $ex" && return 0 ;;
        esac
        sleep 0.2
    done
    echo "TIMEOUT -"
}

# ---- the job array ----------------------------------------------------------
ids=$("$array" --figtrend "$bin" --chunks 4 --out run1 --partition figtrend \
    --to USD --constant 2023 --sbatch --time=10 \
    --report --series --report "$series" archive.jsonl 2>submit.err)
check "figtrend-array.sh submits two jobs" \
    test "$(wc -w <<<"$ids")" -eq 2 -a -s archive.jsonl
read -r array_id merge_id <<<"$ids"
if [[ -n ${merge_id:-} ]]; then
    end=$(job_end "$merge_id")
    echo "slurm: the last job ended: $end"
    check "the last job ends FAILED with exit 3 (one line rejected)" \
        test "$end" = "FAILED 3:0"
    check "the four tasks of the array ended COMPLETED" test "$(
        scontrol -o show job "$array_id" | grep -c ' JobState=COMPLETED ')" \
        -eq 4
    check "four parts, one per task" \
        test "$(find run1/parts -name 'part-*.csv' | wc -l)" -eq 4
    check "every piece is non-empty" \
        test "$(find run1/parts -name 'part-*.csv' -empty | wc -l)" -eq 0
    check "figures.csv equals one single extract, byte for byte" \
        cmp -s single.csv run1/figures.csv
    check "figures_converted.csv equals one single convert, byte for byte" \
        cmp -s single_converted.csv run1/figures_converted.csv
    check "the report was written (index.html, series.csv, summary.csv)" \
        test -s run1/report/index.html -a -s run1/report/series.csv \
        -a -s run1/report/summary.csv
    check "series.csv equals one single report's" \
        cmp -s single_report/series.csv run1/report/series.csv
    check "the bad line is named in a task's log" \
        grep -qs 'malformed JSON' run1/logs/extract-*.log
else
    cat submit.err
fi

# ---- more pieces than lines, names with spaces, --wait ---------------------
# In the background: sbatch --wait looks at its job every 10 s or so, while
# the next case runs.
head -n 2 archive.jsonl >'small archive.jsonl'
"$bin" extract 'small archive.jsonl' >small.csv 2>/dev/null
timeout "$WAIT" "$array" --figtrend "$bin" --chunks 5 --out 'run 2' --wait \
    'small archive.jsonl' >wait.out 2>&1 &
waiter=$!

# ---- a failed piece: the last job is cancelled, not left pending ------------
printf '#!/bin/sh\necho broken >&2\nexit 74\n' >broken
chmod +x broken
ids=$("$array" --figtrend "$PWD/broken" --chunks 2 --out run3 \
    'small archive.jsonl' 2>/dev/null)
read -r _ merge_id <<<"$ids"
if [[ -n ${merge_id:-} ]]; then
    end=$(job_end "$merge_id")
    check "a failed piece cancels the last job ($end)" \
        test "${end%% *}" = CANCELLED
else
    check "a failed piece cancels the last job" false
fi
check "and no figures.csv is written" test ! -e run3/figures.csv

"$array" --figtrend "$bin" --out run1 archive.jsonl >/dev/null 2>&1
check "an earlier run's parts are not overwritten (exit 73)" test $? -eq 73

wait "$waiter"
rc=$?
waiter=
check "--wait: the last job's exit status (0), more pieces than lines" \
    test "$rc" -eq 0
check "--wait: two job ids printed" test "$(wc -l <wait.out)" -eq 2
check "empty pieces, names with spaces: one single run's figures" \
    cmp -s small.csv 'run 2/figures.csv'

if [[ $fail -ne 0 ]]; then
    for f in "$tmp"/log/slurmctld.log "$tmp"/work/run*/logs/*; do
        [[ -s $f ]] && { echo "--- $f"; tail -n 15 "$f"; }
    done
fi
echo "slurm: $pass passed, $fail failed, 0 skipped"
[[ $fail -eq 0 ]]
