-- \restrict KEY (pg_dump's scripts begin with it since 15.14): every other backslash command is refused, its line
-- dropped, until \unrestrict KEY; SQL still runs
\unrestrict abc
\restrict
\restrict abc extra
select 1 as one;
\echo no
\set x 1 \echo also
\if true
\endif
\unrestrict wrong
\unrestrict
\unrestrict abc
\echo yes
