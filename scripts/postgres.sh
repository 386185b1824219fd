#!/usr/bin/env bash
# A private, throw-away PostgreSQL server for tests and benchmarks.
#
#   scripts/postgres.sh start        # prints DIR on line 1 and the DSN on line 2
#   scripts/postgres.sh stop DIR     # stops that server and removes DIR
#   scripts/postgres.sh install      # installs Debian's postgresql when missing
#
# start installs Debian's postgresql when its binaries are missing (root
# only: apt-get update && apt-get install -y postgresql), creates a fresh
# cluster with initdb in a new temporary directory (as the postgres user when
# run as root: initdb refuses root), starts it with pg_ctl on a free loopback
# port (and its socket inside DIR), creates the database "eventgraph", and
# prints:
#
#   /tmp/eventgraph-pg.XXXXXX
#   postgres://postgres@127.0.0.1:PORT/eventgraph?sslmode=disable
#
# Nothing is kept outside DIR except the apt package. The server runs with
# fsync off (test data); set PG_FSYNC=on for durable settings. Clusters left
# behind by a process that died (its owner PID, OWNER_PID or the caller, is
# gone) are removed by the next start. Exit status 3 means "impossible here"
# (no binaries and no way to install them): callers may skip on it.
set -euo pipefail

die() {
	echo "postgres.sh: $*" >&2
	exit "${2:-1}"
}

# pg_bindir prints the directory of initdb/pg_ctl/postgres, newest version first.
pg_bindir() {
	local d
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V -r); do
		if [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]]; then
			echo "$d"
			return 0
		fi
	done
	if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
		dirname "$(readlink -f "$(command -v initdb)")"
		return 0
	fi
	return 1
}

install_pg() {
	if pg_bindir >/dev/null; then
		return 0
	fi
	if [[ "$(id -u)" != 0 ]]; then
		die "PostgreSQL is not installed and this user is not root: install it (apt-get install -y postgresql)" 3
	fi
	command -v apt-get >/dev/null || die "PostgreSQL is not installed and there is no apt-get here" 3
	echo "postgres.sh: PostgreSQL is missing; installing Debian's postgresql" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 || die "apt-get update failed"
	# The package's own cluster (main, port 5432) may fail to start in a
	# container without an init system; that does not matter here.
	apt-get install -y -qq postgresql >&2 || pg_bindir >/dev/null || die "apt-get install postgresql failed"
	pg_bindir >/dev/null || die "postgresql installed but initdb/pg_ctl not found"
}

# run_as_owner runs a command as the cluster's owner.
run_as_owner() {
	if [[ "$(id -u)" == 0 ]]; then
		runuser -u "$OWNER" -- "$@"
	else
		"$@"
	fi
}

port_free() {
	! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# reap removes clusters whose owner process is gone.
reap() {
	local d pid bin
	for d in /tmp/eventgraph-pg.*; do
		[[ -d "$d" && -f "$d/owner_pid" ]] || continue
		pid="$(cat "$d/owner_pid" 2>/dev/null || true)"
		if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
			continue
		fi
		echo "postgres.sh: removing $d (its owner $pid is gone)" >&2
		stop_dir "$d" || true
	done
}

stop_dir() {
	local dir="$1" bin
	[[ -d "$dir" ]] || return 0
	case "$dir" in /tmp/eventgraph-pg.*) ;; *) die "refusing to remove $dir: not a directory made by postgres.sh" ;; esac
	bin="$(cat "$dir/bindir" 2>/dev/null || pg_bindir || true)"
	if [[ -f "$dir/data/postmaster.pid" && -n "$bin" ]]; then
		OWNER="$(stat -c %U "$dir/data")"
		run_as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
}

start() {
	install_pg
	local bin dir port i
	bin="$(pg_bindir)"
	reap
	OWNER="$(id -un)"
	if [[ "$(id -u)" == 0 ]]; then
		OWNER=postgres
		id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres ||
			die "cannot create the postgres user to run the server as"
	fi
	dir="$(mktemp -d /tmp/eventgraph-pg.XXXXXX)"
	chmod 755 "$dir"
	echo "${OWNER_PID:-$PPID}" >"$dir/owner_pid"
	echo "$bin" >"$dir/bindir"
	mkdir "$dir/data"
	[[ "$(id -u)" == 0 ]] && chown "$OWNER" "$dir" "$dir/data"
	run_as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; rm -rf "$dir"; die "initdb failed"; }
	local fsync="${PG_FSYNC:-off}"
	for i in 1 2 3 4 5 6 7 8; do
		port=$((20000 + RANDOM % 30000))
		port_free "$port" || continue
		if run_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 \
			-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=$fsync -c synchronous_commit=$fsync -c full_page_writes=$fsync -c max_connections=200" \
			start >/dev/null 2>&1; then
			echo "$port" >"$dir/port"
			run_as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -qAt -c 'CREATE DATABASE eventgraph' >/dev/null ||
				{ stop_dir "$dir"; die "CREATE DATABASE failed"; }
			echo "$dir"
			echo "postgres://postgres@127.0.0.1:$port/eventgraph?sslmode=disable"
			return 0
		fi
	done
	cat "$dir/data/server.log" >&2 2>/dev/null || true
	stop_dir "$dir"
	die "could not start PostgreSQL on a free port"
}

case "${1:-}" in
start) start ;;
stop)
	[[ -n "${2:-}" ]] || die "usage: $0 stop DIR"
	stop_dir "$2"
	;;
install) install_pg ;;
*) die "usage: $0 start | stop DIR | install" 2 ;;
esac
