-- The exercise's four tables before the key swap, described as psql 15 describes them.
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
\d
\d stores
\d line_items
\d+ orders
\d products_pkey
\d stores_store_id_seq
\dt
\dt line*
\dt public.*
\dt PUBLIC.Line_Items
\dt pub?ic.st*
\dt "MixedCase"
\di
\ds
\dv
\dn
\dx
\d nosuch
\dt nosuch
\dt x.y.z
\dt a.b.c.d
\duS pg_read_all_data
