-- psql's HIDE_TABLEAM and HIDE_TOAST_COMPRESSION (pg_regress runs psql with both on): \d+ leaves out the
-- "Access method:" footer and the Compression column, \dt+ \di+ \dm+ the Access method column
create table hidden_t (id int primary key, note text);
create materialized view hidden_m as select id from hidden_t;
\echo :HIDE_TABLEAM :HIDE_TOAST_COMPRESSION
\d+ hidden_t
\d+ hidden_m
\dt+ hidden_t
\di+ hidden_t_pkey
\dm+ hidden_m
\set HIDE_TABLEAM off
\d+ hidden_t
\dt+ hidden_t
\set HIDE_TOAST_COMPRESSION nonsense
\unset HIDE_TOAST_COMPRESSION
\d+ hidden_m
