-- Run after exercise_schema.sql: the same tables after the key swap, plus a view, described as psql 15 does.
CREATE VIEW store_summary AS SELECT store_id, count(*) AS products FROM products GROUP BY store_id;
COMMENT ON TABLE stores IS 'one row per tenant';
\d
\d line_items
\d+ orders
\d+ stores
\d line_items_pkey
\d+ line_items_line_item_id_seq
\dt
\dt line*
\dt public.*
\di
\ds
\dv
\d store_summary
\d+ store_summary
\df create_orders
\df+ backfill_batch
\df nosuch
\dn
\dx
\dx+ plpgsql
\d nosuch
\d public.*
\x
\dt
\d stores
\x
\duS pg_read_all_data
