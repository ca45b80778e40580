-- \dO as psql 15 lists collations on a PostgreSQL 15 (psql 15 cannot read pg_collation of 17: psql 17's columns there).
\set VERBOSITY terse
create schema coll;
create collation coll.bytewise (locale = 'C');
comment on collation coll.bytewise is 'byte order';
create collation coll.posix_copy from "POSIX";
set search_path = coll, public;
\dO
\dO+
\dO coll.*
\dOS+ ucs_basic
\dO nosuch
\dO a.b.c.d
\dO other_db.coll.bytewise
\x on
\dO bytewise
