#!/usr/bin/env bash
# A units.csv of BYTES bytes (2 GiB in the Release suite) piped into `check --units -`: it is
# generated on the fly, so no such file lands on disk, and qualcheck must stream it: its peak
# memory stays under MAX_RSS_MB, far below the input's size, and every row is counted.
# usage: stream_big.sh QUALCHECK QC_PEAK_RSS BYTES MAX_RSS_MB
set -euo pipefail
qualcheck=$(realpath "$1") peak_rss=$(realpath "$2") bytes=$3 max_rss_mb=$4
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
printf 'candidate_number,qualification_code,estimated_completion\n0001,90201,2027\n0002,90201,2027\n' > c.csv
header='centre_number,candidate_number,unit,status,grade,series'
row='61234,0001,1,Result achieved,P,June 2026'   # the same candidate's unit 1, again and again
rows=$(( (bytes - ${#header} - 1) / (${#row} + 1) ))
start=$SECONDS
set +e
{ echo "$header"; yes "$row" | head -n "$rows"; } |
  "$peak_rss" --report rss.txt -- "$qualcheck" check --rules "$root/examples/rules" --centre 61234 \
    --today 2027-03-10 --candidates c.csv --units - --format csv > out.csv 2> err.txt
status=$?
set -e
seconds=$(( SECONDS - start ))
peak_kb=$(cat rss.txt)
input_mb=$(( (${#header} + 1 + rows * (${#row} + 1)) / 1048576 ))
echo "streamed $rows rows ($input_mb MiB) in ${seconds}s; peak memory $(( peak_kb / 1024 )) MiB (limit $max_rss_mb MiB)"
fail() { echo "FAIL: $*"; cat err.txt; exit 1; }
[ "$status" = 1 ] || fail "exit status $status, expected 1 (0002 has no activity and is at risk)"
[ -s err.txt ] && fail "unexpected messages"
grep -q '^61234,0001,.*,not_eligible,yes,no,Mandatory unit not yet achieved' out.csv || fail "0001's result is wrong: $(sed -n 2p out.csv)"
grep -q '^61234,0002,.*No activity' out.csv || fail "0002's result is wrong"
[ $(( peak_kb / 1024 )) -le "$max_rss_mb" ] || fail "peak memory $(( peak_kb / 1024 )) MiB is above $max_rss_mb MiB"
echo "ok"
