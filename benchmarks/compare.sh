#!/usr/bin/env bash
# Signals against Log4j 2 and Logback on the same event, in one JMH run (docs/performance.md):
# builds benchmarks/target/benchmarks.jar, runs every *Compare benchmark (each in a JMH fork of
# its own, with -prof gc), then prints the table of speeds, bytes per event, ratios and line
# counts, and which targets are met. About 6 minutes on a 2-core machine, build included.
#
#   benchmarks/compare.sh               # build, run, report
#   benchmarks/compare.sh --no-build    # use the jar already built
#   KEEP=1 benchmarks/compare.sh        # keep the output directory (JMH log and JSON, line counts)
#
# Settings (environment): FORKS (1), WARMUP (3 iterations), WARMUP_TIME (2s), ITERATIONS (3),
# TIME (2s), BENCH (the benchmark regex), SIGNALS_BENCH_DIR (the output directory; default: a
# fresh temporary one). Exit status 1 when a benchmark failed or a framework wrote fewer lines
# than calls were made.
set -euo pipefail
cd "$(dirname "$0")/.."


FORKS=${FORKS:-1}
WARMUP=${WARMUP:-3}
WARMUP_TIME=${WARMUP_TIME:-2s}
ITERATIONS=${ITERATIONS:-3}
TIME=${TIME:-2s}
BENCH=${BENCH:-'dev\.signals\.benchmarks\.compare\.(Signals|Log4j|Logback)Compare\.'}

start=$(date +%s)
. benchmarks/build-jar.sh

out=${SIGNALS_BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/signals-bench-XXXXXX")}
mkdir -p "$out"
rm -f "$out/lines.tsv" "$out/jmh.json"
if [ -z "${KEEP:-}" ] && [ -z "${SIGNALS_BENCH_DIR:-}" ]; then
  trap 'rm -rf "$out"' EXIT
fi
export SIGNALS_BENCH_DIR="$out"   # read by the forks: where the log files and line counts go

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | head -1)"
echo "output:  $out"
echo "jmh:     -f $FORKS -wi $WARMUP -w $WARMUP_TIME -i $ITERATIONS -r $TIME -prof gc"
echo

# Progress only on the terminal; the whole JMH output goes to jmh.log.
set +e
java -jar "$JAR" "$BENCH" -f "$FORKS" -wi "$WARMUP" -w "$WARMUP_TIME" -i "$ITERATIONS" -r "$TIME" \
    -prof gc -rf json -rff "$out/jmh.json" > "$out/jmh.log" 2>&1 &
jmh=$!
tail -n +1 -f "$out/jmh.log" --pid=$jmh 2>/dev/null \
  | grep --line-buffered -E '^# Benchmark: |^# Run progress|^Iteration .*ops/s|LOST|EXTRA|Exception' || true
wait $jmh
status=$?
set -e
if [ $status -ne 0 ] || [ ! -s "$out/jmh.json" ]; then
  echo "JMH failed (status $status); see $out/jmh.log" >&2
  tail -30 "$out/jmh.log" >&2
  trap - EXIT
  exit 1
fi

set +e
java -cp "$JAR" dev.signals.benchmarks.compare.Report "$out/jmh.json" "$out/lines.tsv"
status=$?
set -e
echo
echo "total time: $(( $(date +%s) - start )) s"
exit $status
