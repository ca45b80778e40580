-- The text goes to the server as typed, its terminating ';' included: errors point where psql's do
SELECT 1 UNION;
SELECT 1 UNION
  ;
select 'a' ?? 'b';
SELECT 'one' AS x \; SELECT 1 UNION;
\set FETCH_COUNT 10
SELECT 1 UNION;
\unset FETCH_COUNT
;
select 1;;

-- combined queries: one message, every result shown
SELECT 1 AS one \; SELECT 2 AS two;
-- a syntax error stops all of it
SELECT 5 \; SELECT 6 + \; SELECT 7 ;
-- with an aborted transaction, stop at the first error
BEGIN \; SELECT 8 AS eight \; SELECT 9/0 AS nine \; ROLLBACK \; SELECT 10 AS ten ;
ROLLBACK;
-- one implicit transaction: an error rolls back the parts before it
CREATE TABLE comics(s TEXT);
INSERT INTO comics VALUES ('Calvin') \; SELECT 1/0 \; INSERT INTO comics VALUES ('Hobbes');
SELECT count(*) FROM comics;
INSERT INTO comics VALUES ('Susie') \; UPDATE comics SET s = upper(s) \; DELETE FROM comics WHERE s = 'MOE';
SELECT * FROM comics;
-- a result is printed once the next has arrived: the next statement's notices come first
CREATE FUNCTION warn(msg TEXT) RETURNS BOOLEAN LANGUAGE plpgsql
AS $$
  BEGIN RAISE NOTICE 'warn %', msg ; RETURN TRUE ; END
$$;
SELECT 1 AS one \; SELECT warn('1.5') \; SELECT 2 AS two ;
-- \gset applies to the last result only
SELECT 3 AS three \; SELECT warn('3.5') \; SELECT 4 AS four \gset
\echo :three :four
SELECT 'shown' AS s \; SELECT 1/0 \gset
-- \gdesc describes one statement: the server refuses several
SELECT 1 AS a \; SELECT 2 AS b \gdesc
SELECT '{"a":1}'::jsonb ? 'a' AS q, 1 AS b \gdesc
\set SHOW_ALL_RESULTS off
SELECT 1 AS one \; SELECT warn('1.5') \; SELECT 2 AS two ;
INSERT INTO comics VALUES ('Moe') \; SELECT 1/0;
\set SHOW_ALL_RESULTS on
DROP FUNCTION warn(TEXT);

-- AUTOCOMMIT and combined queries
\set AUTOCOMMIT off
CREATE TABLE foo(s TEXT) \;
ROLLBACK;
CREATE TABLE foo(s TEXT) \;
INSERT INTO foo(s) VALUES ('hello'), ('world') \;
COMMIT;
DROP TABLE foo \;
ROLLBACK;
SELECT * FROM foo ORDER BY 1 \;
DROP TABLE foo \;
COMMIT;
\set AUTOCOMMIT on
BEGIN \;
CREATE TABLE foo(s TEXT) \;
INSERT INTO foo(s) VALUES ('hello'), ('world') \;
COMMIT;
BEGIN \;
DROP TABLE foo \;
ROLLBACK \;
SELECT * FROM foo ORDER BY 1 \;
DROP TABLE foo;

-- ON_ERROR_ROLLBACK and combined queries
CREATE FUNCTION psql_error(msg TEXT) RETURNS BOOLEAN AS $$
  BEGIN
    RAISE EXCEPTION 'error %', msg;
  END;
$$ LANGUAGE plpgsql;
\set ON_ERROR_ROLLBACK on
CREATE TABLE bla(s TEXT);
BEGIN;
INSERT INTO bla VALUES ('Susie');
INSERT INTO bla VALUES ('Rosalyn') \;
SELECT 'before error' AS show \;
  SELECT psql_error('boum!') \;
  SELECT 'after error' AS noshow;
INSERT INTO bla VALUES ('Miss Wormwood');
COMMIT;
SELECT * FROM bla ORDER BY 1;
\set AUTOCOMMIT off
INSERT INTO bla VALUES ('Mum') \;
SELECT COUNT(*) AS "#mum"
FROM bla WHERE s = 'Mum' \;
SELECT psql_error('bad!');
COMMIT;
SELECT COUNT(*) AS "#mum" FROM bla WHERE s = 'Mum';
\set AUTOCOMMIT on
\set ON_ERROR_ROLLBACK off
DROP TABLE bla;
DROP FUNCTION psql_error;
SELECT 'done' AS last;
