-- psql's own output commands, environment, \errverbose, \gset, \gexec, \gdesc, \sf, \sv
\qecho hello 'quoted world'
\qecho -n no newline
\qecho
\warn to stderr
\warn -n warn without newline
\warn
\echo after
\o /dev/null
\qecho into the void
\o
\setenv SHARDPREP_TEST_VAR some value
\getenv got SHARDPREP_TEST_VAR
\echo :got
\setenv SHARDPREP_TEST_VAR
\getenv got2 SHARDPREP_TEST_VAR
\echo :got2
\setenv
\setenv A=B c
\getenv onlyone
\getenv
\! echo "child sees [$SHARDPREP_CHILD]"
\setenv SHARDPREP_CHILD yes
\! echo "child sees [$SHARDPREP_CHILD]"
\errverbose
select 1/0;
\errverbose
select * from no_such_table;
select 1 as still_there;
\errverbose
\set c was_set
select 1 as a, 'two' as b, null as c \gset
\echo :a :b :c
select 1 as "bad name", 2 as after_bad \gset
\echo :after_bad
select 3 as a, 4 as "x y" \gset p_
\echo :p_a
select 1 as a where false \gset
select 1 as a union all select 2 \gset
select 1 as a, 2 as a \gset q_
\echo :q_a
select 5 as "AUTOCOMMIT" \gset
select 5 as "bad name!" \gset
select 1/0 as z \gset
create table gx(a int);
insert into gx values (1),(2) \gset
select 'select ' || g || ' as n' from generate_series(1,3) g \gexec
select 'create table gexec_t(a int)', 'insert into gexec_t values (7)', null, 'select * from gexec_t' \gexec
select 'select 1/0', 'select 2 as after_error' \gexec
select 'bad' where false \gexec
insert into gx values (3) \gexec
select 1 as one, 'x'::text as two, now() as three \gdesc
select 1/0 \gdesc
select * from nope \gdesc
create table gd(a int) \gdesc
\gdesc
select * from nope \gdesc
\echo :ERROR :SQLSTATE :LAST_ERROR_MESSAGE
\errverbose
select 1 \gdesc
\echo :ERROR :SQLSTATE
\echo '-n' quoted is printed
\qecho "-n" too
\set dash_n -n
\warn :dash_n from a variable is the option
\warn
create function add_one(i int) returns int language sql immutable as $$ select i + 1 $$;
create function greet(who text default 'world') returns text language plpgsql as $$
begin
  return 'hello ' || who;
end
$$;
-- two relations, so that the server qualifies the columns in 15 as in 17
create view v_gx as select g.a, g.a * 2 as double, o.n from gx g join (values (1)) o(n) on g.a > o.n where g.a > 0;
create function ret_two() returns int language sql return 2;
create function add_one(i bigint) returns bigint language sql as $$ select i + 1 $$;
create view "V checked" with (security_barrier) as select g.a from gx g, gx h where g.a > h.a with local check option;
\sf add_one
\sf add_one(int)
\sf+ ret_two
\sv+ "V checked"
\sf+ add_one
\sf greet(text)
\sf+ greet
\sf no_such_function
\sf
\sf gx
\sv v_gx
\sv+ v_gx
\sv gx
\sv no_such_view
\sv
\echo done
