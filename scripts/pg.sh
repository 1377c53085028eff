#!/usr/bin/env bash
# Local PostgreSQL cluster manager for the demo and the tests.
#
#   pg.sh start DIR            init DIR/data if needed, start it (no-op if running), wait until ready
#   pg.sh stop DIR             fast stop; succeeds if nothing is running
#   pg.sh url DIR [DBNAME]     print a libpq URI (DBNAME defaults to postgres)
#   pg.sh createdb DIR NAME    create database NAME unless it exists
#   pg.sh destroy DIR          stop, then delete DIR
#   pg.sh bindir               print the PostgreSQL bin directory in use
#
# Layout: DIR/data (cluster), DIR/sock (Unix socket only, no TCP), DIR/log (server log).
# Superuser is `clinic` with trust auth, so DIR and DIR/sock are 0700: only the server's
# user (and root) can reach the socket.
# PG_FAST=1 (tests only) turns off durability for throwaway clusters.
# As root, the server runs as the owner of DIR (`postgres` for a new DIR), since
# PostgreSQL refuses to run as root.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
BIN=$(clinic_pg_bindir)
PORT=5432   # fixed: every cluster has its own socket dir, so ports never clash

die() { echo "pg.sh: $*" >&2; exit 1; }

usage() { sed -n '2,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2; }

# Percent-encode for a URI; $2=keep-slash leaves '/' alone (fine inside a query value).
urlenc() {
  local LC_ALL=C s=$1 out='' c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in
      [A-Za-z0-9._~-]) out+=$c ;;
      /) if [[ ${2:-} == keep-slash ]]; then out+=$c; else out+=%2F; fi ;;
      *) printf -v c '%%%02X' "'$c"; out+=$c ;;
    esac
  done
  printf '%s' "$out"
}

