-- psql's special variables: bad values refused with psql's message (the old value stays), \unset back to
-- the default; ERROR, SQLSTATE, ROW_COUNT and LAST_ERROR_* after statements
\set AUTOCOMMIT foo
\echo :AUTOCOMMIT
\set AUTOCOMMIT of
\echo :AUTOCOMMIT
\unset AUTOCOMMIT
\echo :AUTOCOMMIT
\set AUTOCOMMIT on
\set FETCH_COUNT x
\set FETCH_COUNT 10x
\set FETCH_COUNT ' 10'
\echo :FETCH_COUNT
\set FETCH_COUNT
\set FETCH_COUNT 99999999999
\set FETCH_COUNT 0x10
\echo :FETCH_COUNT
\unset FETCH_COUNT
\echo :FETCH_COUNT
\set VERBOSITY foo
\set VERBOSITY TERSE
\echo :VERBOSITY
\unset VERBOSITY
\echo :VERBOSITY
\set ECHO_HIDDEN x
\set ECHO_HIDDEN NOEXEC
\echo :ECHO_HIDDEN
\unset ECHO_HIDDEN
\echo :ECHO_HIDDEN
\set ON_ERROR_ROLLBACK inter
\set ON_ERROR_ROLLBACK Interactive
\echo :ON_ERROR_ROLLBACK
\set ON_ERROR_ROLLBACK
\echo :ON_ERROR_ROLLBACK
\unset ON_ERROR_ROLLBACK
\echo :ON_ERROR_ROLLBACK
\set ON_ERROR_STOP maybe
\set QUIET o
\set SINGLELINE x
\set SINGLESTEP x
\set SHOW_ALL_RESULTS x
\set HIDE_TABLEAM x
\set HIDE_TOAST_COMPRESSION ' on'
\set COMP_KEYWORD_CASE x
\set COMP_KEYWORD_CASE Lower
\unset COMP_KEYWORD_CASE
\echo :COMP_KEYWORD_CASE
\set HISTCONTROL x
\unset HISTCONTROL
\echo :HISTCONTROL
\set HISTSIZE x
\unset HISTSIZE
\echo :HISTSIZE
\set IGNOREEOF x
\echo :IGNOREEOF
\set IGNOREEOF
\echo :IGNOREEOF
\set IGNOREEOF 3
\echo :IGNOREEOF
\unset IGNOREEOF
\echo :IGNOREEOF
\set SHOW_CONTEXT x
\set SHOW_CONTEXT
\unset SHOW_CONTEXT
\echo :SHOW_CONTEXT
\set ECHO x
\set ECHO
\unset ECHO
\echo :ECHO
\set QUIET
\echo :QUIET
\unset QUIET
\echo :QUIET
\set HIDE_TABLEAM
\echo :HIDE_TABLEAM :HIDE_TOAST_COMPRESSION :SHOW_ALL_RESULTS :SINGLELINE :SINGLESTEP :ON_ERROR_STOP
\echo :LAST_ERROR_MESSAGE :LAST_ERROR_SQLSTATE
\echo :ROW_COUNT :ERROR :SQLSTATE
\set plain value
\unset plain
\echo :plain
select 1/0;
\echo :ERROR :SQLSTATE :ROW_COUNT :LAST_ERROR_SQLSTATE :LAST_ERROR_MESSAGE
select 1 union select 2;
\echo :ERROR :SQLSTATE :ROW_COUNT :LAST_ERROR_SQLSTATE :LAST_ERROR_MESSAGE
create temp table t (a int);
\echo :ROW_COUNT
insert into t select generate_series(1, 5);
\echo :ROW_COUNT
update t set a = a + 1 where a > 2;
\echo :ROW_COUNT
delete from t where a = 1;
\echo :ROW_COUNT
\set FETCH_COUNT 2
select * from t;
\echo :ROW_COUNT
\unset FETCH_COUNT
copy t to stdout;
\echo :ROW_COUNT
create temp table c (a int);
copy c from stdin;
1
2
\.
\echo :ROW_COUNT
copy (select 1) to stdout;
\echo :ROW_COUNT
select 1 \; select 2, 3 \; create temp table u(a int);
\echo :ROW_COUNT
select 1 as a \; select generate_series(1,3);
\echo :ROW_COUNT
create temp table w as select 1 a;
\echo :ROW_COUNT
begin;
declare c cursor for select generate_series(1,5);
fetch 2 from c;
\echo :ROW_COUNT
move 2 in c;
\echo :ROW_COUNT
commit;
\echo :ROW_COUNT
select 1 where false;
\echo :ROW_COUNT
-- from psql's own regression test (psql.sql, "tests for special result variables")
SELECT 1 AS stuff UNION SELECT 2;
\echo 'error:' :ERROR
\echo 'error code:' :SQLSTATE
\echo 'number of rows:' :ROW_COUNT
SELECT 1 UNION x;
\echo 'error:' :ERROR :SQLSTATE :ROW_COUNT
;
\echo 'error:' :ERROR
\echo 'error code:' :SQLSTATE
\echo 'number of rows:' :ROW_COUNT
-- must have kept previous values
\echo 'last error message:' :LAST_ERROR_MESSAGE
\echo 'last error code:' :LAST_ERROR_SQLSTATE
\set VERBOSITY sqlstate
SELECT 1/0;
\echo 'error:' :ERROR :SQLSTATE :LAST_ERROR_MESSAGE
\set VERBOSITY default
\set FETCH_COUNT 10
select g from generate_series(0, 18) g;
\echo 'error:' :ERROR :SQLSTATE :ROW_COUNT
select 1/(15-g) from generate_series(0, 18) g;
\echo 'error:' :ERROR :SQLSTATE :ROW_COUNT :LAST_ERROR_MESSAGE :LAST_ERROR_SQLSTATE
\unset FETCH_COUNT
-- LASTOID: set where psql shows a command's tag (QUIET or not), the OID of an INSERT's tag
copy (select 1) to stdout;
\echo :LASTOID
create temp table lo (a int);
\unset LASTOID
copy lo from stdin;
1
\.
\echo :LASTOID
\unset LASTOID
insert into lo values (2) returning a;
\echo :LASTOID
\unset LASTOID
select 1 \g /dev/null
\echo :LASTOID
-- SHOW_CONTEXT

\set SHOW_CONTEXT never
do $$
begin
  raise notice 'foo';
  raise exception 'bar';
end $$;

\set SHOW_CONTEXT errors
do $$
begin
  raise notice 'foo';
  raise exception 'bar';
end $$;

\set SHOW_CONTEXT always
do $$
begin
  raise notice 'foo';
  raise exception 'bar';
end $$;

\set SHOW_CONTEXT errors
\set ON_ERROR_STOP 1
\set AUTOCOMMIT x
\echo not reached
