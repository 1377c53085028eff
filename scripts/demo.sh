#!/usr/bin/env bash
# Demo command (`make demo`): start (or reuse) the local demo cluster, build clinic-desk,
# apply the schema, seed demo data once, then hand the terminal to the TUI.
# The server keeps running afterwards (`make demo-stop` stops it, `make clean-db` deletes it).
# Cluster dir: $CLINIC_PG_DIR, else <repo>/.clinic/pg (root: /var/lib/clinic-desk/pg).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$CLINIC_SCRIPTS/deps.sh"
clinic_use_swift
clinic_demo_db_up
cd "$CLINIC_REPO"

swift build --product clinic-desk
app=.build/debug/clinic-desk

"$app" db apply-schema
# Contract: `db status --seeded` exits 0 only when demo data is already present.
if "$app" db status --seeded >/dev/null 2>&1; then
  echo "demo.sh: demo data already present, not reseeding"
else
  "$app" db seed-demo
fi

echo "demo.sh: PostgreSQL stays running in $CLINIC_PG_DIR; stop it with: make demo-stop"
# The offline demo delivers WhatsApp messages to .clinic/outbox.log (development only; it says so).
export CLINIC_MESSAGE_CHANNEL=${CLINIC_MESSAGE_CHANNEL:-console}
exec "$app"
