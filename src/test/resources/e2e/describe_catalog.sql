-- The catalog lists of psql 15's describe.c: \da \db \dc \dC \dd \dD \des \dew \det \deu \dF* \dL \drds \dRp \dRs
-- \dX \dy \dl / \lo_list, with S and +, patterns, and bad patterns (\dO differs on 16 and later: describe_collations.sql).
\set VERBOSITY terse
create schema cat;
create function cat.first_agg(anyelement, anyelement) returns anyelement language sql immutable as 'select $1';
create aggregate cat.first(anyelement) (sfunc = cat.first_agg, stype = anyelement);
create aggregate cat.cnt(*) (sfunc = int8inc, stype = int8, initcond = '0');
comment on aggregate cat.first(anyelement) is 'the first value';
set search_path = cat, public;
\da
\da first
\da cat.*
\daS bool_and
\da+ cnt
\da nosuch
\da a.b.c.d
\da other_db.cat.first
-- tablespaces: only the built-in ones (their owner is the server's superuser, so only by pattern that matches none)
\db nosuch
\db+ nosuch
\db a.b
-- conversions
create conversion cat.myconv for 'LATIN1' to 'UTF8' from iso8859_1_to_utf8;
comment on conversion cat.myconv is 'my conversion';
\dc
\dc+
\dc myconv
\dcS+ utf8_to_koi8r
\dc x.y.z.w
-- casts
create type cat.mood as enum ('sad', 'ok');
create function cat.mood_text(cat.mood) returns text language sql immutable as $$select $1::text$$;
create cast (cat.mood as text) with function cat.mood_text(cat.mood);
comment on cast (cat.mood as text) is 'mood as words';
\dC mood
\dC+ mood
\dC+ cat.mood

\dC nosuch
-- object descriptions
create table cat.t (id int constraint t_pos check (id > 0), b int);
comment on constraint t_pos on cat.t is 'positive ids';
create rule t_rule as on update to cat.t do also notify t;
comment on rule t_rule on cat.t is 'notify on update';
create function cat.trg() returns trigger language plpgsql as $$begin return new; end$$;
create trigger t_trg before insert on cat.t for each row execute function cat.trg();
comment on trigger t_trg on cat.t is 'a trigger';
\dd
\dd t_*
\ddS t_pos
\dd cat.t_rule
-- domains
-- (no NOT NULL: from 17 the server keeps it as a constraint, which psql 15 then lists under Check too)
create domain cat.posint as int default 1 check (value > 0);
create domain cat.word as text collate "C" check (value <> '');
comment on domain cat.posint is 'positive';
\dD
\dD+
\dD pos*
\dDS+ posint
\dD cat.nosuch
-- foreign data
create foreign data wrapper dummy_fdw options (debug 'true');
comment on foreign data wrapper dummy_fdw is 'does nothing';
create server dummy_srv foreign data wrapper dummy_fdw options (host 'h', port '1');
comment on server dummy_srv is 'nowhere';
create user mapping for public server dummy_srv options (user 'u');
create foreign table cat.ft (a int) server dummy_srv options (table_name 'remote');
comment on foreign table cat.ft is 'a foreign table';
\dew dummy*
\dew+ dummy*
\des
\des+
\des nosuch
\deu
\deu+
\deu dummy_srv
\deu public
\det
\det+
\det cat.*
\det nosuch.ft
-- text search
create text search configuration cat.mycfg (copy = pg_catalog.english);
comment on text search configuration cat.mycfg is 'my config';
create text search dictionary cat.mydict (template = simple, stopwords = english);
\dF my*
\dF+ mycfg
\dF my*
\dF english
\dF+ english
\dF+ nosuch
\dFd my*
\dFd+ my*
\dFd+ simple
\dFp
\dFp+
\dFp+ nosuch
\dFt
\dFt+ simple
\dFt+ s*
-- languages
\dL
\dL+
\dLS
\dLS+ internal
\dL plpgsql
\dL a.b
-- role settings
\drds nosuch_role
\drds nosuch_role nosuch_db
\drds "" e2e_capture
-- publications and subscriptions
create table cat.p1 (a int primary key, b int, c text);
create table cat.p2 (x int);
-- (quiet: the server may warn that wal_level is too low to publish)
set client_min_messages = error;
create publication pub_all for all tables;
create publication pub_some for table cat.p1 (a, b) where (a > 1), cat.p2 with (publish = 'insert');
create publication pub_schema for tables in schema cat;
create publication pub_none;
reset client_min_messages;
\dRp
\dRp pub_s*
\dRp+
\dRp+ pub_some
\dRp+ nosuch
\dRs
\dRs+
\dRs nosuch
-- extended statistics
create statistics cat.st1 (ndistinct, dependencies) on a, b from cat.p1;
create statistics cat.st2 on a, (b + 1) from cat.p1;
\dX
\dX st1
\dX cat.*
\dX nosuch
-- event triggers
create function cat.evt() returns event_trigger language plpgsql as $$begin end$$;
create event trigger e2e_evt on ddl_command_start when tag in ('CREATE TABLE', 'DROP TABLE') execute function cat.evt();
comment on event trigger e2e_evt is 'watches tables';
\dy
\dy+
\dy e2e*
\dy nosuch
alter event trigger e2e_evt disable;
\dy e2e_evt
drop event trigger e2e_evt;
-- large objects
\dl
select lo_create(424242) is not null as made;
comment on large object 424242 is 'a blob';
\dl
\dl+
\lo_list
\lo_list+
select lo_unlink(424242);
-- \pset null does not reach the lists; \x does
\pset null (null)
\dD posint
\x on
\dy
\dew dummy_fdw
\x off
-- psql reads S and + anywhere after the letters that choose the list, and refuses unknown letters
\dcS+x myconv
\dconf myconv
\dX+ st1
\dlS
\dFx
\dRx
\dex
\drd
-- arguments each command reads, and those it leaves (warned about)
\drds nosuch_role nosuch_db extra
\lo_list one two three
\dl one two
\dy e2e* extra
drop server dummy_srv cascade;
drop foreign data wrapper dummy_fdw;
drop publication pub_all, pub_some, pub_schema, pub_none;
