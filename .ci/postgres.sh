#!/usr/bin/env bash
# Start (or reuse) a throw-away PostgreSQL server on 127.0.0.1 for the storage tests.
#
#   eval "$(bash .ci/postgres.sh)"    # prints: export FOLLOWUP_TEST_POSTGRES_URL=...
#   source .ci/postgres.sh            # same, exported into the current shell
#   bash .ci/postgres.sh --stop       # stop it and delete its data
#
# Each run gets a directory of its own (/tmp/followup-pg-run.XXXXXX) and a port nobody
# is listening on, so two checkouts or CI runs on one machine never meet; a port taken
# between the check and the start is retried with another. `--stop` finds the server
# from FOLLOWUP_PG_DIR or, as after the eval above, from the port in
# FOLLOWUP_TEST_POSTGRES_URL, and only among the directories this script made.
# Progress goes to stderr; stdout carries the export line alone. Settings:
# FOLLOWUP_PG_DIR (a fixed directory instead: running it again while that server is up
# only prints the URL again), FOLLOWUP_PG_DB (database name, default followup_test).

_followup_pg() (
    set -euo pipefail

    local dir="${FOLLOWUP_PG_DIR:-}"
    local runs="${TMPDIR:-/tmp}"
    local marker=".followup-pg-run"  # in every directory this script made for one run
    local db="${FOLLOWUP_PG_DB:-followup_test}"
    local superuser="postgres"

    say() { printf 'postgres.sh: %s\n' "$*" >&2; }

    find_bin() {
        local candidate
        if candidate="$(command -v pg_ctl 2>/dev/null)"; then
            dirname "$(readlink -f "$candidate")"
            return 0
        fi
        # Debian keeps the server binaries off PATH, one folder per major version.
        for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
            if [[ -x "$candidate/pg_ctl" && -x "$candidate/initdb" ]]; then
                echo "$candidate"
                return 0
            fi
        done
        return 1
    }

    local bin
    if ! bin="$(find_bin)"; then
        say "installing PostgreSQL with apt-get"
        # The package may start a cluster of its own on 5432; ours never uses that port.
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2
        apt-get install -y -qq --no-install-recommends postgresql >&2
        bin="$(find_bin)" || { say "no pg_ctl after installing postgresql"; return 1; }
    fi

    # The server refuses to run as root; run it as an unprivileged account instead.
    local owner
    owner="$(id -un)"
    run() { "$@"; }
    if [[ "$(id -u)" == 0 ]]; then
        if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
        run() { runuser -u "$owner" -- "$@"; }
    fi

    if [[ "${1:-}" == "--stop" ]]; then
        if [[ -z "$dir" ]]; then
            # The run whose URL this shell holds: its port names the directory.
            local port="${FOLLOWUP_TEST_POSTGRES_URL:-}"
            port="${port##*@127.0.0.1:}"
            port="${port%%/*}"
            local candidate
            for candidate in "$runs"/followup-pg-run.*; do
                if [[ -f "$candidate/$marker" && "$(cat "$candidate/port" 2>/dev/null)" == "$port" ]]; then
                    dir="$candidate"
                fi
            done
            [[ -n "$dir" ]] || { say "no server of this script's on port ${port:-?}"; return 0; }
        fi
        if [[ -d "$dir/data" ]]; then
            (cd / && run "$bin/pg_ctl" -D "$dir/data" -m immediate stop >&2) || true
        fi
        rm -rf "$dir"
        say "stopped and removed $dir"
        return 0
    fi

    url_for() {
        printf 'postgresql+psycopg://%s:%s@127.0.0.1:%s/%s' \
            "$superuser" "$(cat "$dir/password")" "$(cat "$dir/port")" "$db"
    }

    # A fixed directory already serving from an earlier call: reuse it.
    if [[ -n "$dir" && -f "$dir/port" && -f "$dir/password" ]] \
        && (cd / && run "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1); then
        say "reusing the server in $dir"
        printf 'export FOLLOWUP_TEST_POSTGRES_URL=%q\n' "$(url_for)"
        return 0
    fi

    free_port() {
        # From a random start, so runs starting together seldom try the same one.
        local port offset start=$((RANDOM % 1000))
        for offset in $(seq 0 999); do
            port=$((56000 + (start + offset) % 1000))
            if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
                echo "$port"
                return 0
            fi
        done
        return 1
    }

    if [[ -z "$dir" ]]; then
        dir="$(mktemp -d "$runs/followup-pg-run.XXXXXX")"
        touch "$dir/$marker"
    else
        rm -rf "$dir"
        mkdir -p "$dir"
    fi
    head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/password"
    chmod 600 "$dir/password"
    chown -R "$owner" "$dir"

    say "initdb into $dir/data as $owner"
    # cd /: the server account may not be allowed into the caller's working directory.
    (cd / && run "$bin/initdb" -D "$dir/data" -U "$superuser" --pwfile="$dir/password" \
        --auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF8 --no-instructions \
        >"$dir/initdb.log" 2>&1) || { cat "$dir/initdb.log" >&2; return 1; }

    local port attempt started=""
    for attempt in 1 2 3 4 5; do
        port="$(free_port)" || { say "no free port in 56000-56999"; return 1; }
        echo "$port" >"$dir/port"
        say "starting on 127.0.0.1:$port"
        # Durability is pointless for a throw-away test server; speed is not.
        if (cd / && run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off \
                -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
            >&2); then
            started=1
            break
        fi
        say "port $port was taken meanwhile (attempt $attempt); trying another"
    done
    [[ -n "$started" ]] || { cat "$dir/server.log" >&2; return 1; }

    PGPASSWORD="$(cat "$dir/password")" "$bin/psql" -q -h 127.0.0.1 -p "$port" \
        -U "$superuser" -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE DATABASE \"$db\"" >&2
    say "ready: database $db"
    printf 'export FOLLOWUP_TEST_POSTGRES_URL=%q\n' "$(url_for)"
)

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
    # Sourced: export the URL into the caller's shell, leaving its options alone.
    if _followup_pg_line="$(_followup_pg "$@")"; then
        eval "$_followup_pg_line"
    fi
    unset _followup_pg_line
    unset -f _followup_pg
else
    _followup_pg "$@"
fi
