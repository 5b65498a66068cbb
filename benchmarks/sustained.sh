#!/usr/bin/env bash
# Sustained throughput of Signals, Log4j 2, Logback and the raw limit (jackson-core straight to a
# buffered file under one lock), writing the same JSON event to a file (docs/performance.md,
# "Sustained comparison (one command)"). Each run is a fresh JVM of one framework: T producer
# threads log W warm-up events (untimed; the framework is let settle after them), then N events
# timed, and the clock stops only when the framework has flushed and closed the file; the file
# is then counted and checked (exactly W + N lines, each a JSON object, one in 997 parsed for
# every key) and deleted. Rounds interleave the frameworks, rotating their order each round.
# About 6 minutes on a quiet 2-core machine (12 when other work shares it), build included.
#
#   benchmarks/sustained.sh               # build (offline first), run, print the tables
#   benchmarks/sustained.sh --no-build    # use benchmarks/target/benchmarks.jar as it is
#
# Settings (environment): ROUNDS (5); ASYNC_EVENTS (2000000: lines timed per asynchronous run,
# split among the threads) and ASYNC_WARMUP (1000000); SYNC_EVENTS (1000000: lines timed per
# synchronous run, 1 thread) and SYNC_WARMUP (500000); JVM_OPTS
# (-Xms1g -Xmx1g, the same for every run); KEEP=1 keeps the results directory (results.tsv,
# each run's stderr). Exit status 1 when a run failed or counted fewer (or more) lines than
# events emitted.
set -euo pipefail
cd "$(dirname "$0")/.."


ROUNDS=${ROUNDS:-5}
ASYNC_EVENTS=${ASYNC_EVENTS:-2000000}
ASYNC_WARMUP=${ASYNC_WARMUP:-1000000}
SYNC_EVENTS=${SYNC_EVENTS:-1000000}
SYNC_WARMUP=${SYNC_WARMUP:-500000}
JVM_OPTS=${JVM_OPTS:--Xms1g -Xmx1g}
PKG=dev.signals.benchmarks.sustained

start=$(date +%s)
. benchmarks/build-jar.sh

out=$(mktemp -d "${TMPDIR:-/tmp}/signals-sustained-XXXXXX")
if [ -z "${KEEP:-}" ]; then
  trap 'rm -rf "$out"' EXIT
fi
results="$out/results.tsv"
: > "$results"

# name -> main class and variant
main_of() {
  case "$1" in
    signals)               echo "SignalsSustained async" ;;
    signals-sync)          echo "SignalsSustained sync" ;;
    log4j2)                echo "Log4jSustained async" ;;
    log4j2-sync)           echo "Log4jSustained sync" ;;
    log4j2-sync-buffered)  echo "Log4jSustained sync-buffered" ;;
    logback)               echo "LogbackSustained async" ;;
    logback-sync)          echo "LogbackSustained sync" ;;
    logback-sync-buffered) echo "LogbackSustained sync-buffered" ;;
    raw)                   echo "RawSustained" ;;
  esac
}

# run ROUND NAME THREADS TOTAL_EVENTS WARMUP_EVENTS: one fresh JVM, its RESULT line appended to results.tsv
run() {
  local round=$1 name=$2 threads=$3 total=$4 warmup=$5
  local file="$out/$name-$threads.jsonl" line
  read -r class variant <<< "$(main_of "$name")"
  # A run that lost lines still prints its RESULT line (status LOST) and exits 1.
  # shellcheck disable=SC2086 # JVM_OPTS holds several options
  line=$(java $JVM_OPTS -Dsustained.warmup=$(( warmup / threads )) -cp "$JAR" "$PKG.$class" "$threads" $(( total / threads )) "$file" $variant \
        2>>"$out/stderr.log" | grep '^RESULT' || true)
  if [ -n "$line" ]; then
    printf '%s\t%s\n' "$round" "$line" >> "$results"
    printf '  %-22s %d thread(s): %s lines/s, %s\n' "$name" "$threads" "$(cut -f6 <<< "$line")" "$(cut -f8 <<< "$line")"
  else
    printf '%s\tFAILED\t%s\t%s\n' "$round" "$name" "$threads" >> "$results"
    printf '  %-22s %d thread(s): FAILED (see %s)\n' "$name" "$threads" "$out/stderr.log"
  fi
  rm -f "$file"
}

# rotated R NAME...: the names, rotated left by R
rotated() {
  local r=$1; shift
  local names=("$@") n=$# i
  for (( i = 0; i < n; i++ )); do printf '%s ' "${names[(i + r) % n]}"; done
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1)"
echo "jvm:     $JVM_OPTS; rounds $ROUNDS; async runs $ASYNC_WARMUP + $ASYNC_EVENTS events, sync runs $SYNC_WARMUP + $SYNC_EVENTS (warm-up + timed)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Memory this VM touches for the first time fills several times slower: write and delete one
# run's worth of file first, so that the first run measured does not pay for it alone.
dd if=/dev/zero of="$out/prime" bs=1M count=$(( (ASYNC_EVENTS + ASYNC_WARMUP) * 320 / 1048576 + 1 )) status=none
rm -f "$out/prime"

for (( round = 1; round <= ROUNDS; round++ )); do
  echo "round $round"
  for threads in 1 2; do
    for name in $(rotated "$round" signals log4j2 logback raw); do
      run "$round" "$name" "$threads" "$ASYNC_EVENTS" "$ASYNC_WARMUP"
    done
  done
  for name in $(rotated "$round" signals-sync log4j2-sync log4j2-sync-buffered logback-sync logback-sync-buffered); do
    run "$round" "$name" 1 "$SYNC_EVENTS" "$SYNC_WARMUP"
  done
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"

set +e
java -cp "$JAR" "$PKG.SustainedReport" "$results"
status=$?
set -e
echo
echo "total time: $(( $(date +%s) - start )) s"
exit $status
