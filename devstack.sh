#!/usr/bin/env bash
# The whole stack on one machine, in one JVM: embedded Kafka (KRaft) and Postgres, a simulated chain, the
# indexer and the query API. Needs JDK 17+ and Maven 3.8+. State is kept in ./.devstack (--data-dir).
#   ./devstack.sh                 # start (Ctrl-C stops; the next start resumes)
#   ./devstack.sh --help          # flags: --kafka, --db-url, --rate, --seed, --no-simulator, --api-port, ...
#   ./devstack.sh simulator --help
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests package -pl infra -am
exec java ${DEVSTACK_JAVA_OPTS:-} -jar infra/target/storagehub-devstack.jar "$@"
