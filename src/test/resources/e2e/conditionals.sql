-- psql's \if, \elif, \else, \endif; the variants run it with and without -v feature=on -v level=2.
\echo start
\if :{?feature}
  \echo feature set to :feature
\else
  \echo feature not set :feature
\endif
\if :feature
  select 'feature on' as f;
\elif :{?level}
  select 'level' as l, :level as v;
\else
  select 'neither';
\endif
-- nothing in a branch that does not run is sent, set, evaluated or quits
\if false
  select 1/0;
  \echo `echo backtick ran` :feature
  \set skipped `echo yes`
  load-all --from nowhere.zip
  \if true
    \echo inner not shown
  \else
    \echo inner else not shown
  \endif
  select :'feature' \g
  \copy (select 1) to stdout
  \q
\elif 0
  \echo no
\elif yes
  \echo yes branch
  \if ofF
    \echo off?
  \elif Tr
    \echo tr prefix
  \endif
\else
  \echo not here
\endif
\echo skipped is :{?skipped}
-- query text typed in a branch that does not run is cut off again at its end
select 'kept'
\if false
  , 'dropped'
\endif
;
select (1
\if false
  + (2
\else
  + 3
\endif
) as paren;
select 'before' \if true \echo same line \endif
;
-- COPY data in a branch that does not run is just more ignored text
create table cond_copy(a int);
\if false
\copy cond_copy from stdin
1
2
\.
\else
\copy cond_copy from stdin
3
\.
\endif
select count(*) from cond_copy;
-- not booleans: reported, and the branch does not run
\if o
  \echo o true
\else
  \echo o was false
\endif
\if of
\echo of true
\else
\echo of is off
\endif
\if banana split
\echo banana
\else
\echo banana false
\endif
\if
\echo empty
\endif
\if ' true'
\echo spaced
\endif
\if `echo TRUE`
\echo backtick true
\endif
\if 1 \echo one \endif
\ir conditional_open.sql
\echo after the include
\if true
\else
\else \echo rest of the line dropped
\elif true
\endif
\else
\elif true
\endif
\echo open at eof
\if false
\echo inside
select 'never sent'
