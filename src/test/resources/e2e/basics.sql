-- Output, command tags, notices and errors, as psql prints them.
create table t (id int primary key, name text, price numeric, note text);
insert into t values (1, 'héllo', 1.50, null), (2, '日本語', 22.25, 'two' || chr(10) || 'lines'), (3, 'x', -3, '');
select * from t order by id;
select id, name from t where id > 5;
update t set price = price * 2 where id < 3;
delete from t where id = 3;
select 1 as a, 'b' as b, null as c, true as d, 1.5::float8 as e, now()::date = current_date as today;
insert into t values (4, 'four', 4, null) returning id, name;
select;
do $$ begin raise notice 'hello from DO'; raise warning 'careful'; end $$;
select * from nosuchtable;
select id,
       name,
       nosuchcolumn
from t;
create table child (id int references t (id));
insert into child values (99);
create function boom() returns int language plpgsql as $$ begin return 1/0; end $$;
select boom();
begin;
select 1/0;
select 1;
rollback;
select 'a;b' as semi, $tag$ $x$ ; $tag$ as dollar, "id" from t /* ; /* nested ; */ */ where id = 1;
select 1 \; select 2;
\echo plain echo 'quoted words' "double"
select 'via g' \g
create function add_one(i int) returns int language sql
begin atomic
  select i + 1;
end;
select add_one(41);
select E'tab\there' as e, 'it''s' as quoted;
set standard_conforming_strings = off;
select 'back\'slash' as old_style;
set standard_conforming_strings = on;
select g, md5(g::text) from generate_series(1, 3) g
