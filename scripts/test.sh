#!/usr/bin/env bash
# Test command (`make test`): lints, builds, then runs `swift test "$@"` against a throwaway PostgreSQL cluster
# that is always stopped and deleted afterwards, including on failure, Ctrl-C, TERM or HUP.
#
# Environment given to the tests:
#   DATABASE_URL           database clinic_test (empty, created fresh)
#   CLINIC_TEST_ADMIN_URL  database postgres on the same cluster, to create more databases
#   PG_BINDIR              PostgreSQL binaries (psql, pg_dump, ...)
# Hook: CLINIC_TEST_CMD="shell command" runs that (via bash -c, with "$@" as its arguments)
# instead of `swift test`; used to check the cleanup paths without building anything.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$CLINIC_SCRIPTS/deps.sh"
clinic_use_swift
pg=$CLINIC_SCRIPTS/pg.sh

# Under /tmp (not $TMPDIR) to keep the socket path short and reachable by `postgres`
# when running as root; pg.sh start hands the empty dir to `postgres` in that case.
dir=$(mktemp -d /tmp/clinic-test.XXXXXX)

# End-to-end tests run the desk in their own tmux servers; make sure none outlives the run.
stop_test_tmux() {
  local socket pid
  for socket in "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)"/clinic-e2e-* "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)"/clinic-bench-*; do
    [[ -S $socket ]] || continue
    pid=$(tmux -S "$socket" display-message -p '#{pid}' 2>/dev/null || true)
    for pane in $(tmux -S "$socket" list-panes -a -F '#{pane_pid}' 2>/dev/null || true); do kill -KILL -- "-$pane" 2>/dev/null || true; done
    tmux -S "$socket" kill-server 2>/dev/null || true
    [[ -n $pid ]] && kill -KILL "$pid" 2>/dev/null || true
    rm -f -- "$socket"
  done
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM HUP
  stop_test_tmux
  if "$pg" destroy "$dir" >/dev/null; then
    echo "test.sh: throwaway cluster $dir stopped and removed"
  else
    echo "test.sh: WARNING: could not remove throwaway cluster $dir" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
# Turn signals into a normal exit so the EXIT trap does the cleanup once.
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

PG_FAST=1 "$pg" start "$dir" >/dev/null
"$pg" createdb "$dir" clinic_test
DATABASE_URL=$("$pg" url "$dir" clinic_test)
CLINIC_TEST_ADMIN_URL=$("$pg" url "$dir" postgres)
PG_BINDIR=$("$pg" bindir)
export DATABASE_URL CLINIC_TEST_ADMIN_URL PG_BINDIR
echo "test.sh: PostgreSQL cluster in $dir"

cd "$CLINIC_REPO"
status=0
if [[ -n ${CLINIC_TEST_CMD:-} ]]; then
  bash -c "$CLINIC_TEST_CMD" clinic-test-cmd "$@" || status=$?
else
  # The linter is part of the gate; the end-to-end tests drive the built binary, so build it first.
  echo "test.sh: swift format lint --strict"
  swift format lint --strict --recursive Sources Tests Package.swift || status=$?
  if [[ $status -eq 0 ]]; then swift build || status=$?; fi
  if [[ $status -eq 0 ]]; then swift test "$@" || status=$?; fi
fi
exit "$status"
