-- \set SINGLELINE on mid-script: the lines before it join, the lines after it end statements
select 1
+ 1 as joined;
\set SINGLELINE on
select 2 as alone
select 3
\echo :SINGLELINE
\unset SINGLELINE
select 4
as joined_again;
