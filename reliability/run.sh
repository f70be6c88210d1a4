#!/usr/bin/env bash
# The reliability suite from one command: the long soaks by default, the CI sizes with --ci. Runs only this
# module's tests (the modules it depends on are built, their tests skipped), records every scenario's figures in
# reliability/results/<scenario>-<profile>.json and rewrites RELIABILITY.md from them.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: reliability/run.sh [--ci] [--only CLASS[,CLASS...]] [-Dreliability.KEY=VALUE ...]
       reliability/run.sh --write-corpus

  --ci            the CI sizes (what `mvn -B verify` runs) instead of the soak sizes
  --only CLASSES  run only these scenarios: CrashIT, PostgresOutageIT, BrokerRestartIT, PoisonCorpusIT,
                  ReplayIT, HostileHttpIT, LeastPrivilegeIT (default: all of them)
  --write-corpus  regenerate src/test/resources/poison-corpus.jsonl from its generator, then check it
  -D...           sizes, e.g. -Dreliability.events=1000000 -Dreliability.kills=20 -Dreliability.seed=7
                  (every key is listed in reliability/README.md); any other -D goes to Maven

  environment: RELIABILITY_MVN_FLAGS (default "-ntp"; e.g. "-o" offline), RELIABILITY_HEAP (soak test
  JVM heap, default 4g)
USAGE
}

root="$(cd "$(dirname "$0")/.." && pwd)"
profile=soak
only=""
write_corpus=false
props=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --ci) profile=ci ;;
    --only) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; only="$2"; shift ;;
    --write-corpus) write_corpus=true ;;
    -D*) props+=("$1") ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

cd "$root"
read -r -a flags <<< "${RELIABILITY_MVN_FLAGS:--ntp}"
if $write_corpus; then
  exec mvn -B "${flags[@]}" verify -pl reliability -am -DskipITs -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest='io/storagehub/reliability/poison/PoisonCorpusTest' -Dreliability.corpus.write=true
fi

its="io/storagehub/reliability/**/*IT"
if [[ -n "$only" ]]; then
  its=""
  IFS=',' read -r -a classes <<< "$only"
  for class in "${classes[@]}"; do
    its="${its:+$its,}io/storagehub/reliability/**/${class}"
  done
fi
heap=()
if [[ "$profile" == soak ]]; then
  heap=("-Dtest.jvm.extra=-Xmx${RELIABILITY_HEAP:-4g}")
fi

mvn -B "${flags[@]}" verify -pl reliability -am \
  -Dtest='io/storagehub/reliability/**/*Test' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test="$its" -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dreliability.profile="$profile" \
  -Dreliability.results="$root/reliability/results" \
  -Dreliability.report="$root/RELIABILITY.md" \
  "${heap[@]}" "${props[@]}"
echo "figures: reliability/results/, report: RELIABILITY.md, logs: reliability/target/reliability/logs/"
