-- ECHO_HIDDEN (-E): a backslash command's catalog queries are printed before they are sent; with noexec printed
-- and not sent (the command then fails without a message). System objects only: their oids, which the queries
-- name, are the same on every server.
\echo :ECHO_HIDDEN
\set ECHO_HIDDEN on
\dt
\d pg_catalog.pg_am
\d pg_toast.pg_toast_2619
\sf abs(int)
\dx plpgsql
\dconfig nosuch_setting
\lo_list
\d nosuch
\dT int4
select 1 as a \gdesc
\set ECHO_HIDDEN noexec
\echo :ECHO_HIDDEN
\d pg_catalog.pg_am
\sf abs(int)
\dt
\echo after noexec
\set ECHO_HIDDEN off
\dT int4
-- \sv quotes names and options as psql's fmtId does: a value that is a keyword or needs quotes is quoted (the view
-- reads no column: pg_get_viewdef qualifies column names on 15, not on 16 and later, so it can have no check option)
create schema "Odd Schema";
create table "Odd Schema".t (a int);
create view "Odd Schema"."V" with (security_barrier = off, security_invoker = true) as select 1 as one from "Odd Schema".t;
\sv "Odd Schema"."V"
\sv+ "Odd Schema"."V"
\sv "Odd Schema".t
