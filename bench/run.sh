#!/usr/bin/env bash
# Runs every benchmark and rewrites BENCHMARKS.md: bench/run.sh [--events N] [--rebuild-events N] [--help] ...
# Installs what it needs if missing (PostgreSQL server and client with pgbench, wrk), builds the bench module
# and its dependencies, then runs the harness (io.storagehub.bench.BenchMain). Not part of the test run.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v pgbench >/dev/null 2>&1 || missing+=(postgresql-client postgresql-contrib)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "[bench] installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "[bench] building"
mvn -B -q -DskipTests package -pl bench -am

exec java ${BENCH_JAVA_OPTS:--Xmx10g} -jar bench/target/bench-0.1.0-SNAPSHOT.jar "$@"
