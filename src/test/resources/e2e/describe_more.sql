-- The catalog listings of psql 15's describe.c beyond \d: access methods and operator families, partitioned
-- relations, operators and functions with argument-type patterns, types, privileges, default privileges and
-- configuration parameters. Objects are owned by pg_database_owner so no output names the user running it.
CREATE TABLE measurements (city int, logdate date, peak int) PARTITION BY RANGE (logdate);
CREATE TABLE measurements_2024 PARTITION OF measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (city);
CREATE TABLE measurements_2024_1 PARTITION OF measurements_2024 FOR VALUES IN (1);
CREATE INDEX measurements_peak ON measurements (peak);
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE pair AS (a int, b text);
COMMENT ON TYPE mood IS 'how it went';
CREATE FUNCTION mood_plus(mood, int) RETURNS int LANGUAGE sql AS 'SELECT $2';
CREATE FUNCTION mood_neg(mood) RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE OPERATOR ||| (LEFTARG = mood, RIGHTARG = int, FUNCTION = mood_plus);
CREATE OPERATOR ~~~ (RIGHTARG = mood, FUNCTION = mood_neg);
CREATE TABLE secrets (id int, note text);
ALTER TABLE secrets ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON secrets USING (id > 0);
ALTER TABLE measurements OWNER TO pg_database_owner;
ALTER TABLE measurements_2024 OWNER TO pg_database_owner;
ALTER TABLE measurements_2024_1 OWNER TO pg_database_owner;
ALTER TABLE secrets OWNER TO pg_database_owner;
ALTER TYPE mood OWNER TO pg_database_owner;
ALTER TYPE pair OWNER TO pg_database_owner;
ALTER FUNCTION mood_plus(mood, int) OWNER TO pg_database_owner;
ALTER FUNCTION mood_neg(mood) OWNER TO pg_database_owner;
GRANT SELECT ON secrets TO pg_read_all_data;
GRANT UPDATE (note) ON secrets TO pg_write_all_data;
ALTER DEFAULT PRIVILEGES FOR ROLE pg_database_owner IN SCHEMA public GRANT SELECT ON TABLES TO pg_read_all_data;
ALTER DEFAULT PRIVILEGES FOR ROLE pg_database_owner GRANT USAGE ON TYPES TO pg_read_all_data;
\dA
\dA+ b*
\dA foo bar
\dAc brin oid*
\dAc+ btree pg_catalog.int4
\dAf hash int4
\dAf+ * int2
\dAo gist box_ops
\dAo+ btree integer_ops
\dAp btree text_ops
\dAp+ hash pg_catalog.uuid_ops
\dA nonesuch.heap
\dAc "no.such.schema"."no.such.class"
\dP
\dPt
\dPi
\dPn
\dP+
\dPtn+
\dP measurements*
\dPx
\dPtx
\do
\do+ |||
\do ~~~ mood
\do - pg_catalog.int4
\do && anyarray *
\doS ||/
\df mood_*
\df mood_plus mood int
\df int*pl - int4
\df has_database_privilege oid text -
\df acl* aclitem[]
\df+ mood_neg mood
\dT
\dT+
\dT int
\dTS+ int4
\dT int4[]
\dp
\dp secret*
\z
\z pg_catalog.pg_class
\ddp
\ddp public
\ddp nonesuch.pg_catalog.pg_class
\dconfig work_mem
\dconfig+ work*
\dconfig plpgsql.*
\dp a.b.c.d
\dT nonesuch.public.widget
-- a TOAST table: its owning table (pg_statistic's, whose TOAST table has a known name)
\d pg_toast.pg_toast_2619
