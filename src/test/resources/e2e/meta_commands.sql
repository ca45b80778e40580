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
-- \crosstabview, from psql_crosstab.sql
create temp table ctv_data (v, h, c, i, d) as values
   ('v1','h2','foo', 3, '2015-04-01'::date),
   ('v2','h1','bar', 3, '2015-01-02'),
   ('v1','h0','baz', NULL, '2015-07-12'),
   ('v0','h4','qux', 4, '2015-07-15'),
   ('v0','h4','dbl', -3, '2014-12-15'),
   ('v0',NULL,'qux', 5, '2014-07-15'),
   ('v1','h2','quux',7, '2015-04-04');
SELECT v, EXTRACT(year FROM d), count(*) FROM ctv_data GROUP BY 1, 2 ORDER BY 1, 2
 \crosstabview
\echo :ERROR
SELECT v, h, string_agg(c, E'\n') FROM ctv_data GROUP BY v, h ORDER BY 1,2,3
 \crosstabview v h 3
SELECT v,h,string_agg(c, E'\n') AS c, row_number() OVER(ORDER BY h) AS r FROM ctv_data GROUP BY v, h ORDER BY 1,3,2
 \crosstabview v h c r
SELECT 1 \crosstabview
SELECT v, h, c FROM ctv_data \crosstabview
\echo :ERROR
SELECT v,h,c,i FROM ctv_data \crosstabview
SELECT v,h,c FROM ctv_data \crosstabview 5
SELECT v,h,c FROM ctv_data \crosstabview V nope
SELECT v,h,c FROM ctv_data \crosstabview v v
SELECT v,h,c as "V" FROM ctv_data where false \crosstabview "V" h v
create table ctv_x(a int) \crosstabview
\pset null '#null#'
\pset title 'T'
SELECT v,h,i FROM ctv_data \crosstabview 1 2 3 3
\pset title
SELECT 1/0, 2, 3 \crosstabview
\pset null
\echo done
-- \g (OPTIONS): \pset settings for that query only; \p shows what \g would send, the previous query too (psql.sql)
SELECT 1 as one, 2 as two \g (format=csv csv_fieldsep='\t')
\g
SELECT 1 as one, 2 as two \gx (title='foo bar')
\g
select 5 as five \g (format=unaligned tuples_only)
\p
SELECT 2 \r
\p
SELECT 3
UNION SELECT 4 \p
ORDER BY 1;
\r
\p
-- \gdesc sets ROW_COUNT to the rows of its description (psql.sql)
select 1 as one, 2 as two, 3 as three \gdesc
\echo 'number of rows:' :ROW_COUNT
create table gd2(a int) \gdesc
\echo 'number of rows:' :ROW_COUNT
-- \p after \gexec shows the \gexec query, not the last one it ran
select 'select 1 as x' \gexec
\p
\g (foo)
\g (format=csv
\echo done
