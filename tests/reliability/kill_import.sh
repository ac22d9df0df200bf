#!/usr/bin/env bash
# Crash safety of the store: `import` is killed with SIGKILL at POINTS moments spread over
# one and a half times its run time, each time on a copy of a store holding the example centre (the old data),
# while importing a changed export of 100,000+ rows (the new data). After every kill the store
# must pass SQLite's integrity check and hold exactly the old data or exactly the new (counts
# of imports and unit rows, and `check`'s whole output), never a mix; `check` must work on it,
# and every fifth time a fresh import of the new data must succeed on it.
# usage: kill_import.sh QUALCHECK POINTS
set -euo pipefail
qualcheck=$(realpath "$1") points=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v sqlite3 >/dev/null || { echo "SKIP: the sqlite3 program is not installed (make test-deps)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
opts=(--rules "$root/examples/rules" --centre 61234 --today 2027-03-10)
fail() { echo "FAIL: $*"; exit 1; }

# The new data: one more claim, which changes 0601's result, and every row 500 times over.
cp "$root/examples/units.csv" new-units.csv
echo '61234,0601,4,Claim submitted,,,,2027-04-28,,' >> new-units.csv
for _ in $(seq 500); do tail -n +2 "$root/examples/units.csv"; done >> new-units.csv

"$qualcheck" import --user cron "${opts[@]}" --store old.db --candidates "$root/examples/candidates.csv" \
  --units "$root/examples/units.csv" > /dev/null
cp old.db new.db
started=$(date +%s%N)
"$qualcheck" import --user cron "${opts[@]}" --store new.db --candidates "$root/examples/candidates.csv" --units new-units.csv > /dev/null
run_ms=$(( ($(date +%s%N) - started) / 1000000 ))

# What each state looks like: counts, and check's output (on copies: check saves a run).
state_of() { sqlite3 -cmd ".timeout 5000" "$1" "SELECT (SELECT count(*) FROM imports) || ' imports, ' || (SELECT count(*) FROM unit_rows) || ' unit rows'"; }
check_of() { "$qualcheck" check "${opts[@]}" --store "$1" --format csv > "$2" || [ $? = 1 ]; }
old_state=$(state_of old.db) new_state=$(state_of new.db)
cp old.db probe.db && check_of probe.db old.csv
cp new.db probe.db && check_of probe.db new.csv
cmp -s old.csv new.csv && fail "the old and new data give the same results: the test could not tell them apart"
echo "old: $old_state; new: $new_state; a whole import takes ${run_ms} ms"

killed=0 completed=0 as_old=0 as_new=0 reimports=0
for i in $(seq "$points"); do
  rm -f test.db test.db-wal test.db-shm
  cp old.db test.db
  # Spread over one and a half run times: a busy machine slows the runs down.
  delay_ms=$(( run_ms * 3 * i / (2 * points) + 1 ))
  # The inner bash takes the shell's "Killed" notice; qualcheck's own messages go to err.txt.
  status=0
  bash -c '"$@" 2> err.txt; exit $?' _ timeout -s KILL "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))" \
    "$qualcheck" import --user cron "${opts[@]}" --store test.db --candidates "$root/examples/candidates.csv" \
    --units new-units.csv > /dev/null 2>&1 || status=$?
  case $status in
    137) killed=$((killed + 1)) ;;
    0) completed=$((completed + 1)) ;;
    *) cat err.txt; fail "kill point $i (${delay_ms} ms): import exited $status" ;;
  esac
  # SIGKILL reaches `timeout` and qualcheck together: the dying qualcheck may hold its lock for
  # a moment longer, hence the busy timeouts (qualcheck's own is 5 s).
  [ "$(sqlite3 -cmd ".timeout 5000" test.db 'PRAGMA integrity_check')" = ok ] || fail "kill point $i: integrity check failed"
  state=$(state_of test.db)
  check_of test.db out.csv || fail "kill point $i: check failed on the store"
  if [ "$state" = "$old_state" ] && cmp -s out.csv old.csv; then
    as_old=$((as_old + 1))
  elif [ "$state" = "$new_state" ] && cmp -s out.csv new.csv; then
    as_new=$((as_new + 1))
  else
    fail "kill point $i (${delay_ms} ms, status $status): the store holds neither the old nor the new data ($state)"
  fi
  if [ $((i % 5)) = 0 ]; then
    "$qualcheck" import --user cron "${opts[@]}" --store test.db --candidates "$root/examples/candidates.csv" \
      --units new-units.csv > /dev/null || fail "kill point $i: the store refused a new import after the kill"
    reimports=$((reimports + 1))
  fi
done
echo "$points kill points: $killed killed mid-run, $completed finished first; store afterwards: $as_old old, $as_new new, 0 mixed; $reimports re-imports after a kill succeeded"
[ "$killed" -ge $((points / 2)) ] || fail "too few imports were killed mid-run to prove anything"
echo ok
