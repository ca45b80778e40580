-- The Tailspin Toys exercise, "prepare a single-node database for distribution", as one replayable script.
--
--   scripts/shardprep -f scripts/tailspin-exercise.sql                   (the exercise's 6 M rows: a few minutes)
--   scripts/shardprep -v scale=0.01 -f scripts/tailspin-exercise.sql     (a small data set: under two minutes)
--   replay scripts/tailspin-exercise.sql --typing 40                     (at the shardprep prompt, for an audience)
--
-- It follows the exercise section by section, with its SQL as written, except where the exercise downloads
-- data.zip (load-all makes the same files at the chosen scale, offline) and where it swaps the keys (swap-pk
-- run does it without blocking the application's writes; swap-pk run --as-exercise is the text as written).
-- pg_cron's SQL works on any server: where pg_cron is missing, shardprep schedules on the client.
-- Run it on an empty database: load-all --fresh replaces the four tables.

\set ON_ERROR_STOP on
\if :{?scale}
\else
    \set scale 1
\endif

-- ## Create tables and ingest data
-- load-all creates the exercise's four tables exactly as written, loads the data set with COPY and sets the
-- sequences as the exercise's \COPY transactions do; the counts below are the exercise's at scale 1.
SET CLIENT_ENCODING TO 'utf8';
load-all --scale :scale --fresh --yes

SELECT COUNT(*) FROM stores;      -- Count should be 442
SELECT COUNT(*) FROM products;    -- Count should be 10002
SELECT COUNT(*) FROM orders;      -- Count should be 1999680
SELECT COUNT(*) FROM line_items;  -- Count should be 4002959

-- ## Verify that the pg_cron extension is installed
-- (on a server without it, the cron.* statements below are answered by shardprep's client scheduler)
\dx

-- ## Create and run a function to add orders to the database
CREATE OR REPLACE FUNCTION create_orders(batch_size int)
RETURNS void 
LANGUAGE plpgsql
AS
$$
DECLARE
    ord_id bigint;
    st_id bigint;
    prod_id bigint;
    prod_price numeric;
    quantity int;
    line_amt numeric;
    store_count bigint := (SELECT COUNT(*) FROM stores);
    product_count bigint;
BEGIN
    FOR j IN 1..batch_size LOOP
        -- Retrieve a random store, skewing to store_id 5.
        IF j % 3 = 0 THEN
            st_id := 5;
        ELSE
            st_id := floor(random() * store_count + 1);
        END IF;
        
        ord_id := (SELECT nextval('orders_order_id_seq'));

        -- Insert a new order
        INSERT INTO orders (order_id, store_id, status, billing_address, shipping_address, ordered_at)
        VALUES(ord_id, st_id, 'Pending', '123 Main St.', null, NOW()::date);
                
        -- Insert 1-3 line items for the order
        FOR i IN 1..floor(random() * (3) + 1) LOOP
            -- Retrieve a random product associated with the selected store.
            product_count := (SELECT count(*) FROM products WHERE store_id = st_id);
            prod_id = (SELECT product_id FROM products WHERE store_id = st_id OFFSET floor(random() * product_count) LIMIT 1);
            prod_price = (SELECT price FROM products WHERE store_id = st_id AND product_id = prod_id);
            quantity = floor(random() * (4) + 1);
            line_amt = prod_price * quantity;

            -- Insert a new line_item row
            INSERT INTO line_items (line_item_id, product_id, order_id, quantity, line_amount)
            VALUES(DEFAULT, prod_id, ord_id, quantity, line_amt);
        END LOOP;
    END LOOP;
END;
$$;

-- Note the time: the same call is timed again after the key swap, and compared.
\timing on
SELECT create_orders(20000);
timing label before
\timing off

SELECT cron.schedule('create_orders', '*/1 * * * *', 'SELECT create_orders(20000);');

-- ## Add distribution key and backfill missing values
ALTER TABLE line_items ADD COLUMN store_id bigint;

CREATE OR REPLACE FUNCTION backfill_batch(batch_size bigint)
RETURNS void
LANGUAGE PLPGSQL
AS
$$
BEGIN
    WITH batch AS (
        SELECT line_item_id, order_id
        FROM line_items
        WHERE store_id IS NULL
        LIMIT batch_size
            FOR UPDATE
            SKIP LOCKED
    )
    UPDATE line_items AS li
        SET store_id = orders.store_id
    FROM batch, orders
    WHERE batch.line_item_id = li.line_item_id
        AND batch.order_id = orders.order_id;
END;
$$;

SELECT cron.schedule('backfill', '*/1 * * * *', 'SELECT backfill_batch(1000000);');

-- ## Update application queries
CREATE OR REPLACE FUNCTION create_orders(batch_size int)
RETURNS void 
LANGUAGE plpgsql
AS
$$
DECLARE
    ord_id bigint;
    st_id bigint;
    prod_id bigint;
    prod_price numeric;
    quantity int;
    line_amt numeric;
    store_count bigint := (SELECT COUNT(*) FROM stores);
    product_count bigint;
BEGIN
    FOR j IN 1..batch_size LOOP
        -- Retrieve a random store, skewing to store_id 5.
        IF j % 3 = 0 THEN
            st_id := 5;
        ELSE
            st_id := floor(random() * store_count + 1);
        END IF;
        
        ord_id := (SELECT nextval('orders_order_id_seq'));

        -- Insert a new order
        INSERT INTO orders (order_id, store_id, status, billing_address, shipping_address, ordered_at)
        VALUES(ord_id, st_id, 'Pending', '123 Main St.', null, NOW()::date);
                
        -- Insert 1-3 line items for the order
        FOR i IN 1..floor(random() * (3) + 1) LOOP
            -- Retrieve a random product associated with the selected store.
            product_count := (SELECT count(*) FROM products WHERE store_id = st_id);
            prod_id = (SELECT product_id FROM products WHERE store_id = st_id OFFSET floor(random() * product_count) LIMIT 1);
            prod_price = (SELECT price FROM products WHERE store_id = st_id AND product_id = prod_id);
            quantity = floor(random() * (4) + 1);
            line_amt = prod_price * quantity;

            -- Insert a new line_item row
            INSERT INTO line_items (line_item_id, product_id, order_id, quantity, line_amount, store_id)
            VALUES(DEFAULT, prod_id, ord_id, quantity, line_amt, st_id);
        END LOOP;
    END LOOP;
END;
$$;

-- ## Verify backfill and stop the scheduled job
-- The exercise runs the count every minute or two until it is zero; backfill-status --watch does that for you
-- (the backfill job runs at the top of each minute).
backfill-status --watch
SELECT count(*) FROM line_items WHERE store_id IS NULL;
SELECT * FROM cron.job;
SELECT cron.unschedule('backfill');

-- ## Update table keys to include the distribution column
-- swap-pk plan shows the steps; swap-pk run makes the exercise's keys (the same names and definitions) with no
-- step holding the application's inserts for more than a short lock_timeout.
swap-pk plan
swap-pk run

-- With the table keys swapped, time create_orders again and compare: more than tenfold faster at scale 1.
\timing on
SELECT create_orders(20000);
timing label after
\timing off
timing compare before after

-- ## Ready for the next exercise: distributing with Citus
check-distribution

SELECT cron.unschedule('create_orders');
