# Sourced by sustained.sh and compare.sh with their arguments: builds
# benchmarks/target/benchmarks.jar (offline first, then downloading what is missing), or with
# --no-build uses the jar as it is. Sets JAR.
JAR=benchmarks/target/benchmarks.jar
build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
if [ "$build" = 1 ]; then
  echo "building $JAR ..."
  mvn -B -ntp -q -o -Dstyle.color=never -pl benchmarks -am package -DskipTests >/dev/null 2>&1 \
    || mvn -B -ntp -q -Dstyle.color=never -pl benchmarks -am package -DskipTests
fi
[ -f "$JAR" ] || { echo "no $JAR: build it first (mvn -pl benchmarks -am package -DskipTests)" >&2; exit 1; }
