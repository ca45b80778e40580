-- every way a \copy can fail, and what it leaves behind
create table t (a int, b text);
\copy t from 'nope.csv'
\copy t from ./nope.csv with csv
\copy t from sub/../nope.csv
\copy t from .
\copy t to .
\copy t to 'no/such/dir/x.csv'
\copy t from program 'cat nope*.csv' with csv
\copy t from program 'exit 3'
\copy t to program 'cat > /dev/null; exit 2'
\copy t from program 'no_such_command_here'
\copy (select generate_series(1, 100000)) to program 'head -1 > /dev/null'
\copy
\copy t
\copy t frm x
\copy t from
\copy t from program
\copy t from program cat
\copy (select 1 to stdout
\copy t (a, b from stdin
\copy t from stdin with (bogus)
\copy nosuch from stdin
select 'after parse errors' as still_here;
-- a file-level failure inside a transaction leaves it alone
begin;
insert into t values (1, 'kept');
\copy t from 'nope.csv'
\copy t from program 'exit 1'
\copy t frm x
select count(*) as in_tx from t;
commit;
-- a bad row inside a transaction fails the transaction, as psql
begin;
\copy t from stdin
2	fine
x	bad
\.
select 1 as aborted;
rollback;
copy t from stdin with csv;
3,ok
4,ok,extra
\.
copy nosuch from stdin;
select 'after nosuch' as where_we_are;
select count(*) from t;
