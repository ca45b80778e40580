-- \lo_import, \lo_export, \lo_unlink, run with -q (the OIDs they print differ from run to run): each in a
-- transaction of its own (BEGIN and COMMIT show under ECHO_HIDDEN), in the user's, refused in a failed one
\! printf 'hello\nworld\n' > in.txt
\lo_import in.txt 'my ''file'''
\set first :LASTOID
\set ECHO_HIDDEN on
\lo_import in.txt
\set ECHO_HIDDEN off
select count(*), string_agg(coalesce(d.description, '-'), ',' order by m.oid)
  from pg_largeobject_metadata m left join pg_description d on d.objoid = m.oid and d.classoid = 'pg_largeobject'::regclass;
\lo_export :first out.txt
\! cmp in.txt out.txt && echo same
\! head -c 2500000 /dev/urandom > big.bin
\lo_import big.bin
\lo_export :LASTOID big.out
\! cmp big.bin big.out && echo big same
\lo_import nosuch.txt
\lo_export 4000000000 out2.txt
\lo_export :first nosuchdir/out.txt
\lo_unlink 4000000000
\lo_unlink abc
\lo_unlink
\lo_export 1
\lo_import
begin;
\lo_import in.txt
select 1/0;
\lo_import in.txt
rollback;
\set AUTOCOMMIT off
\set ECHO_HIDDEN on
\lo_unlink :first
\set ECHO_HIDDEN off
rollback;
\set AUTOCOMMIT on
select count(*) from pg_largeobject_metadata;
\lo_unlink :first
select count(*) from pg_largeobject_metadata;
\lo_import in.txt extra1 extra2
