-- More rows than one printer chunk: must still match psql's output byte for byte.
select g, md5(g::text) as hash, g % 7 = 0 as seventh from generate_series(1, 25000) g;
