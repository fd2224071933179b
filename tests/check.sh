# check.sh — what the script tests share, sourced first by them (with
# their own arguments):
#   here, root          the tests folder and the repository
#   bin                 the program: $1, else $FIGTREND, else build/figtrend,
#                       as an absolute path
#   FIGTREND_DATASETS   the repository's datasets/ unless already set
#   check NAME COMMAND...   runs the command; "ok   NAME" and a pass when it
#                           succeeds, "FAIL NAME" and a failure when not
# The counts are in $pass and $fail, for the script's last line
# "NAME: P passed, F failed".
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
bin=${1:-${FIGTREND:-$root/build/figtrend}}
[[ $bin == /* ]] || bin=$PWD/$bin
export FIGTREND_DATASETS=${FIGTREND_DATASETS:-$root/datasets}

pass=0
fail=0
check() { # name, then a command that must succeed
    local name=$1
    shift
    if "$@"; then
        echo "ok   $name"
        pass=$((pass + 1))
    else
        echo "FAIL $name"
        fail=$((fail + 1))
    fi
}
