#!/usr/bin/env bash
# Benchmark command (`make bench BENCH_ARGS=...`): same demo cluster and DATABASE_URL as
# demo.sh, but a release build; arguments go to `clinic-desk bench`.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$CLINIC_SCRIPTS/deps.sh"
clinic_use_swift
clinic_demo_db_up
cd "$CLINIC_REPO"

swift build -c release --product clinic-desk
exec .build/release/clinic-desk bench "$@"
