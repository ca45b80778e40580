-- The Tailspin Toys exercise, every SQL block in order exactly as written (../shared/seed),
-- except: the download (offline: the test puts data.zip beside the script), and the sample output block.
-- pg_cron is not installed on the test server: psql fails its statements, shardprep schedules on the client.

CREATE TABLE stores
(
    store_id bigserial PRIMARY KEY,
    name text,
    category text
);

CREATE TABLE products
(
    product_id bigserial PRIMARY KEY,
    store_id bigint REFERENCES stores (store_id),
    name text,
    description text,
    price numeric
);

CREATE TABLE orders
(
    order_id bigserial PRIMARY KEY,
    store_id bigint REFERENCES stores (store_id),
    status text,
    billing_address text,
    shipping_address text,
    ordered_at timestamp
);

CREATE TABLE line_items
(
    line_item_id bigserial PRIMARY KEY,
    product_id bigint REFERENCES products (product_id),
    order_id bigint REFERENCES orders (order_id),
    quantity bigint,
    line_amount numeric
);

SET CLIENT_ENCODING TO 'utf8';

-- \! curl -L -O '...data.zip'   (offline: data.zip is already here)

\! unzip data.zip

BEGIN;
\COPY stores FROM stores.csv WITH CSV HEADER;
SELECT setval('stores_store_id_seq', MAX(store_id)) FROM stores;
COMMIT;

BEGIN;
\COPY products FROM products.csv WITH CSV;
SELECT setval('products_product_id_seq', MAX(product_id)) FROM products;
COMMIT;

BEGIN;
\COPY orders FROM PROGRAM 'cat orders*.csv' WITH CSV;
SELECT setval('orders_order_id_seq', MAX(order_id)) FROM orders;
COMMIT;

BEGIN;
\COPY line_items FROM PROGRAM 'cat line_items*.csv' WITH CSV;
SELECT setval('line_items_line_item_id_seq', MAX(line_item_id)) FROM line_items;
COMMIT;

SELECT COUNT(*) FROM stores;      -- Count should be 442
SELECT COUNT(*) FROM products;    -- Count should be 10002
SELECT COUNT(*) FROM orders;      -- Count should be 1999680
SELECT COUNT(*) FROM line_items;  -- Count should be 4002959

SELECT oid, extname, extversion FROM pg_extension;

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

\timing

SELECT create_orders(20000);

SELECT cron.schedule('create_orders', '*/1 * * * *', 'SELECT create_orders(20000);');

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

SELECT count(*) FROM line_items WHERE store_id IS NULL;

SELECT * FROM cron.job;

SELECT cron.unschedule('backfill');

CREATE UNIQUE INDEX CONCURRENTLY orders_tmp_idx ON orders (store_id, order_id);
CREATE UNIQUE INDEX CONCURRENTLY products_tmp_idx ON products (store_id, product_id);
CREATE UNIQUE INDEX CONCURRENTLY line_items_tmp_idx ON line_items (store_id, line_item_id);

BEGIN;

-- Swap out the primary key for the unique index
ALTER TABLE orders
  DROP CONSTRAINT orders_pkey CASCADE,
  ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_tmp_idx;

-- Re-create the foreign key on the line_items table (dropped by CASCADE)
ALTER TABLE line_items
  ADD CONSTRAINT line_items_orders_fkey FOREIGN KEY (store_id, order_id) REFERENCES orders (store_id, order_id);

COMMIT;

BEGIN;

-- Swap out the primary key for the unique index
ALTER TABLE products
  DROP CONSTRAINT products_pkey CASCADE,
  ADD CONSTRAINT products_pkey PRIMARY KEY USING INDEX products_tmp_idx;

-- Re-create the foreign key on the line_items table (dropped by CASCADE)
ALTER TABLE line_items
  ADD CONSTRAINT line_items_products_fkey FOREIGN KEY (store_id, product_id) REFERENCES products (store_id, product_id);

COMMIT;

BEGIN;

-- Swap out the primary key for the unique index
ALTER TABLE line_items
  DROP CONSTRAINT line_items_pkey,
  ADD CONSTRAINT line_items_pkey PRIMARY KEY USING INDEX line_items_tmp_idx;

-- Create a foreign key to the stores table (this did not exist previously)
ALTER TABLE line_items
  ADD CONSTRAINT line_items_store_id_fkey FOREIGN KEY (store_id) REFERENCES stores (store_id);

COMMIT;

SELECT create_orders(20000);

\d line_items
\d orders
\d+ stores

\q
