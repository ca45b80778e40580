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
