#!/bin/bash
# Captures the expected outputs under psql/ from the real psql 15 (Debian 15.20 since psql 15.20 sizes expanded data to the record header in every format; 15.18 before)
# against a PostgreSQL 15 server:  PGPASSWORD=postgres ./capture.sh
# The datasets are mirrored (as text + type OIDs) in PsqlFixtures.java.
set -u
cd "$(dirname "$0")/psql"
P="psql -X -q -h localhost -U postgres -d scratch"

A="select * from (values (1, 'foo'::text, 1.5::numeric), (22, null, -3.25), (333, 'héllo', null), (-4, '日本語', 1000000)) t(id, name, amount)"
B="select * from (values (1, E'line1\nline2\nl3', 'x'::text), (22, 'single', E'a\nbb')) t(n, \"multi
line\", c)"
C="select * from (values (1, 'a,b', 'say \"hi\"'), (2, E'two\nlines', ''), (3, null, '\\.'), (4, ' sp ', E'cr\rx')) t(id, v, w)"
E="select 1 as a, 'x'::text as b where false"
Z="select"
W="select 1 as very_long_column_name, 'a much longer value than the header'::text as s, 12345678901234::int8 as n"
S="select E'a\tb' as tab, E'x\u0001y' as ctl, 'wide日本' as w, E'e\u0301' as comb"
M="select E'aaa\nb' as x, 1 as y, E'c\nd\ne' as z"

cap() { name=$1; shift; "$@" > "$name.out" 2>&1; }

for ds in A B C E Z W S M; do
  q=${!ds}
  cap "$ds-b1"        $P -c "$q"
  cap "$ds-b0"        $P -P border=0 -c "$q"
  cap "$ds-b2"        $P -P border=2 -c "$q"
  cap "$ds-t"         $P -t -c "$q"
  cap "$ds-b0-t"      $P -t -P border=0 -c "$q"
  cap "$ds-b2-t"      $P -t -P border=2 -c "$q"
  cap "$ds-x"         $P -x -c "$q"
  cap "$ds-x-b0"      $P -x -P border=0 -c "$q"
  cap "$ds-x-b2"      $P -x -P border=2 -c "$q"
  cap "$ds-x-t"       $P -x -t -c "$q"
  cap "$ds-x-b0-t"    $P -x -t -P border=0 -c "$q"
  cap "$ds-x-b2-t"    $P -x -t -P border=2 -c "$q"
  cap "$ds-A"         $P -A -c "$q"
  cap "$ds-At"        $P -A -t -c "$q"
  cap "$ds-Ax"        $P -A -x -c "$q"
  cap "$ds-Axt"       $P -A -x -t -c "$q"
  cap "$ds-csv"       $P --csv -c "$q"
  cap "$ds-csv-t"     $P --csv -t -c "$q"
  cap "$ds-csv-x"     $P --csv -x -c "$q"
  cap "$ds-null"      $P -P null='(null)' -c "$q"
  cap "$ds-title"     $P -P title='The Title' -c "$q"
  cap "$ds-x-title"   $P -x -P title='The Title' -c "$q"
  cap "$ds-A-title"   $P -A -P title='The Title' -c "$q"
  cap "$ds-nofooter"  $P -P footer=off -c "$q"
  cap "$ds-A-sep"     $P -A -F ';' -R '#' -c "$q"
  cap "$ds-csv-sep"   $P --csv -P csv_fieldsep=';' -c "$q"
  cap "$ds-null-A"    $P -A -P null='(null)' -c "$q"
  cap "$ds-null-csv"  $P --csv -P null='NULL' -c "$q"
done

# expanded=auto with a fixed terminal width (psql uses \pset columns when set)
cap "A-xauto-20" $P -P expanded=auto -P columns=20 -c "$A"
cap "A-xauto-80" $P -P expanded=auto -P columns=80 -c "$A"

# errors and notices (the query text is exactly the -c string)
cap err-nosuchtable $P -c "select * from nosuchtable;"
cap err-line3 $P -c "select 1,
  2,
  3 + nosuchcol
from pg_class;"
cap err-long $P -c "select 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbb', nosuchcol from pg_class;"
cap err-longmid $P -c "select 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', nosuchcol, 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' from pg_class;"
cap err-longstart $P -c "select nosuchcol, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' from pg_class;"
cap err-multibyte $P -c "select '日本語日本語', nosuchcol;"
cap err-tab $P -c "select	1,	nosuchcol;"
cap err-div0 $P -c "select 1/0;"
cap err-unique $P -c "create temp table u(id int primary key); insert into u values (1); insert into u values (1);"
cap err-fk $P -c "create temp table p(id int primary key); create temp table c(pid int references p); insert into c values (7);"
cap err-plpgsql $P -c "do \$\$ begin perform 1/0; end \$\$;"
cap err-plpgsql-query $P -c "do \$\$ declare x int; begin select nosuchcol into x from pg_class; end \$\$;"
cap err-syntax $P -c "selec 1;"
cap err-nofunc $P -c "select nosuchfunc(1);"
cap err-dependent $P -c "create temp table p(id int primary key); create temp table c(pid int references p); drop table p;"
cap notice-do $P -c "do \$\$ begin raise notice 'hi'; end \$\$;"
cap notice-hint $P -c "do \$\$ begin raise notice 'hi' using detail = 'some detail', hint = 'a hint'; end \$\$;"
cap warning-do $P -c "do \$\$ begin raise warning 'careful'; end \$\$;"
cap err-nosuchtable-verbose $P -v VERBOSITY=verbose -c "select * from nosuchtable;"
cap err-unique-verbose $P -v VERBOSITY=verbose -c "create temp table u(id int primary key); insert into u values (1); insert into u values (1);"
cap err-nosuchtable-terse $P -v VERBOSITY=terse -c "select * from nosuchtable;"
cap err-nosuchtable-sqlstate $P -v VERBOSITY=sqlstate -c "select * from nosuchtable;"
cap err-plpgsql-ctx-never $P -v SHOW_CONTEXT=never -c "do \$\$ begin perform 1/0; end \$\$;"
cap notice-ctx-always $P -v SHOW_CONTEXT=always -c "do \$\$ begin raise notice 'hi'; end \$\$;"

# the temp schema of a backend (pg_temp_3, pg_temp_4, ...) is not stable between runs
sed -i 's/pg_temp_[0-9]*/pg_temp_N/' err-unique-verbose.out
