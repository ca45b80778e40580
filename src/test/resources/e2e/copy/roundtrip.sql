-- \copy to a file and back, to stdout, from the script's own lines; raw COPY with data in the script
create table t (a int, b text, c numeric);
\copy t from stdin
1	one	1.5
2	two, with comma	2.5
3	\N	3
\.
select count(*) as after_stdin from t;
\copy t to 't.tsv'
\copy t (a, c) to t_csv.csv with (format csv, header)
create table t2 (like t);
\copy t2 from t.tsv
create table t3 (a int, c numeric);
\copy t3 (a, c) from 't_csv.csv' csv header;
select (select count(*) from t2) as t2, (select count(*) from t3) as t3;
\copy (select a, b from t order by a) to stdout with csv
\copy (select a, 'x  y' as "q) z" from t where a < 3 order by a) to stdout csv header
\copy t to stdout
\COPY public.t(a) TO STDOUT
\copy t to program 'sort -r > sorted.tsv'
\copy t2 from program 'cat sorted.tsv'
select count(*) as t2_now from t2;
copy t from stdin;
4	four	4.25
\.
copy t from stdin with (format csv);
5,"five, quoted",5
\.
/* a comment first */ COPY t (a) FROM STDIN;
6
\.
copy t to stdout with csv;
copy (select count(*) from t) to stdout;
\copy t from stdin with csv header
a,b,c
7,seven,7
\.
select a, b, c from t order by a;
\set QUIET on
\copy t from stdin
8	eight	8
\.
\copy t to stdout
\set QUIET off
select count(*) from t;
