#!/usr/bin/env bash
# Checks for `figtrend report` end-to-end cases, whose outputs are files in
# a folder rather than standard output.  A case copies this script in its
# `setup` (cp "$FT_ROOT/tests/e2e/report_check.sh" check.sh) and runs it
# from `cmd` (bash, check.sh, @BIN).  Its standard output, compared with
# the case's expected.txt, says what was found, so a failure shows exactly
# which file differs and how.
#
# Usage: bash check.sh BINARY
# In the case folder:
#   args, args2, ...  the arguments of each `figtrend report` run, one a
#                     line, run in that order (stdin goes to the first);
#                     prints "exit N" for each
#   want/NAME         out/NAME must be these bytes ("same NAME"); NAME
#                     may be a path (want/nominal/series.csv)
#   pictures          names under out/ that must be real pictures: SVG,
#                     PNG or PDF by their first bytes ("picture NAME")
#   contains          lines "NAME<TAB>text": out/NAME holds the text
#   lacks             lines "NAME<TAB>text": out/NAME does not hold it
#   absent            paths that must not exist after the runs (marker
#                     files a hostile input would make); removed first
#   gone              names under out/ that must not exist
set -u
bin=$1

if [[ -f absent ]]; then
    while IFS= read -r p || [[ -n $p ]]; do
        [[ -n $p ]] && rm -f -- "$p"
    done <absent
fi

for a in args args[0-9]*; do
    [[ -f $a ]] || continue
    argv=()
    while IFS= read -r x || [[ -n $x ]]; do
        argv+=("$x")
    done <"$a"
    if [[ $a == args ]]; then
        "$bin" report "${argv[@]}"
    else
        "$bin" report "${argv[@]}" </dev/null
    fi
    echo "exit $?"
done

if [[ -d want ]]; then
    find want -type f | LC_ALL=C sort | while IFS= read -r w; do
        name=${w#want/}
        if [[ ! -f out/$name ]]; then
            echo "MISSING $name"
        elif cmp -s "$w" "out/$name"; then
            echo "same $name"
        else
            echo "DIFFERS $name"
            diff -u "$w" "out/$name" | head -n 30
        fi
    done
fi

if [[ -f pictures ]]; then
    while IFS= read -r p || [[ -n $p ]]; do
        [[ -z $p ]] && continue
        f=out/$p
        kind=none
        if [[ -s $f ]]; then
            head -c 400 "$f" | grep -q '<svg' && kind=svg
            [[ $(head -c 4 "$f" | od -An -c | tr -d ' ') == '211PNG' ]] &&
                kind=png
            [[ $(head -c 5 "$f") == '%PDF-' ]] && kind=pdf
        fi
        echo "picture $p: $kind"
    done <pictures
fi

check_text() { # file want(yes|no)
    while IFS=$'\t' read -r name text || [[ -n $name ]]; do
        [[ -z $name ]] && continue
        if grep -qF -- "$text" "out/$name" 2>/dev/null; then
            found=yes
        else
            found=no
        fi
        if [[ $found == "$2" ]]; then
            echo "ok $1 $name: $text"
        else
            echo "WRONG $1 $name: $text"
        fi
    done <"$1"
}
[[ -f contains ]] && check_text contains yes
[[ -f lacks ]] && check_text lacks no

if [[ -f absent ]]; then
    while IFS= read -r p || [[ -n $p ]]; do
        [[ -z $p ]] && continue
        if [[ -e $p ]]; then
            echo "PRESENT $p"
            rm -f -- "$p"
        else
            echo "absent $p"
        fi
    done <absent
fi

if [[ -f gone ]]; then
    while IFS= read -r p || [[ -n $p ]]; do
        [[ -z $p ]] && continue
        if [[ -e out/$p ]]; then
            echo "PRESENT out/$p"
        else
            echo "gone $p"
        fi
    done <gone
fi
exit 0
