#!/usr/bin/env bash
# The store and output files when the disk is full, a file size limit is reached, the file
# system is read-only, or the store file is read-only: exit 4, one clear sentence, the store
# unchanged and still readable where the system allows. The disk is a real 1 MiB tmpfs,
# mounted in a private user and mount namespace (no privileges needed); the transcript is
# compared with store_limits.expected.
# usage: store_limits.sh QUALCHECK
set -uo pipefail
qualcheck=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if ! unshare -rm true 2>/dev/null; then
  echo "SKIP: unshare -rm (user and mount namespaces) is not allowed here; cannot make a small disk"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
cd "$work"
cp "$root/examples/units.csv" big-units.csv
for _ in $(seq 300); do tail -n +2 "$root/examples/units.csv"; done >> big-units.csv
cp "$root/examples/candidates.csv" "$root/examples/units.csv" .
cp -R "$root/examples/rules" rules

transcript() {
  local C="--rules rules --centre 61234 --today 2027-03-10"
  run() { "$@" 2>&1; echo "[exit $?]"; }
  results() { "$qualcheck" report at-risk $C --store "$1" --format csv | wc -l; }
  mkdir disk && mount -t tmpfs -o size=1m tmpfs disk
  echo "== a full disk"
  run "$qualcheck" import $C --store disk/centre.db --candidates candidates.csv --units units.csv
  echo "at-risk rows before: $(results disk/centre.db)"
  run "$qualcheck" import $C --store disk/centre.db --candidates candidates.csv --units big-units.csv
  echo "at-risk rows after: $(results disk/centre.db)"
  head -c 1048576 /dev/zero > disk/filler 2>/dev/null
  run "$qualcheck" check $C --candidates candidates.csv --units big-units.csv --format csv -o disk/results.csv
  ls disk
  rm disk/filler
  echo "== the largest file size allowed (ulimit -f 512 KiB)"
  cp disk/centre.db limited.db
  (ulimit -f 512; run "$qualcheck" import $C --store limited.db --candidates candidates.csv --units big-units.csv)
  echo "at-risk rows after: $(results limited.db)"
  echo "== a read-only file system"
  mount -o remount,ro disk
  run "$qualcheck" import $C --store disk/centre.db --candidates candidates.csv --units big-units.csv
  run "$qualcheck" report at-risk $C --store disk/centre.db --format csv
  run "$qualcheck" check $C --candidates candidates.csv --units units.csv -o disk/results.csv
}
unshare -rm bash -c "$(declare -f transcript); qualcheck=$qualcheck; transcript" > actual.txt 2>&1

# A read-only store file, for a user who is not its owner's root: nobody, when tests run as root.
# nobody may not reach the checkout (a clone in a 0700 folder): the binary and the rules it
# needs are copied into the scratch folder first.
cp "$qualcheck" "$work/qualcheck-copy"
qualcheck_copy="$work/qualcheck-copy"
as_user() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; else "$@"; fi; }
{
  echo "== a read-only store file"
  mkdir shared && cp "$root/examples/candidates.csv" "$root/examples/units.csv" shared/
  C="--rules $work/rules --centre 61234 --today 2027-03-10"
  [ "$(id -u)" = 0 ] && chown nobody shared
  as_user "$qualcheck_copy" import $C --store shared/centre.db --candidates shared/candidates.csv --units shared/units.csv > /dev/null
  chmod 0400 shared/centre.db
  as_user "$qualcheck_copy" import $C --store shared/centre.db --candidates shared/candidates.csv --units "$work/big-units.csv" 2>&1
  echo "[exit $?]"
  as_user "$qualcheck_copy" report at-risk $C --store shared/centre.db --format csv | wc -l
} >> actual.txt 2>&1
if ! diff -u "$here/store_limits.expected" actual.txt; then
  [ "${QC_UPDATE:-}" = 1 ] && cp actual.txt "$here/store_limits.expected" && echo "updated store_limits.expected"
  exit 1
fi
echo ok
