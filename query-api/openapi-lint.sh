#!/usr/bin/env bash
# Lints the OpenAPI document the API serves (src/main/resources/io/storagehub/api/ops/openapi.json) with Redocly
# CLI's recommended ruleset (redocly.yaml beside this script). Installs the pinned CLI once with npm into
# ${STORAGEHUB_TOOLS_DIR:-~/.cache/storagehub}; exits non-zero on any lint error. Needs node and npm.
set -euo pipefail
cd "$(dirname "$0")"
REDOCLY_VERSION=2.77.0
tools="${STORAGEHUB_TOOLS_DIR:-$HOME/.cache/storagehub}/redocly-cli-$REDOCLY_VERSION"
redocly="$tools/node_modules/.bin/redocly"
if [[ ! -x "$redocly" ]]; then
  command -v npm >/dev/null || { echo "openapi-lint: npm is required (Debian: apt-get install -y nodejs npm)" >&2; exit 1; }
  npm install --prefix "$tools" --no-audit --no-fund --save-exact --loglevel=error "@redocly/cli@$REDOCLY_VERSION"
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
"$redocly" lint --config redocly.yaml