# Absolute path; reject characters that would need escaping in postgresql.conf or in
# pg_ctl's internal shell command line.
resolve_dir() {
  [[ -n ${1:-} ]] || usage
  [[ $1 != *[\'\"\\\`\$]* && $1 != *$'\n'* ]] || die "unsupported character in path: $1"
  realpath -m -- "$1"
}

# The user the server runs as: ourselves, or as root the owner of DIR (postgres if new).
RUN_AS=
pick_run_as() {
  if [[ $(id -u) -ne 0 ]]; then RUN_AS=; return; fi
  local owner=postgres
  if [[ -d $1 ]]; then
    owner=$(stat -c %U -- "$1")
    [[ $owner == root ]] && owner=postgres
  fi
  id -u "$owner" >/dev/null 2>&1 || die "system user '$owner' does not exist (is postgresql installed? run scripts/deps.sh)"
  RUN_AS=$owner
}

# cd / so tools don't complain about an unreadable cwd (e.g. /root) after dropping privileges.
as_pg() {
  if [[ -n $RUN_AS ]]; then (cd / && runuser -u "$RUN_AS" -- "$@"); else "$@"; fi
}

is_running() { [[ -f $1/data/PG_VERSION ]] && as_pg "$BIN/pg_ctl" -D "$1/data" status >/dev/null 2>&1; }

psql_admin() { "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$1/sock" -p "$PORT" -U clinic -d postgres "${@:2}"; }

cmd_start() {
  local dir created=''
  dir=$(resolve_dir "${1:-}")
  # Unix socket paths are limited to 107 bytes; fail here with a readable message.
  (( ${#dir} + 19 <= 107 )) || die "path too long for a Unix socket: $dir/sock/.s.PGSQL.$PORT (use a shorter DIR)"
  pick_run_as "$dir"
  if [[ -n $RUN_AS ]]; then
    [[ -d $dir ]] || { mkdir -p -- "$dir"; created=1; }
    if [[ $(stat -c %U -- "$dir") != "$RUN_AS" ]]; then
      [[ -z $(ls -A -- "$dir") ]] || die "$dir is owned by root and not empty; the server cannot run as root"
      chown "$RUN_AS": -- "$dir"
      chmod 700 -- "$dir"
    fi
    if ! as_pg test -w "$dir" -a -x "$dir"; then
      [[ -n $created ]] && rm -rf -- "$dir"
      die "user '$RUN_AS' cannot reach $dir: a parent directory is not traversable (e.g. /root is 0700). Use a DIR under /tmp or /var/lib (demo: set CLINIC_PG_DIR)."
    fi
  elif [[ ! -d $dir ]]; then
    mkdir -p -- "$(dirname -- "$dir")"
    mkdir -m 700 -- "$dir"
  fi

  if is_running "$dir"; then
    echo "pg.sh: already running: $dir"
  else
    if [[ ! -f $dir/data/PG_VERSION ]]; then
      [[ ! -e $dir/data ]] || die "$dir/data exists but is not a cluster; remove it or use pg.sh destroy"
      local out
      if ! out=$(as_pg "$BIN/initdb" -D "$dir/data" -E UTF8 --locale=C.UTF-8 -U clinic --auth=trust 2>&1); then
        printf '%s\n' "$out" >&2
        die "initdb failed for $dir/data"
      fi
      # Later lines win in postgresql.conf. UTC everywhere so tests don't depend on the host TZ.
      cat >>"$dir/data/postgresql.conf" <<CONF

# --- clinic-desk (scripts/pg.sh) ---
listen_addresses = ''
unix_socket_directories = '$dir/sock'
port = $PORT
timezone = 'UTC'
log_timezone = 'UTC'
CONF
    fi
    as_pg mkdir -p -m 700 "$dir/sock"
    local opts=()
    [[ ${PG_FAST:-} == 1 ]] && opts=(-o "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
    if ! as_pg "$BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 "${opts[@]}" start >/dev/null; then
      tail -n 20 "$dir/log" >&2 || true
      die "server failed to start (log: $dir/log)"
    fi
  fi

  local i
  for ((i = 0; i < 60; i++)); do
    "$BIN/pg_isready" -q -h "$dir/sock" -p "$PORT" -U clinic -d postgres && return 0
    sleep 0.5
  done
  die "server in $dir did not become ready (log: $dir/log)"
}

cmd_stop() {
  local dir
  dir=$(resolve_dir "${1:-}")
  [[ -d $dir ]] || return 0
  pick_run_as "$dir"
  is_running "$dir" || return 0
  as_pg "$BIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
}

cmd_url() {
  local dir
  dir=$(resolve_dir "${1:-}")
  printf 'postgresql:///%s?host=%s&user=clinic\n' "$(urlenc "${2:-postgres}")" "$(urlenc "$dir/sock" keep-slash)"
}

cmd_createdb() {
  local dir name=${2:-}
  dir=$(resolve_dir "${1:-}")
  [[ -n $name ]] || usage
  # \gexec runs the CREATE only when the SELECT returns a row; psql variables quote safely.
  psql_admin "$dir" -v "dbname=$name" <<'SQL'
SELECT format('CREATE DATABASE %I', :'dbname')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'dbname') \gexec
SQL
}

cmd_destroy() {
  local dir entry
  dir=$(resolve_dir "${1:-}")
  [[ -e $dir ]] || return 0
  # Guard against `destroy ~` and the like: only remove what start creates.
  for entry in "$dir"/* "$dir"/.[!.]*; do
    [[ -e $entry ]] || continue
    case ${entry##*/} in data | sock | log) ;; *) die "refusing to delete $dir: unexpected entry ${entry##*/}" ;; esac
  done
  cmd_stop "$dir"
  rm -rf -- "$dir"
}

case ${1:-} in
  start | stop | url | createdb | destroy) sub=$1; shift; "cmd_$sub" "$@" ;;
  bindir) printf '%s\n' "$BIN" ;;
  *) usage ;;
esac
