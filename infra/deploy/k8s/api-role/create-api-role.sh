#!/usr/bin/env bash
# Creates (or updates) the query API's read-only database role, once the indexer's migrations have created the
# read model's schema. Runs create-readonly-role.sql as the indexer's role, which owns the read model's tables, so
# that tables of later migrations are readable too. Used by the Kubernetes Job (k8s/query-api-role.yaml) and the
# compose service query-api-role (image postgres, for psql).
#   DB_URL                       the read model's database: jdbc:postgresql://host:port/db or postgresql://...
#   PGUSER, PGPASSWORD           the indexer's role (the schema's owner)
#   DB_SCHEMA                    the read model's schema
#   API_DB_USER, API_DB_PASSWORD the read-only role to create, and its password
#   SQL_DIR                      the directory holding create-readonly-role.sql
#   WAIT_SECONDS                 how long to wait for the schema (default 600)
set -euo pipefail
for name in DB_URL PGUSER PGPASSWORD DB_SCHEMA API_DB_USER API_DB_PASSWORD SQL_DIR; do
  if [ -z "${!name:-}" ]; then
    echo "create-api-role: $name is required" >&2
    exit 2
  fi
done
url="${DB_URL#jdbc:}"
deadline=$((SECONDS + ${WAIT_SECONDS:-600}))
until [ "$(psql "$url" -v schema="$DB_SCHEMA" -tA 2>/dev/null <<< "SELECT count(*) FROM pg_namespace WHERE nspname = :'schema'")" = 1 ]; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "create-api-role: schema $DB_SCHEMA not found at $url after ${WAIT_SECONDS:-600} s (has the indexer migrated?)" >&2
    exit 1
  fi
  echo "create-api-role: waiting for the indexer to create schema $DB_SCHEMA"
  sleep 5
done
psql "$url" -v ON_ERROR_STOP=1 -q -v role="$API_DB_USER" -v password="$API_DB_PASSWORD" -v schema="$DB_SCHEMA" <<SQL
BEGIN;
SET LOCAL storagehub.readonly_role = :'role';
SET LOCAL storagehub.readonly_password = :'password';
SET LOCAL storagehub.schema = :'schema';
\i $SQL_DIR/create-readonly-role.sql
COMMIT;
SQL
echo "create-api-role: role $API_DB_USER may read schema $DB_SCHEMA"
