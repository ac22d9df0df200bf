#!/bin/sh
# The generated zsh completion, loaded by zsh with _arguments and _describe stubbed to print
# what they are given: the quoting must give the intended specs, and each command must
# dispatch to its views' functions. Skips (exit 77) where zsh is not installed.
# usage: completion_zsh.sh GENERATED/_qualcheck
command -v zsh >/dev/null || { echo "SKIP: zsh is not installed (make test installs it)"; exit 77; }
zsh -n "$1" || { echo "FAIL: zsh cannot parse $1"; exit 1; }
exec zsh -f -c '
_arguments() { print -rl -- "$@"; state=$stub_state; line=($stub_line) }
_describe() { shift 3; print -rl -- "${(@P)1}" }
source "$1" >/dev/null
failed=0
expect() { # function expected-line
    if ! $1 | grep -qxF -- "$2"; then print -r -- "FAIL: $1 printed no line $2"; failed=1; fi
}
expect _qualcheck_check "(-o --output)-o[Write to FILE instead of standard output]:FILE:_files"
expect _qualcheck_check "(-o --output)--output[Write to FILE instead of standard output]:FILE:_files"
expect _qualcheck_check "--store[The centre'"'"'s store (default: from the config, else qualcheck.db)]:FILE:_files"
expect _qualcheck_check "*--rules[Rules file or folder of *.toml (repeatable; default: the installed rules)]:PATH:_files"
expect _qualcheck_report_summary "--format[Output format; html: one page with charts (default: table on a terminal, else csv)]:table|csv|json|html:(table csv json html)"
expect _qualcheck_report_candidate ":Candidate number, e.g. 0019: "
stub_state=command
expect _qualcheck "report:Views of the centre'"'"'s entries: at-risk, summary, candidate, changes, checkpoint, alert, options, moderation, declarations"
expect _qualcheck_declare "acknowledge:Result no longer expected this summer: stays at risk, out of alerts (exams officer)"
stub_state=arguments stub_line=summary
_qualcheck_report_summary() { print "dispatched to summary" }
expect _qualcheck_report "dispatched to summary"
[ $failed = 0 ] && print "zsh completion: all cases pass"
exit $failed
' completion_zsh "$1"
