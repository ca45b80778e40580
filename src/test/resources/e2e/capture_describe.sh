#!/usr/bin/env bash
# Captures psql 15's output for the describe scripts into expected/, the files DescribeParityIT compares with.
# Usage: capture_describe.sh CONNINFO-OF-A-SCRATCH-SERVER   (run from the repository root; psql on PATH;
# the server should be the tests' version, the embedded PostgreSQL 17, with user citus)
# Each case runs on a fresh database e2e_capture. Messages are normalised from "psql:" to "shardprep:".
set -euo pipefail
conn="$1"
dir=src/test/resources/e2e
mkdir -p "$dir/expected"
capture() {
  name="$1"; shift
  psql -X -q "$conn" -c 'drop database if exists e2e_capture with (force)' -c 'create database e2e_capture' >/dev/null
  out="$dir/expected/$name"
  set +e
  psql -X "$@" "$conn dbname=e2e_capture" >"$out.out" 2>"$out.err"
  echo $? >"$out.status"
  set -e
  sed -i 's/^psql:/shardprep:/' "$out.err"
}
capture describe_catalog -f "$dir/describe_catalog.sql"
capture describe_catalog.stop -v ON_ERROR_STOP=1 -f "$dir/describe_catalog.sql"
capture describe_before -f "$dir/describe_before.sql"
capture describe_after -f "$dir/exercise_schema.sql" -f "$dir/describe_after.sql"
capture describe_before.quiet -q -f "$dir/describe_before.sql"
capture describe_before.stop -v ON_ERROR_STOP=1 -f "$dir/describe_before.sql"
capture describe_more -f "$dir/describe_more.sql"
capture describe_echo_hidden -f "$dir/describe_echo_hidden.sql"
capture describe_echo_hidden.E -E -v ON_ERROR_STOP=1 -f "$dir/describe_echo_hidden.sql"
