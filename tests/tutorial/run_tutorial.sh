#!/usr/bin/env bash
# Keeps docs/tutorial.md true: runs every command of its ```console blocks ("$ COMMAND" lines),
# in order, in a fresh copy of examples/ with the built qualcheck on PATH, and compares what
# each prints (standard output and error together) with the lines after it in the tutorial.
# Times of day vary from run to run and are compared as hh:mm:ss.
# With --update, writes the actual output into the tutorial instead (then read the diff).
# usage: run_tutorial.sh [--update] QUALCHECK SOURCE_DIR
set -u
update=0
[ "${1:-}" = --update ] && { update=1; shift; }
qualcheck=$(realpath "$1") src=$(realpath "$2")
doc=$src/docs/tutorial.md
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/bin" && ln -s "$qualcheck" "$scratch/bin/qualcheck"
cp -r "$src/examples" "$scratch/fernhill" && rm -f "$scratch/fernhill/"*.db*

# CSV lines end in CRLF; a terminal shows them as the tutorial does.
mask() { sed -E 's/[0-9]{2}:[0-9]{2}:[0-9]{2}/hh:mm:ss/g; s/\r$//'; }

# run COMMAND: its output, as a user would see it in the tutorial's folder.
run() {
    (cd "$scratch/fernhill" && env -i PATH="$scratch/bin:/usr/bin:/bin" HOME="$scratch" LANG=C.UTF-8 \
        TZ=UTC USER=alice LOGNAME=alice NO_COLOR=1 bash -c "$1" 2>&1)
}

failed=0 commands=0 in_block=0 command="" expected="" new_doc=""
finish_command() {
    [ -z "$command" ] && return
    commands=$((commands + 1))
    local actual
    actual=$(run "$command")
    if [ $update = 1 ]; then
        new_doc+="${actual//$'\r'/}"$'\n'
        [ -z "$actual" ] && new_doc=${new_doc%$'\n'}
    elif [ "$(mask <<<"$actual")" != "$(mask <<<"${expected%$'\n'}")" ]; then
        echo "FAIL: \$ $command"
        diff -u --label "tutorial" --label "actual" <(mask <<<"${expected%$'\n'}") <(mask <<<"$actual")
        failed=1
    fi
    command="" expected=""
}

while IFS= read -r line || [ -n "$line" ]; do
    if [ $in_block = 0 ]; then
        new_doc+="$line"$'\n'
        [ "$line" = '```console' ] && in_block=1
        continue
    fi
    if [ "$line" = '```' ]; then
        finish_command
        in_block=0
        new_doc+="$line"$'\n'
    elif [ "${line:0:2}" = '$ ' ]; then
        finish_command
        command=${line:2}
        new_doc+="$line"$'\n'
    else
        expected+="$line"$'\n'
    fi
done <"$doc"

if [ $update = 1 ]; then
    printf '%s' "$new_doc" >"$doc"
    echo "updated $doc from $commands commands: read the diff"
    exit 0
fi
[ $commands -gt 0 ] || { echo "FAIL: no commands found in $doc"; exit 1; }
[ $failed = 0 ] && echo "tutorial: all $commands commands print what docs/tutorial.md shows"
exit $failed
