#!/usr/bin/env bash
# Runs one libFuzzer harness for a bounded time: `make fuzz` calls it for each harness.
# usage: run.sh FUZZ_BUILD_DIR NAME SECONDS
# The working corpus (FUZZ_BUILD_DIR/corpus/NAME) starts from the seeds in tests/fuzz/corpus
# and keeps what the fuzzer finds between runs; a crash is written to
# FUZZ_BUILD_DIR/crashes/NAME/ and ends the run with a non-zero status. Turn it into a
# regression test by copying it to tests/fuzz/regressions/NAME/ once fixed.
set -euo pipefail
build=$1 name=$2 seconds=$3
here=$(cd "$(dirname "$0")" && pwd)
work="$build/corpus/$name" crashes="$build/crashes/$name"
mkdir -p "$work" "$crashes"
dict=()
[ -f "$here/$name.dict" ] && dict=(-dict="$here/$name.dict")
echo "fuzz $name: ${seconds}s, corpus $work"
"$build/tests/fuzz/fuzz_$name" "$work" "$here/corpus/$name" "$here/regressions/$name" "${dict[@]}" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2560 \
  -artifact_prefix="$crashes/" -print_final_stats=1 2>&1 |
  grep -E '^(INFO: seed corpus|#[0-9]+ +DONE|stat::|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written|.*ERROR)' || true
# libFuzzer's status is lost in the pipe; a crash file is the proof of failure.
if compgen -G "$crashes/*" >/dev/null; then
  echo "fuzz $name: crash inputs in $crashes:" && ls "$crashes"
  exit 1
fi
