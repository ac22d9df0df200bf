#!/usr/bin/env bash
# Runs one end-to-end case: tests/e2e/cases/NAME/cmd is a bash script run in a scratch copy of
# the case folder with `qualcheck` on PATH; its stdout, stderr and exit status are compared
# exactly with the case's `stdout`, `stderr` (missing file = must be empty) and `status`
# (missing = 0). Set QC_UPDATE=1 to write the expected files from the actual run instead.
# A cmd that cannot run on this machine exits 77 with a first stderr line "SKIP: why"; the
# case is then skipped (exit 77, the reason printed), whatever its expected files say.
# usage: run_case.sh QUALCHECK_BINARY CASE_DIR
set -u
binary=$(realpath "$1")
case_dir=$(realpath "$2")
root=$(realpath "$(dirname "$0")/../..")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Everything but the expected results is copied, so a case may ship its own input files.
for item in "$case_dir"/* "$case_dir"/.[!.]*; do
  [ -e "$item" ] || continue
  case "$(basename "$item")" in stdout|stderr|status) ;; *) cp -R "$item" "$scratch"/ ;; esac
done
mkdir -p "$scratch/.bin"
ln -s "$binary" "$scratch/.bin/qualcheck"

(
  cd "$scratch" || exit 99
  export PATH="$scratch/.bin:$PATH" EXAMPLES="$root/examples" DATA="$root/tests/e2e/data" \
         RULES="$root/rules" TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1 USER=e2e LOGNAME=e2e
  unset QUALCHECK_RULES
  bash ./cmd >"$scratch/.actual_stdout" 2>"$scratch/.actual_stderr" </dev/null
  echo $? >"$scratch/.actual_status"
)

if [ "$(cat "$scratch/.actual_status")" = 77 ] && head -n 1 "$scratch/.actual_stderr" | grep -q '^SKIP: '; then
  head -n 1 "$scratch/.actual_stderr"
  exit 77
fi

if [ "${QC_UPDATE:-}" = 1 ]; then
  cp "$scratch/.actual_stdout" "$case_dir/stdout"
  if [ -s "$scratch/.actual_stderr" ]; then cp "$scratch/.actual_stderr" "$case_dir/stderr"; else rm -f "$case_dir/stderr"; fi
  cp "$scratch/.actual_status" "$case_dir/status"
  echo "updated $(basename "$case_dir")"
  exit 0
fi

failed=0
compare() { # expected-file actual-file what
  local expected=$1 actual=$2 what=$3
  if [ ! -e "$expected" ]; then expected=/dev/null; fi
  if ! diff -u --label "expected $what" --label "actual $what" "$expected" "$actual"; then
    failed=1
  fi
}
compare "$case_dir/stdout" "$scratch/.actual_stdout" stdout
compare "$case_dir/stderr" "$scratch/.actual_stderr" stderr
expected_status=0
[ -e "$case_dir/status" ] && expected_status=$(cat "$case_dir/status")
actual_status=$(cat "$scratch/.actual_status")
if [ "$expected_status" != "$actual_status" ]; then
  echo "exit status: expected $expected_status, got $actual_status"
  failed=1
fi
exit $failed
