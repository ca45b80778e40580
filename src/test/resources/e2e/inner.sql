select 1 as from_inner;
\ir includes/deeper.sql
