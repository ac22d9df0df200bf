#!/usr/bin/env bash
# The generated bash completion, run as bash runs it: COMP_WORDS in, COMPREPLY out.
# usage: completion_bash.sh GENERATED/qualcheck.bash
set -u
source "$1" || exit 1
cd "$(mktemp -d)" && touch candidates.csv units.csv && mkdir rules
failed=0
expect() { # expected-reply words...
    local expected=$1
    shift
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _qualcheck
    local actual="${COMPREPLY[*]}"
    if [ "$actual" != "$expected" ]; then
        echo "FAIL: '$*' completed to '$actual', expected '$expected'"
        failed=1
    fi
}
expect "import check report declare rules" qualcheck ""
expect "report" qualcheck re
expect "summary" qualcheck report su
expect "acknowledge" qualcheck declare ack
expect "--format" qualcheck report summary --for
expect "table csv json" qualcheck check --format ""
expect "csv" qualcheck check --format c
expect "--config --centre --candidates" qualcheck check --today 2027-03-10 --c
expect "candidates.csv" qualcheck check --rules rules --candidates cand
expect "" qualcheck check --today ""
expect "--dry-run" qualcheck import --candidates c.csv --dr
expect "--undo" qualcheck declare acknowledge 0019 90202 --un
expect "-h --help --version" qualcheck -
rm -rf "$PWD"
[ $failed = 0 ] && echo "bash completion: all cases pass"
exit $failed
