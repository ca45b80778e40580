#!/usr/bin/env bash
# Captures psql's output for the end-to-end scripts into expected/, the files ExpectedOutputIT compares with.
# Usage: capture.sh CONNINFO-OF-A-SCRATCH-SERVER [SCRIPT...]   (run from the repository root; psql on PATH)
# Each case runs on a fresh database e2e_capture. Messages are normalised from "psql:" to "shardprep:".
set -euo pipefail
conn="$1"
dir=src/test/resources/e2e
mkdir -p "$dir/expected"
variants=("aligned:" "unaligned:-At" "csv:--csv" "expanded:-x" "echo:-a" "queries:-e" "quiet:-q" "fieldsep:-A -F , -R ;" "stop:-v ON_ERROR_STOP=1" "vars:-v feature=on -v level=2")
scripts=("${@:2}")
[ ${#scripts[@]} -gt 0 ] || scripts=(basics exercise_schema large on_error_stop script_commands conditionals formats meta_commands variables combined_queries)
for script in "${scripts[@]}"; do
  for v in "${variants[@]}"; do
    name="${v%%:*}"; flags="${v#*:}"
    if [ "$script" = large ] && [ "$name" != aligned ] && [ "$name" != csv ]; then continue; fi
    if [ "$script" = script_commands ] && [ "$name" != aligned ] && [ "$name" != stop ]; then continue; fi
    if [ "$script" = formats ] && [ "$name" != aligned ] && [ "$name" != quiet ]; then continue; fi
    if [ "$script" = combined_queries ]; then case "$name" in aligned|echo|queries|quiet|stop) ;; *) continue ;; esac; fi
    if [ "$script" = meta_commands ]; then case "$name" in aligned|echo|queries|quiet|stop) ;; *) continue ;; esac; fi
    if [ "$script" = variables ] && [ "$name" != aligned ] && [ "$name" != quiet ]; then continue; fi
    if [ "$script" = conditionals ]; then case "$name" in aligned|stop|echo|vars) ;; *) continue ;; esac
    elif [ "$name" = vars ]; then continue; fi
    psql -X -q "$conn" -c 'drop database if exists e2e_capture with (force)' -c 'create database e2e_capture' >/dev/null
    out="$dir/expected/$script.$name"
    set +e
    # shellcheck disable=SC2086
    psql -X $flags -f "$dir/$script.sql" "$conn dbname=e2e_capture" >"$out.out" 2>"$out.err"
    echo $? >"$out.status"
    set -e
    sed -i 's/^psql:/shardprep:/' "$out.err"
  done
done
