# shellcheck shell=bash
# Helpers shared by demo.sh, bench.sh, test.sh and the Makefile; source it, don't run it.
# Sourcing must not change the caller's shell options, so nothing here calls `set`.

CLINIC_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
CLINIC_SCRIPTS=$CLINIC_REPO/scripts

# The toolchain is installed outside PATH (/opt/swift) on the dev and CI machines.
clinic_use_swift() {
  if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
    PATH=/opt/swift/usr/bin:$PATH
    export PATH
  fi
}

# Server binaries (initdb, pg_ctl) are not on PATH on Debian. Prefer 15, the version the
# project targets; pg_config is last because libpq-dev's one points at /usr/bin (clients only).
clinic_pg_bindir() {
  local d
  for d in /usr/lib/postgresql/15/bin \
           "$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n1)" \
           "$(pg_config --bindir 2>/dev/null || true)"; do
    if [[ -n $d && -x $d/initdb && -x $d/pg_ctl ]]; then
      printf '%s\n' "$d"
      return 0
    fi
  done
  echo "clinic-desk: no PostgreSQL server binaries found (run scripts/deps.sh)" >&2
  return 1
}

# Where the long-lived demo/bench cluster lives. Root gets a path outside the checkout
# because root's checkout (e.g. under /root) is usually not traversable by `postgres`.
clinic_demo_dir() {
  if [[ -n ${CLINIC_PG_DIR:-} ]]; then
    printf '%s\n' "$CLINIC_PG_DIR"
  elif [[ $(id -u) -eq 0 ]]; then
    printf '%s\n' /var/lib/clinic-desk/pg
  else
    printf '%s\n' "$CLINIC_REPO/.clinic/pg"
  fi
}

# Start (or reuse) the demo cluster, make sure database clinic_desk exists, and export
# DATABASE_URL for it. Used by demo.sh and bench.sh.
clinic_demo_db_up() {
  local dir
  dir=$(clinic_demo_dir) || return
  "$CLINIC_SCRIPTS/pg.sh" start "$dir" || return
  "$CLINIC_SCRIPTS/pg.sh" createdb "$dir" clinic_desk || return
  DATABASE_URL=$("$CLINIC_SCRIPTS/pg.sh" url "$dir" clinic_desk) || return
  CLINIC_PG_DIR=$dir
  export DATABASE_URL CLINIC_PG_DIR
}
