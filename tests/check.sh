# check.sh — what the script tests share, sourced by them:
#   check NAME COMMAND...   runs the command; "ok   NAME" and a pass when it
#                           succeeds, "FAIL NAME" and a failure when not
# The counts are in $pass and $fail, for the script's last line
# "NAME: P passed, F failed".
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
