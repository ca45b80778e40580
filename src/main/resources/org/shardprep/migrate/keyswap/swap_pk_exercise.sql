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
