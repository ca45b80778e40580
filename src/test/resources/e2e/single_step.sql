-- SINGLESTEP (-s): each query shown, then a line of standard input: x cancels it, anything else sends it
select 1 as one;
select 2 as two;
\echo ERROR=:ERROR
select 'select 3 as three' \gexec
select 4 as x \gset
\echo x=:x
\copy (select 5) to stdout
\set ECHO queries
select 6 as six;
\set SINGLESTEP off
select 7 as seven;
