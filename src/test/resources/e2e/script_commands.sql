-- Script-level commands: includes, output redirection, shell escapes, variables, print settings.
\ir inner.sql
\cd src/test/resources/e2e/includes
\! pwd | sed 's|.*/||'
\i deeper.sql
\o out.txt
select 3 as to_file;
\o
\! cat out.txt; rm out.txt
\g | cat
select 4 as piped \g | tr a-z A-Z
\i nosuchfile.sql
\cd nosuchdir
\set ON_ERROR_ROLLBACK on
begin;
create table rb(a int);
insert into rb values (1);
select 1/0;
insert into rb values (2);
commit;
select count(*) from rb;
\set AUTOCOMMIT off
insert into rb values (3);
rollback;
select count(*) from rb;
\set AUTOCOMMIT on
\unset ON_ERROR_ROLLBACK
\encoding
\pset null '(null)'
\pset border 2
select null as n;
\pset
\a
\t
select 1, 2;
\t
\pset format csv
select 1 as a;
\set foo bar
\echo :foo :'foo' :"foo" :nosuch
select :'foo' as interpolated, :foo_missing_is_kept_as_typed;
\unset foo
\echo :foo
\x auto
\pset format aligned
\pset tuples_only off
\pset footer off
select 5;
\pset footer
\pset title 'A title'
select 6;
\C
\f ;
\pset bogus
select 1/0;
\echo :ERROR :SQLSTATE :LAST_ERROR_SQLSTATE
\echo :LAST_ERROR_MESSAGE
